import type { RuleViolation } from './create-rule-check.js';

/**
 * Arrays longer than this are refused rather than read: only a sparse array or a Proxy can claim
 * such a length without holding the items, and reading them all would exhaust time and memory.
 */
export const MAX_ARRAY_LENGTH = 10_000_000;

/**
 * Objects and arrays nested deeper than this are refused rather than read: no real record nests
 * so deep, and `JSON.stringify` (which recurses) overflows the call stack a few thousand levels
 * down, so deeper data could be checked but never sent on.
 */
export const MAX_DEPTH = 1000;

/** What reading a caller's value gave: a copy of its data, and what is wrong with it. */
export interface DataReading {
  /** The copy; meaningful only when `complete`. */
  readonly copy: unknown;
  /**
   * `forbidden_key` for each own `__proto__` key; `circular_reference`, `too_big`, `too_deep` or
   * `invalid_input` (a getter, Proxy trap or iterator threw) for the value that stopped the reading.
   */
  readonly issues: readonly RuleViolation[];
  /** Whether every value was read (a `__proto__` key does not stop the reading, the others do). */
  readonly complete: boolean;
}

/** A path as a linked list, so that going one level down costs one small object. */
interface PathNode {
  readonly parent: PathNode | undefined;
  readonly key: PropertyKey;
}

/** An object or array being copied: its keys and values, read once, and how far the copy is. */
interface Frame {
  readonly source: object;
  readonly target: Record<string, unknown> | unknown[];
  /** The keys of an object; undefined for an array. */
  readonly keys: readonly string[] | undefined;
  readonly values: readonly unknown[];
  readonly path: PathNode | undefined;
  next: number;
}

/** Records an issue at a path. */
type Report = (at: PathNode | undefined, code: string, message: string) => void;

const NO_ISSUES: readonly RuleViolation[] = Object.freeze([]);

function keysOf(path: PathNode | undefined): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let node = path; node !== undefined; node = node.parent) keys.push(node.key);
  return keys.reverse();
}

/**
 * Whether a value is plain data that is copied and walked: an array, or an object whose prototype
 * is `Object.prototype` or null (of this realm or another one, as zod's records accept). Dates,
 * Maps, class instances and functions are values of their own, kept as they are.
 */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return true;
  // Another realm's Object.prototype (a vm context, an iframe).
  return (
    typeof prototype === 'object' &&
    Object.getPrototypeOf(prototype) === null &&
    Object.hasOwn(prototype, 'isPrototypeOf')
  );
}

/**
 * Reads a caller's value once, iteratively at any depth, into a copy that nothing outside can
 * change: arrays and plain objects are copied (their own enumerable string keys; an object that
 * several paths reach is copied once and shared, so a graph costs what its nodes cost), every
 * other value is kept as it is. Meanwhile it finds what millwright refuses in data of any type:
 * - an own `__proto__` key, in an object or an array (`forbidden_key`): a key that replaces a
 *   prototype when the data is merged has no business in data. The copy keeps it as an own data
 *   property, so that schemas report it too;
 * - an object that contains itself (`circular_reference`, at the path where the cycle closes);
 * - an array claiming more than {@link MAX_ARRAY_LENGTH} items (`too_big`);
 * - objects and arrays nested more than {@link MAX_DEPTH} levels deep (`too_deep`);
 * - a value that cannot be read (`invalid_input`): a throwing getter, Proxy trap, a revoked Proxy.
 *   The thrown value is not looked at: it may be hostile too.
 *
 * With `json`, what JSON cannot hold stops the reading as `invalid_type` too: a bigint, function,
 * symbol, NaN or Infinity, and an object that is not a plain object or array (a Date, a Map, a
 * Buffer, a class instance), where otherwise such values are kept as they are.
 *
 * @param firstOnly - stop at the first issue (the fast path only needs to know there is one).
 * @param json - read the value as JSON data (see above).
 * @returns the copy and the issues, each with its path.
 */
export function readData(input: unknown, firstOnly: boolean, json = false): DataReading {
  if (typeof input !== 'object' || input === null) {
    const problem = json ? findNonJson(input) : undefined;
    if (problem === undefined) return { copy: input, issues: NO_ISSUES, complete: true };
    return {
      copy: undefined,
      issues: [{ path: [], code: 'invalid_type', message: problem }],
      complete: false,
    };
  }
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const open = new Set<object>();
  const stack: Frame[] = [];
  const issues: RuleViolation[] = [];
  const report: Report = (at, code, message) => {
    issues.push({ path: keysOf(at), code, message });
  };
  const stopped = (): DataReading => ({ copy: undefined, issues, complete: false });
  /** Starts copying an object: its frame, undefined when it is not plain data, false when it stops the reading. */
  const start = (value: object, at: PathNode | undefined): Frame | false | undefined => {
    if (stack.length >= MAX_DEPTH) {
      report(at, 'too_deep', `data nested more than ${MAX_DEPTH} levels deep is not read`);
      return false;
    }
    const frame = readFrame(value, at, report, json);
    if (frame !== false && frame !== undefined) {
      copies.set(value, frame.target);
      open.add(value);
      stack.push(frame);
    }
    return frame;
  };
  const root = start(input, undefined);
  if (root === false) return stopped();
  if (root === undefined) return { copy: input, issues: NO_ISSUES, complete: true };
  while (stack.length > 0) {
    if (firstOnly && issues.length > 0) return stopped();
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next === frame.values.length) {
      open.delete(frame.source);
      stack.pop();
      continue;
    }
    const index = frame.next;
    frame.next += 1;
    const key = frame.keys === undefined ? index : (frame.keys[index] as string);
    const value = frame.values[index];
    let copy: unknown = value;
    if (json && (typeof value !== 'object' || value === null)) {
      const problem = findNonJson(value);
      if (problem !== undefined) {
        report({ parent: frame.path, key }, 'invalid_type', problem);
        return stopped();
      }
    }
    if (typeof value === 'object' && value !== null) {
      const at: PathNode = { parent: frame.path, key };
      const known = copies.get(value);
      if (known === undefined) {
        const child = start(value, at);
        if (child === false) return stopped();
        if (child !== undefined) copy = child.target;
      } else if (open.has(value)) {
        report(at, 'circular_reference', 'the value contains itself (a cycle), which data cannot');
        return stopped();
      } else {
        copy = known;
      }
    }
    assign(frame, key, copy);
  }
  return { copy: root.target, issues, complete: true };
}

/**
 * Reads the keys and values of one object or array.
 * @returns the frame; undefined for a value that is not plain data (kept as it is); false when
 *   the value cannot be read or is too big, or (with `json`) is no plain data (the issue is reported).
 */
function readFrame(
  value: object,
  path: PathNode | undefined,
  report: Report,
  json: boolean,
): Frame | false | undefined {
  let key: PropertyKey | undefined;
  try {
    if (Array.isArray(value)) {
      const length: unknown = value.length;
      // Only a Proxy can answer something else than a whole number of items.
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
        report(path, 'invalid_input', 'the array has no valid length (a Proxy answered one)');
        return false;
      }
      if (length > MAX_ARRAY_LENGTH) {
        report(path, 'too_big', `an array of more than ${MAX_ARRAY_LENGTH} items is not read`);
        return false;
      }
      if (Object.prototype.propertyIsEnumerable.call(value, '__proto__')) forbidden(path, report);
      const values: unknown[] = [];
      for (let index = 0; index < length; index += 1) {
        key = index;
        values.push(value[index]);
      }
      return { source: value, target: [], keys: undefined, values, path, next: 0 };
    }
    if (!isPlainObject(value)) {
      if (!json) return undefined;
      report(path, 'invalid_type', NOT_PLAIN_DATA);
      return false;
    }
    const keys = Object.keys(value);
    const values: unknown[] = [];
    for (const name of keys) {
      key = name;
      values.push((value as Record<string, unknown>)[name]);
      if (name === '__proto__') forbidden(path, report);
    }
    const target = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    return { source: value, target, keys, values, path, next: 0 };
  } catch {
    report(
      key === undefined ? path : { parent: path, key },
      'invalid_input',
      'the value could not be read (a getter, Proxy trap or iterator threw)',
    );
    return false;
  }
}

const NOT_PLAIN_DATA =
  'an object that is not a plain object or array (a Date, Map, Buffer, class instance...) is not JSON data';

/** Why a value that is not an object is no JSON value; undefined when it is one. */
function findNonJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
    case 'object':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${value} is not JSON data (a JSON number is finite)`;
    default:
      return `a ${typeof value} is not JSON data`;
  }
}

function forbidden(path: PathNode | undefined, report: Report): void {
  report({ parent: path, key: '__proto__' }, 'forbidden_key', 'the key "__proto__" is not allowed');
}

function assign(frame: Frame, key: string | number, copy: unknown): void {
  const { target } = frame;
  if (Array.isArray(target)) {
    target.push(copy);
  } else if (key === '__proto__') {
    // An own data property, as JSON.parse makes it; never the prototype.
    Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = copy;
  }
}
