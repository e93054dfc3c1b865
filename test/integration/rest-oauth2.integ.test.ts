// OAuth2 client credentials against a real token endpoint and API on 127.0.0.1: one token for
// many calls, a new one shortly before expiry, exactly one refresh when the API rejects a token.
import { Readable } from 'node:stream';
import { AbortedError, HttpError, ValidationError } from 'millwright';
import { createRestClient, type RestClientOptions } from 'millwright/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { buildUrl } from '../../connectors/http/build-url.js';
import { createHttpClient } from '../../connectors/http/create-http-client.js';
import { createHttpRequest } from '../../connectors/http/create-http-request.js';
import { sendJson, startHttpServer, type TestServer } from './helpers/start-http-server.js';

const CLIENT_ID = 'mes-connector';
// Any character: the secret is form-encoded, then base64-encoded, before it is sent.
const CLIENT_SECRET = 'c1!ent s3cret/+=€ü';

interface TokenServer {
  readonly server: TestServer;
  /** The tokens issued, in order. */
  readonly issued: string[];
  /** Tokens the API no longer accepts. */
  readonly revoked: Set<string>;
  expiresIn: number | undefined;
  /** How many token requests still fail with 503 before the endpoint answers. */
  tokenFailures: number;
  /** The API rejects every token, old and new. */
  rejectAll: boolean;
}

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function startTokenAndApi(clientAuthentication?: 'basic' | 'body') {
  const state: TokenServer = {
    server: undefined as never,
    issued: [],
    revoked: new Set(),
    expiresIn: 3600,
    tokenFailures: 0,
    rejectAll: false,
  };
  const tokenServer = await startHttpServer((request, response) => {
    const form = new URLSearchParams(request.body);
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2)}`).toString('base64')}`;
    const authenticated =
      clientAuthentication === 'body'
        ? form.get('client_id') === CLIENT_ID && form.get('client_secret') === CLIENT_SECRET
        : request.headers.authorization === basic;
    if (form.get('grant_type') !== 'client_credentials' || !authenticated) {
      return sendJson(response, 401, {
        error: 'invalid_client',
        echo: request.body,
        authorization: request.headers.authorization,
      });
    }
    if (state.tokenFailures > 0) {
      state.tokenFailures -= 1;
      return sendJson(response, 503, { error: 'temporarily_unavailable' });
    }
    const token = `at-${state.issued.length + 1}-${form.get('scope') ?? ''}`;
    state.issued.push(token);
    sendJson(response, 200, {
      access_token: token,
      token_type: 'Bearer',
      ...(state.expiresIn === undefined ? {} : { expires_in: state.expiresIn }),
    });
  });
  const api = await startHttpServer((request, response) => {
    const token = String(request.headers.authorization).replace(/^Bearer /, '');
    if (state.rejectAll || !state.issued.includes(token) || state.revoked.has(token))
      return sendJson(response, 401, { error: 'invalid_token', token });
    sendJson(response, 200, { token });
  });
  servers.push(tokenServer, api);
  const options: RestClientOptions = {
    baseURL: api.url,
    retry: { attempts: 3, baseDelayMs: 1 },
    auth: {
      type: 'oauth2-client-credentials',
      tokenUrl: `${tokenServer.url}/oauth2/token`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      scope: 'confirmations.write',
      ...(clientAuthentication === undefined ? {} : { clientAuthentication }),
    },
  };
  return { state: Object.assign(state, { server: tokenServer }), api, options };
}

describe('OAuth2 client credentials', () => {
  it('fetches no new token for a call aborted when its token is rejected', async () => {
    const { state, api, options } = await startTokenAndApi();
    state.rejectAll = true;
    const controller = new AbortController();
    // The refresh is logged just before the new token would be asked for: the caller gives up then.
    const abort = () => controller.abort();
    const logger = { debug: abort, info: abort, warn: abort, error: abort };
    const client = createRestClient({ ...options, logger });
    const error = await client
      .get('/orders', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortedError);
    // The call has rejected; a token request made after the abort would arrive within this wait.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.issued).toEqual(['at-1-confirmations.write']);
    expect(state.server.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(1);
  });

  it('does not send a stream body again after a 401, but fetches a new token for the next call', async () => {
    const { state, api, options } = await startTokenAndApi();
    const client = createRestClient(options);
    await client.get('/orders');
    state.revoked.add('at-1-confirmations.write');
    api.requests.length = 0;
    const body = Readable.from(['id;qty\n', '1;250\n']);
    const error = await client
      .request({ method: 'PUT', path: '/exports/day.csv', body, headers: { 'content-type': 'text/csv' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'HttpError', status: 401, attempts: 1 });
    expect(api.requests).toHaveLength(1);
    expect(await client.get('/orders')).toEqual({ token: 'at-2-confirmations.write' });
    expect(state.issued).toHaveLength(2);
  });

  it('fetches one token for many concurrent calls and caches it', async () => {
    const { state, api, options } = await startTokenAndApi();
    const client = createRestClient(options);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.get<{ token: string }>('/orders')),
    );
    await client.get('/orders');
    expect(state.issued).toEqual(['at-1-confirmations.write']);
    expect(new Set(answers.map((answer) => (answer as { token: string }).token))).toEqual(
      new Set(['at-1-confirmations.write']),
    );
    expect(api.requests).toHaveLength(21);
    const tokenRequest = state.server.requests[0];
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const correlationIds = api.requests.map((request) => request.headers['x-correlation-id']);
    expect(correlationIds).toContain(tokenRequest?.headers['x-correlation-id']);
  });

  it('sends the client credentials in the form body when asked', async () => {
    const { state, options } = await startTokenAndApi('body');
    await createRestClient(options).get('/orders');
    expect(state.issued).toHaveLength(1);
    expect(state.server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('fetches a new token shortly before the old one expires', async () => {
    const { state, api, options } = await startTokenAndApi();
    state.expiresIn = 100; // refreshed 10% early: at 90 s
    // The client's clock is the test's: it moves when the test moves it, not with the machine.
    let now = 1_000_000;
    const http = createHttpClient(options, {
      entry: 'millwright/rest',
      optionsName: 'RestClientOptions',
      clock: { now: () => now, sleep: () => Promise.resolve() },
    });
    const get = () => http.send(createHttpRequest(http.options, 'GET', buildUrl(api.url, '/orders')));
    await get();
    now += 89_999;
    await get();
    expect(state.issued).toHaveLength(1);
    now += 1;
    await get();
    expect(state.issued).toHaveLength(2);
    now += 89_999;
    await get();
    expect(state.issued).toHaveLength(2);
  });

  it('keeps no token whose expires_in is zero or negative: each call fetches its own', async () => {
    for (const expiresIn of [0, -60]) {
      const { state, api, options } = await startTokenAndApi();
      state.expiresIn = expiresIn;
      const client = createRestClient(options);
      await client.get('/orders');
      await client.get('/orders');
      expect(state.issued, String(expiresIn)).toHaveLength(2);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([
        'Bearer at-1-confirmations.write',
        'Bearer at-2-confirmations.write',
      ]);
    }
  });

  it("sends the token request in the call's correlation and trace", async () => {
    const { state, api, options } = await startTokenAndApi();
    await createRestClient(options).get('/orders');
    const [call] = api.requests;
    const [tokenRequest] = state.server.requests;
    expect(tokenRequest?.headers['x-correlation-id']).toBe(call?.headers['x-correlation-id']);
    const traceOf = (header: unknown) =>
      /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(String(header))?.slice(1) ?? [];
    const [callTrace, callParent] = traceOf(call?.headers.traceparent);
    const [tokenTrace, tokenParent] = traceOf(tokenRequest?.headers.traceparent);
    expect(tokenTrace).toBeDefined();
    expect(tokenTrace).toBe(callTrace); // one trace: the call and the token request it needed
    expect(tokenParent).not.toBe(callParent); // two requests: two parent ids
  });

  it('keeps a token without expires_in until the API rejects it, then refreshes exactly once', async () => {
    const { state, api, options } = await startTokenAndApi();
    state.expiresIn = undefined;
    const client = createRestClient(options);
    await client.get('/orders');
    state.revoked.add('at-1-confirmations.write');
    expect(await client.get('/orders')).toEqual({ token: 'at-2-confirmations.write' });
    expect(state.issued).toHaveLength(2);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer at-1-confirmations.write',
      'Bearer at-1-confirmations.write',
      'Bearer at-2-confirmations.write',
    ]);
  });

  it('refreshes once for many calls rejected together', async () => {
    const { state, options } = await startTokenAndApi();
    const client = createRestClient(options);
    await client.get('/orders');
    state.revoked.add('at-1-confirmations.write');
    await Promise.all(Array.from({ length: 10 }, () => client.get('/orders')));
    expect(state.issued).toHaveLength(2);
  });

  it('throws the second 401 instead of refreshing again', async () => {
    const { state, api, options } = await startTokenAndApi();
    const client = createRestClient(options);
    await client.get('/orders');
    // The API now rejects every token: one refresh, one more try, then the 401.
    state.rejectAll = true;
    const error = await client.get('/orders').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(state.issued).toHaveLength(2);
    expect(api.requests).toHaveLength(3);
  });

  it('reports a token endpoint failure as an HttpError of the token URL, without the secret', async () => {
    const { options } = await startTokenAndApi();
    const wrong = {
      ...options,
      auth: { ...(options.auth as object), clientSecret: 'wrong-secret-123' },
    } as RestClientOptions;
    const error = (await createRestClient(wrong)
      .get('/orders')
      .catch((caught: unknown) => caught)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(401);
    expect(error.url).toMatch(/\/oauth2\/token$/);
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${error.body}`;
    expect(everything).not.toContain('wrong-secret-123');
    expect(everything).not.toContain(Buffer.from(`${CLIENT_ID}:wrong-secret-123`).toString('base64'));
    expect(error.body).toContain('[REDACTED]');
  });

  it('retries a token endpoint that is briefly unavailable', async () => {
    const { state, options } = await startTokenAndApi();
    state.tokenFailures = 2;
    const client = createRestClient({ ...options, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    expect(await client.get('/orders')).toEqual({ token: 'at-1-confirmations.write' });
    expect(state.server.requests).toHaveLength(3);
  });

  it('rejects a token URL that is not http(s)', () => {
    expect(() =>
      createRestClient({
        baseURL: 'https://mes.example',
        auth: {
          type: 'oauth2-client-credentials',
          tokenUrl: 'file:///etc/passwd',
          clientId: 'a',
          clientSecret: 'b',
        },
      }),
    ).toThrow(ValidationError);
  });
});
