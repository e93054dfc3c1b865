import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { redactUrl } from '../../src/internal/redact-url.js';
import { buildUrl } from '../http/build-url.js';
import { createHttpClient } from '../http/create-http-client.js';
import { createHttpRequest, type HttpRequestInit } from '../http/create-http-request.js';
import { redactorFor, toErrorDetails } from '../http/errors/request-details.js';
import type { HttpMethod, HttpRequest } from '../http/http-request.js';
import {
  createResource,
  type Resource,
  type ResourceOptions,
  type ResponseDescription,
} from './create-resource.js';
import { paginate, paginatePages } from './paginate.js';
import { type PaginateOptions, resolvePaginateOptions } from './pagination-options.js';
import { readJsonBody } from './read-json-body.js';
import { resolveRestRequest } from './resolve-rest-request.js';
import type { BodyRequestOptions, RequestOptions, RestClientOptions } from './rest-client-options.js';
import type { JsonBody, RestRequest, RestResponse } from './rest-request.js';
import { toResponseHeaders } from './to-response-headers.js';

/**
 * A resilient client for one REST API. `request()` sends any method with any body and resolves
 * with the status, the headers and the body as JSON, text, bytes or a stream; `get`, `post`,
 * `put`, `patch` and `delete` are its JSON shortcuts, resolving with the body alone: parsed
 * JSON (typed as the caller says, unchecked), the text of a 2xx body that is not JSON and not
 * declared JSON, or undefined when there is none. Use {@link RestClient.resource} to have
 * objects validated.
 *
 * Every method rejects with a `TransportError` (`HttpError`, `TimeoutError`, `NetworkError`,
 * `CircuitOpenError`) once retries are exhausted (an `HttpError` `INVALID_RESPONSE` for a body
 * whose `content-type` is JSON but that does not parse), an `AbortedError` when the caller's `signal`
 * aborts it, or a `ValidationError` for a request that cannot be sent (nothing is sent then);
 * none of them holds a credential or a secret the request carried.
 * @example
 * const order = await mes.get<{ id: string }>('/workorders/000001004711');
 * await mes.patch('/workorders/000001004711', { status: 'on-hold' });
 * const { headers } = await mes.request({ method: 'POST', path: '/workorders', body: newOrder });
 */
export interface RestClient {
  /**
   * Sends one request and resolves with its status, headers and body, the body as
   * `responseType` says (JSON by default). See {@link RestRequest} for what each body becomes.
   * @returns `{ status, headers, data }`; `data` is typed by `responseType`.
   * @throws {ValidationError} before sending, for an invalid method, response type, path,
   *   `acceptStatus` or `signal`, or a body that cannot be sent as it is.
   */
  request<T = unknown>(
    request: RestRequest & { readonly responseType?: 'json' },
  ): Promise<RestResponse<JsonBody<T>>>;
  request(request: RestRequest & { readonly responseType: 'text' }): Promise<RestResponse<string>>;
  request(request: RestRequest & { readonly responseType: 'buffer' }): Promise<RestResponse<Buffer>>;
  request(request: RestRequest & { readonly responseType: 'stream' }): Promise<RestResponse<Readable>>;
  request(request: RestRequest): Promise<RestResponse<unknown>>;
  /** GETs `path` (relative to `baseURL`). @returns the body as JSON, its text, or undefined. */
  get<T = unknown>(path: string, options?: RequestOptions): Promise<JsonBody<T>>;
  /**
   * POSTs `body` (an object as JSON; see {@link RestRequest.body}), with an `Idempotency-Key`
   * unless `idempotencyKey: false`.
   * @returns the response body as JSON, its text, or undefined.
   */
  post<T = unknown>(path: string, body?: unknown, options?: BodyRequestOptions): Promise<JsonBody<T>>;
  /** PUTs `body` (an object as JSON). @returns the response body as JSON, its text, or undefined. */
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<JsonBody<T>>;
  /**
   * PATCHes with `body` (an object as JSON), with an `Idempotency-Key` unless `idempotencyKey: false`.
   * @returns the response body as JSON, its text, or undefined.
   */
  patch<T = unknown>(path: string, body?: unknown, options?: BodyRequestOptions): Promise<JsonBody<T>>;
  /** DELETEs `path`. @returns the response body as JSON, its text, or (usually) undefined. */
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<JsonBody<T>>;
  /**
   * Iterates over every item of a paged collection (`link`, `cursor` or `offset` style),
   * fetching pages as the loop asks for them.
   * @returns an async iterator of the items, typed as the caller says (unchecked).
   * @throws {ValidationError} at once, for options that are invalid (`/style`, `/limit`...).
   */
  paginate<T = unknown>(path: string, options: PaginateOptions): AsyncIterableIterator<T>;
  /**
   * A collection of canonical objects, validated before sending and after receiving.
   * @returns the resource, with `create`, `get`, `update` and `list`.
   */
  resource<S extends z.ZodType>(path: string, options: ResourceOptions<S>): Resource<z.output<S>>;
}

/**
 * Creates a REST client. Options are checked and resolved once; axios and cockatiel (optional
 * peer dependencies) are loaded here. Each call then passes a fixed pipeline:
 * correlation id and `traceparent` → retry (backoff with full jitter, never shorter than a
 * `Retry-After`; a `Retry-After` above `maxRetryAfterMs` ends the call) → auth (OAuth2 token
 * cached, refreshed once on 401) → circuit breaker → rate limit → attempt (counted, its own
 * trace span) → timeout → axios. Requests carry `User-Agent: millwright/<version>` unless the
 * client or the call sets another.
 *
 * @returns the client.
 * @throws {ValidationError} when an option is invalid (paths such as `/retry/attempts`) or
 *   cannot be read (a throwing getter or Proxy trap, a revoked Proxy: `invalid_input`, with what
 *   was thrown as `cause`); each option is read once.
 * @throws {MillwrightError} code `MISSING_PEER_DEPENDENCY` when axios or cockatiel is missing.
 * @example
 * const mes = createRestClient({
 *   baseURL: 'https://mes.plant-de01.example/api',
 *   auth: { type: 'oauth2-client-credentials', tokenUrl, clientId, clientSecret },
 *   retry: { attempts: 5 },
 * });
 * const confirmations = mes.resource('/confirmations', { schema: ProductionConfirmation });
 * await confirmations.create(confirmation, { idempotencyKey: confirmation.id });
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const http = createHttpClient(options, { entry: 'millwright/rest', optionsName: 'RestClientOptions' });
  const { options: resolved, redactor, send } = http;

  /** Sends a JSON call and returns the request (for messages) and the body read as JSON. */
  async function jsonCall(
    method: HttpMethod,
    path: string,
    body: unknown,
    requestOptions: BodyRequestOptions | undefined,
  ): Promise<{ readonly request: HttpRequest; readonly data: unknown }> {
    const init: HttpRequestInit = {
      headers: requestOptions?.headers,
      body,
      accept: 'application/json',
      correlationId: requestOptions?.correlationId,
      idempotencyKey: requestOptions?.idempotencyKey,
      signal: requestOptions?.signal,
    };
    const request = createHttpRequest(
      resolved,
      method,
      buildUrl(resolved.baseURL, path, requestOptions?.params),
      init,
    );
    const response = await send(request);
    return { request, data: readJsonBody(request, { ...response, body: response.body as string }, redactor) };
  }
  const json = async <T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    requestOptions: BodyRequestOptions | undefined,
  ): Promise<JsonBody<T>> => (await jsonCall(method, path, body, requestOptions)).data as JsonBody<T>;

  async function request(input: RestRequest): Promise<RestResponse<unknown>> {
    const { method, path, params, responseType, init } = resolveRestRequest(input);
    const sent = createHttpRequest(resolved, method, buildUrl(resolved.baseURL, path, params), init);
    const response = await send(sent);
    return {
      status: response.status,
      headers: toResponseHeaders(response.headers),
      data:
        responseType === 'json'
          ? readJsonBody(sent, { ...response, body: response.body as string }, redactor)
          : response.body,
    };
  }

  /**
   * For a response that fails validation: `the response to GET <redacted URL> (correlation id …)`,
   * and the redactor of the call, since a server may echo a credential as a key or value.
   */
  const describeResponse = (sent: HttpRequest): ResponseDescription => {
    const { method, url, correlationId } = toErrorDetails(sent, redactor);
    const callRedactor = redactorFor(sent, redactor);
    return {
      context: `the response to ${method} ${redactUrl(url)} (correlation id ${correlationId})`,
      redact: (text) => callRedactor.redact(text),
    };
  };

  // Resolved here, not inside the generator: bad options fail the call, not the first next().
  const listPages = <T>(path: string, paginateOptions: PaginateOptions) =>
    paginate<T>(http, path, resolvePaginateOptions(paginateOptions));
  return {
    request: request as RestClient['request'],
    get: (path, requestOptions) => json('GET', path, undefined, requestOptions),
    post: (path, body, requestOptions) => json('POST', path, body, requestOptions),
    put: (path, body, requestOptions) => json('PUT', path, body, requestOptions),
    patch: (path, body, requestOptions) => json('PATCH', path, body, requestOptions),
    delete: (path, requestOptions) => json('DELETE', path, undefined, requestOptions),
    paginate: listPages,
    resource: (path, resourceOptions) =>
      createResource(
        {
          async request(method, resourcePath, body, requestOptions) {
            const { request: sent, data } = await jsonCall(method, resourcePath, body, requestOptions);
            return { data, describe: () => describeResponse(sent) };
          },
          async *pages(resourcePath, listing) {
            for await (const page of paginatePages(http, resourcePath, listing))
              yield { items: page.items, describe: () => describeResponse(page.request) };
          },
        },
        path,
        resourceOptions,
      ),
  };
}
