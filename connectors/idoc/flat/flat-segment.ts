// A segment read from a flat-file data record. It keeps where its record is in the text that
// was read, and cuts SEGNUM, the fields, the raw rest and the record header out of it only when
// they are first read: a stream of millions of records is mostly passed through, and slicing
// every field of every record would cost more than reading the file. Each value is cut once and
// then cached; setting a property replaces it, as on a plain object. JSON.stringify sees every
// property (toJSON); structuredClone and object spread see only `name` and `children`.

import type { Segment, SegmentRecord } from '../idoc.js';
import type { CompiledSegment } from '../schema/compile-schema.js';
import { contentEnd, sliceField } from './fixed-text.js';
import { DATA_RECORD_LENGTH, dataHeaderLayout, SDATA_OFFSET } from './record-layout.js';

const BLANK = 32;
const { segnum: SEGNUM, mandt: MANDT, docnum: DOCNUM, psgnum: PSGNUM, hlevel: HLEVEL } = dataHeaderLayout;

/** The values cut from the record so far (`null`: not cut yet), and the children counted by type. */
interface Cut {
  line: string | null;
  segnum: string | null;
  fields: Record<string, string> | null;
  unparsed: string | undefined | null;
  record: SegmentRecord | undefined | null;
  counts: Map<string, number> | null;
}

/** Up to this many children, counting them by type is a scan; past it, a map. */
const SCAN_LIMIT = 8;

/** A `Segment` read from a flat-file data record, whose values are cut from the record on first access (see the file comment). */
export class FlatSegment implements Segment {
  name: string;
  children: Segment[] = [];
  /** The text the record was read from (a piece of the file) and where the record is in it. */
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  readonly #segnam: string;
  #layout: CompiledSegment | undefined;
  #parent: FlatSegment | undefined;
  #level = 0;
  #cut: Cut | undefined;

  /**
   * @param text - the text that holds the record (it is cut out only when needed).
   * @param start - where the record starts in `text`.
   * @param end - where it ends (before its line break).
   * @param segnam - SEGNAM as written.
   * @param name - the segment type (SEGNAM normalised through the schema).
   * @param layout - the definition that gives the field positions, if the schema knows the segment.
   */
  constructor(
    text: string,
    start: number,
    end: number,
    segnam: string,
    name: string,
    layout: CompiledSegment | undefined,
  ) {
    this.#text = text;
    this.#start = start;
    this.#end = end;
    this.#segnam = segnam;
    this.name = name;
    this.#layout = layout;
  }

  get segnum(): string {
    const cut = this.#values();
    cut.segnum ??= this.#header(SEGNUM.offset, SEGNUM.length);
    return cut.segnum;
  }

  set segnum(value: string) {
    this.#values().segnum = value;
  }

  get fields(): Record<string, string> {
    const cut = this.#values();
    cut.fields ??= this.#layout === undefined ? {} : sliceFields(this.#line(), this.#layout);
    return cut.fields;
  }

  set fields(value: Record<string, string>) {
    this.#values().fields = value;
  }

  get unparsed(): string | undefined {
    const cut = this.#values();
    if (cut.unparsed === null) {
      const start = this.#layout?.dataEnd ?? SDATA_OFFSET;
      const line = this.#line();
      const end = Math.min(contentEnd(line, start), DATA_RECORD_LENGTH);
      cut.unparsed = end > start ? line.slice(start, end) : undefined;
    }
    return cut.unparsed;
  }

  set unparsed(value: string | undefined) {
    this.#values().unparsed = value;
  }

  get record(): SegmentRecord | undefined {
    const cut = this.#values();
    if (cut.record === null) {
      cut.record = {
        segnam: this.#segnam,
        mandt: this.#header(MANDT.offset, MANDT.length),
        docnum: this.#header(DOCNUM.offset, DOCNUM.length),
        psgnum: this.#header(PSGNUM.offset, PSGNUM.length),
        hlevel: this.#header(HLEVEL.offset, HLEVEL.length),
        length: this.#end - this.#start,
      };
    }
    return cut.record;
  }

  set record(value: SegmentRecord | undefined) {
    this.#values().record = value;
  }

  /** PSGNUM as written, trailing blanks removed. */
  get psgnum(): string {
    return this.#cut?.record?.psgnum ?? this.#header(PSGNUM.offset, PSGNUM.length);
  }

  /** HLEVEL as written. */
  get hlevel(): string {
    return this.#cut?.record?.hlevel ?? this.#header(HLEVEL.offset, HLEVEL.length);
  }

  /** SEGNAM as written. */
  get segnam(): string {
    return this.#segnam;
  }

  /** The definition that gives the fields (the one the segment was placed by, if any). */
  get layout(): CompiledSegment | undefined {
    return this.#layout;
  }

  /** The segment it was placed under, while its IDoc was being read. */
  get parent(): FlatSegment | undefined {
    return this.#parent;
  }

  /** Its hierarchy level: the definition's, else HLEVEL, else one below its parent. */
  get level(): number {
    return this.#level;
  }

  /**
   * Records where the tree builder placed the segment. A definition found at that position
   * replaces the one looked up by type (the fields are the same unless the schema defines the
   * type twice).
   */
  place(parent: FlatSegment | undefined, layout: CompiledSegment | undefined, level: number): void {
    this.#parent = parent;
    if (layout !== undefined && this.#cut?.fields == null) this.#layout = layout;
    this.#level = level;
  }

  /** How many children of a type the segment has. */
  countChildren(type: string): number {
    const counts = this.#cut?.counts;
    if (counts != null) return counts.get(type) ?? 0;
    const children = this.children;
    let count = 0;
    if (children.length <= SCAN_LIMIT) {
      for (const child of children) if (child.name === type) count += 1;
      return count;
    }
    const map = new Map<string, number>();
    for (const child of children) map.set(child.name, (map.get(child.name) ?? 0) + 1);
    this.#values().counts = map;
    return map.get(type) ?? 0;
  }

  /** Adds a child (and counts it, once counting has moved to a map). */
  adopt(child: Segment): void {
    this.children.push(child);
    const counts = this.#cut?.counts;
    if (counts != null) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
  }

  /** The segment as a plain object with every property, as JSON.stringify writes it. */
  toJSON(): Segment {
    const json: Segment = {
      name: this.name,
      segnum: this.segnum,
      fields: this.fields,
      children: this.children,
    };
    const unparsed = this.unparsed;
    if (unparsed !== undefined) json.unparsed = unparsed;
    const record = this.record;
    if (record !== undefined) json.record = record;
    return json;
  }

  #values(): Cut {
    this.#cut ??= { line: null, segnum: null, fields: null, unparsed: null, record: null, counts: null };
    return this.#cut;
  }

  /** The record as a string of its own. */
  #line(): string {
    const cut = this.#values();
    cut.line ??= this.#text.slice(this.#start, this.#end);
    return cut.line;
  }

  #header(offset: number, length: number): string {
    return sliceField(this.#line(), offset, offset + length);
  }
}

/** The defined fields of a record; blank fields are left out. */
function sliceFields(line: string, layout: CompiledSegment): Record<string, string> {
  const fields: Record<string, string> = {};
  const { fieldNames, fieldStarts, fieldEnds } = layout;
  const length = line.length;
  for (let index = 0; index < fieldNames.length; index += 1) {
    const start = fieldStarts[index] as number;
    if (start >= length) break;
    let end = fieldEnds[index] as number;
    if (end > length) end = length;
    while (end > start && line.charCodeAt(end - 1) === BLANK) end -= 1;
    if (end > start) fields[fieldNames[index] as string] = line.slice(start, end);
  }
  return fields;
}
