import { describeRequest, TransportError, type TransportErrorDetails } from './transport-error.js';

/** The request that timed out, and the limit it exceeded. */
export interface TimeoutErrorDetails extends TransportErrorDetails {
  /** The time limit of one attempt, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * One attempt of a request took longer than its time limit (`timeoutMs`, the whole exchange
 * from connecting to the last byte of the body) and was aborted. Code `TIMEOUT`. The client
 * retries timeouts of requests that are safe to repeat; this error is what is left when every
 * attempt timed out, or when the last one did.
 *
 * @example
 * catch (error) {
 *   if (error instanceof TimeoutError) logger.warn(`MES slow: ${error.timeoutMs} ms exceeded`);
 * }
 */
export class TimeoutError extends TransportError<'TIMEOUT'> {
  /** The time limit of one attempt, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param details - the request and its time limit; the URL is redacted here.
   * @param options - `cause`: a sanitised lower error.
   */
  constructor(details: TimeoutErrorDetails, options?: { readonly cause?: unknown }) {
    const attempt = details.attempts === undefined ? '' : ` (attempt ${details.attempts})`;
    super(
      'TIMEOUT',
      `${describeRequest(details)} timed out after ${details.timeoutMs} ms${attempt}`,
      details,
      options,
    );
    this.timeoutMs = details.timeoutMs;
  }

  override get name(): string {
    return 'TimeoutError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    return { ...super.jsonDetails(), timeoutMs: this.timeoutMs };
  }
}
