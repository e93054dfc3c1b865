import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { readOptionsOnce } from '../../src/internal/read-options-once.js';
import { toJsonPointer } from '../../src/validate/json-pointer.js';
import { HEADER_NAME, HEADER_VALUE } from './header-syntax.js';
import type {
  HttpAuth,
  HttpClientOptions,
  HttpLogger,
  OAuth2ClientCredentialsAuth,
  RateLimitOptions,
  RetryState,
} from './http-options.js';
import { PACKAGE_VERSION } from './package-version.js';

/** {@link HttpClientOptions} with every default filled in and every value checked. */
export interface ResolvedHttpOptions {
  /** The base URL without a trailing slash. */
  readonly baseURL: string;
  /** The origin of the base URL, e.g. `https://mes.example`; pagination links must stay on it. */
  readonly origin: string;
  readonly auth: ResolvedAuth | null;
  /** Every credential in the options and its derived forms (the Basic header value...): never to be shown. */
  readonly secrets: readonly string[];
  readonly retry: {
    readonly attempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly maxRetryAfterMs: number;
  };
  readonly timeoutMs: number;
  /** The largest response body accepted, in bytes (axios `maxContentLength`). */
  readonly maxResponseBytes: number;
  readonly circuitBreaker: { readonly failureThreshold: number; readonly resetAfterMs: number } | null;
  readonly rateLimit: { readonly requestsPerSecond: number; readonly burst: number } | null;
  /** Headers for every request, names in lower case, `user-agent` included. */
  readonly headers: Readonly<Record<string, string>>;
  readonly correlationId: () => string;
  readonly logger: HttpLogger;
  readonly onRetry: ((state: RetryState) => void) | null;
  readonly httpAgent: HttpAgent;
  readonly httpsAgent: HttpsAgent;
}

/** Authentication ready to use: a fixed header, or an OAuth2 client to fetch tokens with. */
export type ResolvedAuth =
  | { readonly type: 'header'; readonly name: string; readonly value: string }
  | {
      readonly type: 'oauth2-client-credentials';
      readonly tokenUrl: string;
      /** The form body of the token request. */
      readonly form: string;
      /** The `authorization` header of the token request, or null when the credentials are in the form. */
      readonly authorization: string | null;
    };

const RETRY_DEFAULTS = { attempts: 4, baseDelayMs: 200, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };
const CIRCUIT_DEFAULTS = { failureThreshold: 5, resetAfterMs: 30_000 };
const TIMEOUT_DEFAULT_MS = 10_000;
const MAX_RESPONSE_BYTES_DEFAULT = 32 * 1024 * 1024;
/**
 * The longest duration a Node.js timer keeps (2^31 - 1 ms, about 24.8 days): a longer one fires
 * at once, which would turn a generous timeout into an immediate one.
 */
export const MAX_DURATION_MS = 2_147_483_647;
/** Headers that name one call and must not be the same for all: each has a per-call option. */
const PER_CALL_HEADERS: Readonly<Record<string, string>> = {
  'idempotency-key': 'must not be the same for every request; give `idempotencyKey` per call',
  'x-correlation-id':
    'must not be the same for every request; give `correlationId` per call or as a function in the options',
  traceparent: 'must not be the same for every request; the client makes one per call, or give it per call',
};
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** What the clients call themselves unless the caller says otherwise: `millwright/0.2.0`. */
export const USER_AGENT = `millwright/${PACKAGE_VERSION}`;

const silentLogger: HttpLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Checks the options of an HTTP-based client and fills every default, once, when the client is
 * created; requests then read plain fields.
 *
 * @param options - the caller's options.
 * @param name - the options' type name for the error, e.g. `RestClientOptions`.
 * @returns the resolved options.
 * @throws {ValidationError} listing every invalid option by JSON Pointer (`/retry/attempts`,
 *   `/auth/tokenUrl`...); the messages never repeat a credential. An option that cannot be read
 *   (a throwing getter or Proxy trap, a revoked Proxy) is an `invalid_input` issue at its path,
 *   with the thrown value as the error's `cause`. Each option is read once.
 */
export function resolveHttpOptions(
  options: HttpClientOptions,
  name = 'HttpClientOptions',
): ResolvedHttpOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      [{ path: '', code: 'invalid_type', message: 'the options must be an object' }],
      {
        schema: name,
      },
    );
  }
  const issues: ValidationIssue[] = [];
  let cause: unknown;
  const unreadable = (path: string, thrown: unknown): void => {
    cause ??= thrown;
    issues.push({ path, code: 'invalid_input', message: READ_FAILED });
  };
  // Every option is read here once, into plain values: a getter or Proxy cannot answer
  // differently after it was checked, and what a read throws becomes an issue.
  options = readOptionsOnce(options, OPTION_NAMES, name);
  const check = (ok: boolean, path: string, message: string): void => {
    if (!ok) issues.push({ path, code: 'invalid_value', message });
  };
  /** The given fields of an optional group of options; an issue (and undefined) when it is not an object. */
  const groupOf = <T extends object>(value: T | undefined, path: string): Partial<T> | undefined => {
    if (value === undefined) return undefined;
    check(typeof value === 'object' && value !== null, path, 'must be an object');
    if (typeof value !== 'object' || value === null) return undefined;
    try {
      return definedFields(value);
    } catch (thrown) {
      unreadable(path, thrown);
      return undefined;
    }
  };
  const base = parseHttpUrl(options.baseURL);
  check(base !== null, '/baseURL', 'must be an absolute http: or https: URL');
  check(
    base === null || (base.username === '' && base.password === ''),
    '/baseURL',
    'must not hold credentials; use `auth`',
  );

  const retry = { ...RETRY_DEFAULTS, ...groupOf(options.retry, '/retry') };
  check(
    Number.isInteger(retry.attempts) && retry.attempts >= 1,
    '/retry/attempts',
    'must be an integer >= 1',
  );
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    check(isDuration(retry[key], true), `/retry/${key}`, `must be a number from 0 to ${MAX_DURATION_MS}`);
  }
  const timeoutMs = options.timeoutMs ?? TIMEOUT_DEFAULT_MS;
  check(isDuration(timeoutMs, false), '/timeoutMs', `must be a number > 0 and at most ${MAX_DURATION_MS}`);
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES_DEFAULT;
  check(
    Number.isSafeInteger(maxResponseBytes) && maxResponseBytes >= 1,
    '/maxResponseBytes',
    'must be an integer >= 1',
  );

  const breakerFields = groupOf(options.circuitBreaker, '/circuitBreaker');
  const circuitBreaker = breakerFields === undefined ? null : { ...CIRCUIT_DEFAULTS, ...breakerFields };
  if (circuitBreaker !== null) {
    const { failureThreshold, resetAfterMs } = circuitBreaker;
    check(
      Number.isInteger(failureThreshold) && failureThreshold >= 1,
      '/circuitBreaker/failureThreshold',
      'must be an integer >= 1',
    );
    check(
      isDuration(resetAfterMs, false),
      '/circuitBreaker/resetAfterMs',
      `must be a number > 0 and at most ${MAX_DURATION_MS}`,
    );
  }

  const limitFields = groupOf(options.rateLimit, '/rateLimit');
  const rateLimit = limitFields === undefined ? null : resolveRateLimit(limitFields);
  if (rateLimit !== null) {
    check(
      isPositive(rateLimit.requestsPerSecond),
      '/rateLimit/requestsPerSecond',
      'must be a finite number > 0',
    );
    check(
      Number.isInteger(rateLimit.burst) && rateLimit.burst >= 1,
      '/rateLimit/burst',
      'must be an integer >= 1',
    );
  }

  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [header, value] of Object.entries(groupOf(options.headers, '/headers') ?? {})) {
    const path = toJsonPointer(['headers', header]);
    const valid = HEADER_NAME.test(header) && typeof value === 'string' && HEADER_VALUE.test(value);
    check(valid, path, 'must be a valid header name with a string value without line breaks');
    const perCall = Object.hasOwn(PER_CALL_HEADERS, header.toLowerCase())
      ? PER_CALL_HEADERS[header.toLowerCase()]
      : undefined;
    if (perCall !== undefined) check(false, path, perCall);
    if (valid && perCall === undefined) headers[header.toLowerCase()] = value;
  }

  const authFields = groupOf(options.auth, '/auth');
  const auth = authFields === undefined ? null : resolveAuth(authFields as HttpAuth, check);
  if (auth !== null && options.allowInsecureAuth !== true) {
    const insecure = (url: URL | null): boolean =>
      url !== null && url.protocol === 'http:' && !LOOPBACK.test(url.hostname);
    const message = 'sends credentials over plain http: to another host; use https: or set allowInsecureAuth';
    check(!insecure(base), '/baseURL', message);
    if (auth.type === 'oauth2-client-credentials')
      check(!insecure(parseHttpUrl(auth.tokenUrl)), '/auth/tokenUrl', message);
  }
  for (const key of ['correlationId', 'onRetry'] as const) {
    check(options[key] === undefined || typeof options[key] === 'function', `/${key}`, 'must be a function');
  }

  if (issues.length > 0 || base === null) throw new ValidationError(issues, { schema: name, cause });
  return {
    baseURL: options.baseURL.replace(/\/+$/, ''),
    origin: base.origin,
    auth,
    secrets: authFields === undefined ? [] : collectSecrets(authFields as HttpAuth, auth),
    retry,
    timeoutMs,
    maxResponseBytes,
    circuitBreaker,
    rateLimit,
    headers,
    correlationId: options.correlationId ?? randomUUID,
    logger: options.logger ?? silentLogger,
    onRetry: options.onRetry ?? null,
    httpAgent: options.httpAgent ?? new HttpAgent({ keepAlive: true }),
    httpsAgent: options.httpsAgent ?? new HttpsAgent({ keepAlive: true }),
  };
}

/** Every option's name, read once each. */
const OPTION_NAMES = [
  'baseURL',
  'auth',
  'retry',
  'timeoutMs',
  'maxResponseBytes',
  'circuitBreaker',
  'rateLimit',
  'headers',
  'correlationId',
  'logger',
  'onRetry',
  'allowInsecureAuth',
  'httpAgent',
  'httpsAgent',
] as const satisfies readonly (keyof HttpClientOptions)[];

const READ_FAILED = 'could not be read (a getter or Proxy trap threw)';

function resolveRateLimit(fields: Partial<RateLimitOptions>): { requestsPerSecond: number; burst: number } {
  const requestsPerSecond = fields.requestsPerSecond as number;
  const burst =
    fields.burst ?? (isPositive(requestsPerSecond) ? Math.max(1, Math.ceil(requestsPerSecond)) : 1);
  return { requestsPerSecond, burst };
}

function resolveAuth(
  auth: HttpAuth,
  check: (ok: boolean, path: string, message: string) => void,
): ResolvedAuth | null {
  // A value sent in a header as it is must be a valid header value; one that is base64- or
  // form-encoded first (Basic, OAuth2 client credentials) may hold any character.
  const credential = (value: unknown, path: string, verbatim: boolean): boolean => {
    const ok = typeof value === 'string' && value !== '' && (!verbatim || HEADER_VALUE.test(value));
    check(
      ok,
      path,
      verbatim ? 'must be a non-empty string without line breaks' : 'must be a non-empty string',
    );
    return ok;
  };
  switch (auth.type) {
    case 'bearer':
      return credential(auth.token, '/auth/token', true)
        ? { type: 'header', name: 'authorization', value: `Bearer ${auth.token}` }
        : null;
    case 'basic': {
      const username = credential(auth.username, '/auth/username', false);
      const password = credential(auth.password, '/auth/password', false);
      const colon = username && auth.username.includes(':');
      check(!colon, '/auth/username', 'must not contain ":" (RFC 7617)');
      return username && password && !colon
        ? { type: 'header', name: 'authorization', value: basicAuthorization(auth.username, auth.password) }
        : null;
    }
    case 'api-key': {
      const named = typeof auth.header === 'string' && HEADER_NAME.test(auth.header);
      check(named, '/auth/header', 'must be a valid header name');
      return credential(auth.value, '/auth/value', true) && named
        ? { type: 'header', name: auth.header.toLowerCase(), value: auth.value }
        : null;
    }
    case 'oauth2-client-credentials':
      return resolveClientCredentials(auth, credential, check);
    default:
      check(false, '/auth/type', "must be 'bearer', 'basic', 'api-key' or 'oauth2-client-credentials'");
      return null;
  }
}

function resolveClientCredentials(
  auth: OAuth2ClientCredentialsAuth,
  credential: (value: unknown, path: string, verbatim: boolean) => boolean,
  check: (ok: boolean, path: string, message: string) => void,
): ResolvedAuth | null {
  const tokenUrl = parseHttpUrl(auth.tokenUrl);
  check(tokenUrl !== null, '/auth/tokenUrl', 'must be an absolute http: or https: URL');
  // Both are form-encoded before they are sent, in the body or inside the Basic header.
  const ok =
    credential(auth.clientId, '/auth/clientId', false) &&
    credential(auth.clientSecret, '/auth/clientSecret', false);
  check(auth.scope === undefined || typeof auth.scope === 'string', '/auth/scope', 'must be a string');
  const inBody = auth.clientAuthentication === 'body';
  check(
    inBody || auth.clientAuthentication === undefined || auth.clientAuthentication === 'basic',
    '/auth/clientAuthentication',
    "must be 'basic' or 'body'",
  );
  if (!ok || tokenUrl === null) return null;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope !== undefined && auth.scope !== '') form.set('scope', auth.scope);
  if (inBody) {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  }
  return {
    type: 'oauth2-client-credentials',
    tokenUrl: auth.tokenUrl,
    form: form.toString(),
    authorization: inBody
      ? null
      : basicAuthorization(formEncode(auth.clientId), formEncode(auth.clientSecret)),
  };
}

/** The credentials as given, and the header values made from them. */
function collectSecrets(auth: HttpAuth, resolved: ResolvedAuth | null): string[] {
  const secrets: string[] = [];
  if (auth.type === 'bearer') secrets.push(auth.token);
  if (auth.type === 'basic') secrets.push(auth.password);
  if (auth.type === 'api-key') secrets.push(auth.value);
  if (auth.type === 'oauth2-client-credentials') secrets.push(auth.clientSecret);
  if (resolved?.type === 'header' && resolved.name === 'authorization')
    secrets.push(resolved.value.slice(resolved.value.indexOf(' ') + 1));
  if (resolved?.type === 'oauth2-client-credentials' && resolved.authorization !== null)
    secrets.push(resolved.authorization.slice(6));
  return secrets.filter((secret) => typeof secret === 'string' && secret !== '');
}

function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks for client credentials in Basic auth. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function parseHttpUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A number of milliseconds a timer can wait: up to {@link MAX_DURATION_MS}, zero only where allowed. */
function isDuration(value: unknown, zeroAllowed: boolean): boolean {
  return typeof value === 'number' && (zeroAllowed ? value >= 0 : value > 0) && value <= MAX_DURATION_MS;
}

function isPositive(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The fields of an options object that are not undefined, so that spreading keeps the defaults. */
function definedFields<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
