import { describeRequest, TransportError, type TransportErrorDetails } from './transport-error.js';

/**
 * The caller aborted the call through the `signal` it passed (an `AbortController`,
 * `AbortSignal.timeout(ms)`, a shutdown hook). Code `ABORTED`. The attempt in flight was
 * cancelled and no further attempt is made; a POST or PATCH that was already sent may have
 * been applied, so send it again with the same `Idempotency-Key` to be sure. Never retried by
 * the client and never counted against the circuit breaker. `cause` is the signal's `reason`.
 *
 * @example
 * const controller = new AbortController();
 * process.once('SIGTERM', () => controller.abort());
 * try { await mes.post('/confirmations', confirmation, { signal: controller.signal }); }
 * catch (error) {
 *   if (error instanceof AbortedError) return queue.requeue(message); // shutting down: try again later
 *   throw error;
 * }
 */
export class AbortedError extends TransportError<'ABORTED'> {
  /**
   * @param details - the request that was aborted; the URL is redacted here.
   * @param options - `cause`: the signal's `reason`.
   */
  constructor(details: TransportErrorDetails, options?: { readonly cause?: unknown }) {
    super(
      'ABORTED',
      `${describeRequest(details)} aborted by the caller${describeSent(details.attempts)}`,
      details,
      options,
    );
  }

  override get name(): string {
    return 'AbortedError';
  }
}

function describeSent(attempts: number | undefined): string {
  if (attempts === undefined) return '';
  if (attempts === 0) return ' before it was sent';
  return ` (${attempts} attempt${attempts === 1 ? '' : 's'} sent)`;
}
