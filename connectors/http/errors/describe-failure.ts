import { HttpError } from '../../../src/errors/http-error.js';
import { NetworkError } from '../../../src/errors/network-error.js';
import { TimeoutError } from '../../../src/errors/timeout-error.js';
import type { TransportError } from '../../../src/errors/transport-error.js';

/**
 * How a request ended, in a few words for another error's message: `HTTP 503`, `an invalid
 * response (HTTP 200)`, `a timeout after 5000 ms`, `a network error (ECONNRESET)`.
 * @returns the words; the error's code for any other error.
 */
export function describeFailure(error: TransportError): string {
  if (error instanceof HttpError)
    return error.code === 'HTTP_STATUS'
      ? `HTTP ${error.status}`
      : `an invalid response (HTTP ${error.status})`;
  if (error instanceof TimeoutError) return `a timeout after ${error.timeoutMs} ms`;
  if (error instanceof NetworkError)
    return error.systemCode === undefined ? 'a network error' : `a network error (${error.systemCode})`;
  return error.code;
}
