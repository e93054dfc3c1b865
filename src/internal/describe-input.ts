import { isArraySafely } from './is-array-safely.js';

/** How many characters of a string an error message quotes. */
const QUOTED_LENGTH = 40;

/**
 * A value from untrusted input as an error message shows it: a string in quotes (its first 40
 * characters, then `...`), a number, boolean or bigint as written, anything else by its type.
 * Never throws, whatever the value (a symbol, an object without prototype, a revoked Proxy).
 * @returns the description.
 * @example describeInput('KGM') // '"KGM"'; describeInput(null) // 'null'; describeInput({}) // 'an object'
 */
export function describeInput(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length <= QUOTED_LENGTH
        ? JSON.stringify(value)
        : `${JSON.stringify(value.slice(0, QUOTED_LENGTH))}...`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'object':
      return value === null ? 'null' : isArraySafely(value) ? 'an array' : 'an object';
    default:
      return `a ${typeof value}`;
  }
}
