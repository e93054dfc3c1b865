import { describeRequest, TransportError, type TransportErrorDetails } from './transport-error.js';

/** The request that was not sent, and what happened to the call before. */
export interface CircuitOpenErrorDetails extends TransportErrorDetails {
  /** How the last request the call sent ended, e.g. `HTTP 503`; given when `attempts` > 0. */
  readonly lastFailure?: string;
}

/**
 * A request was not sent because the client's circuit breaker is open: the endpoint failed
 * `failureThreshold` times in a row, and the client lets no request through until
 * `resetAfterMs` has passed (then one trial request decides). Code `CIRCUIT_OPEN`.
 *
 * When the breaker opened while a call was being retried, `attempts` says how many requests
 * the call had sent before (`cause` is the error of the last one, and the message says how it
 * ended): a POST or PATCH among them may have been applied, so send it again with the same
 * `Idempotency-Key`. With `attempts` 0 nothing reached the server, and the request can be sent
 * again later as it is.
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
   * @param options - `cause`: the error of the last request the call sent, if any.
   */
  constructor(details: CircuitOpenErrorDetails, options?: { readonly cause?: unknown }) {
    super('CIRCUIT_OPEN', describeRefusal(details), details, options);
  }

  override get name(): string {
    return 'CircuitOpenError';
  }
}

function describeRefusal(details: CircuitOpenErrorDetails): string {
  const request = describeRequest(details);
  const sent = details.attempts ?? 0;
  if (sent === 0) return `${request} not sent: the circuit breaker is open`;
  const failed = sent === 1 ? '1 attempt failed' : `${sent} attempts failed`;
  const last =
    details.lastFailure === undefined
      ? ''
      : sent === 1
        ? ` (${details.lastFailure})`
        : ` (the last: ${details.lastFailure})`;
  return `${request}: ${failed}${last}, then the circuit breaker opened; no further attempt was sent`;
}
