import type { HttpHandler } from '../http-request.js';

/**
 * Where a middleware runs, outermost first. The order is fixed so that adding a middleware
 * never depends on the order of a list:
 * - `initialize`: once per call, before any attempt (correlation id, trace context).
 * - `retry`: once per call; repeats everything below it.
 * - `authenticate`: per attempt (credentials, an OAuth2 token refreshed once on 401; CSRF tokens later).
 * - `guard`: per request (circuit breaker, rate limit): may refuse or delay it.
 * - `attempt`: per request the guards let through: counts it, gives it its own trace span.
 * - `deadline`: per request sent (the time limit), right around the transport.
 */
export type HttpStep = 'initialize' | 'retry' | 'authenticate' | 'guard' | 'attempt' | 'deadline';

/** The steps in the order a request passes them. */
export const HTTP_STEPS: readonly HttpStep[] = [
  'initialize',
  'retry',
  'authenticate',
  'guard',
  'attempt',
  'deadline',
];

/**
 * A named piece of the request pipeline: it wraps the next handler into a new one
 * (SAP Cloud SDK's `Middleware`, smithy's steps).
 */
export interface HttpMiddleware {
  /** A name for logs and tests, e.g. `retry`. */
  readonly name: string;
  readonly step: HttpStep;
  /** Returns a handler that does this middleware's work around `next`. */
  readonly wrap: (next: HttpHandler) => HttpHandler;
}

/**
 * Builds the request pipeline: the middlewares sorted by step (stable within a step), each
 * wrapping the ones after it, around the transport.
 * @returns the handler that runs the whole pipeline.
 * @example
 * const send = composeMiddleware(
 *   [createTimeoutMiddleware(5_000, redactor), createRetryMiddleware(options, cockatiel)],
 *   transport,
 * ); // retry (step 'retry') wraps the timeout (step 'deadline'), whatever the order of the list
 */
export function composeMiddleware(
  middlewares: readonly HttpMiddleware[],
  transport: HttpHandler,
): HttpHandler {
  const ordered = [...middlewares].sort((a, b) => HTTP_STEPS.indexOf(a.step) - HTTP_STEPS.indexOf(b.step));
  return ordered.reduceRight<HttpHandler>((next, middleware) => middleware.wrap(next), transport);
}
