// Builds segments for canonicalToIdoc: fields are set only when they have a value, units are
// written as the ISO code and, where a segment has an SAP unit field, as SAP's unit.
import { MappingError } from '../../../src/errors/mapping-error.js';
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

  /**
   * Sets a unit field that carries the code as it is (the LOI segments of LOIPRO, whose units
   * SAP sends as ISO codes where they are customised).
   */
  isoUnit(field: string, unit: string | undefined): this {
    return this.set(field, unit);
  }

  /**
   * Sets an SAP unit field with `toSap` and, if the segment has one, its ISO field with the code.
   * Where there is an ISO field and the unit has no SAP code, the SAP field stays blank (SAP
   * converts the ISO code); without an ISO field that is an error, since a canonical code in an
   * SAP unit field could name another unit there.
   * @throws {MappingError} `INVALID_SOURCE_DATA` at `location` (a JSON Pointer) for a unit with
   *   no SAP code and no ISO field to carry it.
   */
  sapUnit(field: string, isoField: string | undefined, unit: string | undefined, location: string): this {
    if (unit === undefined) return this;
    if (isoField !== undefined) this.set(isoField, unit);
    let sap: string | undefined;
    try {
      sap = this.options.units.toSap(unit);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      if (isoField === undefined) {
        throw new MappingError(
          'INVALID_SOURCE_DATA',
          `${location}: unit ${unit} has no SAP unit for ${this.segment.name}/${field} (declare one with the registry's sapUnits)`,
          { location, value: unit },
          { cause: error },
        );
      }
    }
    return this.set(field, sap);
  }

  /** Sets a date field and a time field from an RFC 3339 timestamp, in the options' zone. */
  timestamp(dateField: string, timeField: string, timestamp: string | undefined): this {
    if (timestamp === undefined) return this;
    const { date, time } = toSapDateTime(timestamp, this.options.timeZone);
    return this.set(dateField, date).set(timeField, time);
  }

  add(...children: readonly (SegmentBuilder | Segment)[]): this {
    for (const child of children)
      this.segment.children.push(child instanceof SegmentBuilder ? child.segment : child);
    return this;
  }
}
