import type { SecretRedactor } from '../errors/secret-redactor.js';
import type { HttpClock } from '../http-clock.js';
import type { ResolvedHttpOptions } from '../resolve-http-options.js';
import { abortedError } from './abort-middleware.js';
import type { HttpMiddleware } from './http-middleware.js';
import { createTokenBucket } from './token-bucket.js';

/**
 * The client-side rate limit, in the `guard` step: a token bucket shared by all calls of a
 * client; a request over the limit waits for its turn (cockatiel has no rate limiter, its
 * bulkhead limits concurrency, not rate). Retries take a turn like any other request. A call
 * aborted while it waits stops waiting at once, gives its turn back and fails with
 * `AbortedError`.
 *
 * @param settings - the resolved `rateLimit` options.
 * @param clock - what the bucket reads and the waits sleep on.
 * @returns the middleware.
 */
export function createRateLimitMiddleware(
  settings: NonNullable<ResolvedHttpOptions['rateLimit']>,
  clock: HttpClock,
  redactor: SecretRedactor,
): HttpMiddleware {
  const bucket = createTokenBucket(settings.requestsPerSecond, settings.burst, clock.now);
  return {
    name: 'rateLimit',
    step: 'guard',
    wrap: (next) => async (request) => {
      const waitMs = bucket.reserve();
      if (waitMs > 0) {
        const signal = request.callSignal;
        await clock.sleep(waitMs, signal);
        if (signal?.aborted) {
          bucket.release();
          throw abortedError(request, signal, redactor);
        }
      }
      return next(request);
    },
  };
}
