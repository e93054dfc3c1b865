import { MillwrightError } from './millwright-error.js';

/**
 * One reason why data was rejected.
 * - `path`: a JSON Pointer (RFC 6901) to the offending value, e.g. `/components/0/quantity/value`;
 *   the empty string points at the whole document.
 * - `code`: a stable code, e.g. `invalid_type`, `invalid_format`, `unrecognized_key`,
 *   `invalid_value`, `invalid_check_digit`.
 * - `message`: human-readable text derived from the code; not part of the contract.
 */
export interface ValidationIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** How many issues the error message lists before it says "and N more". */
const ISSUES_IN_MESSAGE = 3;

/**
 * Data did not match a millwright schema. `issues` lists every problem with the JSON Pointer of
 * the bad field. Thrown by the functions that must return valid data (`parseEvent`,
 * `createEvent`, adapters that validate what they send and receive); {@link validate} returns
 * the same issues instead of throwing.
 * @example
 * try { parseEvent(body); } catch (error) {
 *   if (error instanceof ValidationError) for (const issue of error.issues) log.warn(issue.path, issue.message);
 * }
 */
export class ValidationError extends MillwrightError<'VALIDATION_FAILED'> {
  /** Every problem found, each with the JSON Pointer of the offending value. */
  readonly issues: readonly ValidationIssue[];
  /** The name of the schema that rejected the data, e.g. `WorkOrder`, when known. */
  readonly schema: string | undefined;

  /**
   * @param issues - the problems found; at least one.
   * @param options - `schema`: the name of the schema; `cause`: a wrapped lower error.
   */
  constructor(
    issues: readonly ValidationIssue[],
    options?: { readonly schema?: string; readonly cause?: unknown },
  ) {
    super('VALIDATION_FAILED', describeIssues(issues, options?.schema), { cause: options?.cause });
    this.issues = issues;
    this.schema = options?.schema;
  }

  override get name(): string {
    return 'ValidationError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    return { schema: this.schema, issues: this.issues };
  }
}

function describeIssues(issues: readonly ValidationIssue[], schema: string | undefined): string {
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
  const more = issues.length > ISSUES_IN_MESSAGE ? `; and ${issues.length - ISSUES_IN_MESSAGE} more` : '';
  return `${schema ?? 'data'} is invalid: ${listed.join('; ')}${more}`;
}
