import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';

/**
 * Reads the named options of a caller's options object once each into a plain object, so that
 * a getter or Proxy cannot answer one value to the checks and another to the work, and what a
 * read throws (a throwing getter or Proxy trap, a revoked Proxy) ends as a typed error, not as
 * the caller's own exception or a TypeError. Absent options stay absent.
 * @param options - the caller's options, already known to be an object.
 * @param names - every option the caller may give.
 * @param schema - the options' type name for the error, e.g. `SftpClientOptions`.
 * @returns the copy.
 * @throws {ValidationError} an `invalid_input` issue at the first option that could not be read,
 *   with the thrown value as the `cause`.
 */
export function readOptionsOnce<T extends object>(
  options: T,
  names: readonly (keyof T & string)[],
  schema: string,
): T {
  const copy: Partial<T> = {};
  const issues: ValidationIssue[] = [];
  let cause: unknown;
  for (const name of names) {
    try {
      const value = options[name];
      if (value !== undefined) copy[name] = value;
    } catch (thrown) {
      cause = thrown;
      issues.push({
        path: `/${name}`,
        code: 'invalid_input',
        message: 'could not be read (a getter or Proxy trap threw)',
      });
      // A revoked Proxy throws for every name: the first tells enough.
      break;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, { schema, cause });
  return copy as T;
}
