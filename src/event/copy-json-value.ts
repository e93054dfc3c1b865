import type { ValidationIssue } from '../errors/validation-error.js';
import { toJsonPointer } from '../validate/json-pointer.js';

/** The copy of a caller's value as JSON data, or the first reason it is not JSON data. */
export type CopyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Arrays longer than this are refused rather than read: only a sparse array or a Proxy can claim
 * such a length without holding the items, and reading them all would exhaust memory.
 */
const MAX_ARRAY_LENGTH = 10_000_000;

/** A path as a linked list, so that reaching a node deep down costs nothing per level. */
interface PathNode {
  readonly parent: PathNode | undefined;
  readonly key: string;
}

/** An object being copied: its keys and values, read once, and how many are done. */
interface Frame {
  readonly source: object;
  readonly target: Record<string, unknown> | unknown[];
  readonly keys: readonly string[] | undefined;
  readonly values: readonly unknown[];
  readonly path: PathNode | undefined;
  next: number;
}

type Step = { readonly copy: unknown } | { readonly frame: Frame } | { readonly issue: ValidationIssue };

function pointer(path: PathNode | undefined): string {
  const keys: string[] = [];
  for (let node = path; node !== undefined; node = node.parent) keys.push(node.key);
  return toJsonPointer(keys.reverse());
}

function issue(path: PathNode | undefined, code: string, message: string): Step {
  return { issue: { path: pointer(path), code, message } };
}

/**
 * Starts copying one value: a primitive is its own copy, an object already copied is shared (or,
 * while it is still being copied, a cycle), any other object is read once into a new frame.
 */
function visit(
  value: unknown,
  path: PathNode | undefined,
  copies: Map<object, object>,
  open: Set<object>,
): Step {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return { copy: value };
    case 'number':
      return Number.isFinite(value)
        ? { copy: value }
        : issue(path, 'invalid_type', `${value} is not JSON data (a JSON number is finite)`);
    case 'object':
      if (value === null) return { copy: null };
      break;
    default:
      return issue(path, 'invalid_type', `a ${typeof value} is not JSON data`);
  }
  const known = copies.get(value);
  if (known !== undefined) {
    return open.has(value)
      ? issue(
          path,
          'circular_reference',
          'the value refers to an object that contains it, which JSON cannot hold',
        )
      : { copy: known };
  }
  let reading: string | undefined;
  try {
    if (Array.isArray(value)) {
      const length: number = value.length;
      if (length > MAX_ARRAY_LENGTH) {
        return issue(path, 'too_big', `an array of more than ${MAX_ARRAY_LENGTH} items is not read`);
      }
      const values: unknown[] = [];
      for (let index = 0; index < length; index += 1) {
        reading = String(index);
        values.push(value[index]);
      }
      return { frame: { source: value, target: [], keys: undefined, values, path, next: 0 } };
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      return issue(
        path,
        'invalid_type',
        'an object that is not a plain object or array (a Date, Map, Buffer, class instance...) is not JSON data',
      );
    }
    const keys = Object.keys(value);
    const values: unknown[] = [];
    for (const key of keys) {
      reading = key;
      values.push((value as Record<string, unknown>)[key]);
    }
    return { frame: { source: value, target: {}, keys, values, path, next: 0 } };
  } catch {
    // The thrown value is not looked at: it may be hostile too.
    return issue(
      reading === undefined ? path : { parent: path, key: reading },
      'invalid_input',
      'the value could not be read (a getter or Proxy threw)',
    );
  }
}

function assign(frame: Frame, index: number, copy: unknown): void {
  const { target, keys } = frame;
  if (keys === undefined) {
    (target as unknown[]).push(copy);
    return;
  }
  const key = keys[index] as string;
  // A "__proto__" key stays an own data property, as JSON.parse makes it; validation refuses it.
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = copy;
  }
}

/**
 * Copies a caller's value as JSON data, reading every property once: what is checked afterwards
 * is the copy, so a getter that answers differently on a later read, or a Proxy, cannot change
 * the data after it was checked. Plain objects (prototype `Object.prototype` or null) and arrays
 * are copied; strings, finite numbers, booleans, null and undefined are kept; an object met
 * twice is copied once and shared, so a graph of shared nodes costs what its nodes cost. Works
 * without recursion, at any depth.
 * @returns the copy, or one issue with the JSON Pointer of the first value that is not JSON data
 * (`invalid_type`: a Date, Map, class instance, bigint, function, symbol, NaN or Infinity;
 * `circular_reference`; `too_big`: an array claiming more than 10,000,000 items) or that could not
 * be read (`invalid_input`: a throwing getter or Proxy trap).
 * @example copyJsonValue({ a: [1] }) // { ok: true, value: { a: [1] } }
 */
export function copyJsonValue(value: unknown): CopyResult {
  const copies = new Map<object, object>();
  const open = new Set<object>();
  const start = (step: Step): Step => {
    if ('frame' in step) {
      copies.set(step.frame.source, step.frame.target);
      open.add(step.frame.source);
    }
    return step;
  };
  const root = start(visit(value, undefined, copies, open));
  if ('issue' in root) return { ok: false, issues: [root.issue] };
  if ('copy' in root) return { ok: true, value: root.copy };
  const stack: Frame[] = [root.frame];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next === frame.values.length) {
      open.delete(frame.source);
      stack.pop();
      continue;
    }
    const index = frame.next;
    frame.next += 1;
    const key = frame.keys === undefined ? String(index) : (frame.keys[index] as string);
    const step = start(visit(frame.values[index], { parent: frame.path, key }, copies, open));
    if ('issue' in step) return { ok: false, issues: [step.issue] };
    if ('copy' in step) {
      assign(frame, index, step.copy);
    } else {
      assign(frame, index, step.frame.target);
      stack.push(step.frame);
    }
  }
  return { ok: true, value: root.frame.target };
}
