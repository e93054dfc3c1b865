// Builds segments for canonicalToIdoc: fields are set only when they have a value, units are
// written as the ISO code and, where a segment has both, the SAP unit.
import { UnitError } from '../../../src/errors/unit-error.js';
import type { Segment } from '../idoc.js';
import type { ResolvedIdocMappingOptions } from './idoc-mapping-options.js';
import { toSapDateTime } from './sap-timestamp.js';

/** Builds one segment for an outbound IDoc, field by field, in SAP's value formats. */
export class SegmentBuilder {
  readonly segment: Segment;

  constructor(
    name: string,
    private readonly options: ResolvedIdocMappingOptions,
  ) {
    this.segment = { name, segnum: '', fields: {}, children: [] };
  }

  /** Sets a field when the value is given and not empty. */
  set(field: string, value: string | undefined): this {
    if (value !== undefined && value !== '') this.segment.fields[field] = value;
    return this;
  }

  /** Sets a flag field to X when true. */
  flag(field: string, value: boolean | undefined): this {
    return this.set(field, value === true ? 'X' : undefined);
  }

  /** Sets the SAP unit field (through `toSap`) and, if named, the ISO unit field. */
  unit(field: string | undefined, isoField: string | undefined, unit: string | undefined): this {
    if (unit === undefined) return this;
    if (isoField !== undefined) this.set(isoField, unit);
    if (field !== undefined) this.set(field, isoField === undefined ? unit : this.sapUnit(unit));
    return this;
  }

  /** Sets a date field and a time field from an RFC 3339 timestamp, in the options' zone. */
  timestamp(dateField: string, timeField: string | undefined, timestamp: string | undefined): this {
    if (timestamp === undefined) return this;
    const { date, time } = toSapDateTime(timestamp, this.options.timeZone);
    this.set(dateField, date);
    return timeField === undefined ? this : this.set(timeField, time);
  }

  add(...children: readonly (SegmentBuilder | Segment)[]): this {
    for (const child of children)
      this.segment.children.push(child instanceof SegmentBuilder ? child.segment : child);
    return this;
  }

  private sapUnit(unit: string): string {
    try {
      return this.options.units.toSap(unit);
    } catch (error) {
      if (error instanceof UnitError) return unit;
      throw error;
    }
  }
}
