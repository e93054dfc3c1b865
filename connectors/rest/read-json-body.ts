import type { HttpError } from '../../src/errors/http-error.js';
import { createHttpError } from '../http/errors/create-http-error.js';
import type { SecretRedactor } from '../http/errors/secret-redactor.js';
import type { HttpRequest, HttpResponseHeaders } from '../http/http-request.js';
import { JSON_MEDIA_TYPE } from '../http/json-media-type.js';

/** A response whose body was read as text. */
export interface TextResponse {
  readonly status: number;
  readonly headers: HttpResponseHeaders;
  readonly body: string;
}

/**
 * Reads a response body as JSON, as the JSON helpers, `responseType: 'json'` and the listings do.
 * @param request - the request, named in the error.
 * @param response - the response, its body decoded as UTF-8.
 * @param redactor - the client's redactor, for the error.
 * @returns the parsed value; undefined for an empty body (204, or a 201 without content); the
 *   text itself when the body is not JSON and its `content-type` does not say it is (the server
 *   accepted the request, so its answer is handed over, not reported as a failure).
 * @throws {HttpError} code `INVALID_RESPONSE` when the `content-type` is JSON
 *   (`application/json`, `application/…+json`) but the body does not parse (a truncated or
 *   broken body): the server promised JSON and did not send it. The error names the method,
 *   the redacted URL, the status and the correlation id, and keeps the start of the body,
 *   redacted.
 * @example
 * readJsonBody(request, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"1"}' }, redactor); // { id: '1' }
 * readJsonBody(request, { status: 201, headers: { 'content-type': 'text/plain' }, body: 'Created' }, redactor); // 'Created'
 */
export function readJsonBody(
  request: HttpRequest,
  response: TextResponse,
  redactor: SecretRedactor,
): unknown {
  const text = response.body;
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (declaresJson(response.headers)) throw notJson(request, response, redactor);
    return text;
  }
}

function declaresJson(headers: HttpResponseHeaders): boolean {
  const type = headers['content-type'];
  return typeof type === 'string' && JSON_MEDIA_TYPE.test(type);
}

function notJson(request: HttpRequest, response: TextResponse, redactor: SecretRedactor): HttpError {
  return createHttpError(
    request,
    response,
    redactor,
    'INVALID_RESPONSE',
    'the body is declared JSON (content-type) but is not valid JSON; it may be truncated',
  );
}
