import type { Idoc, Segment } from '../idoc.js';
import { type ResolvedIdocMappingOptions, SAP_SYSTEM } from './idoc-mapping-options.js';
import type { Origins } from './origins.js';
import { toTimestamp } from './sap-timestamp.js';
import { readSapDate, readSapTime } from './sap-values.js';
import { SegmentReader } from './segment-reader.js';

/** A canonical object made by a mapping, and where in the IDoc each of its values came from. */
export interface Mapped<T> {
  readonly value: T;
  readonly origins: Origins;
}

/** What every mapping needs: the IDoc, the resolved options, and readers for its segments. */
export class MappingContext {
  /** The `source.system` of the objects made from this IDoc. */
  readonly system: string;

  constructor(
    readonly idoc: Idoc,
    readonly options: ResolvedIdocMappingOptions,
  ) {
    this.system = options.system ?? (idoc.control.sndprn || SAP_SYSTEM);
  }

  read(segment: Segment): SegmentReader {
    return new SegmentReader(segment, this.options);
  }

  /** When the IDoc was created (control record CREDAT/CRETIM), or undefined without a date. */
  createdAt(): string | undefined {
    const { credat, cretim } = this.idoc.control;
    const date = readSapDate(credat, 'EDI_DC40/CREDAT');
    return date === undefined
      ? undefined
      : toTimestamp(date, readSapTime(cretim, 'EDI_DC40/CRETIM'), this.options.timeZone);
  }

  /** The IDoc number, or undefined when the file left it blank. */
  get docnum(): string | undefined {
    return this.idoc.control.docnum === '' ? undefined : this.idoc.control.docnum;
  }
}

/** A copy of `value` without its undefined properties (canonical objects are strict). */
export function compact<T extends object>(value: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) result[key] = entry;
  return result as T;
}

/**
 * The `extensions` that name what a flat file's field layouts did not reach, or undefined when
 * they reached everything: `sap:unparsedSegments` (segment types read without any field layout)
 * and `sap:unreadFields` (`SEGMENT/FIELD`s past the end of a layout).
 */
export function layoutGaps(
  unparsed: readonly string[],
  unread: readonly string[],
): Record<string, string[]> | undefined {
  const gaps: Record<string, string[]> = {};
  if (unparsed.length > 0) gaps['sap:unparsedSegments'] = [...new Set(unparsed)];
  if (unread.length > 0) gaps['sap:unreadFields'] = [...new Set(unread)];
  return Object.keys(gaps).length > 0 ? gaps : undefined;
}
