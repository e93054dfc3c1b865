// Whatever goes wrong, no credential leaks: for random tokens, passwords, client secrets and API
// keys, every failure mode of the REST client (error statuses, resets, cut-off bodies, stalls,
// calls aborted by the caller, bad JSON, redirects, an open circuit, foreign page links, a failing token endpoint) ends in a
// MillwrightError whose message, stack, cause chain, toJSON and JSON.stringify, as well as the
// onRetry states and the log lines, hold none of them. The server is hostile: it echoes every
// header, the body and the URL it received back into its answers.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { isMillwrightError } from 'millwright';
import { createRestClient, type HttpAuth, type RestClientOptions } from 'millwright/rest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type TestServer } from '../integration/helpers/start-http-server.js';

const API_MODES = [
  '400',
  '401',
  '503',
  'reset',
  'truncated',
  'stall',
  'aborted',
  'not-json',
  'redirect',
  'circuit',
  'foreign-link',
  'no-items',
] as const;
const TOKEN_MODES = ['token-401', 'token-not-json', 'token-no-access-token', 'token-stall'] as const;
type Mode = (typeof API_MODES)[number] | (typeof TOKEN_MODES)[number];

/** What the server issues as the OAuth2 access token in the current run. */
let accessToken = '';
/** Aborts the call of the current run; the server calls it when an `aborted` request arrives. */
let abortCall: () => void = () => undefined;
let server: TestServer;

function echo(request: { url: string; headers: object; body: string }): string {
  return JSON.stringify({ url: request.url, headers: request.headers, body: request.body });
}

beforeAll(async () => {
  server = await startHttpServer((request, response, raw) => {
    const mode = request.url.split('/')[2]?.split('?')[0] as Mode;
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
    switch (mode) {
      case '400':
      case '401':
      case '503':
      case 'circuit':
        return response
          .writeHead(mode === 'circuit' ? 500 : Number(mode), { 'x-echo': encodeURIComponent(text) })
          .end(text);
      case 'reset':
        return void raw.socket.destroy();
      case 'truncated':
        response.writeHead(200, { 'content-length': text.length + 100 }).write(text);
        return void setImmediate(() => raw.socket.destroy());
      case 'stall':
        return;
      case 'aborted':
        return abortCall();
      case 'not-json':
        return response.writeHead(200).end(`not json: ${text}`);
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

// Credentials as they come: letters, digits and the punctuation that needs escaping in URLs,
// forms, JSON and Basic auth; those that are encoded before they are sent (Basic, OAuth2 client
// credentials) also with characters beyond Latin-1.
const secret = fc.stringMatching(/^[A-Za-z0-9 _~+/=!*$&%@:"\\.-]{12,40}$/);
const encodedSecret = fc.stringMatching(/^[A-Za-z0-9 _~+/=!*$&%@:"\\.\u00fc\u00df\u20ac-]{12,40}$/);
const username = fc.stringMatching(/^[a-z][a-z0-9_.-]{2,15}$/);

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

/** Every form in which a credential could be shown. */
function forms(value: string): string[] {
  return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
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

it('no failure mode puts a credential into an error, a retry state or a log line', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('bearer', 'basic', 'api-key', 'oauth2-basic', 'oauth2-body'),
      fc.constantFrom<Mode>(...API_MODES, ...TOKEN_MODES),
      secret,
      encodedSecret,
      secret,
      username,
      async (kind, requestedMode, headerCredential, encodedCredential, token, user) => {
        const credential = kind === 'bearer' || kind === 'api-key' ? headerCredential : encodedCredential;
        const mode = kind.startsWith('oauth2') || !requestedMode.startsWith('token-') ? requestedMode : '400';
        accessToken = token;
        const logs: string[] = [];
        const log = (message: string, fields?: object) => logs.push(`${message} ${JSON.stringify(fields)}`);
        const options: RestClientOptions = {
          baseURL: `${server.url}/api`,
          auth: authFor(kind, credential, user, mode),
          timeoutMs: 60,
          retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
          logger: { debug: log, info: log, warn: log, error: log },
          onRetry: (state) =>
            logs.push(inspect(state, { depth: Number.POSITIVE_INFINITY, showHidden: true })),
          ...(mode === 'circuit' ? { circuitBreaker: { failureThreshold: 1, resetAfterMs: 60_000 } } : {}),
        };
        const client = createRestClient(options);
        const controller = new AbortController();
        abortCall = () => controller.abort();
        const path = `/${mode}/orders`;
        const params = { plant: 'DE01', access_token: credential };
        const call = async (): Promise<unknown> => {
          if (mode === 'foreign-link' || mode === 'no-items') {
            for await (const item of client.paginate(path, { style: 'link', params })) void item;
            return undefined;
          }
          if (mode === 'circuit') await client.get(path).catch(() => undefined);
          return client.post(path, { note: credential }, { params, signal: controller.signal });
        };
        const error = await call().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(isMillwrightError(error), `${mode}: ${String(error)}`).toBe(true);
        const shown = `${exposure(error)}\n${logs.join('\n')}`;
        const secrets = [...forms(credential), ...forms(token)];
        if (kind === 'basic') secrets.push(Buffer.from(`${user}:${credential}`).toString('base64'));
        if (kind === 'oauth2-basic') {
          const formEncoded = new URLSearchParams({ s: credential }).toString().slice(2);
          secrets.push(
            Buffer.from(`${encodeURIComponent(user)}:${formEncoded}`).toString('base64'),
            formEncoded,
          );
        }
        for (const value of secrets)
          expect(shown.includes(value), `${kind} ${mode} shows ${value}`).toBe(false);
      },
    ),
    { numRuns: 150 },
  );
});
