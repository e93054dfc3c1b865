import {
  describeAttempts,
  describeRequest,
  TransportError,
  type TransportErrorDetails,
} from './transport-error.js';

/** The request that failed, and the system's code for the failure. */
export interface NetworkErrorDetails extends TransportErrorDetails {
  /**
   * The code Node.js or axios gave the failure, e.g. `ECONNRESET`, `ECONNREFUSED`,
   * `ENOTFOUND`, `ERR_BAD_RESPONSE` (the response was cut off), `CERT_HAS_EXPIRED`.
   */
  readonly systemCode?: string;
}

/**
 * A request failed below HTTP: the connection was refused or reset, the name did not resolve,
 * the TLS handshake failed, or the response was cut off before its end. Code `NETWORK_ERROR`;
 * `systemCode` says which (`ECONNRESET`...). The client retries the transient ones
 * (resets, refusals, cut-off responses, DNS timeouts) for requests that are safe to repeat;
 * TLS failures are never retried.
 *
 * @example
 * catch (error) {
 *   if (error instanceof NetworkError && error.systemCode === 'ECONNREFUSED') alert('MES down');
 * }
 */
export class NetworkError extends TransportError<'NETWORK_ERROR'> {
  /** The code Node.js or axios gave the failure, when it gave one. */
  readonly systemCode: string | undefined;

  /**
   * @param details - the request and the system code; the URL is redacted here.
   * @param options - `cause`: a sanitised copy of the lower error (never one holding headers).
   */
  constructor(details: NetworkErrorDetails, options?: { readonly cause?: unknown }) {
    const reason = details.systemCode === undefined ? '' : ` (${details.systemCode})`;
    super(
      'NETWORK_ERROR',
      `${describeRequest(details)} failed${describeAttempts(details.attempts)}: network error${reason}`,
      details,
      options,
    );
    this.systemCode = details.systemCode;
  }

  override get name(): string {
    return 'NetworkError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    return { ...super.jsonDetails(), systemCode: this.systemCode };
  }
}
