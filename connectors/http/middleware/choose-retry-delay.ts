import { HttpError } from '../../../src/errors/http-error.js';
import { computeBackoffDelay } from './compute-backoff-delay.js';

/** The resolved retry options the wait depends on. */
export interface RetryDelaySettings {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

/**
 * Whether the server asked for a longer wait (`Retry-After`) than `maxRetryAfterMs` allows: the
 * call is then not retried and fails at once with the server's answer, whose `retryAfterMs`
 * tells the caller when to send it again (as got and ky do), instead of asking again too early.
 *
 * @returns true when the error is an `HttpError` with a `Retry-After` above the limit.
 */
export function exceedsRetryAfter(error: unknown, settings: RetryDelaySettings): boolean {
  return (
    error instanceof HttpError &&
    error.retryAfterMs !== undefined &&
    error.retryAfterMs > settings.maxRetryAfterMs
  );
}

/**
 * The wait before a retry: the exponential backoff with full jitter, or the server's
 * `Retry-After` when that is longer. A `Retry-After` never shortens the wait, so a date in the
 * past (or `0`) cannot make every retry of every client go out at once.
 *
 * @param retry - which retry this is: 1 for the first.
 * @param error - why the attempt before failed.
 * @param random - a source of numbers in [0, 1). @default Math.random
 * @returns the wait in milliseconds.
 * @example
 * chooseRetryDelay(1, httpErrorWithRetryAfterInThePast, { baseDelayMs: 200, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 });
 * // between 0 and 199, never 0 by the header
 */
export function chooseRetryDelay(
  retry: number,
  error: unknown,
  settings: RetryDelaySettings,
  random: () => number = Math.random,
): number {
  const backoff = computeBackoffDelay(retry, settings.baseDelayMs, settings.maxDelayMs, random);
  const retryAfter = error instanceof HttpError ? error.retryAfterMs : undefined;
  return retryAfter === undefined
    ? backoff
    : Math.max(backoff, Math.min(retryAfter, settings.maxRetryAfterMs));
}
