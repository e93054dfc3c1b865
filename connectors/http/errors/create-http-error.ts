import { HttpError, type HttpErrorCode } from '../../../src/errors/http-error.js';
import type { HttpRequest, HttpResponseHeaders } from '../http-request.js';
import { parseRetryAfter } from '../middleware/parse-retry-after.js';
import { redactorFor, toErrorDetails } from './request-details.js';
import type { SecretRedactor } from './secret-redactor.js';

/** How much of a body is read and redacted (64 KiB); HttpError keeps only its first 4 KiB anyway. */
export const BODY_SCAN_LIMIT = 65_536;

/** What came back: status, headers and body. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: HttpResponseHeaders;
  readonly body: string;
}

/**
 * Builds the {@link HttpError} for a response: a status outside 200-299 (`HTTP_STATUS`), or a
 * response that cannot be used (`INVALID_RESPONSE`, with `problem`). The body is redacted
 * before it is kept, because servers echo requests in error pages: the client's credentials
 * and the call's own secrets (secret query values, headers, cookies, form and JSON fields) are
 * replaced, in every encoding the redactor knows.
 *
 * @returns the error, with `retryAfterMs` from a `Retry-After` header.
 */
export function createHttpError(
  request: HttpRequest,
  response: ReceivedResponse,
  redactor: SecretRedactor,
  code: HttpErrorCode = 'HTTP_STATUS',
  problem?: string,
): HttpError {
  const retryAfter = response.headers['retry-after'];
  return new HttpError(code, {
    ...toErrorDetails(request, redactor),
    status: response.status,
    body: redactorFor(request, redactor).redact(response.body.slice(0, BODY_SCAN_LIMIT)),
    retryAfterMs: parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined),
    ...(problem === undefined ? {} : { problem }),
  });
}
