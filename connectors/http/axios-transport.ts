import type { AxiosResponse, AxiosStatic } from 'axios';
import { NetworkError } from '../../src/errors/network-error.js';
import { createHttpError } from './create-http-error.js';
import type { HttpHandler, HttpResponseHeaders } from './http-request.js';
import { toErrorDetails } from './request-details.js';
import type { ResolvedHttpOptions } from './resolve-http-options.js';
import { sanitizeError } from './sanitize-error.js';
import type { SecretRedactor } from './secret-redactor.js';

const passThrough = <T>(data: T): T => data;

/**
 * The transport: one axios instance per client, set up once. Bodies travel as text both ways
 * (the REST layer serialises and parses JSON itself), every status resolves (no exception is
 * built for a 4xx that middleware may handle), and redirects are not followed, so that a
 * header credential never reaches another host through a `Location`.
 *
 * @returns a handler that resolves with 2xx responses and throws {@link HttpError} for any
 *   other status and {@link NetworkError} (with a sanitised cause) when no response came.
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
