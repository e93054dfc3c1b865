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
   * Where the data came from, when it did not come from the caller, e.g. `the response to GET
   * https://mes.example/api/workorders/1 (correlation id c-1)`; named in the message.
   */
  readonly context: string | undefined;

  /**
   * @param issues - the problems found; at least one.
   * @param options - `schema`: the name of the schema; `context`: where the data came from
   *   (it must hold no secret: a URL is given redacted); `cause`: a wrapped lower error.
   */
  constructor(
    issues: readonly ValidationIssue[],
    options?: { readonly schema?: string; readonly context?: string; readonly cause?: unknown },
  ) {
    super('VALIDATION_FAILED', describeIssues(issues, options?.schema, options?.context), {
      cause: options?.cause,
    });
    this.issues = issues;
    this.schema = options?.schema;
    this.context = options?.context;
  }

  override get name(): string {
    return 'ValidationError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    return {
      schema: this.schema,
      ...(this.context === undefined ? {} : { context: this.context }),
      issues: this.issues,
    };
  }
}

function describeIssues(
  issues: readonly ValidationIssue[],
  schema: string | undefined,
  context: string | undefined,
): string {
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
  const more = issues.length > ISSUES_IN_MESSAGE ? `; and ${issues.length - ISSUES_IN_MESSAGE} more` : '';
  const subject = context === undefined ? (schema ?? 'data') : `${schema ?? 'data'} in ${context}`;
  return `${subject} is invalid: ${listed.join('; ')}${more}`;
}
