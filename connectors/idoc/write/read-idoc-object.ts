// Reads the IDocs given to writeIdoc. They may be built in code, read from JSON, or hostile: a
// getter that throws or answers differently on a second read, a Proxy whose traps throw, a
// revoked Proxy. Each value is read once, here, into plain values that the writers check and
// write; whatever a read throws becomes an IdocError (the thrown value is its `cause`).
import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';
import { describeInput } from '../../../src/internal/describe-input.js';
import { isArraySafely } from '../../../src/internal/is-array-safely.js';
import { FlatSegment } from '../flat/flat-segment.js';
import { SDATA_OFFSET } from '../flat/record-layout.js';
import type { IdocControlField, IdocFlatLayout, SegmentRecord } from '../idoc.js';

/** The longest record a flat file may have been read with (a line padded with blanks). */
const MAX_RECORD_LENGTH = 64 * 1024;

/** What a segment copied without its lazily cut values most likely is, and how to copy it. */
const COPY_HINT =
  '; a copy that object spread or structuredClone made of a segment read from a flat file has only its name and children: change the segment in place, or copy it with JSON.parse(JSON.stringify(segment))';

/** An IDoc given to the writer, each of its values read once. */
export interface IdocToWrite {
  /** The control record's values, unchecked (the writers check each where they write it). */
  readonly control: Readonly<Record<IdocControlField, unknown>>;
  /** The control record's DOCNUM when it is text, for errors. */
  readonly docnum: string;
  /** The caller's array of top-level segments, read item by item with readItem. */
  readonly segments: readonly unknown[];
  /** The number of top-level segments, read once. */
  readonly segmentCount: number;
  /** How the IDoc was framed when read from a flat file. */
  readonly flat: IdocFlatLayout | undefined;
  /** The schema the IDoc carries (`idoc.schema`), as given. */
  readonly schema: unknown;
}

/** A segment given to the writer, each of its values read once. */
export interface SegmentToWrite {
  readonly name: string;
  readonly segnum: string;
  /** The caller's fields object, read by readFieldValues. */
  readonly fields: object;
  readonly unparsed: unknown;
  readonly record: SegmentRecord | undefined;
  /** The caller's array of child segments, read item by item with readItem. */
  readonly children: readonly unknown[];
  /** The number of children, read once. */
  readonly childCount: number;
  /**
   * For a segment read from a flat file: the absolute record position where its raw rest
   * (`unparsed`) starts, the end of the layout it was read with.
   */
  readonly rawStart: number | undefined;
}

/**
 * The IDocs given to writeIdoc: one IDoc or an array of them.
 * @throws {IdocError} `INVALID_RECORD` when the list cannot be read.
 */
export function readIdocList(value: unknown): readonly unknown[] {
  if (!isArraySafely(value)) return [value];
  try {
    return Array.prototype.slice.call(value);
  } catch (cause) {
    throw unreadable('the list of IDocs given to the writer', {}, cause);
  }
}

/**
 * Reads an IDoc given to the writer.
 * @param index - its position in the list given to the writer.
 * @throws {IdocError} `INVALID_RECORD` when it is not an object with a `control` object and a
 *   `segments` array, when `flat` is not a layout, or when a value cannot be read.
 */
export function readIdocToWrite(value: unknown, index: number): IdocToWrite {
  const what = `IDoc ${index + 1} given to the writer`;
  if (!isObject(value)) fail(`${what} is not an object but ${describeInput(value)}`, {});
  let control: unknown;
  let segments: unknown;
  let flat: unknown;
  let schema: unknown;
  try {
    ({ control, segments, flat, schema } = value as Record<string, unknown>);
  } catch (cause) {
    throw unreadable(what, {}, cause);
  }
  if (!isObject(control)) fail(`${what} has no control object`, {});
  let values: Record<IdocControlField, unknown>;
  try {
    values = readControl(control as Record<IdocControlField, unknown>);
  } catch (cause) {
    throw unreadable(`the control record of ${what}`, {}, cause);
  }
  const docnum = typeof values.docnum === 'string' ? values.docnum : '';
  const where = { docnum };
  if (!isArraySafely(segments)) fail(`${what} has no segments array`, where);
  let segmentCount: number;
  try {
    segmentCount = (segments as readonly unknown[]).length;
  } catch (cause) {
    throw unreadable(`the segments of ${what}`, where, cause);
  }
  return {
    control: values,
    docnum,
    segments: segments as readonly unknown[],
    segmentCount,
    flat: readFlatLayout(flat, what, where),
    schema,
  };
}

/** The 36 control record fields of a caller's object, each read once (a literal, which V8 builds fast). */
function readControl(c: Record<IdocControlField, unknown>): Record<IdocControlField, unknown> {
  return {
    tabnam: c.tabnam,
    mandt: c.mandt,
    docnum: c.docnum,
    docrel: c.docrel,
    status: c.status,
    direct: c.direct,
    outmod: c.outmod,
    exprss: c.exprss,
    test: c.test,
    idoctyp: c.idoctyp,
    cimtyp: c.cimtyp,
    mestyp: c.mestyp,
    mescod: c.mescod,
    mesfct: c.mesfct,
    std: c.std,
    stdvrs: c.stdvrs,
    stdmes: c.stdmes,
    sndpor: c.sndpor,
    sndprt: c.sndprt,
    sndpfc: c.sndpfc,
    sndprn: c.sndprn,
    sndsad: c.sndsad,
    sndlad: c.sndlad,
    rcvpor: c.rcvpor,
    rcvprt: c.rcvprt,
    rcvpfc: c.rcvpfc,
    rcvprn: c.rcvprn,
    rcvsad: c.rcvsad,
    rcvlad: c.rcvlad,
    credat: c.credat,
    cretim: c.cretim,
    refint: c.refint,
    refgrp: c.refgrp,
    refmes: c.refmes,
    arckey: c.arckey,
    serial: c.serial,
  };
}

/**
 * Reads a segment given to the writer; its fields are read by {@link readFieldValues}.
 * @throws {IdocError} `INVALID_RECORD` when it is not an object with a `name` without white
 *   space, a `segnum` string, a `fields` object and a `children` array, when `record` is not a
 *   record layout, or when a value cannot be read.
 */
export function readSegmentToWrite(value: unknown, where: IdocErrorDetails): SegmentToWrite {
  if (!isObject(value))
    fail(`a segment given to the writer is not an object but ${describeInput(value)}`, where);
  let name: unknown;
  let segnum: unknown;
  let fields: unknown;
  let unparsed: unknown;
  let record: unknown;
  let children: unknown;
  let rawStart: number | undefined;
  try {
    ({ name, segnum, fields, unparsed, record, children } = value as Record<string, unknown>);
    rawStart = value instanceof FlatSegment ? (value.layout?.dataEnd ?? SDATA_OFFSET) : undefined;
  } catch (cause) {
    throw unreadable('a segment given to the writer', where, cause);
  }
  if (typeof name !== 'string' || name === '' || /\s/.test(name)) {
    fail(
      'a segment given to the writer has no name, or one with white space (SAP segment names have none)',
      where,
    );
  }
  if (!isObject(fields) || isArraySafely(fields)) {
    fail(`segment ${name} given to the writer has no fields object${COPY_HINT}`, { ...where, segment: name });
  }
  if (typeof segnum !== 'string') {
    fail(`segment ${name} given to the writer has no segnum (a string, '' for a new segment)${COPY_HINT}`, {
      ...where,
      segment: name,
    });
  }
  if (!isArraySafely(children)) {
    fail(`segment ${name} given to the writer has no children array`, { ...where, segment: name });
  }
  let childCount: number;
  try {
    childCount = (children as readonly unknown[]).length;
  } catch (cause) {
    throw unreadable(`the children of segment ${name}`, { ...where, segment: name }, cause);
  }
  return {
    name,
    segnum,
    fields,
    unparsed,
    record: record === undefined ? undefined : readRecord(record, name, where),
    children: children as readonly unknown[],
    childCount,
    rawStart,
  };
}

/**
 * Reads the fields of a segment once each: the value of each name in `names` (a schema's, in
 * order) into `values`, then the fields not in `known`.
 * @returns the other fields in their own order, or undefined when there are none.
 * @throws {IdocError} `INVALID_RECORD` when they cannot be read.
 */
export function readFieldValues(
  segment: SegmentToWrite,
  names: readonly string[],
  known: ReadonlySet<string>,
  values: unknown[],
  where: IdocErrorDetails,
): [string, unknown][] | undefined {
  const fields = segment.fields as Record<string, unknown>;
  let others: [string, unknown][] | undefined;
  try {
    for (let index = 0; index < names.length; index += 1) values[index] = fields[names[index] as string];
    for (const key of Object.keys(fields)) {
      if (known.has(key)) continue;
      others ??= [];
      others.push([key, fields[key]]);
    }
  } catch (cause) {
    throw unreadable(`the fields of segment ${segment.name}`, where, cause);
  }
  return others;
}

/**
 * Item `index` of a caller's array of segments, read once.
 * @throws {IdocError} `INVALID_RECORD` when it cannot be read.
 */
export function readItem(list: readonly unknown[], index: number, where: IdocErrorDetails): unknown {
  try {
    return list[index];
  } catch (cause) {
    throw unreadable(`segment ${index + 1} of a segment list`, where, cause);
  }
}

function readFlatLayout(value: unknown, what: string, where: IdocErrorDetails): IdocFlatLayout | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(`the flat layout of ${what} is not an object`, where);
  let framing: unknown;
  let lineEnding: unknown;
  let finalLineEnding: unknown;
  let controlLength: unknown;
  try {
    ({ framing, lineEnding, finalLineEnding, controlLength } = value as Record<string, unknown>);
  } catch (cause) {
    throw unreadable(`the flat layout of ${what}`, where, cause);
  }
  const valid =
    (framing === 'fixed' || framing === 'newline') &&
    (lineEnding === '\n' || lineEnding === '\r\n') &&
    typeof finalLineEnding === 'boolean' &&
    isLength(controlLength);
  if (!valid) {
    fail(
      `the flat layout of ${what} is invalid: framing 'fixed' or 'newline', lineEnding '\\n' or '\\r\\n', finalLineEnding true or false, controlLength an integer from 0 to ${MAX_RECORD_LENGTH}`,
      where,
    );
  }
  return { framing, lineEnding, finalLineEnding, controlLength } as IdocFlatLayout;
}

function readRecord(value: unknown, name: string, where: IdocErrorDetails): SegmentRecord {
  if (!isObject(value)) fail(`the record of segment ${name} is not an object`, { ...where, segment: name });
  let segnam: unknown;
  let mandt: unknown;
  let docnum: unknown;
  let psgnum: unknown;
  let hlevel: unknown;
  let length: unknown;
  try {
    ({ segnam, mandt, docnum, psgnum, hlevel, length } = value as Record<string, unknown>);
  } catch (cause) {
    throw unreadable(`the record of segment ${name}`, { ...where, segment: name }, cause);
  }
  const texts =
    typeof segnam === 'string' &&
    typeof mandt === 'string' &&
    typeof docnum === 'string' &&
    typeof psgnum === 'string' &&
    typeof hlevel === 'string';
  if (!texts || !isLength(length)) {
    fail(
      `the record of segment ${name} is invalid: segnam, mandt, docnum, psgnum and hlevel are strings, length an integer from 0 to ${MAX_RECORD_LENGTH}`,
      { ...where, segment: name },
    );
  }
  return { segnam, mandt, docnum, psgnum, hlevel, length } as SegmentRecord;
}

function isLength(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_RECORD_LENGTH;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function unreadable(what: string, where: IdocErrorDetails, cause: unknown): IdocError {
  return new IdocError('INVALID_RECORD', `${what} cannot be read (a getter or Proxy trap threw)`, where, {
    cause,
  });
}

function fail(message: string, where: IdocErrorDetails): never {
  throw new IdocError('INVALID_RECORD', message, where);
}
