// A plain copy of the canonical objects a caller gives canonicalToIdoc, made before they are
// validated. Each property is read exactly once, so a getter that answers differently on a
// second read cannot pass validation with one value and be written with another, and whatever
// a getter or Proxy trap throws becomes a ValidationError at the value's JSON Pointer.
import { ValidationError } from '../../../src/errors/validation-error.js';
import { thrownName } from './thrown-name.js';

/** Deeper than this, no canonical object goes; a deeper input is refused, not walked. */
const MAX_DEPTH = 32;

/**
 * The input as plain objects and arrays (other values as they are), each property read once.
 * Keys are copied as own data properties, so a `__proto__` key stays a key (and validation then
 * refuses it) instead of setting a prototype.
 * @throws {ValidationError} (code `VALIDATION_FAILED`, schema `name`) with one issue at the
 *   JSON Pointer of the value that could not be read, that refers to itself, or that is nested
 *   too deep.
 */
export function snapshotInput(value: unknown, name: string): unknown {
  const open = new Set<object>();
  let pointer = '';
  const fail = (code: string, message: string, cause?: unknown): never => {
    throw new ValidationError([{ path: pointer, code, message }], { schema: name, cause });
  };
  const copy = (current: unknown, depth: number): unknown => {
    if (typeof current !== 'object' || current === null) return current;
    if (depth > MAX_DEPTH) fail('too_deep', `nested deeper than ${MAX_DEPTH} levels`);
    if (open.has(current)) fail('circular', 'refers to an object that contains it');
    open.add(current);
    const result: Record<string, unknown> | unknown[] = Array.isArray(current) ? [] : {};
    for (const key of Object.keys(current)) {
      const at = pointer;
      pointer = `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      const entry = copy((current as Record<string, unknown>)[key], depth + 1);
      Object.defineProperty(result, key, {
        value: entry,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      pointer = at;
    }
    open.delete(current);
    return result;
  };
  try {
    return copy(value, 0);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    return fail('invalid_input', `the value could not be read (${thrownName(error)})`, error);
  }
}
