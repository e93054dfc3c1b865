// Whatever goes wrong, no secret leaks. Secrets enter a call in every place they can: the
// client's credentials (tokens, passwords, client secrets, API keys, the OAuth2 access token),
// secret query parameters (given as `params` or written into the path), matrix parameters,
// per-call and client-wide headers with secret names, an `Authorization` header given per call,
// cookies, and secret fields of form and JSON bodies; names come in any case. The server is
// hostile: it echoes the URL, the headers and the body it received in every form a response can
// carry them (raw, decoded, URL-encoded, JSON-escaped, HTML- and XML-escaped in the body; in
// response headers, a redirect's Location and a foreign page link). Every failure mode of the
// REST client (error statuses, resets, cut-off bodies, stalls, calls aborted by the caller,
// redirects, an open circuit, a Retry-After too long, a body too large, foreign page links, a
// failing token endpoint), through the JSON helpers and through request() with every response
// type (a stream that breaks while it is read included), ends in a MillwrightError whose
// message, stack, cause chain, toJSON and JSON.stringify, as well as the onRetry states and the
// log lines, hold none of the secrets.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { isMillwrightError } from 'millwright';
import {
  createRestClient,
  type HttpAuth,
  type QueryParams,
  type ResponseType,
  type RestClientOptions,
} from 'millwright/rest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type RecordedRequest,
  startHttpServer,
  type TestServer,
} from '../integration/helpers/start-http-server.js';

const API_MODES = [
  '400',
  '401',
  '503',
  'reset',
  'truncated',
  'stall',
  'aborted',
  'redirect',
  'circuit',
  'retry-after-long',
  'too-large',
  'foreign-link',
  'no-items',
] as const;
const TOKEN_MODES = ['token-401', 'token-not-json', 'token-no-access-token', 'token-stall'] as const;
type Mode = (typeof API_MODES)[number] | (typeof TOKEN_MODES)[number];

/** Where a secret of the call (besides the client's credentials) enters it. */
const ENTRIES = [
  'none',
  'query-param',
  'path-query',
  'matrix',
  'call-header',
  'client-header',
  'authorization',
  'cookie',
  'form-body',
  'json-body',
] as const;
type Entry = (typeof ENTRIES)[number];

/** How the server echoes what it received. */
const ECHOES = ['raw', 'json', 'decoded', 'url-encoded', 'html', 'html-numeric', 'xml'] as const;
type Echo = (typeof ECHOES)[number];

/** How the call is made: a JSON helper, or request() with a response type. */
const VIAS = ['post', 'json', 'text', 'buffer', 'stream'] as const;
type Via = (typeof VIAS)[number];

const SECRET_NAMES = [
  'api_key',
  'access_token',
  'subscription-key',
  'Ocp-Apim-Subscription-Key',
  'client_assertion',
  'assertion',
  'passphrase',
  'pass',
  'password',
  'hmac',
  'otp',
  'pin',
  'sharedKey',
  'Key-Pair-Id',
  'Policy',
  'X-Amz-Signature',
  'sig',
  'client_secret',
  'refresh_token',
] as const;
const MATRIX_NAMES = ['jsessionid', 'JSESSIONID', 'session', 'sid'] as const;
const COOKIE_NAMES = [
  'JSESSIONID',
  'SAP_SESSIONID_XYZ_100',
  'MYSAPSSO2',
  'connect.sid',
  'auth_token',
] as const;

/** The run's state, read by the server. */
let accessToken = '';
let echoStyle: Echo = 'raw';
/** Aborts the call of the current run; the server calls it when an `aborted` request arrives. */
let abortCall: () => void = () => undefined;
let server: TestServer;

const MARKUP: Readonly<
  Record<Exclude<Echo, 'raw' | 'json' | 'decoded' | 'url-encoded'>, Record<string, string>>
> = {
  html: { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' },
  'html-numeric': { '&': '&#38;', '<': '&#60;', '>': '&#62;', '"': '&#34;', "'": '&#x27;' },
  xml: { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' },
};

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** What the server saw, echoed in the run's style. */
function echo(request: RecordedRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('\n');
  const raw = `${request.url}\n${headers}\n${request.body}`;
  switch (echoStyle) {
    case 'raw':
      return raw;
    case 'json':
      return JSON.stringify({ url: request.url, headers: request.headers, body: request.body });
    case 'decoded':
      return `${decode(request.url)}\n${headers}\n${decode(request.body)}`;
    case 'url-encoded':
      return encodeURIComponent(raw);
    default: {
      const escapes = MARKUP[echoStyle];
      return `<html><body><pre>${raw.replace(/[&<>"']/g, (char) => escapes[char] as string)}</pre></body></html>`;
    }
  }
}

beforeAll(async () => {
  server = await startHttpServer((request, response, raw) => {
    const mode = request.url.split('/')[2]?.split(/[?;]/)[0] as Mode;
    const text = echo(request);
    if (request.url.startsWith('/token/')) {
      if (mode === 'token-401')
        return response.writeHead(401, { 'content-type': 'application/json' }).end(text);
      if (mode === 'token-not-json') return response.writeHead(200).end(`<html>${text}</html>`);
      if (mode === 'token-no-access-token')
        return response.writeHead(200).end(JSON.stringify({ token: accessToken, echo: text }));
      if (mode === 'token-stall') return;
      return response.writeHead(200).end(JSON.stringify({ access_token: accessToken, expires_in: 3600 }));
    }
    const echoHeader = { 'x-echo': encodeURIComponent(text) };
    switch (mode) {
      case '400':
      case '401':
      case '503':
      case 'circuit':
        return response.writeHead(mode === 'circuit' ? 500 : Number(mode), echoHeader).end(text);
      case 'retry-after-long':
        return response.writeHead(503, { ...echoHeader, 'retry-after': '3600' }).end(text);
      case 'too-large':
        return response.writeHead(200, echoHeader).end(text.repeat(64));
      case 'reset':
        return void raw.socket.destroy();
      case 'truncated':
        response.writeHead(200, { 'content-length': text.length + 100 }).write(text);
        return void setImmediate(() => raw.socket.destroy());
      case 'stall':
        return;
      case 'aborted':
        return abortCall();
      case 'redirect':
        return response
          .writeHead(302, { location: `https://elsewhere.example/?echo=${encodeURIComponent(text)}` })
          .end(text);
      case 'foreign-link':
        return response
          .writeHead(200, {
            link: `<https://elsewhere.example/p2?h=${encodeURIComponent(text)}>; rel="next"`,
          })
          .end('[]');
      default:
        return response.writeHead(200).end(JSON.stringify({ echo: text }));
    }
  });
});

afterAll(async () => {
  await server.close();
});

// Secrets as they come: letters, digits and the punctuation that needs escaping in URLs, forms,
// JSON, HTML and Basic auth; those that are encoded before they are sent (Basic, OAuth2 client
// credentials, query and form values, JSON) also with characters beyond Latin-1. Header values
// hold no blank at either end (HTTP trims it), matrix values only what a path segment allows,
// cookies only cookie octets.
const PUNCTUATION = ' _~+/=!*$&%@:"\'<>\\\\.-';
const secret = fc.stringMatching(new RegExp(`^[A-Za-z0-9${PUNCTUATION}]{12,40}$`));
const encodedSecret = fc.stringMatching(new RegExp(`^[A-Za-z0-9${PUNCTUATION}\u00fc\u00df\u20ac]{12,40}$`));
const headerSecret = fc.stringMatching(
  /^[A-Za-z0-9_~+/=!*$&%@:"'<>.-][A-Za-z0-9 _~+/=!*$&%@:"'<>.-]{10,38}[A-Za-z0-9_~+/=!*$&%@:"'<>.-]$/,
);
const matrixSecret = fc.stringMatching(/^[A-Za-z0-9._~!$*+,=:@-]{12,40}$/);
const cookieSecret = fc.stringMatching(/^[A-Za-z0-9!#$&'()*+./:<=>?@^_`|~-]{12,40}$/);
const username = fc.stringMatching(/^[a-z][a-z0-9_.-]{2,15}$/);
const nameOf = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.constantFrom(...names).chain((name) => fc.mixedCase(fc.constant(name)));

/** Where the entry's secret goes in the call. */
interface Placement {
  readonly path: string;
  readonly params: QueryParams;
  readonly headers: Record<string, string>;
  readonly clientHeaders: Record<string, string>;
  readonly body: unknown;
}

function place(entry: Entry, mode: Mode, name: string, value: string, note: string): Placement {
  const placement: Placement = {
    path: `/${mode}/orders`,
    params: { plant: 'DE01' },
    headers: {},
    clientHeaders: {},
    body: { note },
  };
  switch (entry) {
    case 'query-param':
      return { ...placement, params: { plant: 'DE01', [name]: value } };
    case 'path-query':
      return {
        ...placement,
        path: `${placement.path}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
      };
    case 'matrix':
      return { ...placement, path: `/${mode};${name}=${value}/orders` };
    case 'call-header':
      return { ...placement, headers: { [name]: value } };
    case 'client-header':
      return { ...placement, clientHeaders: { [name]: value } };
    case 'authorization':
      return { ...placement, headers: { Authorization: `Bearer ${value}` } };
    case 'cookie':
      return { ...placement, headers: { Cookie: `lang=de; ${name}=${value}` } };
    case 'form-body':
      return { ...placement, body: new URLSearchParams({ plant: 'DE01', [name]: value }) };
    case 'json-body':
      return { ...placement, body: { plant: 'DE01', lines: [{ qty: 1, credentials: { [name]: value } }] } };
    default:
      return placement;
  }
}

function authFor(kind: string, value: string, user: string, mode: Mode): HttpAuth {
  switch (kind) {
    case 'bearer':
      return { type: 'bearer', token: value };
    case 'basic':
      return { type: 'basic', username: user, password: value };
    case 'api-key':
      return { type: 'api-key', header: 'X-API-Key', value };
    default:
      return {
        type: 'oauth2-client-credentials',
        tokenUrl: `${server.url}/token/${mode}`,
        clientId: user,
        clientSecret: value,
        clientAuthentication: kind === 'oauth2-body' ? 'body' : 'basic',
      };
  }
}

/** Every form in which a secret could be shown. */
function forms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ s: value }).toString().slice(2),
    json,
    ...Object.values(MARKUP).map((escapes) => value.replace(/[&<>"']/g, (char) => escapes[char] as string)),
  ];
}

/** Everything an error exposes: message, stack, toJSON, JSON.stringify, and the same for every cause. */
function exposure(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 10; depth += 1) {
    const { message, stack } = current as Partial<Error>;
    parts.push(String(message), String(stack), JSON.stringify(current) ?? '', String(current));
    const toJSON = (current as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === 'function') parts.push(JSON.stringify(toJSON.call(current)));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

/** The entry's secret and the name it goes under, drawn for its place. */
const entrySecret: fc.Arbitrary<readonly [Entry, string, string]> = fc
  .constantFrom<Entry>(...ENTRIES)
  .chain((entry): fc.Arbitrary<readonly [Entry, string, string]> => {
    switch (entry) {
      case 'matrix':
        return fc.tuple(fc.constant(entry), nameOf(MATRIX_NAMES), matrixSecret);
      case 'cookie':
        return fc.tuple(fc.constant(entry), fc.constantFrom<string>(...COOKIE_NAMES), cookieSecret);
      case 'call-header':
      case 'client-header':
      case 'authorization':
        return fc.tuple(fc.constant(entry), nameOf(SECRET_NAMES), headerSecret);
      default:
        return fc.tuple(fc.constant(entry), nameOf(SECRET_NAMES), encodedSecret);
    }
  });

it('no failure mode puts a secret of the call into an error, a retry state or a log line', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('bearer', 'basic', 'api-key', 'oauth2-basic', 'oauth2-body'),
      fc.constantFrom<Mode>(...API_MODES, ...TOKEN_MODES),
      fc.constantFrom<Echo>(...ECHOES),
      fc.constantFrom<Via>(...VIAS),
      entrySecret,
      fc.tuple(secret, encodedSecret, secret, username),
      async (
        kind,
        requestedMode,
        style,
        via,
        [entry, name, value],
        [headerCredential, encodedCredential, token, user],
      ) => {
        const credential = kind === 'bearer' || kind === 'api-key' ? headerCredential : encodedCredential;
        const mode = kind.startsWith('oauth2') || !requestedMode.startsWith('token-') ? requestedMode : '400';
        accessToken = token;
        echoStyle = style;
        const logs: string[] = [];
        const log = (message: string, fields?: object) => logs.push(`${message} ${JSON.stringify(fields)}`);
        const placement = place(entry, mode, name, value, credential);
        const options: RestClientOptions = {
          baseURL: `${server.url}/api`,
          auth: authFor(kind, credential, user, mode),
          timeoutMs: 60,
          retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
          headers: placement.clientHeaders,
          logger: { debug: log, info: log, warn: log, error: log },
          onRetry: (state) =>
            logs.push(inspect(state, { depth: Number.POSITIVE_INFINITY, showHidden: true })),
          ...(mode === 'circuit' ? { circuitBreaker: { failureThreshold: 1, resetAfterMs: 60_000 } } : {}),
          ...(mode === 'too-large' ? { maxResponseBytes: 512 } : {}),
        };
        const client = createRestClient(options);
        const controller = new AbortController();
        abortCall = () => controller.abort();
        const { path, params, headers, body } = placement;
        const call = async (): Promise<unknown> => {
          if (mode === 'foreign-link' || mode === 'no-items') {
            for await (const item of client.paginate(path, { style: 'link', params, headers })) void item;
            return undefined;
          }
          if (mode === 'circuit') await client.get(path, { params, headers }).catch(() => undefined);
          if (via === 'post') return client.post(path, body, { params, headers, signal: controller.signal });
          const responseType: ResponseType = via;
          const response = await client.request({
            method: 'POST',
            path,
            params,
            headers,
            body,
            responseType,
            signal: controller.signal,
          });
          if (responseType === 'stream')
            for await (const chunk of response.data as AsyncIterable<unknown>) void chunk;
          return response;
        };
        const error = await call().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(isMillwrightError(error), `${mode} ${via}: ${String(error)}`).toBe(true);
        const shown = `${exposure(error)}\n${logs.join('\n')}`;
        const secrets = [...forms(credential), ...forms(token), ...(entry === 'none' ? [] : forms(value))];
        if (kind === 'basic') secrets.push(Buffer.from(`${user}:${credential}`).toString('base64'));
        if (kind === 'oauth2-basic') {
          const formEncoded = new URLSearchParams({ s: credential }).toString().slice(2);
          secrets.push(
            Buffer.from(`${encodeURIComponent(user)}:${formEncoded}`).toString('base64'),
            formEncoded,
          );
        }
        for (const shownSecret of secrets)
          expect(
            shown.includes(shownSecret),
            `${kind} ${mode} ${entry} ${style} ${via} shows ${shownSecret}`,
          ).toBe(false);
      },
    ),
    { numRuns: 300 },
  );
});
