// Reads the IDocs given to writeIdoc. They may be built in code, read from JSON, or hostile: a
// getter that throws or answers differently on a second read, a Proxy whose traps throw, a
// revoked Proxy. Each value is read once, here, into plain values that the writers check and
// write; whatever a read throws becomes an IdocError (the thrown value is its `cause`).
import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';
import { describeInput } from '../../../src/uom/describe-input.js';
import { isArraySafely } from '../../../src/uom/is-array-safely.js';
import { FlatSegment } from '../flat/flat-segment.js';
import { controlLayout, SDATA_OFFSET } from '../flat/record-layout.js';
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
  /** The top-level segments, not yet read. */
  readonly segments: readonly unknown[];
  /** How the IDoc was framed when read from a flat file. */
  readonly flat: IdocFlatLayout | undefined;
  /** The schema the IDoc carries (`idoc.schema`), as given. */
  readonly schema: unknown;
}

/** A segment given to the writer, each of its values read once. */
export interface SegmentToWrite {
  readonly name: string;
  readonly segnum: unknown;
  /** The fields in their own order. */
  readonly fields: readonly (readonly [string, unknown])[];
  readonly unparsed: unknown;
  readonly record: SegmentRecord | undefined;
  /** The child segments, not yet read. */
  readonly children: readonly unknown[];
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
  return readSafely(
    () => Array.from({ length: (value as unknown[]).length }, (_, index) => (value as unknown[])[index]),
    'the list of IDocs given to the writer',
    {},
  );
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
  const idoc = readSafely(
    () => {
      const { control, segments, flat, schema } = value as Record<string, unknown>;
      return { control, segments, flat, schema };
    },
    what,
    {},
  );
  if (!isObject(idoc.control)) fail(`${what} has no control object`, {});
  const control = readSafely(
    () => readControl(idoc.control as Record<string, unknown>),
    `the control record of ${what}`,
    {},
  );
  const docnum = typeof control.docnum === 'string' ? control.docnum : '';
  const where = { docnum };
  const segments = readArray(
    idoc.segments,
    `${what} has no segments array`,
    `the segments of ${what}`,
    where,
  );
  return { control, docnum, segments, flat: readFlatLayout(idoc.flat, what, where), schema: idoc.schema };
}

/**
 * Reads a segment given to the writer.
 * @throws {IdocError} `INVALID_RECORD` when it is not an object with a `name` without white
 *   space, a `segnum` string, a `fields` object and a `children` array, when `record` is not a
 *   record layout, or when a value cannot be read.
 */
export function readSegmentToWrite(value: unknown, where: IdocErrorDetails): SegmentToWrite {
  if (!isObject(value))
    fail(`a segment given to the writer is not an object but ${describeInput(value)}`, where);
  const raw = readSafely(
    () => {
      const segment = value as Record<string, unknown>;
      const { name, segnum, fields, unparsed, record, children } = segment;
      const rawStart = value instanceof FlatSegment ? (value.layout?.dataEnd ?? SDATA_OFFSET) : undefined;
      return { name, segnum, fields, unparsed, record, children, rawStart };
    },
    'a segment given to the writer',
    where,
  );
  const name = typeof raw.name === 'string' && raw.name !== '' && !/\s/.test(raw.name) ? raw.name : undefined;
  const at = { ...where, segment: name };
  if (name === undefined) {
    fail(
      'a segment given to the writer has no name, or one with white space (SAP segment names have none)',
      where,
    );
  }
  if (!isObject(raw.fields) || isArraySafely(raw.fields))
    fail(`segment ${name} given to the writer has no fields object${COPY_HINT}`, at);
  if (typeof raw.segnum !== 'string')
    fail(
      `segment ${name} given to the writer has no segnum (a string, '' for a new segment)${COPY_HINT}`,
      at,
    );
  const fields = readSafely(() => Object.entries(raw.fields as object), `the fields of segment ${name}`, at);
  const children = readArray(
    raw.children,
    `segment ${name} given to the writer has no children array`,
    `the children of segment ${name}`,
    at,
  );
  return {
    name,
    segnum: raw.segnum,
    fields,
    unparsed: raw.unparsed,
    record: readRecord(raw.record, name, at),
    children,
    rawStart: raw.rawStart,
  };
}

function readControl(control: Record<string, unknown>): Record<IdocControlField, unknown> {
  const values = {} as Record<IdocControlField, unknown>;
  for (const { key } of controlLayout) values[key] = control[key];
  return values;
}

function readFlatLayout(value: unknown, what: string, where: IdocErrorDetails): IdocFlatLayout | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(`the flat layout of ${what} is not an object`, where);
  const flat = readSafely(
    () => {
      const { framing, lineEnding, finalLineEnding, controlLength } = value as Record<string, unknown>;
      return { framing, lineEnding, finalLineEnding, controlLength };
    },
    `the flat layout of ${what}`,
    where,
  );
  const valid =
    (flat.framing === 'fixed' || flat.framing === 'newline') &&
    (flat.lineEnding === '\n' || flat.lineEnding === '\r\n') &&
    typeof flat.finalLineEnding === 'boolean' &&
    isLength(flat.controlLength);
  if (!valid) {
    fail(
      `the flat layout of ${what} is invalid: framing 'fixed' or 'newline', lineEnding '\\n' or '\\r\\n', finalLineEnding true or false, controlLength an integer from 0 to ${MAX_RECORD_LENGTH}`,
      where,
    );
  }
  return flat as IdocFlatLayout;
}

function readRecord(value: unknown, name: string, where: IdocErrorDetails): SegmentRecord | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(`the record of segment ${name} is not an object`, where);
  const record = readSafely(
    () => {
      const { segnam, mandt, docnum, psgnum, hlevel, length } = value as Record<string, unknown>;
      return { segnam, mandt, docnum, psgnum, hlevel, length };
    },
    `the record of segment ${name}`,
    where,
  );
  const { segnam, mandt, docnum, psgnum, hlevel, length } = record;
  const texts = [segnam, mandt, docnum, psgnum, hlevel].every((item) => typeof item === 'string');
  if (!texts || !isLength(length)) {
    fail(
      `the record of segment ${name} is invalid: segnam, mandt, docnum, psgnum and hlevel are strings, length an integer from 0 to ${MAX_RECORD_LENGTH}`,
      where,
    );
  }
  return record as SegmentRecord;
}

function readArray(
  value: unknown,
  missing: string,
  what: string,
  where: IdocErrorDetails,
): readonly unknown[] {
  if (!isArraySafely(value)) fail(missing, where);
  const array = value as readonly unknown[];
  return readSafely(() => Array.from({ length: array.length }, (_, index) => array[index]), what, where);
}

function isLength(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_RECORD_LENGTH;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function readSafely<T>(read: () => T, what: string, where: IdocErrorDetails): T {
  try {
    return read();
  } catch (cause) {
    throw new IdocError('INVALID_RECORD', `${what} cannot be read (a getter or Proxy trap threw)`, where, {
      cause,
    });
  }
}

function fail(message: string, where: IdocErrorDetails): never {
  throw new IdocError('INVALID_RECORD', message, where);
}
