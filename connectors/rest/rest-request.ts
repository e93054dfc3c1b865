import type { QueryParams } from '../http/build-url.js';
import type { HttpMethod } from '../http/http-request.js';

/**
 * How {@link RestClient.request} hands over the response body:
 * - `json`: parsed as JSON; a body that is not JSON comes as its text, an empty one as undefined;
 *   one whose `content-type` says JSON but that does not parse (truncated) is an `HttpError`
 *   `INVALID_RESPONSE`;
 * - `text`: the body decoded as UTF-8 (empty string when there is none);
 * - `buffer`: the bytes, as a Buffer;
 * - `stream`: a Readable to read or destroy; `timeoutMs` ends when the headers arrive, and
 *   `maxResponseBytes` and the call's `signal` still apply while it is read.
 */
export type ResponseType = 'json' | 'text' | 'buffer' | 'stream';

/**
 * A response body read as JSON: the parsed value (typed `T` as the caller says, unchecked), the
 * text of a 2xx body that is not JSON and not declared JSON (an HTML page, `Created`), or
 * undefined when there is no body (204, or a 201 without content). The server accepted the
 * request in all three cases. A body declared JSON that does not parse is an `HttpError`
 * `INVALID_RESPONSE`, not text.
 * @example
 * const order = await mes.get<WorkOrder>('/workorders/1');
 * if (order === undefined || typeof order === 'string') throw new Error(`no work order: ${order}`);
 */
export type JsonBody<T> = T | string | undefined;

/**
 * Response headers as a plain object with lower-case names. Each value is one string (Node.js
 * joins repeated headers with `, `), except `set-cookie`, which is a list of the cookies as
 * sent, since cookie dates contain commas. The headers most often read are typed as strings;
 * read any other with `typeof value === 'string'`.
 * @example
 * const { headers } = await mes.request({ method: 'POST', path: '/orders', body: order });
 * const location = headers.location; // '/api/orders/4711'
 */
export interface ResponseHeaders {
  readonly [name: string]: string | readonly string[] | undefined;
  readonly 'set-cookie'?: readonly string[];
  readonly location?: string;
  readonly etag?: string;
  readonly 'content-type'?: string;
  readonly 'content-length'?: string;
  readonly 'last-modified'?: string;
  readonly 'retry-after'?: string;
  readonly link?: string;
  readonly 'www-authenticate'?: string;
  /** SAP Gateway's CSRF token, answered to `x-csrf-token: fetch`. */
  readonly 'x-csrf-token'?: string;
}

/**
 * One request for {@link RestClient.request}: any method, any body, any response type.
 * @example
 * const { status, headers, data } = await mes.request<{ id: string }>({
 *   method: 'POST',
 *   path: '/orders',
 *   body: order,
 *   idempotencyKey: order.externalId,
 * });
 */
export interface RestRequest {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** The path, relative to `baseURL` (a query string is allowed; `params` are added to it). */
  readonly path: string;
  /** Query parameters, encoded with `%20` for spaces; arrays repeat the parameter. */
  readonly params?: QueryParams;
  /**
   * Headers for this request; they override the client's headers of the same name
   * (`Content-Type`, `Accept`, `User-Agent` included).
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The body. A string, bytes (Buffer, Uint8Array, ArrayBuffer) or a Readable stream go out as
   * they are, with the `Content-Type` you set (else `text/plain; charset=utf-8` for a string,
   * `application/octet-stream` for bytes and streams); URLSearchParams as a form; a plain
   * object, an array, a number, a boolean or `null` as JSON, with `application/json` or the
   * JSON type you set (`application/merge-patch+json`...). A stream is read once: the call is
   * never retried (nor sent again after a 401), and it is destroyed if the call fails first.
   * @default none (no body, no content type)
   */
  readonly body?: unknown;
  /** How the response body is handed over. @default 'json' */
  readonly responseType?: ResponseType;
  /**
   * Statuses outside 200-299 that this call takes as an answer instead of an `HttpError`, e.g.
   * `(status) => status === 500` for a SOAP fault, whose body is then read as any other.
   * Accepted statuses are the caller's to handle: they are not retried, do not refresh an
   * OAuth2 token and do not count against the circuit breaker.
   * @default none
   */
  readonly acceptStatus?: (status: number) => boolean;
  /**
   * The `Idempotency-Key`, e.g. the id of the record sent, so that a re-run of the whole job is
   * recognised too; with any method. `false` sends none (a POST or PATCH is then never retried).
   * @default a new UUID for POST and PATCH, the same for all attempts of the call; none otherwise
   */
  readonly idempotencyKey?: string | false;
  /** The `x-correlation-id` of this call. @default the client's `correlationId()` */
  readonly correlationId?: string;
  /** Aborts the call (and a `stream` response being read): the call rejects with an `AbortedError`. */
  readonly signal?: AbortSignal;
}

/**
 * What {@link RestClient.request} resolves with.
 * @example
 * const created = await mes.request({ method: 'POST', path: '/orders', body: order });
 * if (created.status === 201) console.log(created.headers.location);
 */
export interface RestResponse<D> {
  /** The status: 200-299, or one the request accepted with `acceptStatus`. */
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The body, as `responseType` says. */
  readonly data: D;
}
