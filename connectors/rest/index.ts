// The public API of `millwright/rest`. Named exports only: `npm run api` compares the list with
// its committed snapshot so that nothing disappears by accident. The transport errors
// (HttpError, TimeoutError...) are exported by `millwright` itself, so one class serves all
// connectors.

export type { QueryParams, QueryValue } from '../http/build-url.js';
export type {
  ApiKeyAuth,
  BasicAuth,
  BearerAuth,
  CircuitBreakerOptions,
  HttpAuth,
  HttpLogger,
  OAuth2ClientCredentialsAuth,
  RateLimitOptions,
  RetryOptions,
  RetryState,
} from '../http/http-options.js';
export type { HttpMethod } from '../http/http-request.js';
export type { Resource, ResourceOptions } from './create-resource.js';
export type { RestClient } from './create-rest-client.js';
export { createRestClient } from './create-rest-client.js';
export type {
  CursorPagination,
  LinkPagination,
  OffsetPagination,
  PaginateOptions,
  PaginationBase,
} from './pagination-options.js';
export type { BodyRequestOptions, RequestOptions, RestClientOptions } from './rest-client-options.js';
export type { JsonBody, ResponseHeaders, ResponseType, RestRequest, RestResponse } from './rest-request.js';
