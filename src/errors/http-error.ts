import {
  describeAttempts,
  describeRequest,
  TransportError,
  type TransportErrorDetails,
} from './transport-error.js';

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
/** How many characters of the body the message quotes. */
const EXCERPT_LENGTH = 200;

/**
 * An HTTP request got a response that cannot be used: a status outside 200-299
 * (`HTTP_STATUS`), or a body that is not what the API promised (`INVALID_RESPONSE`).
 *
 * Carries the status, the method, the URL (without credentials or secret query values), the
 * correlation id, the number of attempts and the first 4 KiB of the body, so a failed call can
 * be understood from the error alone; the message quotes the start of the body (markup
 * removed), e.g. `POST https://mes.example/api/confirmations failed with HTTP 422 after 1
 * attempt: {"error":"yield must be positive"}`. The connectors redact every credential and
 * every secret the request carried from the body before it gets here. Which statuses are
 * retried is decided by the client, not here: 408, 425, 429, 500, 502, 503 and 504 are; any
 * other status is not.
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
    const body = details.body === undefined || details.body === '' ? undefined : truncateBody(details.body);
    super(code, describeResponse(code, details, body), details, options);
    this.status = details.status;
    this.body = body;
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

function describeResponse(code: HttpErrorCode, details: HttpErrorDetails, body: string | undefined): string {
  const request = describeRequest(details);
  const attempts = describeAttempts(details.attempts);
  if (code === 'INVALID_RESPONSE') {
    return `${request} returned an invalid response (HTTP ${details.status})${attempts}: ${details.problem ?? 'unusable body'}`;
  }
  const retryAfter =
    details.retryAfterMs === undefined ? '' : ` (Retry-After: ${Math.ceil(details.retryAfterMs / 1000)} s)`;
  const excerpt = body === undefined ? '' : excerptOf(body);
  return `${request} failed with HTTP ${details.status}${attempts}${retryAfter}${excerpt === '' ? '' : `: ${excerpt}`}`;
}

/**
 * The start of a body for a message: tags removed from markup (an HTML error page, a SOAP
 * fault), control characters and runs of white space made one space, cut to 200 characters.
 */
function excerptOf(body: string): string {
  const text = (/^\s*</.test(body) ? body.replace(/<[^>]*>/g, ' ') : body)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must not reach a log line.
    .replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  let end = EXCERPT_LENGTH - 1;
  // Never end on the first half of a surrogate pair.
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
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
