// Reads an IDoc schema given by a caller (from loadIdocSchema, builtinIdocSchemas, or built in
// code) into a checked copy. Each value is read once: a getter that throws or answers
// differently on a second read, or a Proxy whose traps throw, cannot make the parser and the
// writer see two different layouts. The copy is checked as loadIdocSchema checks an export, so a
// schema built in code cannot lose text either: fields must follow each other from the start of
// the segment data without gap or overlap, within its 1000 characters.
import { IdocError } from '../../../src/errors/idoc-error.js';
import { describeInput } from '../../../src/internal/describe-input.js';
import { isArraySafely } from '../../../src/internal/is-array-safely.js';
import { SDATA_LENGTH } from '../flat/record-layout.js';
import { readArrayItems } from '../read/read-caller-options.js';
import { MAX_SEGMENT_DEPTH } from '../read/segment-tree-builder.js';
import type { IdocFieldDefinition, IdocSchema, IdocSegmentDefinition } from './idoc-schema.js';

/** Whether a name can be an SAP field name (letters, digits, `_`, `/`), `__proto__` excepted. */
export function isSapFieldName(name: string): boolean {
  return /^[A-Za-z0-9_/]+$/.test(name) && name !== '__proto__';
}

/** Where the copy is in the schema, for errors: a JSON Pointer and the segment and field. */
interface Where {
  readonly path: string;
  readonly segment?: string;
  readonly field?: string;
}

/**
 * A checked copy of a caller's schema, every value read once.
 * @throws {IdocError} `INVALID_SCHEMA` naming the JSON Pointer of the first bad value (and the
 *   segment and field), for a value that cannot be read, has the wrong type, or breaks a rule of
 *   the layout (overlapping fields, a gap, more than 1000 characters, a duplicate field,
 *   segments nested deeper than 99 levels).
 */
export function copyIdocSchema(value: unknown): IdocSchema {
  const root = { path: '' };
  const read = reader(value, root, 'an IDoc schema');
  const basicType = text(read('basicType'), { path: '/basicType' });
  const extension = text(read('extension'), { path: '/extension' });
  const schema = basicType === '' ? 'schema' : `schema ${basicType}`;
  try {
    const segments = items(read('segments'), { path: '/segments' }).map((item, index) =>
      copySegment(item, { path: `/segments/${index}` }, 1),
    );
    return { basicType, extension, segments };
  } catch (error) {
    if (!(error instanceof IdocError) || basicType === '') throw error;
    const { segment, field, cause } = error;
    throw new IdocError('INVALID_SCHEMA', `${schema} ${error.message}`, { segment, field }, { cause });
  }
}

function copySegment(value: unknown, where: Where, depth: number): IdocSegmentDefinition {
  const read = reader(value, where, 'a segment definition');
  const type = text(read('type'), { ...where, path: `${where.path}/type` });
  if (type === '' || /\s/.test(type)) {
    fail(
      { ...where, path: `${where.path}/type` },
      `must be a segment name without white space, not ${describeInput(type)}`,
    );
  }
  const at = { ...where, segment: type };
  if (depth > MAX_SEGMENT_DEPTH) fail(at, `nests segments more than ${MAX_SEGMENT_DEPTH} levels deep`);
  const definition = text(read('definition'), { ...at, path: `${where.path}/definition` });
  const level = integer(read('level'), { ...at, path: `${where.path}/level` }, 0, 99);
  const mandatory = flag(read('mandatory'), { ...at, path: `${where.path}/mandatory` });
  const minOccurs = integer(read('minOccurs'), { ...at, path: `${where.path}/minOccurs` }, 0);
  const maxOccurs = integer(read('maxOccurs'), { ...at, path: `${where.path}/maxOccurs` }, 0);
  const qualified = flag(read('qualified'), { ...at, path: `${where.path}/qualified` });
  const fields = copyFields(read('fields'), { ...at, path: `${where.path}/fields` });
  const children = items(read('children'), { ...at, path: `${where.path}/children` }).map((item, index) =>
    copySegment(item, { path: `${where.path}/children/${index}` }, depth + 1),
  );
  return { type, definition, level, mandatory, minOccurs, maxOccurs, qualified, fields, children };
}

function copyFields(value: unknown, where: Where): IdocFieldDefinition[] {
  const names = new Set<string>();
  let next = 0;
  return items(value, where).map((item, index) => {
    const path = `${where.path}/${index}`;
    const read = reader(item, { ...where, path }, 'a field definition');
    const name = text(read('name'), { ...where, path: `${path}/name` });
    const at = { ...where, field: name };
    if (!isSapFieldName(name))
      fail({ ...at, path: `${path}/name` }, `${describeInput(name)} is not an SAP field name`);
    if (names.has(name)) fail({ ...at, path: `${path}/name` }, `field ${name} is defined twice`);
    names.add(name);
    const fieldText = text(read('text'), { ...at, path: `${path}/text` });
    const type = text(read('type'), { ...at, path: `${path}/type` });
    const offset = integer(read('offset'), { ...at, path: `${path}/offset` }, 0);
    const length = integer(read('length'), { ...at, path: `${path}/length` }, 1);
    if (offset !== next) {
      fail(
        { ...at, path: `${path}/offset` },
        `field ${name} starts at offset ${offset}; it must start at ${next}, where ${index === 0 ? 'the segment data starts' : 'the field before it ends'} (fields follow each other without gap or overlap)`,
      );
    }
    if (offset + length > SDATA_LENGTH) {
      fail(
        { ...at, path: `${path}/length` },
        `field ${name} ends after the ${SDATA_LENGTH} characters of segment data`,
      );
    }
    next = offset + length;
    return { name, text: fieldText, type, offset, length };
  });
}

/** A function that reads one property of `value` once; `value` must be an object. */
function reader(value: unknown, where: Where, what: string): (key: string) => unknown {
  if (typeof value !== 'object' || value === null || isArraySafely(value)) {
    fail(where, `must be ${what}, not ${describeInput(value)}`);
  }
  return (key) => {
    try {
      return (value as Record<string, unknown>)[key];
    } catch (cause) {
      return fail(
        { ...where, path: `${where.path}/${key}` },
        'could not be read (a getter or Proxy trap threw)',
        cause,
      );
    }
  };
}

/** The items of an array, each read once by index. */
function items(value: unknown, where: Where): unknown[] {
  if (!isArraySafely(value)) fail(where, `must be an array, not ${describeInput(value)}`);
  const read = readArrayItems(value as readonly unknown[]);
  if ('items' in read) return read.items;
  const path = read.failedAt < 0 ? where.path : `${where.path}/${read.failedAt}`;
  return fail({ ...where, path }, 'could not be read', read.cause);
}

function text(value: unknown, where: Where): string {
  if (typeof value !== 'string') fail(where, `must be a string, not ${describeInput(value)}`);
  return value as string;
}

function flag(value: unknown, where: Where): boolean {
  if (typeof value !== 'boolean') fail(where, `must be true or false, not ${describeInput(value)}`);
  return value as boolean;
}

function integer(value: unknown, where: Where, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    fail(where, `must be an integer ${range}, not ${describeInput(value)}`);
  }
  return value as number;
}

function fail(where: Where, problem: string, cause?: unknown): never {
  throw new IdocError(
    'INVALID_SCHEMA',
    `${where.path === '' ? '(root)' : where.path}: ${problem}`,
    { segment: where.segment, field: where.field },
    cause === undefined ? undefined : { cause },
  );
}
