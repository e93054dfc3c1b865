import type { TransportErrorDetails } from '../../../src/errors/transport-error.js';
import type { HttpRequest } from '../http-request.js';
import { collectRequestSecrets } from './request-secrets.js';
import { extendRedactor, type SecretRedactor } from './secret-redactor.js';

/**
 * The redactor for text about one call: the client's credentials and the call's own secrets
 * (see `collectRequestSecrets`), made once per call, when the first error needs it.
 * @returns the redactor.
 */
export function redactorFor(request: HttpRequest, redactor: SecretRedactor): SecretRedactor {
  const progress = request.progress;
  progress.redactor ??= extendRedactor(redactor, collectRequestSecrets(request));
  return progress.redactor;
}

/**
 * What a transport error says about its request: method, URL with every known credential
 * redacted (the error class also strips user info and secret query values), correlation id,
 * and how many requests the call has sent.
 * @returns the details for an error's constructor.
 */
export function toErrorDetails(request: HttpRequest, redactor: SecretRedactor): TransportErrorDetails {
  return {
    method: request.method,
    url: redactorFor(request, redactor).redact(request.url),
    correlationId: request.headers['x-correlation-id'],
    attempts: request.progress.sent,
  };
}
