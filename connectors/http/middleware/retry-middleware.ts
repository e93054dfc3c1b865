import type * as Cockatiel from 'cockatiel';
import { HttpError } from '../../../src/errors/http-error.js';
import type { TransportError } from '../../../src/errors/transport-error.js';
import type { SecretRedactor } from '../errors/secret-redactor.js';
import type { ResolvedHttpOptions } from '../resolve-http-options.js';
import { abortedError } from './abort-middleware.js';
import { chooseRetryDelay, exceedsRetryAfter } from './choose-retry-delay.js';
import type { HttpMiddleware } from './http-middleware.js';
import { isRetryableError, isRetryableRequest } from './is-retryable.js';

/**
 * The `retry` step: sends a request that is safe to repeat up to `retry.attempts` times, while
 * it fails with a retryable error. Between attempts it waits an exponential backoff with full
 * jitter, or the server's `Retry-After` when that is longer; a `Retry-After` longer than
 * `maxRetryAfterMs` ends the call at once with that answer. It calls `onRetry` before waiting. One cockatiel retry policy serves all calls of a client: every
 * retried error carries its request, so the hook needs no per-call state. An aborted call
 * (`callSignal`) gets no further attempt; a wait already begun runs out in the background
 * (cockatiel's waits cannot be cancelled) and ends without sending anything, not even a
 * token request.
 *
 * @returns the middleware.
 */
export function createRetryMiddleware(
  options: ResolvedHttpOptions,
  cockatiel: typeof Cockatiel,
  redactor: SecretRedactor,
): HttpMiddleware {
  const settings = options.retry;
  const { logger, onRetry } = options;
  const retryable = (error: unknown): boolean =>
    isRetryableError(error) && !exceedsRetryAfter(error, settings);
  const policy = cockatiel.retry(cockatiel.handleWhen(retryable), {
    maxAttempts: settings.attempts - 1,
    backoff: new cockatiel.DelegateBackoff<Cockatiel.IRetryBackoffContext<unknown>>((context) =>
      chooseRetryDelay(
        context.attempt,
        'error' in context.result ? context.result.error : undefined,
        settings,
      ),
    ),
  });
  policy.onRetry((event) => {
    // Only errors that isRetryableError accepted get here, and all of them are TransportErrors.
    const error = ('error' in event ? event.error : undefined) as TransportError;
    const request = { method: error.method, url: error.url, correlationId: error.correlationId };
    logger.warn('millwright: retrying HTTP request', {
      ...request,
      attempt: event.attempt,
      delayMs: event.delay,
      error: error.code,
      status: error instanceof HttpError ? error.status : undefined,
    });
    onRetry?.({ attempt: event.attempt, delayMs: event.delay, error, request });
  });
  return {
    name: 'retry',
    step: 'retry',
    wrap: (next) => (request) =>
      settings.attempts > 1 && isRetryableRequest(request)
        ? policy.execute(
            ({ signal }) =>
              signal.aborted ? Promise.reject(abortedError(request, signal, redactor)) : next(request),
            request.callSignal,
          )
        : next(request),
  };
}
