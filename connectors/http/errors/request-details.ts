import type { TransportErrorDetails } from '../../../src/errors/transport-error.js';
import type { HttpRequest } from '../http-request.js';
import type { SecretRedactor } from './secret-redactor.js';

/**
 * What a transport error says about its request: method, URL with every known credential
 * redacted (the error class also strips user info and secret query values), correlation id.
 * @returns the details for an error's constructor.
 */
export function toErrorDetails(request: HttpRequest, redactor: SecretRedactor): TransportErrorDetails {
  return {
    method: request.method,
    url: redactor.redact(request.url),
    correlationId: request.headers['x-correlation-id'],
  };
}
