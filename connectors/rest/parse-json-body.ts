import { createHttpError } from '../http/errors/create-http-error.js';
import type { SecretRedactor } from '../http/errors/secret-redactor.js';
import type { HttpRequest, HttpResponse } from '../http/http-request.js';

/**
 * Parses a response body as JSON.
 * @returns the parsed value; undefined for an empty body (204, or a 201 without content).
 * @throws {HttpError} code `INVALID_RESPONSE` when the body is not JSON; the error keeps the
 *   first 4 KiB of it, redacted.
 */
export function parseJsonBody(
  request: HttpRequest,
  response: HttpResponse,
  redactor: SecretRedactor,
): unknown {
  if (response.body === '') return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    throw createHttpError(request, response, redactor, 'INVALID_RESPONSE', 'the body is not JSON');
  }
}
