import type { z } from 'zod';
import { buildUrl } from '../http/build-url.js';
import { createHttpClient } from '../http/create-http-client.js';
import { createHttpRequest } from '../http/create-http-request.js';
import type { HttpMethod } from '../http/http-request.js';
import { createResource, type Resource, type ResourceOptions } from './create-resource.js';
import { paginate } from './paginate.js';
import { type PaginateOptions, resolvePaginateOptions } from './pagination-options.js';
import { parseJsonBody } from './parse-json-body.js';
import type { BodyRequestOptions, RequestOptions, RestClientOptions } from './rest-client-options.js';
import { serializeJsonBody } from './serialize-json-body.js';

/**
 * A resilient JSON client for one REST API. Every method resolves with the parsed JSON body
 * (undefined when there is none) typed as the caller says, unchecked; use
 * {@link RestClient.resource} to have objects validated.
 *
 * Every method rejects with a `TransportError` (`HttpError`, `TimeoutError`, `NetworkError`,
 * `CircuitOpenError`) once retries are exhausted, an `AbortedError` when the caller's `signal`
 * aborts it, or a `ValidationError` for a body that cannot be serialised; none of them holds a
 * credential.
 * @example
 * const order = await mes.get<{ id: string }>('/workorders/000001004711');
 * await mes.patch(`/workorders/${order.id}`, { status: 'on-hold' });
 */
export interface RestClient {
  /** GETs `path` (relative to `baseURL`). @returns the parsed body. */
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  /** POSTs `body` as JSON, with an `Idempotency-Key` unless `idempotencyKey: false`. @returns the parsed response body. */
  post<T = unknown>(path: string, body?: unknown, options?: BodyRequestOptions): Promise<T>;
  /** PUTs `body` as JSON. @returns the parsed response body. */
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** PATCHes with `body` as JSON, with an `Idempotency-Key` unless `idempotencyKey: false`. @returns the parsed response body. */
  patch<T = unknown>(path: string, body?: unknown, options?: BodyRequestOptions): Promise<T>;
  /** DELETEs `path`. @returns the parsed response body, usually undefined. */
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
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
 * correlation id and `traceparent` → retry (backoff with full jitter, `Retry-After` capped) →
 * auth (OAuth2 token cached, refreshed once on 401) → circuit breaker → rate limit →
 * timeout → axios.
 *
 * @returns the client.
 * @throws {ValidationError} when an option is invalid (paths such as `/retry/attempts`).
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

  async function request(
    method: HttpMethod,
    path: string,
    body: unknown,
    requestOptions: BodyRequestOptions | undefined,
  ): Promise<unknown> {
    const url = buildUrl(resolved.baseURL, path, requestOptions?.params);
    const httpRequest = createHttpRequest(resolved, method, url, {
      headers: requestOptions?.headers,
      correlationId: requestOptions?.correlationId,
      idempotencyKey: requestOptions?.idempotencyKey,
      signal: requestOptions?.signal,
      ...(body === undefined ? {} : { body: serializeJsonBody(body), contentType: 'application/json' }),
    });
    return parseJsonBody(httpRequest, await send(httpRequest), redactor);
  }

  // Resolved here, not inside the generator: bad options fail the call, not the first next().
  const listPages = <T>(path: string, paginateOptions: PaginateOptions) =>
    paginate<T>(http, path, resolvePaginateOptions(paginateOptions));
  const client: RestClient = {
    get: <T>(path: string, options?: RequestOptions) =>
      request('GET', path, undefined, options) as Promise<T>,
    post: <T>(path: string, body?: unknown, options?: BodyRequestOptions) =>
      request('POST', path, body, options) as Promise<T>,
    put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      request('PUT', path, body, options) as Promise<T>,
    patch: <T>(path: string, body?: unknown, options?: BodyRequestOptions) =>
      request('PATCH', path, body, options) as Promise<T>,
    delete: <T>(path: string, options?: RequestOptions) =>
      request('DELETE', path, undefined, options) as Promise<T>,
    paginate: listPages,
    resource: (path, resourceOptions) =>
      createResource(
        { request, paginate: (resourcePath, listing) => paginate(http, resourcePath, listing) },
        path,
        resourceOptions,
      ),
  };
  return client;
}
