import type { MappingError } from '../errors/mapping-error.js';

/**
 * Reads something from a caller's object (options, rows, a list) and turns whatever the read
 * throws (a throwing getter or iterator, a revoked Proxy) into a MappingError with the thrown
 * value as `cause`. The thrown value is never inspected: it may be hostile itself.
 * @returns what `read` returns.
 * @throws the MappingError that `fail` makes.
 */
export function readCallerValue<T>(read: () => T, fail: (cause: unknown) => MappingError): T {
  try {
    return read();
  } catch (error) {
    throw fail(error);
  }
}
