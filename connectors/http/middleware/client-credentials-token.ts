import { HttpError } from '../../../src/errors/http-error.js';
import { toErrorDetails } from '../errors/request-details.js';
import type { SecretRedactor } from '../errors/secret-redactor.js';
import { type HttpHandler, type HttpRequest, startProgress } from '../http-request.js';
import type { ResolvedAuth } from '../resolve-http-options.js';
import { continueTrace } from './create-traceparent.js';

/** The call a token is needed for: its token request carries the same correlation and trace. */
export interface TokenRequestContext {
  /** The call's `x-correlation-id`. */
  readonly correlationId: string | undefined;
  /** The call's `traceparent`; the token request continues its trace. */
  readonly traceparent: string | undefined;
}

/** Hands out OAuth2 access tokens for one client. */
export interface AccessTokenSource {
  /** The cached token while it is fresh, else a new one (one fetch shared by concurrent callers). */
  get(context: TokenRequestContext): Promise<string>;
  /** Forgets `token` when the API rejected it; a newer token already cached is kept. */
  invalidate(token: string): void;
}

/** The longest a token is refreshed before it expires. */
const MAX_REFRESH_MARGIN_MS = 30_000;

/**
 * Creates the token source of the OAuth2 client credentials grant (RFC 6749 §4.4). A token is
 * used until 10% of its lifetime (at most 30 s) before `expires_in` runs out; a token without
 * `expires_in` is used until the API rejects it; a token whose `expires_in` is zero, negative
 * or not a number is not kept at all: it serves the calls that were waiting for it, and the
 * next call fetches a new one. Each token is registered with the redactor, so it never shows
 * in an error or a log. The token request carries the call's `x-correlation-id` and a
 * `traceparent` in the call's trace.
 *
 * @param auth - the resolved client credentials.
 * @param send - sends the token request (the transport with a time limit).
 * @param redactor - the client's redactor.
 * @param now - a monotonic clock in milliseconds, e.g. `() => performance.now()`.
 * @param userAgent - the client's `user-agent`.
 * @returns the token source.
 */
export function createClientCredentialsTokenSource(
  auth: Extract<ResolvedAuth, { type: 'oauth2-client-credentials' }>,
  send: HttpHandler,
  redactor: SecretRedactor,
  now: () => number,
  userAgent: string,
): AccessTokenSource {
  let cached: { readonly token: string; readonly refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken({ correlationId, traceparent }: TokenRequestContext): Promise<string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      traceparent: continueTrace(traceparent, correlationId),
      'user-agent': userAgent,
    };
    if (auth.authorization !== null) headers.authorization = auth.authorization;
    if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
    const request: HttpRequest = {
      method: 'POST',
      url: auth.tokenUrl,
      headers,
      body: auth.form,
      progress: startProgress(),
    };
    const startedAt = now();
    const response = await send(request);
    // Sent with the default response type: the body is text.
    const body = response.body as string;
    const { token, expiresInMs } = readTokenResponse(body, request, response.status, redactor);
    redactor.add(token);
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, expiresInMs * 0.1);
    cached = expiresInMs > 0 ? { token, refreshAt: startedAt + expiresInMs - margin } : null;
    return token;
  }

  return {
    get(context) {
      if (cached !== null && now() < cached.refreshAt) return Promise.resolve(cached.token);
      pending ??= fetchToken(context).finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}

/**
 * Reads the token and its lifetime: `expires_in` seconds; infinite when the field is absent
 * (or null); zero, which means "do not keep", when it is zero, negative or not a number.
 */
function readTokenResponse(
  body: string,
  request: HttpRequest,
  status: number,
  redactor: SecretRedactor,
): { token: string; expiresInMs: number } {
  // The body may hold a token under another name; it is never put into the error.
  const invalid = (problem: string): HttpError =>
    new HttpError('INVALID_RESPONSE', { ...toErrorDetails(request, redactor), status, problem });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalid('the token response is not JSON');
  }
  const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const token = fields['access_token'];
  if (typeof token !== 'string' || token === '' || /[^\t\x20-\x7e\x80-\xff]/.test(token)) {
    throw invalid('the token response has no usable access_token');
  }
  const expiresIn = fields['expires_in'];
  if (expiresIn === undefined || expiresIn === null) return { token, expiresInMs: Number.POSITIVE_INFINITY };
  const seconds =
    typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) : Number.NaN;
  return { token, expiresInMs: seconds > 0 ? seconds * 1000 : 0 };
}
