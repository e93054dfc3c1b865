import { describeRequest, TransportError, type TransportErrorDetails } from './transport-error.js';

/**
 * Why an HTTP exchange failed although a response arrived:
 * - `HTTP_STATUS`: the server answered with a status outside 200-299.
 * - `INVALID_RESPONSE`: the status was fine but the response cannot be used (a body that is
 *   not JSON, a token response without a token, a next-page link to another origin).
 */
export type HttpErrorCode = 'HTTP_STATUS' | 'INVALID_RESPONSE';

/** What the response said; nothing in it may be secret (the connectors redact the body first). */
export interface HttpErrorDetails extends TransportErrorDetails {
  /** The response status, e.g. `503`. */
  readonly status: number;
  /** The response body as text; kept up to {@link HTTP_ERROR_BODY_LIMIT} bytes of UTF-8. */
  readonly body?: string;
  /** The delay the server asked for in `Retry-After`, in milliseconds, before any cap. */
  readonly retryAfterMs?: number;
  /** For `INVALID_RESPONSE`: what is wrong with the response, e.g. `the body is not JSON`. */
  readonly problem?: string;
}

/** How many bytes of the response body an {@link HttpError} keeps: 4 KiB. */
export const HTTP_ERROR_BODY_LIMIT = 4096;

/**
 * An HTTP request got a response that cannot be used: a status outside 200-299
 * (`HTTP_STATUS`), or a body that is not what the API promised (`INVALID_RESPONSE`).
 *
 * Carries the status, the method, the URL (without credentials or secret query values), the
 * correlation id and the first 4 KiB of the body, so a failed call can be understood from the
 * error alone. Which statuses are retried is decided by the client, not here:
 * 408, 425, 429, 500, 502, 503 and 504 are; any other status is not.
 *
 * @example
 * try { await client.get(`/workorders/${id}`); }
 * catch (error) {
 *   if (error instanceof HttpError && error.status === 404) return undefined;
 *   throw error;
 * }
 */
export class HttpError extends TransportError<HttpErrorCode> {
  /** The response status. */
  readonly status: number;
  /** The response body, at most 4 KiB of it, or undefined when there was none. */
  readonly body: string | undefined;
  /** The delay the server asked for in `Retry-After`, in milliseconds (uncapped). */
  readonly retryAfterMs: number | undefined;

  /**
   * @param code - `HTTP_STATUS` or `INVALID_RESPONSE`.
   * @param details - the request and the response; the URL is redacted and the body truncated here.
   * @param options - `cause`: a sanitised lower error.
   */
  constructor(code: HttpErrorCode, details: HttpErrorDetails, options?: { readonly cause?: unknown }) {
    super(code, describeResponse(code, details), details, options);
    this.status = details.status;
    this.body = details.body === undefined || details.body === '' ? undefined : truncateBody(details.body);
    this.retryAfterMs = details.retryAfterMs;
  }

  override get name(): string {
    return 'HttpError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { status, body, retryAfterMs } = this;
    return { ...super.jsonDetails(), status, body, retryAfterMs };
  }
}

function describeResponse(code: HttpErrorCode, details: HttpErrorDetails): string {
  const request = describeRequest(details);
  return code === 'HTTP_STATUS'
    ? `${request} failed with HTTP ${details.status}`
    : `${request} returned an invalid response (HTTP ${details.status}): ${details.problem ?? 'unusable body'}`;
}

/** Keeps the first 4 KiB of UTF-8, without a character cut in half. */
function truncateBody(body: string): string {
  if (body.length * 3 <= HTTP_ERROR_BODY_LIMIT) return body;
  const bytes = new TextEncoder().encode(body);
  if (bytes.length <= HTTP_ERROR_BODY_LIMIT) return body;
  let end = HTTP_ERROR_BODY_LIMIT;
  // Step back over UTF-8 continuation bytes (10xxxxxx) to the start of the cut character.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end -= 1;
  return new TextDecoder().decode(bytes.subarray(0, end));
}
