import type { z } from 'zod';
import type { ValidationIssue } from '../errors/validation-error.js';
import { compilePredicate, type Predicate } from './compile-predicate.js';
import { findPrototypeKeys } from './prototype-keys.js';
import { toIssues } from './to-issues.js';

/** The outcome of {@link validate}: the typed value, or every issue found. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const predicates = new WeakMap<z.ZodType, Predicate | null>();

function predicateFor(schema: z.ZodType): Predicate | null {
  let predicate = predicates.get(schema);
  if (predicate === undefined) {
    predicate = compilePredicate(schema);
    predicates.set(schema, predicate);
  }
  return predicate;
}

/**
 * Validates data against a millwright schema (or any zod schema) and never throws.
 *
 * Valid data goes through a predicate compiled once per schema, so checking a batch of records
 * costs no more than an ajv-compiled JSON Schema; invalid data goes through zod for a full
 * report. For millwright's canonical schemas `value` is the input itself, typed (no copy is
 * made); for a schema that transforms, it is zod's output.
 *
 * Issues carry a JSON Pointer `path` (`/components/0/quantity/value`), a stable `code`
 * (`invalid_type`, `invalid_format`, `required`, `unrecognized_key`, `invalid_value`,
 * `invalid_check_digit`, `forbidden_key`...) and a `message`. A `__proto__` key anywhere in the
 * data is an issue (zod alone would drop some of them without a word).
 *
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`; never throws, whatever the input.
 * @example
 * const result = validate(WorkOrder, JSON.parse(body));
 * if (!result.ok) for (const issue of result.issues) console.warn(issue.path, issue.message);
 */
export function validate<S extends z.ZodType>(schema: S, data: unknown): ValidationResult<z.output<S>> {
  try {
    if (predicateFor(schema)?.(data) === true) return { ok: true, value: data as z.output<S> };
    const parsed = schema.safeParse(data);
    const forbidden = findPrototypeKeys(data);
    if (parsed.success)
      return forbidden.length > 0 ? { ok: false, issues: forbidden } : { ok: true, value: parsed.data };
    return { ok: false, issues: mergeIssues(toIssues(parsed.error.issues, data), forbidden) };
  } catch (error) {
    return { ok: false, issues: [{ path: '', code: 'invalid_input', message: describeFailure(error) }] };
  }
}

/** zod's issues plus the `__proto__` keys it dropped; the scan's precise paths replace zod's coarser ones. */
function mergeIssues(issues: ValidationIssue[], forbidden: readonly ValidationIssue[]): ValidationIssue[] {
  if (forbidden.length === 0) return issues;
  const merged = issues.filter((issue) => issue.code !== 'forbidden_key');
  const seen = new Set(merged.map((issue) => issue.path));
  for (const issue of forbidden) if (!seen.has(issue.path)) merged.push(issue);
  return merged;
}

/** Describes an exception thrown while reading the input (a throwing getter, a revoked proxy...). */
function describeFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return `the input could not be read (${name})`;
}
