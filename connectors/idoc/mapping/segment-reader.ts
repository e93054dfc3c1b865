// Reads the fields of one segment for a mapping, with errors that name SEGMENT/FIELD, the SAP
// value rules of sap-values.ts and the unit registry. Every read is of a field whose value is
// known (field-knowledge.ts): reading one that is not throws, so no value is ever decided from
// data that could not be read. `UnknownValues.optional` turns that error into "unknown" where
// the canonical value is optional.
import { MappingError } from '../../../src/errors/mapping-error.js';
import { UnitError } from '../../../src/errors/unit-error.js';
import type { Quantity } from '../../../src/model/common.js';
import type { Segment } from '../idoc.js';
import { isKnown, unreadField } from './field-knowledge.js';
import type { ResolvedIdocMappingOptions } from './idoc-mapping-options.js';
import { toTimestamp } from './sap-timestamp.js';
import {
  readSapDate,
  readSapFlag,
  readSapKey,
  readSapNumber,
  readSapSignedQuantity,
  readSapTime,
  type SignedQuantityFormat,
} from './sap-values.js';

/** Reads the fields of one segment for a mapping (see the file comment). */
export class SegmentReader {
  /**
   * @param segment - the segment to read.
   * @param options - the resolved mapping options (units, time zone, key format).
   * @param basicType - the IDoc's basic type, named in errors about layouts.
   */
  constructor(
    readonly segment: Segment,
    private readonly options: ResolvedIdocMappingOptions,
    private readonly basicType: string,
  ) {}

  /** `SEGMENT/FIELD`, for errors. */
  location(field: string): string {
    return `${this.segment.name}/${field}`;
  }

  /** Whether the field's value is known (see field-knowledge.ts). */
  known(field: string): boolean {
    return isKnown(this.segment, field);
  }

  /**
   * A field's text, or undefined when it is blank or absent.
   * @throws {MappingError} `INVALID_SOURCE_DATA` when its value is not known (see field-knowledge.ts).
   */
  text(field: string): string | undefined {
    if (!this.known(field)) throw unreadField(this.segment, field, this.basicType);
    const value: unknown = this.segment.fields[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      throw new MappingError('INVALID_SOURCE_DATA', `${this.location(field)} is not text`, {
        location: this.location(field),
      });
    }
    const text = value.trim();
    return text === '' ? undefined : text;
  }

  /**
   * The first of several fields that has a value (`MATNR_LONG`, then `MATNR`). A field is read
   * only after every field before it is known to be blank, so a later field never stands in for
   * an earlier one that could not be read.
   */
  first(...fields: string[]): string | undefined {
    for (const field of fields) {
      const value = this.text(field);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /**
   * A field that must have a value; `alternatives` are read in its place, in order, while it is blank.
   * @throws {MappingError} `INVALID_SOURCE_DATA` when all of them are blank, naming `field`.
   */
  required(field: string, ...alternatives: string[]): string {
    const value = this.first(field, ...alternatives);
    if (value !== undefined) return value;
    throw missingField(this.segment, field, alternatives);
  }

  /** A material (or other ALPHA) number, leading zeros kept unless the options strip them. */
  key(field: string, ...alternatives: string[]): string | undefined {
    const value = this.first(field, ...alternatives);
    return value === undefined ? undefined : readSapKey(value, this.options.stripLeadingZeros);
  }

  /** A material (or other ALPHA) number that must be given (see {@link required}). */
  requiredKey(field: string, ...alternatives: string[]): string {
    return readSapKey(this.required(field, ...alternatives), this.options.stripLeadingZeros);
  }

  /** A number as an exact decimal string (see `readSapNumber`); undefined when blank. */
  number(field: string): string | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : readSapNumber(value, this.location(field));
  }

  /** A BAPI quantity in its fixed layout with a trailing sign (see `readSapSignedQuantity`). */
  signedQuantity(field: string, format: SignedQuantityFormat): string | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : readSapSignedQuantity(value, this.location(field), format);
  }

  /** A date `YYYY-MM-DD`; undefined when blank or 00000000. */
  date(field: string): string | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : readSapDate(value, this.location(field));
  }

  /**
   * An indicator: blank is false, X true, and so are the values of `alsoTrue` (see `readSapFlag`).
   * @throws {MappingError} `INVALID_SOURCE_DATA` for any other value.
   */
  flag(field: string, alsoTrue: readonly string[] = []): boolean {
    return readSapFlag(this.text(field), this.location(field), alsoTrue);
  }

  /**
   * An indicator that is undefined when blank, else as {@link flag} reads it.
   * @throws {MappingError} `INVALID_SOURCE_DATA` for a value that is not an indicator.
   */
  optionalFlag(field: string, alsoTrue: readonly string[] = []): boolean | undefined {
    return this.text(field) === undefined ? undefined : this.flag(field, alsoTrue);
  }

  /**
   * A date field and its time field as an RFC 3339 timestamp in the options' zone; undefined
   * without a date. The time is read only when there is a date, and must then be given: SAP
   * writes midnight as `000000` (and the end of a day as `240000`), so a blank or absent time
   * says nothing about the time of day. Taking it as 00:00 would make an order due a day early
   * where the date is a finish date, and no SAP documentation gives a blank time another meaning.
   * @throws {MappingError} `INVALID_SOURCE_DATA` at the time field when the date has no time.
   */
  timestamp(dateField: string, timeField: string): string | undefined {
    const date = this.date(dateField);
    if (date === undefined) return undefined;
    const time = this.text(timeField);
    if (time === undefined) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `${this.location(timeField)} is missing: ${this.location(dateField)} = ${date} has no time, and a date ` +
          'without its time is not an instant (SAP writes midnight as 000000)',
        { location: this.location(timeField) },
      );
    }
    return toTimestamp(date, readSapTime(time, this.location(timeField)), this.options.timeZone);
  }

  /**
   * A unit: the ISO field (Rec 20, as ALE writes it) when it is given and not blank, else the
   * unit field. ISO codes are resolved with `resolve`; SAP internal units with `fromSap` (your
   * `sapUnits`, SAP's table), then with `resolve` for plant aliases.
   * @throws {MappingError} `INVALID_SOURCE_DATA` for a unit the registry does not know, or one
   *   whose readings mean different units (the message names each and how to choose).
   */
  unit(field: string, isoField?: string): string | undefined {
    const { units } = this.options;
    const iso = isoField === undefined ? undefined : this.text(isoField);
    if (iso !== undefined) return this.resolveUnit(iso, isoField as string, [units.resolve]);
    const sap = this.text(field);
    if (sap === undefined) return undefined;
    return this.resolveUnit(sap, field, [units.fromSap, units.resolve]);
  }

  /** The field {@link unit} reads: the ISO field when it is given and not blank, else the unit field. */
  unitField(field: string, isoField?: string): string {
    return isoField !== undefined && this.text(isoField) !== undefined ? isoField : field;
  }

  /**
   * A quantity from a number field and its unit fields; undefined when the number is blank.
   * @throws {MappingError} `INVALID_SOURCE_DATA` when the number is given and its unit is blank.
   */
  quantity(field: string, unitField: string, isoField?: string): Quantity | undefined {
    const value = this.number(field);
    if (value === undefined) return undefined;
    const unit = this.unit(unitField, isoField);
    if (unit === undefined) throw missingField(this.segment, unitField);
    return { value, unit };
  }

  private resolveUnit(code: string, field: string, resolvers: readonly ((code: string) => string)[]): string {
    let failure: UnitError | undefined;
    for (const resolve of resolvers) {
      try {
        return resolve(code);
      } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        if (failure === undefined || error.code === 'AMBIGUOUS_UNIT') failure = error;
      }
    }
    const location = this.location(field);
    const message =
      failure?.code === 'AMBIGUOUS_UNIT'
        ? `${location} = ${failure.message}; say which your system means with an alias of the unit registry: createUnitRegistry({ aliases: { ${JSON.stringify(code)}: 'the code meant' } })`
        : `${location} = ${JSON.stringify(code)} is not a known unit`;
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      message,
      { domain: 'unit', value: code, location },
      { cause: failure },
    );
  }
}

/**
 * The error for a field a mapping needs that is blank (or absent). It names the field the
 * mapping read first; `alternatives` (read in its place) are named in the text only.
 */
export function missingField(
  segment: Segment,
  field: string,
  alternatives: readonly string[] = [],
): MappingError {
  const location = `${segment.name}/${field}`;
  const others =
    alternatives.length === 0
      ? ''
      : ` (${alternatives.join(', ')}, read in its place, ${alternatives.length === 1 ? 'is' : 'are'} blank too)`;
  return new MappingError('INVALID_SOURCE_DATA', `${location} is missing${others}`, { location });
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
