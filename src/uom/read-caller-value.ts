import { UnitError, type UnitErrorCode, type UnitErrorDetails } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { isArraySafely } from '../internal/is-array-safely.js';

// A caller's object may be hostile: a getter that throws or answers differently on each read, a
// Proxy whose traps throw, a revoked Proxy, an iterator that throws. Each value is read here
// once, into plain data that the rest of the units code checks and uses; whatever the reading
// throws becomes a UnitError (the thrown value is kept as its `cause`, never rethrown).

/** What a failed read is reported as: the error code, and the units involved. */
export interface ReadFailure {
  readonly code: UnitErrorCode;
  readonly details?: UnitErrorDetails;
}

const OPTIONS: ReadFailure = { code: 'INVALID_OPTIONS' };

/**
 * Runs `read`, turning anything it throws into a UnitError that names `what` was read.
 * @returns what `read` returns.
 * @throws UnitError with the failure's code, the thrown value as `cause`.
 */
function readSafely<T>(read: () => T, what: string, failure: ReadFailure = OPTIONS): T {
  try {
    return read();
  } catch (cause) {
    throw new UnitError(failure.code, `reading ${what} failed`, failure.details, { cause });
  }
}

/**
 * Reads the named fields of a caller's object, once each.
 * @param what - how messages name the object, e.g. `the options`.
 * @returns the fields as read (undefined for a missing one).
 * @throws UnitError with the failure's code (`INVALID_OPTIONS` by default) when the value is not
 * an object or a field cannot be read.
 */
export function readOptionFields<Key extends string>(
  value: unknown,
  keys: readonly Key[],
  what: string,
  failure: ReadFailure = OPTIONS,
): Record<Key, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new UnitError(
      failure.code,
      `${what} must be an object, not ${describeInput(value)}`,
      failure.details,
    );
  }
  const fields = {} as Record<Key, unknown>;
  let key: Key | undefined;
  try {
    for (key of keys) fields[key] = (value as Record<Key, unknown>)[key];
  } catch (cause) {
    throw new UnitError(failure.code, `reading ${what}.${key} failed`, failure.details, { cause });
  }
  return fields;
}

/**
 * Reads the items of an array, or of any iterable when `iterables` is set, once each: an array
 * by index (its own iterator is not called), another iterable through its iterator.
 * @param what - how messages name the list, e.g. `sapUnits`.
 * @returns the items, as a new array.
 * @throws UnitError with the failure's code when the value is not a list or cannot be read.
 */
export function readList(
  value: unknown,
  what: string,
  failure: ReadFailure = OPTIONS,
  iterables = false,
): unknown[] {
  if (isArraySafely(value)) {
    const list = value as readonly unknown[];
    const length = readSafely(() => list.length, `the length of ${what}`, failure);
    const items: unknown[] = [];
    for (let index = 0; index < length; index += 1) {
      items.push(readSafely(() => list[index], `${what}[${index}]`, failure));
    }
    return items;
  }
  const iterator =
    iterables && typeof value === 'object' && value !== null
      ? readSafely(() => (value as Partial<Iterable<unknown>>)[Symbol.iterator], what, failure)
      : undefined;
  if (typeof iterator !== 'function') {
    throw new UnitError(
      failure.code,
      `${what} must be an array${iterables ? ' or another iterable' : ''}, not ${describeInput(value)}`,
      failure.details,
    );
  }
  return readSafely(() => [...(value as Iterable<unknown>)], what, failure);
}

/**
 * Reads the own enumerable entries of a caller's object (a map of codes), each value once.
 * @returns the entries.
 * @throws UnitError `INVALID_OPTIONS` when they cannot be read.
 */
export function readEntries(value: object, what: string): [string, unknown][] {
  return readSafely(() => Object.entries(value), what);
}
