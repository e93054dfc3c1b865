import { HttpError } from '../../../src/errors/http-error.js';
import { NetworkError } from '../../../src/errors/network-error.js';
import { TimeoutError } from '../../../src/errors/timeout-error.js';
import { type HttpRequest, isStreamBody } from '../http-request.js';
import { RESPONSE_TOO_LARGE } from '../transport/axios-transport.js';

/** Statuses that say "try again": request timeout, too early, too many requests, and server trouble. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Methods that are idempotent by definition (RFC 9110 §9.2.2), so a repeat does no harm. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Network failures that are worth another try: resets, refusals, unreachable networks, DNS
 * hiccups and responses cut off mid-body. TLS and certificate failures, invalid URLs and
 * invalid headers are not: they would fail the same way again.
 */
const TRANSIENT_SYSTEM_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'ERR_BAD_RESPONSE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * Whether a request may be sent again: GET, HEAD, OPTIONS, PUT and DELETE always; POST and
 * PATCH only when they carry an `Idempotency-Key`, with which the server can recognise the
 * repeat; never a request whose body is a stream, which is read as it is sent and is gone.
 * @returns true when a retry cannot apply the request twice and can send the same body.
 */
export function isRetryableRequest(request: HttpRequest): boolean {
  return (
    (IDEMPOTENT_METHODS.has(request.method) || request.headers['idempotency-key'] !== undefined) &&
    !isStreamBody(request.body)
  );
}

/**
 * Whether a failure may go away on its own: a timeout, a transient network error, or one of
 * the statuses 408, 425, 429, 500, 502, 503 and 504. Any other 4xx never is.
 * @returns true when another attempt may succeed.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof HttpError) return error.code === 'HTTP_STATUS' && RETRYABLE_STATUSES.has(error.status);
  if (error instanceof NetworkError)
    return error.systemCode !== undefined && TRANSIENT_SYSTEM_CODES.has(error.systemCode);
  return false;
}

/**
 * Whether a failure says the endpoint is unwell, for the circuit breaker: timeouts, network
 * errors and 5xx statuses. A 4xx is the caller's problem (or, for 429, a request to slow
 * down, which `Retry-After` handles) and does not count, nor does an answer that was too large.
 * @returns true when the failure counts against the endpoint.
 */
export function isEndpointFailure(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof NetworkError) return error.systemCode !== RESPONSE_TOO_LARGE;
  return error instanceof HttpError && error.code === 'HTTP_STATUS' && error.status >= 500;
}
