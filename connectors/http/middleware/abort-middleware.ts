import { AbortedError } from '../../../src/errors/aborted-error.js';
import { watchAbort } from '../abort/watch-abort.js';
import { toErrorDetails } from '../errors/request-details.js';
import type { SecretRedactor } from '../errors/secret-redactor.js';
import type { HttpRequest } from '../http-request.js';
import type { HttpMiddleware } from './http-middleware.js';

/**
 * The abort step (`initialize`, once per call, after the correlation id is set): a call whose
 * `signal` is already aborted is not sent at all, and one whose signal aborts while it runs
 * rejects at once with {@link AbortedError}, whether it is sending, waiting for a retry or
 * waiting for the rate limit. The `deadline` step cancels the attempt in flight and refuses
 * to send another, the rate limit gives the turn of an aborted call back, and the OAuth2 step
 * fetches no token for it, so nothing goes out after the abort. Calls without a signal pass
 * through.
 *
 * @returns the middleware.
 */
export function createAbortMiddleware(redactor: SecretRedactor): HttpMiddleware {
  return {
    name: 'abort',
    step: 'initialize',
    wrap: (next) => (request) => {
      const signal = request.callSignal;
      if (signal === undefined) return next(request);
      if (signal.aborted) return Promise.reject(abortedError(request, signal, redactor));
      return new Promise((resolve, reject) => {
        const unwatch = watchAbort(signal, () => reject(abortedError(request, signal, redactor)));
        next(request).then(
          (response) => {
            unwatch();
            resolve(response);
          },
          (error: unknown) => {
            unwatch();
            reject(error);
          },
        );
      });
    },
  };
}

/**
 * The error of a call its caller aborted, with the signal's reason as its cause.
 * @returns the error.
 */
export function abortedError(
  request: HttpRequest,
  signal: AbortSignal,
  redactor: SecretRedactor,
): AbortedError {
  return new AbortedError(toErrorDetails(request, redactor), { cause: signal.reason });
}
