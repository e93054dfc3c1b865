import type { ValidationIssue } from '../errors/validation-error.js';
import { toJsonPointer } from './json-pointer.js';

/** Canonical objects nest a few levels; extension values are scanned this deep, no deeper. */
const MAX_DEPTH = 64;

/**
 * Finds every own `__proto__` key in parsed data. zod drops such keys from records without a
 * word; millwright rejects them everywhere, because a key that can replace a prototype when the
 * data is merged has no business in canonical data.
 * @returns one issue (code `forbidden_key`) per `__proto__` key, pointing at it.
 */
export function findPrototypeKeys(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const visit = (value: unknown, path: PropertyKey[], depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index], depth + 1);
      return;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        issues.push({
          path: toJsonPointer([...path, key]),
          code: 'forbidden_key',
          message: 'the key "__proto__" is not allowed',
        });
      } else {
        visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    }
  };
  visit(input, [], 0);
  return issues;
}

/**
 * Whether parsed data holds an own `__proto__` key at any depth (up to 64 levels).
 * @returns true when {@link findPrototypeKeys} would report something.
 */
export function hasPrototypeKey(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => hasPrototypeKey(item, depth + 1));
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || hasPrototypeKey((value as Record<string, unknown>)[key], depth + 1))
      return true;
  }
  return false;
}
