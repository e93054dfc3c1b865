// Reads the fields of one segment for a mapping, with errors that name SEGMENT/FIELD, the
// SAP value rules of sap-values.ts and the unit registry.
import { MappingError } from '../../../src/errors/mapping-error.js';
import { UnitError } from '../../../src/errors/unit-error.js';
import type { Quantity } from '../../../src/model/common.js';
import { FlatSegment } from '../flat/flat-segment.js';
import type { Segment } from '../idoc.js';
import type { ResolvedIdocMappingOptions } from './idoc-mapping-options.js';
import { toTimestamp } from './sap-timestamp.js';
import { readSapDate, readSapFlag, readSapKey, readSapNumber, readSapTime } from './sap-values.js';

/** Reads the fields of one segment for a mapping (see the file comment). */
export class SegmentReader {
  constructor(
    readonly segment: Segment,
    private readonly options: ResolvedIdocMappingOptions,
  ) {}

  /** `SEGMENT/FIELD`, for errors. */
  location(field: string): string {
    return `${this.segment.name}/${field}`;
  }

  /**
   * Whether the segment can hold the field: always for IDoc-XML and segments built in code; for
   * a flat-file segment, whether its field layout reaches the field.
   */
  readable(field: string): boolean {
    return isReadable(this.segment, field);
  }

  /** `SEGMENT/FIELD` of each field the segment's layout does not reach. */
  unreadable(...fields: string[]): string[] {
    return fields.filter((field) => !this.readable(field)).map((field) => this.location(field));
  }

  /** A field's text, or undefined when blank or absent. */
  text(field: string): string | undefined {
    const value = this.segment.fields[field]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** The first of several fields that has a value (`MATNR_LONG`, then `MATNR`). */
  first(...fields: string[]): string | undefined {
    for (const field of fields) {
      const value = this.text(field);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /**
   * A field that must have a value.
   * @throws {MappingError} `INVALID_SOURCE_DATA` when it is blank, with a hint when the segment
   *   was read without a field layout.
   */
  required(field: string, ...alternatives: string[]): string {
    const value = this.first(field, ...alternatives);
    if (value !== undefined) return value;
    throw missingField(this.segment, field);
  }

  /** A material (or other ALPHA) number, leading zeros kept unless the options strip them. */
  key(field: string, ...alternatives: string[]): string | undefined {
    const value = this.first(field, ...alternatives);
    return value === undefined ? undefined : readSapKey(value, this.options.stripLeadingZeros);
  }

  requiredKey(field: string, ...alternatives: string[]): string {
    return readSapKey(this.required(field, ...alternatives), this.options.stripLeadingZeros);
  }

  number(field: string): string | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : readSapNumber(value, this.location(field));
  }

  date(field: string): string | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : readSapDate(value, this.location(field));
  }

  flag(field: string): boolean {
    return readSapFlag(this.text(field));
  }

  /** A date field and its time field as an RFC 3339 timestamp in the options' zone; undefined without a date. */
  timestamp(dateField: string, timeField: string | undefined): string | undefined {
    const date = this.date(dateField);
    if (date === undefined) return undefined;
    const time = timeField === undefined ? undefined : this.text(timeField);
    const seconds = time === undefined ? 0 : readSapTime(time, this.location(timeField as string));
    return toTimestamp(date, seconds, this.options.timeZone);
  }

  /**
   * A unit: the ISO field (Rec 20, as ALE writes it) if given, else the unit field. ISO codes are
   * resolved with `resolve` (aliases, Rec 20, SAP, UCUM); SAP internal units with `fromSap` (your
   * `sapUnits`, SAP's table, ISO), then with `resolve` for plant aliases.
   * @throws {MappingError} `INVALID_SOURCE_DATA` for a unit the registry does not know.
   */
  unit(field: string, isoField?: string): string | undefined {
    const { units } = this.options;
    const iso = isoField === undefined ? undefined : this.text(isoField);
    if (iso !== undefined) return this.resolveUnit(iso, isoField as string, [(code) => units.resolve(code)]);
    const sap = this.text(field);
    if (sap === undefined) return undefined;
    return this.resolveUnit(sap, field, [(code) => units.fromSap(code), (code) => units.resolve(code)]);
  }

  /** A unit that must be given. */
  requiredUnit(field: string, isoField?: string): string {
    const unit = this.unit(field, isoField);
    if (unit === undefined) throw missingField(this.segment, isoField ?? field);
    return unit;
  }

  /** A quantity from a number field and its unit fields; undefined when the number is blank. */
  quantity(field: string, unitField: string, isoField?: string, fallbackUnit?: string): Quantity | undefined {
    const value = this.number(field);
    if (value === undefined) return undefined;
    const unit = this.unit(unitField, isoField) ?? fallbackUnit;
    if (unit === undefined) throw missingField(this.segment, unitField);
    return { value, unit };
  }

  private resolveUnit(code: string, field: string, resolvers: readonly ((code: string) => string)[]): string {
    let failure: unknown;
    for (const resolve of resolvers) {
      try {
        return resolve(code);
      } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        failure ??= error;
      }
    }
    const location = this.location(field);
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${location} = ${JSON.stringify(code)} is not a known unit`,
      { domain: 'unit', value: code, location },
      { cause: failure },
    );
  }
}

/** Whether a segment can hold a field (see {@link SegmentReader.readable}). */
export function isReadable(segment: Segment, field: string): boolean {
  return !(segment instanceof FlatSegment) || (segment.layout?.fieldSet.has(field) ?? false);
}

/**
 * The error for a field a mapping needs but the segment does not hold; `remedy` names another
 * way out than loading the IDoc type's WE60 export (e.g. an option).
 */
export function missingField(segment: Segment, field: string, remedy?: string): MappingError {
  const location = `${segment.name}/${field}`;
  const load = `load your WE60 export of the IDoc type${remedy === undefined ? '' : `, or ${remedy}`}`;
  const hint = isReadable(segment, field)
    ? ''
    : !isRaw(segment)
      ? `; the field layout of ${segment.name} stops before ${field} (${load})`
      : `; the segment was read without a field layout (${load})`;
  return new MappingError('INVALID_SOURCE_DATA', `${location} is missing${hint}`, { location });
}

/** Every segment of a type in a tree, depth first. */
export function findSegments(segments: readonly Segment[], type: string): Segment[] {
  const found: Segment[] = [];
  const visit = (list: readonly Segment[]) => {
    for (const segment of list) {
      if (segment.name === type) found.push(segment);
      visit(segment.children);
    }
  };
  visit(segments);
  return found;
}

/** Whether a segment was read from a flat file without any field layout (it holds raw text only). */
export function isRaw(segment: Segment): boolean {
  return segment instanceof FlatSegment && (segment.layout?.fieldNames.length ?? 0) === 0;
}

/** The types of segments in a tree that were read without a field layout. */
export function rawSegments(segments: readonly Segment[], types: readonly string[]): string[] {
  return types.filter((type) => findSegments(segments, type).some(isRaw));
}
