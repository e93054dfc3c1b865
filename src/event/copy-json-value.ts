import type { ValidationIssue } from '../errors/validation-error.js';
import { toJsonPointer } from '../validate/json-pointer.js';
import { readData } from '../validate/read-data.js';

/** The copy of a caller's value as JSON data, or the first reason it is not JSON data. */
export type CopyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Copies a caller's value as JSON data, reading every property once (through readData, the one
 * reader of callers' data): what is checked afterwards is the copy, so a getter that answers
 * differently on a later read, or a Proxy, cannot change the data after it was checked. Plain
 * objects and arrays are copied; strings, finite numbers, booleans, null and undefined are kept;
 * an object met twice is copied once and shared. A `__proto__` key stays an own data property
 * (validation refuses it with its path). Works without recursion, at any depth.
 * @returns the copy, or one issue with the JSON Pointer of the first value that is not JSON data
 * (`invalid_type`: a Date, Map, class instance, bigint, function, symbol, NaN or Infinity;
 * `circular_reference`; `too_big`: an array claiming more than 10,000,000 items; `too_deep`: data
 * nested more than 1,000 levels deep) or that could not
 * be read (`invalid_input`: a throwing getter or Proxy trap).
 * @example copyJsonValue({ a: [1] }) // { ok: true, value: { a: [1] } }
 */
export function copyJsonValue(value: unknown): CopyResult {
  const reading = readData(value, false, true);
  if (reading.complete) return { ok: true, value: reading.copy };
  const stop = reading.issues.find(
    (issue) => issue.code !== 'forbidden_key',
  ) as (typeof reading.issues)[number];
  return { ok: false, issues: [{ path: toJsonPointer(stop.path), code: stop.code, message: stop.message }] };
}
