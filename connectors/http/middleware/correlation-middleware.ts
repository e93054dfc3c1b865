import { createTraceparent } from './create-traceparent.js';
import type { HttpMiddleware } from './http-middleware.js';

/**
 * The correlation step (`initialize`, once per call): every request carries an
 * `x-correlation-id` (the caller's when given, else a new one from `createId`) and a W3C
 * `traceparent` (the caller's when given). All attempts of a call share both, so the server's
 * logs show one call however often it was retried.
 *
 * @param createId - makes a correlation id, e.g. `crypto.randomUUID`.
 * @returns the middleware.
 */
export function createCorrelationMiddleware(createId: () => string): HttpMiddleware {
  return {
    name: 'correlation',
    step: 'initialize',
    wrap: (next) => (request) => {
      const headers = request.headers;
      const correlationId = headers['x-correlation-id'] ?? createId();
      headers['x-correlation-id'] = correlationId;
      headers.traceparent ??= createTraceparent(correlationId);
      return next(request);
    },
  };
}
