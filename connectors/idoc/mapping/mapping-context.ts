import type { Idoc, Segment } from '../idoc.js';
import { type ResolvedIdocMappingOptions, SAP_SYSTEM } from './idoc-mapping-options.js';
import type { Origins } from './origins.js';
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

  /** A reader for one segment of this IDoc. */
  read(segment: Segment): SegmentReader {
    return new SegmentReader(segment, this.options, this.idoc.control.idoctyp);
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
