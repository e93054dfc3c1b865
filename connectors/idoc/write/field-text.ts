import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';

/**
 * Checks that a value about to be written into an IDoc field is text: a number, an object or
 * `undefined` where a string belongs would shift every later field of a flat record.
 *
 * @param what - how the error names the field, e.g. `field GAMNG`.
 * @throws {IdocError} code `INVALID_RECORD` when `value` is not a string.
 */
export function assertFieldText(
  value: unknown,
  what: string,
  where: IdocErrorDetails,
): asserts value is string {
  if (typeof value !== 'string') {
    throw new IdocError(
      'INVALID_RECORD',
      `the value of ${what} is ${value === null ? 'null' : typeof value}, not a string`,
      where,
    );
  }
}

/**
 * Checks that a value holds no line break, for files with one record per line: a line break
 * would end the record there and make the rest of it a record of its own (even a forged
 * control record).
 *
 * @throws {IdocError} code `INVALID_RECORD` when `value` holds CR or LF.
 */
export function assertSingleLine(value: string, what: string, where: IdocErrorDetails): void {
  if (value.includes('\n') || value.includes('\r')) {
    throw new IdocError(
      'INVALID_RECORD',
      `the value of ${what} holds a line break, which would split the record in a file with one record per line`,
      where,
    );
  }
}
