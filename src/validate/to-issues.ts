import type { z } from 'zod';
import type { ValidationIssue } from '../errors/validation-error.js';
import { shortenText } from '../internal/shorten-text.js';
import { toJsonPointer } from './json-pointer.js';

/** How many issues a validation lists; the rest are counted in one `too_many_issues` issue. */
export const MAX_ISSUES = 1000;

/**
 * Turns zod's issues into millwright's: one issue per offending value, each with a JSON Pointer,
 * a stable code and a message. An object with two unknown keys yields two issues that point at
 * the keys; a missing required field gets the code `required`. After {@link MAX_ISSUES} issues,
 * one last issue (`too_many_issues`, at the root) says how many more zod found.
 */
export function toIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [index, issue] of zodIssues.entries()) {
    if (issues.length >= MAX_ISSUES) {
      issues.push({
        path: '',
        code: 'too_many_issues',
        message: `${zodIssues.length - index} more issues are not listed (at most ${MAX_ISSUES} are)`,
      });
      break;
    }
    const path = issue.path as readonly PropertyKey[];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          issues.push({
            path: toJsonPointer([...path, key]),
            code: 'unrecognized_key',
            message: `unknown field ${JSON.stringify(shortenText(key))}; plant-specific data belongs in "extensions"`,
          });
        }
        break;
      case 'invalid_type':
        issues.push(
          isMissing(input, path)
            ? { path: toJsonPointer(path), code: 'required', message: 'required field is missing' }
            : { path: toJsonPointer(path), code: 'invalid_type', message: issue.message },
        );
        break;
      case 'custom': {
        const code = (issue.params as { code?: unknown } | undefined)?.code;
        issues.push({
          path: toJsonPointer(path),
          code: typeof code === 'string' ? code : 'custom',
          message: issue.message,
        });
        break;
      }
      case 'invalid_key':
        issues.push({ path: toJsonPointer(path), code: 'invalid_key', message: describeKey(issue) });
        break;
      case 'invalid_element':
        issues.push({
          path: toJsonPointer([...path, issue.key as PropertyKey]),
          code: 'invalid_element',
          message: issue.message,
        });
        break;
      default:
        issues.push({ path: toJsonPointer(path), code: issue.code, message: issue.message });
    }
  }
  return issues;
}

function describeKey(issue: z.core.$ZodIssueInvalidKey): string {
  const reason = issue.issues[0]?.message;
  return reason === undefined ? 'invalid key' : `invalid key: ${reason}`;
}

/** Whether the value at `path` is absent because its parent object lacks the key. */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return input === undefined;
  let parent: unknown = input;
  for (const segment of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, segment)) return false;
    parent = (parent as Record<PropertyKey, unknown>)[segment];
  }
  const last = path[path.length - 1] as PropertyKey;
  return (
    typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, last)
  );
}
