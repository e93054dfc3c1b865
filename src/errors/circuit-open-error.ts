import { describeRequest, TransportError, type TransportErrorDetails } from './transport-error.js';

/**
 * A request was not sent because the client's circuit breaker is open: the endpoint failed
 * `failureThreshold` times in a row, and the client lets no request through until
 * `resetAfterMs` has passed (then one trial request decides). Code `CIRCUIT_OPEN`. Nothing
 * reached the server, so the request can be sent again later as it is.
 *
 * @example
 * catch (error) {
 *   if (error instanceof CircuitOpenError) return queue.requeue(message, { delayMs: 30_000 });
 *   throw error;
 * }
 */
export class CircuitOpenError extends TransportError<'CIRCUIT_OPEN'> {
  /**
   * @param details - the request that was not sent; the URL is redacted here.
   * @param options - `cause`: the breaker's own error.
   */
  constructor(details: TransportErrorDetails, options?: { readonly cause?: unknown }) {
    super(
      'CIRCUIT_OPEN',
      `${describeRequest(details)} not sent: the circuit breaker is open`,
      details,
      options,
    );
  }

  override get name(): string {
    return 'CircuitOpenError';
  }
}
