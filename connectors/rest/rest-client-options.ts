import type { QueryParams } from '../http/build-url.js';
import type { HttpClientOptions } from '../http/http-options.js';

/**
 * The options of {@link createRestClient}: the base URL, and optionally auth, retry, timeout,
 * circuit breaker, rate limit, default headers, correlation ids, a logger and an `onRetry` hook.
 * @example
 * const options: RestClientOptions = {
 *   baseURL: 'https://mes.plant-de01.example/api',
 *   auth: { type: 'api-key', header: 'X-API-Key', value: process.env.MES_API_KEY ?? '' },
 *   circuitBreaker: { failureThreshold: 5, resetAfterMs: 30_000 },
 * };
 */
export type RestClientOptions = HttpClientOptions;

/**
 * What a caller may set on one request.
 * @example
 * await mes.get('/workorders', { params: { plant: 'DE01', status: ['released', 'in-progress'] } });
 * await mes.get('/workorders/000001004711', { signal: AbortSignal.timeout(60_000) });
 */
export interface RequestOptions {
  /**
   * Query parameters, encoded with `%20` for spaces; an array repeats the parameter
   * (`plant=DE01&plant=CZ01`). An object, a nested array or a number that is not finite is
   * refused with a `ValidationError` at `/params/<name>`.
   */
  readonly params?: QueryParams;
  /**
   * Headers for this request; they override the client's headers of the same name. A name that
   * is no token, or a value with CR, LF or another control character, is refused with a
   * `ValidationError` at `/headers/<name>` (the value is never repeated), never sent changed.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** The `x-correlation-id` of this call, e.g. the id of the message being processed. @default the client's `correlationId()` */
  readonly correlationId?: string;
  /**
   * Aborts the call: the attempt in flight is cancelled, no further attempt is made, and the
   * call rejects with an `AbortedError` (its `cause` is the signal's reason). Use an
   * `AbortController` for shutdown, or `AbortSignal.timeout(ms)` for a limit on the whole call,
   * retries and waits included (`timeoutMs` limits each attempt).
   */
  readonly signal?: AbortSignal;
}

/**
 * What a caller may set on a POST or PATCH.
 * @example
 * await mes.post('/confirmations', confirmation, { idempotencyKey: confirmation.id, correlationId: message.id });
 */
export interface BodyRequestOptions extends RequestOptions {
  /**
   * The `Idempotency-Key` of the call, e.g. the id of the record posted, so that a re-run of the
   * whole job is recognised too; `false` sends none, and the request is then never retried.
   * @default a new UUID per call, the same for all its attempts
   */
  readonly idempotencyKey?: string | false;
}
