import { PassThrough, type Readable } from 'node:stream';
import type {
  AxiosRequestConfig,
  AxiosResponse,
  AxiosStatic,
  RawAxiosRequestHeaders,
  ResponseType,
} from 'axios';
import { NetworkError } from '../../../src/errors/network-error.js';
import { watchAbort } from '../abort/watch-abort.js';
import { BODY_SCAN_LIMIT, createHttpError } from '../errors/create-http-error.js';
import { redactorFor, toErrorDetails } from '../errors/request-details.js';
import { sanitizeError } from '../errors/sanitize-error.js';
import type { SecretRedactor } from '../errors/secret-redactor.js';
import {
  type HttpHandler,
  type HttpRequest,
  type HttpResponseHeaders,
  type HttpResponseType,
  isStreamBody,
} from '../http-request.js';
import { abortedError } from '../middleware/abort-middleware.js';
import type { ResolvedHttpOptions } from '../resolve-http-options.js';

const passThrough = <T>(data: T): T => data;

/** The `systemCode` of a response whose body passed `maxResponseBytes`. */
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

const AXIOS_RESPONSE_TYPES: Readonly<Record<HttpResponseType, ResponseType>> = {
  text: 'text',
  buffer: 'arraybuffer',
  stream: 'stream',
};

/**
 * The transport: one axios instance per client, set up once. Request bodies go out as they come
 * (text, bytes or a stream; the layers above encode them), a body-less POST, PUT or PATCH goes
 * out without a content type (axios would call it a form), every status resolves inside axios
 * (no exception is built for a 4xx that middleware may handle), redirects are not followed, so
 * that a header credential never reaches another host through a `Location`, and a response body
 * is read up to `maxResponseBytes` (decompressed) and no further, as text, bytes or a stream.
 *
 * A stream request body is read once; when the exchange ends before the stream did (an error,
 * a timeout, an abort, an early answer), the stream is destroyed, so that a file behind it is
 * closed. A stream response is the caller's to read or destroy: `timeoutMs` ends when its
 * headers arrive, the call's `signal` still aborts it (the stream fails with `AbortedError`),
 * and a body past `maxResponseBytes` or a broken connection fails it with a `NetworkError`.
 *
 * @returns a handler that resolves with 2xx responses and those the request accepts, and throws
 *   {@link HttpError} for any other status (with the start of its body, redacted), and
 *   {@link NetworkError} (with a sanitised cause) when no response came or its body was too
 *   large (`systemCode` {@link RESPONSE_TOO_LARGE}).
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
  const networkError = (request: HttpRequest, error: unknown): NetworkError => {
    if (isTooLarge(error)) {
      const problem = `the response body is larger than maxResponseBytes (${options.maxResponseBytes} bytes)`;
      return new NetworkError(
        { ...toErrorDetails(request, redactor), systemCode: RESPONSE_TOO_LARGE },
        { cause: new Error(problem) },
      );
    }
    const systemCode = (error as { code?: unknown }).code;
    return new NetworkError(
      { ...toErrorDetails(request, redactor), ...(typeof systemCode === 'string' ? { systemCode } : {}) },
      { cause: sanitizeError(error, redactorFor(request, redactor)) },
    );
  };
  return async (request) => {
    const body = request.body;
    let response: AxiosResponse<unknown>;
    try {
      const config: AxiosRequestConfig = {
        method: request.method,
        url: request.url,
        headers: axiosHeaders(request),
        data: body,
        signal: request.signal,
      };
      if (request.responseType !== undefined)
        config.responseType = AXIOS_RESPONSE_TYPES[request.responseType];
      response = await instance.request(config);
    } catch (error) {
      throw networkError(request, error);
    } finally {
      if (isStreamBody(body) && !body.readableEnded) body.destroy();
    }
    const { status } = response;
    const headers = response.headers as HttpResponseHeaders;
    const data = response.data;
    let accepted: boolean;
    try {
      accepted = (status >= 200 && status <= 299) || request.acceptStatus?.(status) === true;
    } catch (error) {
      if (isStreamBody(data)) data.destroy();
      throw error;
    }
    if (!accepted) {
      const text = await readErrorText(data);
      throw createHttpError(request, { status, headers, body: text }, redactor);
    }
    if (isStreamBody(data))
      return { status, headers, body: guardStream(data, request, networkError, redactor) };
    return { status, headers, body: Buffer.isBuffer(data) ? data : typeof data === 'string' ? data : '' };
  };
}

/**
 * The headers for axios: ours, and for a POST, PUT or PATCH without a body or a content type an
 * explicit "none", or axios would send `application/x-www-form-urlencoded`.
 */
function axiosHeaders(request: HttpRequest): RawAxiosRequestHeaders {
  const { method, headers } = request;
  if (request.body !== undefined || headers['content-type'] !== undefined) return headers;
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return headers;
  return { ...headers, 'content-type': false };
}

/** The start of an error response's body as text: at most {@link BODY_SCAN_LIMIT} bytes of a stream, which is then destroyed. */
async function readErrorText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8', 0, BODY_SCAN_LIMIT);
  if (!isStreamBody(data)) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of data) {
      chunks.push(Buffer.from(chunk as Buffer));
      size += (chunk as Buffer).length;
      if (size >= BODY_SCAN_LIMIT) break;
    }
  } catch {
    // A body cut off: what arrived says enough.
  } finally {
    data.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The response stream handed to the caller: the same bytes, but its errors are secret-free
 * millwright errors (axios's carry the request configuration, credentials included), and the
 * call's signal still aborts it.
 */
function guardStream(
  source: Readable,
  request: HttpRequest,
  networkError: (request: HttpRequest, error: unknown) => NetworkError,
  redactor: SecretRedactor,
): Readable {
  const guarded = new PassThrough();
  const signal = request.callSignal;
  const abort = (): void => {
    guarded.destroy(abortedError(request, signal as AbortSignal, redactor));
  };
  if (signal?.aborted) abort();
  const unwatch = signal === undefined || signal.aborted ? undefined : watchAbort(signal, abort);
  source.on('error', (error) => guarded.destroy(networkError(request, error)));
  guarded.on('close', () => {
    unwatch?.();
    if (!source.destroyed) source.destroy();
  });
  source.pipe(guarded);
  return guarded;
}

/** Whether axios stopped reading because the body passed `maxContentLength` (its only sign is the message). */
function isTooLarge(error: unknown): boolean {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return code === 'ERR_BAD_RESPONSE' && typeof message === 'string' && message.startsWith('maxContentLength');
}
