import { createSecretRedactor, type SecretRedactor } from './errors/secret-redactor.js';
import { type HttpClock, systemClock } from './http-clock.js';
import type { HttpClientOptions } from './http-options.js';
import type { HttpHandler } from './http-request.js';
import { createAbortMiddleware } from './middleware/abort-middleware.js';
import { createAttemptMiddleware } from './middleware/attempt-middleware.js';
import { createHeaderAuthMiddleware, createOAuth2Middleware } from './middleware/auth-middleware.js';
import { createCircuitBreakerMiddleware } from './middleware/circuit-breaker-middleware.js';
import { createClientCredentialsTokenSource } from './middleware/client-credentials-token.js';
import { createCorrelationMiddleware } from './middleware/correlation-middleware.js';
import { composeMiddleware, type HttpMiddleware } from './middleware/http-middleware.js';
import { createRateLimitMiddleware } from './middleware/rate-limit-middleware.js';
import { createRetryMiddleware } from './middleware/retry-middleware.js';
import { createTimeoutMiddleware } from './middleware/timeout-middleware.js';
import { type ResolvedHttpOptions, resolveHttpOptions } from './resolve-http-options.js';
import { createAxiosTransport } from './transport/axios-transport.js';
import { loadHttpPeers } from './transport/load-http-peers.js';

/** The shared core of the REST (and later OData and SOAP) clients. */
export interface HttpClient {
  readonly options: ResolvedHttpOptions;
  /** Redacts the client's credentials from text bound for an error or a log. */
  readonly redactor: SecretRedactor;
  /** Sends a request through the whole pipeline. */
  readonly send: HttpHandler;
}

/** Which entry point creates the client, for messages. */
export interface HttpClientContext {
  /** The entry point, e.g. `millwright/rest`, named when a peer dependency is missing. */
  readonly entry: string;
  /** The options' type name, e.g. `RestClientOptions`, named in a ValidationError. */
  readonly optionsName: string;
  /** The clock of token expiry and the rate limit; tests give their own. @default the system clock */
  readonly clock?: HttpClock;
}

/**
 * Resolves the options, loads axios and cockatiel, and assembles the pipeline once:
 * correlation → abort → retry → auth → circuit breaker → rate limit → attempt → timeout → axios.
 *
 * @returns the client core.
 * @throws {ValidationError} when an option is invalid.
 * @throws {MillwrightError} code `MISSING_PEER_DEPENDENCY` when axios or cockatiel is not installed.
 * @example
 * const http = createHttpClient(options, { entry: 'millwright/odata', optionsName: 'ODataClientOptions' });
 * const response = await http.send(createHttpRequest(http.options, 'GET', buildUrl(http.options.baseURL, '/$metadata')));
 */
export function createHttpClient(options: HttpClientOptions, context: HttpClientContext): HttpClient {
  const resolved = resolveHttpOptions(options, context.optionsName);
  const clock = context.clock ?? systemClock;
  const { axios, cockatiel } = loadHttpPeers(context.entry);
  const redactor = createSecretRedactor(resolved.secrets);
  const transport = createAxiosTransport(axios, resolved, redactor);
  const attempt = createAttemptMiddleware();
  const timeout = createTimeoutMiddleware(resolved.timeoutMs, redactor);
  const middlewares: HttpMiddleware[] = [
    createCorrelationMiddleware(resolved.correlationId),
    createAbortMiddleware(redactor),
    createRetryMiddleware(resolved, cockatiel, redactor),
    attempt,
    timeout,
  ];
  const { auth, circuitBreaker, rateLimit } = resolved;
  if (auth?.type === 'header') middlewares.push(createHeaderAuthMiddleware(auth));
  if (auth?.type === 'oauth2-client-credentials') {
    // The token endpoint is another server: only the time limit applies to it, and a failed
    // token request is retried as part of the call that needed the token.
    const tokens = createClientCredentialsTokenSource(
      auth,
      composeMiddleware([attempt, timeout], transport),
      redactor,
      clock.now,
      resolved.headers['user-agent'] as string,
    );
    middlewares.push(createOAuth2Middleware(tokens, resolved.logger));
  }
  if (circuitBreaker !== null)
    middlewares.push(createCircuitBreakerMiddleware(circuitBreaker, resolved, cockatiel, redactor));
  if (rateLimit !== null) middlewares.push(createRateLimitMiddleware(rateLimit, clock, redactor));
  return { options: resolved, redactor, send: composeMiddleware(middlewares, transport) };
}
