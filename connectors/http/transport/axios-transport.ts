import type { AxiosResponse, AxiosStatic } from 'axios';
import { NetworkError } from '../../../src/errors/network-error.js';
import { createHttpError } from '../errors/create-http-error.js';
import { toErrorDetails } from '../errors/request-details.js';
import { sanitizeError } from '../errors/sanitize-error.js';
import type { SecretRedactor } from '../errors/secret-redactor.js';
import type { HttpHandler, HttpResponseHeaders } from '../http-request.js';
import type { ResolvedHttpOptions } from '../resolve-http-options.js';

const passThrough = <T>(data: T): T => data;

/** The `systemCode` of a response whose body passed `maxResponseBytes`. */
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/**
 * The transport: one axios instance per client, set up once. Bodies travel as text both ways
 * (the REST layer serialises and parses JSON itself), every status resolves (no exception is
 * built for a 4xx that middleware may handle), redirects are not followed, so that a header
 * credential never reaches another host through a `Location`, and a response body is read up
 * to `maxResponseBytes` (decompressed) and no further.
 *
 * @returns a handler that resolves with 2xx responses and throws {@link HttpError} for any
 *   other status, and {@link NetworkError} (with a sanitised cause) when no response came or
 *   its body was too large (`systemCode` {@link RESPONSE_TOO_LARGE}).
 */
export function createAxiosTransport(
  axios: AxiosStatic,
  options: ResolvedHttpOptions,
  redactor: SecretRedactor,
): HttpHandler {
  const instance = axios.create({
    httpAgent: options.httpAgent,
    httpsAgent: options.httpsAgent,
    maxRedirects: 0,
    // Request bodies are the caller's own data; only what an untrusted server sends is capped.
    maxContentLength: options.maxResponseBytes,
    responseType: 'text',
    transformRequest: [passThrough],
    transformResponse: [passThrough],
    validateStatus: null,
  });
  return async (request) => {
    let response: AxiosResponse<unknown>;
    try {
      response = await instance.request({
        method: request.method,
        url: request.url,
        headers: request.headers,
        data: request.body,
        signal: request.signal,
      });
    } catch (error) {
      if (isTooLarge(error)) {
        const problem = `the response body is larger than maxResponseBytes (${options.maxResponseBytes} bytes)`;
        throw new NetworkError(
          { ...toErrorDetails(request, redactor), systemCode: RESPONSE_TOO_LARGE },
          { cause: new Error(problem) },
        );
      }
      const systemCode = (error as { code?: unknown }).code;
      throw new NetworkError(
        { ...toErrorDetails(request, redactor), ...(typeof systemCode === 'string' ? { systemCode } : {}) },
        { cause: sanitizeError(error, redactor) },
      );
    }
    const received = {
      status: response.status,
      headers: response.headers as HttpResponseHeaders,
      body: typeof response.data === 'string' ? response.data : '',
    };
    if (received.status < 200 || received.status > 299) throw createHttpError(request, received, redactor);
    return received;
  };
}

/** Whether axios stopped reading because the body passed `maxContentLength` (its only sign is the message). */
function isTooLarge(error: unknown): boolean {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return code === 'ERR_BAD_RESPONSE' && typeof message === 'string' && message.startsWith('maxContentLength');
}
