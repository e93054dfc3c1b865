import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import type { HttpRequestInit } from '../http/create-http-request.js';
import type { HttpMethod } from '../http/http-request.js';
import type { ResponseType, RestRequest } from './rest-request.js';

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);
const RESPONSE_TYPES: ReadonlySet<string> = new Set(['json', 'text', 'buffer', 'stream']);

/** A {@link RestRequest} checked, with the request options for the HTTP layer. */
export interface ResolvedRestRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly params: RestRequest['params'];
  readonly responseType: ResponseType;
  readonly init: HttpRequestInit;
}

/**
 * Checks what a caller passed to `request()` and fills the defaults: a JSON response, asked
 * for with `accept: application/json` (any type for the other response types) unless the call
 * or the client sets `accept`.
 * @returns the resolved request.
 * @throws {ValidationError} for a request that is not an object, or a `method` or
 *   `responseType` that is not one of the allowed values (paths `/method`, `/responseType`);
 *   the path, the body and the other options are checked as the request is built.
 */
export function resolveRestRequest(request: RestRequest): ResolvedRestRequest {
  if (typeof request !== 'object' || request === null) {
    throw new ValidationError(
      [
        {
          path: '',
          code: 'invalid_type',
          message: "must be an object such as { method: 'GET', path: '/orders' }",
        },
      ],
      { schema: 'RestRequest' },
    );
  }
  const issues: ValidationIssue[] = [];
  if (!METHODS.has(request.method)) {
    issues.push({
      path: '/method',
      code: 'invalid_value',
      message: `must be one of ${[...METHODS].join(', ')}`,
    });
  }
  const responseType = request.responseType ?? 'json';
  if (!RESPONSE_TYPES.has(responseType)) {
    issues.push({
      path: '/responseType',
      code: 'invalid_value',
      message: "must be 'json', 'text', 'buffer' or 'stream'",
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, { schema: 'RestRequest' });
  return {
    method: request.method,
    path: request.path,
    params: request.params,
    responseType,
    init: {
      headers: request.headers,
      body: request.body,
      accept: responseType === 'json' ? 'application/json' : '*/*',
      responseType: responseType === 'json' ? 'text' : responseType,
      acceptStatus: request.acceptStatus,
      correlationId: request.correlationId,
      idempotencyKey: request.idempotencyKey,
      signal: request.signal,
    },
  };
}
