import type * as Cockatiel from 'cockatiel';
import { AbortedError } from '../../../src/errors/aborted-error.js';
import { CircuitOpenError } from '../../../src/errors/circuit-open-error.js';
import { redactUrl } from '../../../src/internal/redact-url.js';
import { describeFailure } from '../errors/describe-failure.js';
import { toErrorDetails } from '../errors/request-details.js';
import type { SecretRedactor } from '../errors/secret-redactor.js';
import type { ResolvedHttpOptions } from '../resolve-http-options.js';
import type { HttpMiddleware } from './http-middleware.js';
import { isEndpointFailure } from './is-retryable.js';

/**
 * The circuit breaker, in the `guard` step: cockatiel's breaker with a consecutive-failure
 * count, shared by all calls of a client. While it is open, requests fail at once with
 * {@link CircuitOpenError} and never reach the network; when it opened while a call was being
 * retried, the error says how many attempts the call made and how the last one ended, and
 * carries that attempt's error as its `cause`.
 *
 * @param settings - the resolved `circuitBreaker` options.
 * @returns the middleware.
 */
export function createCircuitBreakerMiddleware(
  settings: NonNullable<ResolvedHttpOptions['circuitBreaker']>,
  options: ResolvedHttpOptions,
  cockatiel: typeof Cockatiel,
  redactor: SecretRedactor,
): HttpMiddleware {
  // An aborted call says nothing about the endpoint and is not counted, except as the trial of
  // a half-open circuit: cockatiel would close the circuit on any error it does not count, so
  // an aborted trial counts as failed and the circuit opens again until the next trial.
  const counts = (error: unknown): boolean =>
    isEndpointFailure(error) ||
    (error instanceof AbortedError && breaker.state === cockatiel.CircuitState.HalfOpen);
  const breaker = cockatiel.circuitBreaker(cockatiel.handleWhen(counts), {
    halfOpenAfter: settings.resetAfterMs,
    breaker: new cockatiel.ConsecutiveBreaker(settings.failureThreshold),
  });
  const fields = { baseURL: redactor.redact(redactUrl(options.baseURL)) };
  breaker.onBreak(() => options.logger.warn('millwright: circuit opened', { ...fields, ...settings }));
  breaker.onHalfOpen(() =>
    options.logger.info('millwright: circuit half-open, sending a trial request', fields),
  );
  breaker.onReset(() => options.logger.info('millwright: circuit closed', fields));
  return {
    name: 'circuitBreaker',
    step: 'guard',
    wrap: (next) => async (request) => {
      try {
        return await breaker.execute(() => next(request));
      } catch (error) {
        if (error instanceof cockatiel.BrokenCircuitError) {
          const last = request.progress.lastFailure;
          throw new CircuitOpenError(
            {
              ...toErrorDetails(request, redactor),
              ...(last === undefined ? {} : { lastFailure: describeFailure(last) }),
            },
            { cause: last },
          );
        }
        throw error;
      }
    },
  };
}
