import { TransportError } from '../../../src/errors/transport-error.js';
import { continueTrace } from './create-traceparent.js';
import type { HttpMiddleware } from './http-middleware.js';

/**
 * The `attempt` step, once for every request the guards let through, right before its time
 * limit starts: counts it in the call's progress (errors say how many attempts were made),
 * gives every request after the first its own span in the call's trace (a new parent-id in
 * `traceparent`, same trace-id and flags, so each attempt shows as its own span), and records
 * how a failed one ended (an open circuit then says what happened before it).
 *
 * @returns the middleware.
 */
export function createAttemptMiddleware(): HttpMiddleware {
  return {
    name: 'attempt',
    step: 'attempt',
    wrap: (next) => (request) => {
      const { progress, headers } = request;
      if (progress.sent > 0)
        headers.traceparent = continueTrace(headers.traceparent, headers['x-correlation-id']);
      progress.sent += 1;
      return next(request).catch((error: unknown) => {
        if (error instanceof TransportError) progress.lastFailure = error;
        throw error;
      });
    },
  };
}
