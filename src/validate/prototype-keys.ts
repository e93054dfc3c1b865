import type { z } from 'zod';
import { createRuleCheck, type RuleViolation } from './create-rule-check.js';
import { readData } from './read-data.js';

const NONE: readonly RuleViolation[] = Object.freeze([]);

/** What validate() refuses in a value of any type, each with its path below the value. */
function findRefusedData(value: unknown): readonly RuleViolation[] {
  return typeof value === 'object' && value !== null ? readData(value, false).issues : NONE;
}

/**
 * Whether validate() refuses a value of any type (a `z.unknown()` value such as an extension):
 * an own `__proto__` key at any depth, in objects and arrays alike (zod would drop some of them
 * without a word, and a key that replaces a prototype when the data is merged has no business in
 * data), or something that is no data: an object that contains itself, an array claiming more
 * than 10,000,000 items, a value whose getter or Proxy trap throws. Each object is read once,
 * however many paths lead to it.
 * @returns true when validate() would report an issue inside the value.
 */
export function hasPrototypeKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const reading = readData(value, true);
  return !reading.complete || reading.issues.length > 0;
}

/**
 * The check that makes zod refuse what {@link hasPrototypeKey} finds, one issue per finding at
 * its own path: `forbidden_key` (at the `__proto__` key), `circular_reference` (where the cycle
 * closes), `too_big` or `invalid_input`. Used on the values of `extensions`, so that zod's
 * `safeParse` of a canonical object refuses them as validate() does.
 */
export const plainDataCheck: z.core.$ZodCheck<unknown> = createRuleCheck(findRefusedData);
