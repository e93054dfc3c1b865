import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { TransportError } from '../../src/errors/transport-error.js';

/** A static bearer token, sent as `Authorization: Bearer <token>`. */
export interface BearerAuth {
  readonly type: 'bearer';
  readonly token: string;
}

/**
 * HTTP Basic authentication (RFC 7617), sent as `Authorization: Basic <base64(username:password)>`.
 * Both are encoded as UTF-8 first, so they may hold any character (`Grüße€2026`), except a `:`
 * in the username.
 */
export interface BasicAuth {
  readonly type: 'basic';
  readonly username: string;
  readonly password: string;
}

/** An API key sent in a header of its own, e.g. `{ header: 'X-API-Key', value }`. */
export interface ApiKeyAuth {
  readonly type: 'api-key';
  /** The header name, e.g. `X-API-Key` or `APIKey` (SAP API Business Hub). */
  readonly header: string;
  readonly value: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): the client fetches an access token from
 * `tokenUrl`, keeps it until shortly before it expires (10% of its lifetime, at most 30 s
 * early), shares one fetch between concurrent calls, and fetches a new one once when the API
 * answers 401.
 */
export interface OAuth2ClientCredentialsAuth {
  readonly type: 'oauth2-client-credentials';
  /** The token endpoint, e.g. `https://login.example/oauth2/token`. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated scopes to ask for. @default none (the server's default scopes) */
  readonly scope?: string;
  /**
   * How the client authenticates to the token endpoint: HTTP Basic (`basic`, RFC 6749's
   * recommendation) or `client_id` and `client_secret` in the form body (`body`).
   * @default 'basic'
   */
  readonly clientAuthentication?: 'basic' | 'body';
}

/**
 * How requests authenticate: a bearer token, HTTP Basic, an API key header or OAuth2 client
 * credentials. The credentials never appear in an error, a log line or `onRetry`'s state.
 * @example
 * const auth: HttpAuth = {
 *   type: 'oauth2-client-credentials',
 *   tokenUrl: 'https://login.example/oauth2/token',
 *   clientId: process.env.MES_CLIENT_ID ?? '',
 *   clientSecret: process.env.MES_CLIENT_SECRET ?? '',
 *   scope: 'confirmations.write',
 * };
 */
export type HttpAuth = BearerAuth | BasicAuth | ApiKeyAuth | OAuth2ClientCredentialsAuth;

/**
 * When and how often a failed request is tried again. Only requests that are safe to repeat
 * are retried: GET, HEAD, PUT, DELETE and OPTIONS, and POST and PATCH that carry an
 * `Idempotency-Key` (the REST client adds one), never a request whose body is a stream.
 * Retried failures: network errors, timeouts and the statuses 408, 425, 429, 500, 502, 503 and
 * 504. Each attempt is its own span of the call's trace (`traceparent`).
 * @example
 * // Up to 6 sends; backoffs of at most 0.5 s, 1 s, 2 s, 4 s, 8 s, or a longer Retry-After;
 * // a Retry-After above 1 minute ends the call with that answer.
 * const retry: RetryOptions = { attempts: 6, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
 */
export interface RetryOptions {
  /** How many times a request is sent at most, the first attempt included; 1 turns retries off. @default 4 */
  readonly attempts?: number;
  /**
   * The base of the exponential backoff: before retry n the client waits a random time
   * between 0 and `min(maxDelayMs, baseDelayMs * 2^(n-1))` ("full jitter"). At most 2,147,483,647.
   * @default 200
   */
  readonly baseDelayMs?: number;
  /** The longest backoff between two attempts; at most 2,147,483,647. @default 30_000 */
  readonly maxDelayMs?: number;
  /**
   * The longest wait a `Retry-After` header (seconds or an HTTP date) can impose. A longer one
   * ends the call at once with that `HttpError` (its `retryAfterMs` says when to try again), so a
   * `Retry-After: 3600` neither stalls a call for an hour nor is answered by asking again too
   * early. A shorter one is waited when it is longer than the backoff; it never shortens the
   * wait (a date in the past or `0` means the backoff). At most 2,147,483,647.
   * @default 120_000
   */
  readonly maxRetryAfterMs?: number;
}

/**
 * A circuit breaker for the endpoint: after `failureThreshold` failures in a row (network
 * errors, timeouts, 5xx) every request fails at once with a `CircuitOpenError` for
 * `resetAfterMs`; then one trial request is let through, and its outcome closes the circuit
 * or opens it again.
 * @example
 * const circuitBreaker: CircuitBreakerOptions = { failureThreshold: 5, resetAfterMs: 30_000 };
 */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. @default 5 */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before a trial request; at most 2,147,483,647. @default 30_000 */
  readonly resetAfterMs?: number;
}

/**
 * A client-side rate limit (token bucket): on average at most `requestsPerSecond` requests,
 * with up to `burst` at once. Requests over the limit wait for their turn; retries count too.
 * @example
 * const rateLimit: RateLimitOptions = { requestsPerSecond: 10, burst: 20 }; // an API that allows 600 a minute
 */
export interface RateLimitOptions {
  /** Requests per second on average. */
  readonly requestsPerSecond: number;
  /** Requests that may go at once after a quiet period. @default Math.ceil(requestsPerSecond) */
  readonly burst?: number;
}

/**
 * Where the client writes its logs; each method takes a message and secret-free fields. Any
 * logger with these four methods fits (console, pino, winston).
 * @example
 * const logger: HttpLogger = pino({ name: 'mes-connector' });
 */
export interface HttpLogger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * What {@link HttpClientOptions.onRetry} is told before the client waits and tries again.
 * @example
 * const onRetry = (state: RetryState) =>
 *   metrics.increment('mes.retry', { code: state.error.code, attempt: state.attempt });
 */
export interface RetryState {
  /** The number of the attempt that failed: 1 when the first attempt failed. */
  readonly attempt: number;
  /** How long the client waits before the next attempt, in milliseconds. */
  readonly delayMs: number;
  /** Why the attempt failed: an `HttpError`, `TimeoutError` or `NetworkError`. */
  readonly error: TransportError;
  /** The request being retried; the URL is redacted. */
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly correlationId: string | undefined;
  };
}

/**
 * The options of an HTTP-based client (`createRestClient` and later OData and SOAP clients).
 * Only `baseURL` is required; every default is secure and listed with its option.
 * @example
 * const options: HttpClientOptions = {
 *   baseURL: 'https://mes.plant-de01.example/api',
 *   auth: { type: 'bearer', token: process.env.MES_TOKEN ?? '' },
 *   retry: { attempts: 5 },
 *   timeoutMs: 5_000,
 *   headers: { 'x-plant': 'DE01' },
 * };
 */
export interface HttpClientOptions {
  /** The API's base URL, e.g. `https://mes.plant-de01.example/api`; paths are appended to it. */
  readonly baseURL: string;
  /** How requests authenticate. @default none */
  readonly auth?: HttpAuth;
  /** Retries with exponential backoff and full jitter; see {@link RetryOptions}. */
  readonly retry?: RetryOptions;
  /**
   * The time limit of one attempt, from connecting to the last byte of the body, in
   * milliseconds; at most 2,147,483,647 (about 24.8 days), the longest a Node.js timer waits.
   * @default 10_000
   */
  readonly timeoutMs?: number;
  /**
   * The largest response body accepted, in bytes after decompression. A larger one is cut off
   * and the call fails with a `NetworkError` whose `systemCode` is `RESPONSE_TOO_LARGE` (not
   * retried), so that a faulty or hostile server cannot exhaust the memory of the process.
   * @default 33_554_432 (32 MiB)
   */
  readonly maxResponseBytes?: number;
  /** A circuit breaker for the endpoint; see {@link CircuitBreakerOptions}. @default none */
  readonly circuitBreaker?: CircuitBreakerOptions;
  /** A client-side rate limit; see {@link RateLimitOptions}. @default none */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Headers sent with every request, e.g. `{ 'x-plant': 'DE01' }`; a call's own headers of the
   * same name win. `User-Agent` replaces millwright's (`millwright/<version>`), `Content-Type`
   * is the type of every body that has none of its own, `Accept` replaces the one the response
   * type asks for. `Idempotency-Key`, `x-correlation-id` and `traceparent` are refused here: each
   * names one call, so give them per call (`idempotencyKey`, `correlationId`, `headers` of the call).
   * @default none
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Makes the `x-correlation-id` of a call that has none. @default crypto.randomUUID */
  readonly correlationId?: () => string;
  /** Where to log retries, token refreshes and circuit changes. @default silent */
  readonly logger?: HttpLogger;
  /** Called before each retry with one state object. @default none */
  readonly onRetry?: (state: RetryState) => void;
  /**
   * Allows credentials over plain `http:` to a host that is not the local machine. Off, the
   * client refuses such options, so that a token or password never crosses a network unencrypted.
   * @default false
   */
  readonly allowInsecureAuth?: boolean;
  /** The agent for `http:` URLs. @default a keep-alive agent of the client's own */
  readonly httpAgent?: HttpAgent;
  /** The agent for `https:` URLs; TLS certificates are verified unless your agent says otherwise. @default a keep-alive agent of the client's own */
  readonly httpsAgent?: HttpsAgent;
}
