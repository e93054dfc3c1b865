import { z } from 'zod';

/**
 * The most items a list in a canonical object may hold: far more than any real order, BOM or
 * lot has (SAP numbers operations and BOM items with four digits), and few enough that a
 * hostile list of a million invalid items is refused with one issue instead of a million.
 */
export const MAX_LIST_LENGTH = 100_000;

/**
 * A list of `item`s in a canonical object: at most {@link MAX_LIST_LENGTH} of them, a bound zod
 * checks before it reads any item (and JSON Schema readers see as `maxItems`).
 * @returns the array schema.
 */
export function listOf<T extends z.ZodType>(item: T): z.ZodArray<T> {
  return z
    .array(item)
    .max(MAX_LIST_LENGTH, `expected at most ${MAX_LIST_LENGTH.toLocaleString('en-US')} items`);
}
