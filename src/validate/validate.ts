import type { z } from 'zod';
import type { ValidationIssue } from '../errors/validation-error.js';
import { compileReader, REJECTED, type Reader } from './compile-predicate.js';
import type { RuleViolation } from './create-rule-check.js';
import { toJsonPointer } from './json-pointer.js';
import { readData } from './read-data.js';
import { toIssues } from './to-issues.js';

/** The outcome of {@link validate}: the typed value, or every issue found. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const readers = new WeakMap<z.ZodType, Reader | null>();

function readerFor(schema: z.ZodType): Reader | null {
  let reader = readers.get(schema);
  if (reader === undefined) {
    reader = compileReader(schema);
    readers.set(schema, reader);
  }
  return reader;
}

/** The issue for an input that could not be checked at all: nothing of it is looked at again. */
const UNCHECKABLE: ValidationIssue = Object.freeze({
  path: '',
  code: 'invalid_input',
  message: 'the input could not be read or checked (a getter, Proxy trap, iterator or refinement threw)',
});

/**
 * Validates data against a millwright schema (or any zod schema) and never throws.
 *
 * Data goes through a reader compiled once per schema, so checking a batch of records costs less
 * than an ajv-compiled JSON Schema; invalid data then goes through zod for a full report. Every
 * value of the input is read once: `value` is a copy made while checking (for a schema that
 * transforms, zod's output), so what you get is what was checked, even when the input has
 * getters or is a Proxy.
 *
 * Issues carry a JSON Pointer `path` (`/components/0/quantity/value`), a stable `code`
 * (`invalid_type`, `invalid_format`, `required`, `unrecognized_key`, `invalid_value`,
 * `invalid_check_digit`, the codes of the objects' cross-field rules such as
 * `duplicate_operation`...) and a `message`. In data of any type, also inside `extensions`,
 * millwright refuses what is no data: an own `__proto__` key at any depth (`forbidden_key`), an
 * object that contains itself (`circular_reference`, where the cycle closes), an array claiming
 * more than 10,000,000 items (`too_big`), data nested more than 1,000 levels deep (`too_deep`:
 * `JSON.stringify` could not send it on), and a value that cannot be read, such as a throwing
 * getter (`invalid_input`). The lists of the canonical objects hold at most 100,000 items
 * (`too_big`, checked before any item). At most 1,000 issues are listed; then one last issue,
 * `too_many_issues` at the root, counts the rest.
 *
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`; never throws, whatever the input.
 * @example
 * const result = validate(WorkOrder, JSON.parse(body));
 * if (!result.ok) for (const issue of result.issues) console.warn(issue.path, issue.message);
 */
export function validate<S extends z.ZodType>(schema: S, data: unknown): ValidationResult<z.output<S>> {
  try {
    const reader = readerFor(schema);
    const value = reader === null ? REJECTED : reader(data);
    if (value !== REJECTED) return { ok: true, value: value as z.output<S> };
  } catch {
    // Reading the input threw (a getter, a Proxy trap); the full reading below says where.
  }
  try {
    return validateThroughZod(schema, data);
  } catch {
    // The thrown value is not looked at: it may be hostile too.
    return { ok: false, issues: [UNCHECKABLE] };
  }
}

/**
 * Reads the whole input once into a copy, then lets zod check the copy: nothing zod reads can
 * throw or change, and zod's output is made from what was read.
 */
function validateThroughZod<S extends z.ZodType>(schema: S, data: unknown): ValidationResult<z.output<S>> {
  const reading = readData(data, false);
  const refused = reading.issues.map(toIssue);
  if (!reading.complete) return { ok: false, issues: refused };
  const parsed = schema.safeParse(reading.copy);
  if (parsed.success)
    return refused.length > 0 ? { ok: false, issues: refused } : { ok: true, value: parsed.data };
  return { ok: false, issues: mergeIssues(toIssues(parsed.error.issues, reading.copy), refused) };
}

function toIssue(violation: RuleViolation): ValidationIssue {
  return { path: toJsonPointer(violation.path), code: violation.code, message: violation.message };
}

/** zod's issues plus the `__proto__` keys it dropped; the reading's precise paths replace zod's coarser ones. */
function mergeIssues(issues: ValidationIssue[], refused: readonly ValidationIssue[]): ValidationIssue[] {
  if (refused.length === 0) return issues;
  const merged = issues.filter((issue) => issue.code !== 'forbidden_key');
  const seen = new Set(merged.map((issue) => issue.path));
  for (const issue of refused) if (!seen.has(issue.path)) merged.push(issue);
  return merged;
}
