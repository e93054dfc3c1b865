import { HttpError } from '../../src/errors/http-error.js';
import type { HttpHandler, HttpRequest } from './http-request.js';
import { toErrorDetails } from './request-details.js';
import type { ResolvedAuth } from './resolve-http-options.js';
import type { SecretRedactor } from './secret-redactor.js';

/** Hands out OAuth2 access tokens for one client. */
export interface AccessTokenSource {
  /** The cached token while it is fresh, else a new one (one fetch shared by concurrent callers). */
  get(correlationId: string | undefined): Promise<string>;
  /** Forgets `token` when the API rejected it; a newer token already cached is kept. */
  invalidate(token: string): void;
}

/** The longest a token is refreshed before it expires. */
const MAX_REFRESH_MARGIN_MS = 30_000;

/**
 * Creates the token source of the OAuth2 client credentials grant (RFC 6749 §4.4). A token is
 * used until 10% of its lifetime (at most 30 s) before `expires_in` runs out; a token without
 * `expires_in` is used until the API rejects it. Each token is registered with the redactor,
 * so it never shows in an error or a log.
 *
 * @param auth - the resolved client credentials.
 * @param send - sends the token request (the transport with a time limit).
 * @param redactor - the client's redactor.
 * @param now - the clock in epoch milliseconds. @default Date.now
 * @returns the token source.
 */
export function createClientCredentialsTokenSource(
  auth: Extract<ResolvedAuth, { type: 'oauth2-client-credentials' }>,
  send: HttpHandler,
  redactor: SecretRedactor,
  now: () => number = Date.now,
): AccessTokenSource {
  let cached: { readonly token: string; readonly refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(correlationId: string | undefined): Promise<string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (auth.authorization !== null) headers.authorization = auth.authorization;
    if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
    const request: HttpRequest = { method: 'POST', url: auth.tokenUrl, headers, body: auth.form };
    const startedAt = now();
    const response = await send(request);
    const { token, expiresInMs } = readTokenResponse(response.body, request, response.status, redactor);
    redactor.add(token);
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, expiresInMs * 0.1);
    cached = { token, refreshAt: startedAt + expiresInMs - margin };
    return token;
  }

  return {
    get(correlationId) {
      if (cached !== null && now() < cached.refreshAt) return Promise.resolve(cached.token);
      pending ??= fetchToken(correlationId).finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}

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
  const expiresIn = Number(fields['expires_in']);
  return {
    token,
    expiresInMs:
      fields['expires_in'] !== undefined && expiresIn > 0 ? expiresIn * 1000 : Number.POSITIVE_INFINITY,
  };
}
