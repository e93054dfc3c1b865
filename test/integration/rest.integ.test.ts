// The REST client against a real node:http server on 127.0.0.1: requests and headers as they
// arrive on the wire, retries, Retry-After, timeouts, circuit breaker and rate limit.

import { getEventListeners } from 'node:events';
import { gzipSync } from 'node:zlib';
import {
  AbortedError,
  CircuitOpenError,
  HttpError,
  isMillwrightError,
  NetworkError,
  TimeoutError,
  TransportError,
  ValidationError,
} from 'millwright';
import { createRestClient, type RestClientOptions, type RetryState } from 'millwright/rest';
import { describe, expect, it, vi } from 'vitest';
import { buildUrl } from '../../connectors/http/build-url.js';
import { createHttpClient } from '../../connectors/http/create-http-client.js';
import { createHttpRequest } from '../../connectors/http/create-http-request.js';
import type { HttpClock } from '../../connectors/http/http-clock.js';
import { catchError } from '../support/catch-error.js';
import { rejection } from './helpers/rejection.js';
import { sendJson, type TestHandler } from './helpers/start-http-server.js';
import { useRestServer } from './helpers/use-rest-server.js';

const FAST_RETRY = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 };
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-0[01]$/;

const fixture = useRestServer({ retry: FAST_RETRY });

async function start(handler: TestHandler, options: Partial<RestClientOptions> = {}) {
  const { client, server } = await fixture.start(handler, options);
  return { client, requests: server.requests };
}

const echo: TestHandler = (request, response) => sendJson(response, 200, { ok: true, url: request.url });

describe('requests on the wire', () => {
  it('sends each method with JSON bodies and parses JSON responses', async () => {
    const { client, requests } = await start((request, response) =>
      request.method === 'DELETE'
        ? response.writeHead(204).end()
        : sendJson(response, 200, { got: request.body }),
    );
    expect(await client.get('/items')).toEqual({ got: '' });
    expect(await client.post('/items', { a: 1 })).toEqual({ got: '{"a":1}' });
    expect(await client.put('/items/1', { a: 2 })).toEqual({ got: '{"a":2}' });
    expect(await client.patch('/items/1', { a: 3 })).toEqual({ got: '{"a":3}' });
    expect(await client.delete('/items/1')).toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/items',
      'POST /api/items',
      'PUT /api/items/1',
      'PATCH /api/items/1',
      'DELETE /api/items/1',
    ]);
    expect(requests[1]?.headers['content-type']).toBe('application/json');
    expect(requests[0]?.headers.accept).toBe('application/json');
  });

  it('encodes query strings with %20, never +, and repeats array parameters', async () => {
    const { client, requests } = await start(echo);
    await client.get('/search', {
      params: { q: 'gear pump+seal', plant: ['DE01', 'DE 02'], skip: undefined, n: 5 },
    });
    expect(requests[0]?.url).toBe('/api/search?q=gear%20pump%2Bseal&plant=DE01&plant=DE%2002&n=5');
  });

  it('keeps paths under baseURL, even one that looks like another host', async () => {
    const { client, requests } = await start(echo);
    await client.get('https://evil.example/steal');
    expect(requests[0]?.url).toBe('/api/https://evil.example/steal');
  });

  it('sends x-correlation-id and a W3C traceparent whose trace-id is the correlation id', async () => {
    const { client, requests } = await start(echo);
    await client.get('/a');
    const headers = requests[0]?.headers ?? {};
    const correlationId = String(headers['x-correlation-id']);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.traceparent).toMatch(TRACEPARENT);
    expect(String(headers.traceparent).slice(3, 35)).toBe(correlationId.replaceAll('-', ''));
  });

  it("keeps the caller's correlation id and traceparent", async () => {
    const { client, requests } = await start(echo, { correlationId: () => 'job-42' });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await client.get('/a');
    await client.get('/b', { correlationId: 'msg-7' });
    await client.get('/c', { headers: { traceparent, 'X-Correlation-Id': 'hdr-1' } });
    expect(requests.map((r) => r.headers['x-correlation-id'])).toEqual(['job-42', 'msg-7', 'hdr-1']);
    expect(requests[0]?.headers.traceparent).toMatch(TRACEPARENT);
    expect(requests[2]?.headers.traceparent).toBe(traceparent);
  });

  it('sends default headers, basic and api-key credentials', async () => {
    const basic = await start(echo, {
      headers: { 'X-Plant': 'DE01' },
      auth: { type: 'basic', username: 'mes', password: 'pa:ss Grüße€2026' },
    });
    await basic.client.get('/a');
    expect(basic.requests[0]?.headers['x-plant']).toBe('DE01');
    expect(basic.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('mes:pa:ss Grüße€2026', 'utf8').toString('base64')}`,
    );
    const apiKey = await start(echo, { auth: { type: 'api-key', header: 'APIKey', value: 'k-123' } });
    await apiKey.client.get('/a');
    expect(apiKey.requests[0]?.headers.apikey).toBe('k-123');
  });

  it('does not follow redirects, so header credentials never reach another host', async () => {
    const { client, requests } = await start(
      (_request, response) => {
        response.writeHead(302, { location: 'http://127.0.0.2:1/elsewhere' }).end();
      },
      { auth: { type: 'api-key', header: 'X-API-Key', value: 'k-123' } },
    );
    const error = await rejection(client.get('/moved'));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(302);
    expect(requests).toHaveLength(1);
  });

  it('hands over a 2xx body that is not JSON as its text, and does not send it again', async () => {
    const { client, requests } = await start((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    });
    expect(await client.get('/a')).toBe('<html>maintenance</html>');
    expect(requests).toHaveLength(1);
  });

  it('rejects invalid options with a ValidationError listing JSON Pointers', () => {
    const error = catchError(ValidationError, () =>
      createRestClient({
        baseURL: 'ftp://mes.example',
        retry: { attempts: 0 },
        timeoutMs: -1,
        headers: { 'X-Bad': 'a\r\nb' },
        auth: { type: 'bearer', token: '' },
      }),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      '/auth/token',
      '/baseURL',
      '/headers/X-Bad',
      '/retry/attempts',
      '/timeoutMs',
    ]);
  });

  it('refuses durations a timer cannot hold and client-wide per-call headers', () => {
    // A timeout of 3e9 ms overflowed Node's timer: every call failed with TIMEOUT after 23 ms.
    const error = catchError(ValidationError, () =>
      createRestClient({
        baseURL: 'https://mes.example',
        timeoutMs: 3_000_000_000,
        retry: { maxRetryAfterMs: 2 ** 31 },
        headers: { 'Idempotency-Key': 'same-for-all', 'X-Correlation-Id': 'same-for-all' },
      }),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      '/headers/Idempotency-Key',
      '/headers/X-Correlation-Id',
      '/retry/maxRetryAfterMs',
      '/timeoutMs',
    ]);
  });

  it('refuses credentials over plain http to another host unless allowed', () => {
    const options: RestClientOptions = {
      baseURL: 'http://mes.plant.example/api',
      auth: { type: 'bearer', token: 't' },
    };
    expect(() => createRestClient(options)).toThrow(ValidationError);
    expect(() => createRestClient({ ...options, allowInsecureAuth: true })).not.toThrow();
    expect(() => createRestClient({ ...options, baseURL: 'http://localhost:8080' })).not.toThrow();
  });
});

describe('retries', () => {
  it.each([408, 425, 429, 500, 502, 503, 504])('retries HTTP %i and succeeds', async (status) => {
    const { client, requests } = await start((request, response) =>
      requestsSoFar(request) < 3 ? response.writeHead(status).end() : sendJson(response, 200, { ok: true }),
    );
    expect(await client.get('/a')).toEqual({ ok: true });
    expect(requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries HTTP %i', async (status) => {
    const { client, requests } = await start((_request, response) =>
      response.writeHead(status).end('{"error":"no"}'),
    );
    const error = (await rejection(client.get('/a'))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(TransportError);
    expect(error.status).toBe(status);
    expect(error.method).toBe('GET');
    expect(error.body).toBe('{"error":"no"}');
    expect(requests).toHaveLength(1);
  });

  it('gives up after `attempts` and throws the last error', async () => {
    const { client, requests } = await start((_request, response) => response.writeHead(503).end('busy'));
    const error = (await rejection(client.get('/a'))) as HttpError;
    expect(error.status).toBe(503);
    expect(requests).toHaveLength(FAST_RETRY.attempts);
  });

  it('retries connection resets and truncated bodies', async () => {
    const { client, requests } = await start((request, response, raw) => {
      const n = requestsSoFar(request);
      if (n === 1) return void raw.socket.destroy();
      if (n === 2) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"ok":');
        return void setTimeout(() => raw.socket.destroy(), 5);
      }
      sendJson(response, 200, { ok: true });
    });
    expect(await client.get('/a')).toEqual({ ok: true });
    expect(requests).toHaveLength(3);
  });

  it('throws a NetworkError with the system code when the server is gone', async () => {
    const { client } = await start(echo, { retry: { attempts: 2, baseDelayMs: 1 } });
    await fixture.server?.close();
    const error = (await rejection(client.get('/a'))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.systemCode).toBe('ECONNREFUSED');
    expect(isMillwrightError(error.cause)).toBe(false);
    expect(Object.keys(error.cause as object)).toEqual(['code']);
  });

  it('POSTs carry one Idempotency-Key for all attempts of a call, a new one per call', async () => {
    const { client, requests } = await start((request, response) =>
      requestsSoFar(request) % 3 === 0
        ? sendJson(response, 201, { ok: true })
        : response.writeHead(503).end(),
    );
    await client.post('/c', { n: 1 });
    await client.patch('/c/1', { n: 2 });
    const keys = requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys.slice(3, 6)).size).toBe(1);
    expect(keys[0]).not.toBe(keys[3]);
    expect(new Set(requests.map((r) => r.headers['x-correlation-id'])).size).toBe(2);
  });

  it("uses the caller's Idempotency-Key, and never retries a POST sent without one", async () => {
    const { client, requests } = await start((_request, response) => response.writeHead(503).end());
    await rejection(client.post('/c', { n: 1 }, { idempotencyKey: 'conf-0001' }));
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual(
      Array(FAST_RETRY.attempts).fill('conf-0001'),
    );
    requests.length = 0;
    await rejection(client.post('/c', { n: 1 }, { idempotencyKey: false }));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('calls onRetry with one state object before each retry', async () => {
    const states: RetryState[] = [];
    const { client } = await start(
      (request, response) =>
        requestsSoFar(request) < 3 ? response.writeHead(502).end() : sendJson(response, 200, {}),
      { onRetry: (state) => states.push(state) },
    );
    await client.get('/a', { params: { api_key: 'secret-in-query' } });
    expect(states.map((s) => s.attempt)).toEqual([1, 2]);
    expect(states[0]?.error).toBeInstanceOf(HttpError);
    expect(states[0]?.request.method).toBe('GET');
    expect(states[0]?.request.url).toMatch(/\/api\/a\?api_key=\[REDACTED\]$/);
    expect(states[0]?.delayMs).toBeLessThanOrEqual(FAST_RETRY.baseDelayMs);
  });

  it('logs each retry to the logger, with the redacted URL and no headers', async () => {
    const lines: { level: string; message: string; fields: unknown }[] = [];
    const logger = Object.fromEntries(
      (['debug', 'info', 'warn', 'error'] as const).map((level) => [
        level,
        (message: string, fields?: unknown) => lines.push({ level, message, fields }),
      ]),
    ) as unknown as RestClientOptions['logger'];
    const { client } = await start(
      (request, response) =>
        requestsSoFar(request) < 2 ? response.writeHead(503).end() : sendJson(response, 200, {}),
      { logger, auth: { type: 'bearer', token: 'tok-123' } },
    );
    await client.get('/a', { params: { token: 'tok-123' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      fields: { method: 'GET', attempt: 1, error: 'HTTP_STATUS', status: 503 },
    });
    expect(JSON.stringify(lines)).not.toContain('tok-123');
  });

  it('waits the longer of the backoff and Retry-After: a date in the past or 0 never means at once', async () => {
    // A fixed "random" makes the full-jitter backoff known: half its ceiling.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const states: RetryState[] = [];
      const { client } = await start(
        (request, response) => {
          const n = requestsSoFar(request);
          if (n === 1)
            return void response
              .writeHead(503, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() })
              .end();
          if (n === 2) return void response.writeHead(429, { 'retry-after': '0' }).end();
          if (n === 3) return void response.writeHead(503, { 'retry-after': '1' }).end();
          sendJson(response, 200, { ok: true });
        },
        {
          retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 },
          onRetry: (state) => states.push(state),
        },
      );
      expect(await client.get('/a')).toEqual({ ok: true });
      // Backoffs 10, 20 and 40 ms; the third wait is the server's 1 s.
      expect(states.map((state) => state.delayMs)).toEqual([10, 20, 1_000]);
      expect(states.map((state) => (state.error as HttpError).retryAfterMs)).toEqual([0, 0, 1_000]);
    } finally {
      random.mockRestore();
    }
  });

  it('does not retry when Retry-After asks for longer than maxRetryAfterMs, and says so', async () => {
    const { client, requests } = await start(
      (_request, response) =>
        response.writeHead(503, { 'retry-after': '3600' }).end('{"error":"maintenance"}'),
      { retry: { attempts: 4, baseDelayMs: 1, maxRetryAfterMs: 120_000 } },
    );
    const error = (await rejection(client.get('/a'))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 3_600_000, attempts: 1 });
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/a failed with HTTP 503 after 1 attempt \(Retry-After: 3600 s\): \{"error":"maintenance"\}$/,
    );
    expect(requests).toHaveLength(1);
  });

  it('gives every attempt its own span in the same trace', async () => {
    const { client, requests } = await start((request, response) =>
      requestsSoFar(request) < 3 ? response.writeHead(503).end() : sendJson(response, 200, {}),
    );
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await client.get('/a');
    await client.get('/b', { headers: { traceparent } });
    const spans = requests.map((request) => String(request.headers.traceparent).split('-'));
    for (const span of spans) expect(span.join('-')).toMatch(TRACEPARENT);
    const [first, second] = [spans.slice(0, 3), spans.slice(3)];
    expect(new Set(first.map((span) => span[1])).size).toBe(1);
    expect(new Set(first.map((span) => span[2])).size).toBe(3);
    expect(second.map((span) => span[1])).toEqual(Array(3).fill('4bf92f3577b34da6a3ce929d0e0e4736'));
    expect(second[0]?.[2]).toBe('00f067aa0ba902b7');
    expect(new Set(second.map((span) => span[2])).size).toBe(3);
    expect(new Set(second.map((span) => span[3]))).toEqual(new Set(['01']));
  });

  it('says how many attempts a failed call made and quotes the start of the body, without secrets', async () => {
    const { client } = await start(
      (request, response) =>
        response.writeHead(503).end(JSON.stringify({ error: 'busy', echo: request.url })),
      { auth: { type: 'bearer', token: 'tok-secret-9' } },
    );
    const error = (await rejection(
      client.get('/a', { params: { api_key: 'k-secret-7', plant: 'DE01' } }),
    )) as HttpError;
    expect(error.attempts).toBe(FAST_RETRY.attempts);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/a\?api_key=\[REDACTED\]&plant=DE01 failed with HTTP 503 after 4 attempts: \{"error":"busy","echo":"\/api\/a\?api_key=\[REDACTED\]&plant=DE01"\}$/,
    );
    expect(JSON.stringify(error.toJSON())).not.toContain('k-secret-7');
  });
});

describe('timeouts', () => {
  it('aborts a slow response after timeoutMs with TimeoutError, then retries', async () => {
    const { client, requests } = await start(
      (request, response) => {
        if (requestsSoFar(request) === 1)
          return void setTimeout(() => sendJson(response, 200, { late: true }), 1_000);
        sendJson(response, 200, { late: false });
      },
      { timeoutMs: 100 },
    );
    expect(await client.get('/a')).toEqual({ late: false });
    expect(requests).toHaveLength(2);
  });

  it('times out a body that trickles in, and reports TIMEOUT when every attempt does', async () => {
    const { client } = await start(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => response.write(' '), 20);
        response.on('close', () => clearInterval(timer));
      },
      { timeoutMs: 100, retry: { attempts: 2, baseDelayMs: 1 } },
    );
    const error = (await rejection(client.get('/a'))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('TIMEOUT');
    expect(error.timeoutMs).toBe(100);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/a timed out after 100 ms \(attempt 2\)$/,
    );
  });
});

describe('abort signal', () => {
  it('sends nothing for a signal aborted before the call, and names the reason as cause', async () => {
    const { client, requests } = await start(echo);
    const reason = new Error('shutting down');
    const error = (await rejection(client.get('/a', { signal: AbortSignal.abort(reason) }))) as AbortedError;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe('ABORTED');
    expect(error.cause).toBe(reason);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/a aborted by the caller before it was sent$/,
    );
    expect(error.toJSON()).toMatchObject({ code: 'ABORTED', method: 'GET', cause: { name: 'Error' } });
    expect(requests).toHaveLength(0);
  });

  it('cancels the attempt in flight: the server sees the connection close, and no retry follows', async () => {
    const controller = new AbortController();
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const { client, requests } = await start((_request, response) => {
      response.on('close', closed);
      controller.abort(); // the request has arrived; its answer never comes
    });
    const error = (await rejection(
      client.post('/confirmations', { id: 'c1' }, { signal: controller.signal }),
    )) as AbortedError;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.method).toBe('POST');
    await connectionClosed;
    expect(requests).toHaveLength(1);
  });

  it('ends a call waiting between retries at once, and sends nothing when the wait runs out', async () => {
    const controller = new AbortController();
    // A fixed "random" makes the backoff known: 49 ms. The call must reject before it ends, on the abort alone.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    try {
      const { client, requests } = await start((_request, response) => response.writeHead(503).end(), {
        retry: { attempts: 4, baseDelayMs: 50 },
        onRetry: () => controller.abort(),
      });
      const error = (await rejection(client.get('/a', { signal: controller.signal }))) as AbortedError;
      expect(error).toBeInstanceOf(AbortedError);
      expect(error.message).toMatch(/aborted by the caller \(1 attempt sent\)$/);
      expect(requests).toHaveLength(1);
      // The background wait ends after 49 ms; had it sent an attempt, the server would log it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(requests).toHaveLength(1);
    } finally {
      random.mockRestore();
    }
  });

  it('does not count an aborted call against the circuit breaker', async () => {
    const { client } = await start(
      (request, response) => {
        if (request.url.endsWith('/slow')) return; // never answers
        sendJson(response, 200, { ok: true });
      },
      { retry: { attempts: 1 }, circuitBreaker: { failureThreshold: 1, resetAfterMs: 60_000 } },
    );
    for (let i = 0; i < 3; i += 1) {
      const controller = new AbortController();
      const call = client.get('/slow', { signal: controller.signal });
      setImmediate(() => controller.abort());
      expect(await rejection(call)).toBeInstanceOf(AbortedError);
    }
    expect(await client.get('/fine')).toEqual({ ok: true });
  });

  it('stops a listing: the page request in flight fails with AbortedError, no further page is asked for', async () => {
    const controller = new AbortController();
    const { client, requests } = await start((request, response) =>
      sendJson(response, 200, { items: [request.url], nextCursor: `c${requests.length}` }),
    );
    const seen: unknown[] = [];
    const listing = async () => {
      for await (const item of client.paginate('/lots', { style: 'cursor', signal: controller.signal })) {
        seen.push(item);
        controller.abort();
      }
    };
    expect(await rejection(listing())).toBeInstanceOf(AbortedError);
    expect(seen).toEqual(['/api/lots']);
    expect(requests).toHaveLength(1);
  });

  it('adds one listener to a signal that many calls share, and removes it when they settle', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      let release!: () => void;
      const answer = new Promise<void>((resolve) => {
        release = resolve;
      });
      const { client, requests } = await start(async (_request, response) => {
        await answer;
        sendJson(response, 200, { ok: true });
      });
      const shutdown = new AbortController();
      const calls = Array.from({ length: 30 }, (_, i) => client.get(`/a/${i}`, { signal: shutdown.signal }));
      await vi.waitFor(() => expect(requests).toHaveLength(30), { timeout: 10_000, interval: 5 });
      expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(1);
      release();
      await Promise.all(calls);
      expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
      // Node.js reports a possible listener leak on the next tick, if at all.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('keeps a half-open circuit from closing on an aborted trial', async () => {
    let healthy = false;
    let trialArrived!: () => void;
    const arrived = new Promise<void>((resolve) => {
      trialArrived = resolve;
    });
    const { client, requests } = await start(
      (request, response) => {
        if (request.url.endsWith('/trial')) return trialArrived(); // the trial never gets an answer
        if (healthy) return sendJson(response, 200, { ok: true });
        response.writeHead(500).end();
      },
      { retry: { attempts: 1 }, circuitBreaker: { failureThreshold: 1, resetAfterMs: 50 } },
    );
    expect(await rejection(client.get('/a'))).toBeInstanceOf(HttpError);
    expect(await rejection(client.get('/a'))).toBeInstanceOf(CircuitOpenError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const controller = new AbortController();
    const trial = client.get('/trial', { signal: controller.signal });
    await arrived;
    controller.abort();
    expect(await rejection(trial)).toBeInstanceOf(AbortedError);
    // Had the aborted trial closed the circuit, this call would reach the server.
    healthy = true;
    expect(await rejection(client.get('/a'))).toBeInstanceOf(CircuitOpenError);
    expect(requests.map((request) => request.url)).toEqual(['/api/a', '/api/trial']);
  });

  it('gives the rate-limit turn of a call aborted while waiting back to the calls after it', async () => {
    const { server } = await fixture.start(echo);
    // The limiter's clock stands still; its waits end when the test says or when their signal aborts.
    const waits: number[] = [];
    const clock: HttpClock = {
      now: () => 0,
      sleep: (ms, signal) => {
        waits.push(Math.round(ms));
        return new Promise<void>((end) => signal?.addEventListener('abort', () => end()));
      },
    };
    const http = createHttpClient(
      { baseURL: `${server.url}/api`, rateLimit: { requestsPerSecond: 50, burst: 1 } },
      { entry: 'millwright/rest', optionsName: 'RestClientOptions', clock },
    );
    const send = (i: number, signal: AbortSignal) =>
      http.send(
        createHttpRequest(http.options, 'GET', buildUrl(http.options.baseURL, `/r/${i}`), { signal }),
      );
    const controllers = Array.from({ length: 4 }, () => new AbortController());
    const calls = controllers.map((controller, i) =>
      send(i, controller.signal).catch((error: unknown) => error),
    );
    await vi.waitFor(() => expect(waits).toEqual([20, 40, 60]), { timeout: 10_000, interval: 5 });
    controllers[1]?.abort();
    controllers[2]?.abort();
    expect(await calls[1]).toBeInstanceOf(AbortedError);
    expect(await calls[2]).toBeInstanceOf(AbortedError);
    // Two turns given back: the next call waits as long as the third did, not 80 ms.
    const late = new AbortController();
    const lateCall = send(4, late.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(waits).toEqual([20, 40, 60, 40]), { timeout: 10_000, interval: 5 });
    expect(await calls[0]).toMatchObject({ status: 200 });
    controllers[3]?.abort();
    late.abort();
    expect(await calls[3]).toBeInstanceOf(AbortedError);
    expect(await lateCall).toBeInstanceOf(AbortedError);
    expect(server.requests.map((request) => request.url)).toEqual(['/api/r/0']);
  });

  it('refuses a signal that is not an AbortSignal with a ValidationError at /signal', async () => {
    const { client, requests } = await start(echo);
    const error = (await rejection(
      client.get('/a', { signal: { aborted: false } as unknown as AbortSignal }),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['/signal']);
    expect(() => client.paginate('/a', { style: 'link', signal: 'stop' as unknown as AbortSignal })).toThrow(
      ValidationError,
    );
    expect(requests).toHaveLength(0);
  });
});

describe('circuit breaker', () => {
  it('opens after failureThreshold failures, fails fast, and closes after a good trial', async () => {
    let healthy = false;
    const { client, requests } = await start(
      (_request, response) =>
        healthy ? sendJson(response, 200, { ok: true }) : response.writeHead(500).end(),
      { retry: { attempts: 1 }, circuitBreaker: { failureThreshold: 3, resetAfterMs: 100 } },
    );
    for (let i = 0; i < 3; i += 1) expect(await rejection(client.get('/a'))).toBeInstanceOf(HttpError);
    const open = (await rejection(client.get('/a'))) as CircuitOpenError;
    expect(open).toBeInstanceOf(CircuitOpenError);
    expect(open.code).toBe('CIRCUIT_OPEN');
    expect(requests).toHaveLength(3);
    healthy = true;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await client.get('/a')).toEqual({ ok: true });
    expect(await client.get('/a')).toEqual({ ok: true });
    expect(requests).toHaveLength(5);
  });

  it('says what happened when the breaker opens while a call is retried: attempts made, last status', async () => {
    const { client, requests } = await start((_request, response) => response.writeHead(503).end('busy'), {
      retry: { attempts: 3, baseDelayMs: 1 },
      circuitBreaker: { failureThreshold: 1, resetAfterMs: 60_000 },
    });
    const error = (await rejection(client.get('/a'))) as CircuitOpenError;
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/a: 1 attempt failed \(HTTP 503\), then the circuit breaker opened; no further attempt was sent$/,
    );
    expect(error.cause).toBeInstanceOf(HttpError);
    expect(error.toJSON()).toMatchObject({ attempts: 1, cause: { code: 'HTTP_STATUS', status: 503 } });
    expect(requests).toHaveLength(1);
    const refused = (await rejection(client.get('/a'))) as CircuitOpenError;
    expect(refused.message).toMatch(/ not sent: the circuit breaker is open$/);
    expect(refused.attempts).toBe(0);
  });

  it('does not count 4xx against the endpoint', async () => {
    const { client, requests } = await start((_request, response) => response.writeHead(404).end(), {
      circuitBreaker: { failureThreshold: 2, resetAfterMs: 10_000 },
    });
    for (let i = 0; i < 5; i += 1) expect(await rejection(client.get('/a'))).toBeInstanceOf(HttpError);
    expect(requests).toHaveLength(5);
  });
});

describe('rate limit', () => {
  it('lets a burst through at once, and sends each further request only when its turn has come', async () => {
    const { server } = await fixture.start(echo);
    // The limiter's clock stands still and its waits end when the test says: no timing involved.
    const waits: { readonly ms: number; readonly end: () => void }[] = [];
    const clock: HttpClock = {
      now: () => 0,
      sleep: (ms) => new Promise<void>((end) => waits.push({ ms, end })),
    };
    const http = createHttpClient(
      { baseURL: `${server.url}/api`, rateLimit: { requestsPerSecond: 50, burst: 5 } },
      { entry: 'millwright/rest', optionsName: 'RestClientOptions', clock },
    );
    const calls = Array.from({ length: 8 }, (_, i) =>
      http.send(createHttpRequest(http.options, 'GET', buildUrl(http.options.baseURL, `/r/${i}`))),
    );
    const settled = { timeout: 10_000, interval: 5 }; // waits for the server, asserts no duration
    await vi.waitFor(() => {
      expect(server.requests).toHaveLength(5);
      expect(waits).toHaveLength(3);
    }, settled);
    // One request every 1000 / 50 = 20 ms after the burst, each waiting for the one before.
    expect(waits.map((wait) => Math.round(wait.ms))).toEqual([20, 40, 60]);
    waits[0]?.end();
    await vi.waitFor(() => expect(server.requests).toHaveLength(6), settled);
    for (const wait of waits.slice(1)) wait.end();
    await Promise.all(calls);
    expect(server.requests).toHaveLength(8);
  });
});

describe('response size', () => {
  it('fails a body larger than maxResponseBytes with RESPONSE_TOO_LARGE, without retrying', async () => {
    const big = JSON.stringify({ rows: 'x'.repeat(200_000) });
    const { client, requests } = await start(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(big); // no content-length: the limit must hold while reading
      },
      { maxResponseBytes: 64 * 1024, auth: { type: 'bearer', token: 'tok-secret-1' } },
    );
    const error = (await rejection(client.get('/export'))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.systemCode).toBe('RESPONSE_TOO_LARGE');
    expect((error.cause as Error).message).toContain('maxResponseBytes (65536 bytes)');
    expect(requests).toHaveLength(1);
    expect(`${error.message} ${JSON.stringify(error)} ${error.stack}`).not.toContain('tok-secret-1');
  });

  it('counts the decompressed bytes, so a small gzip body cannot expand past the limit', async () => {
    const bomb = gzipSync(JSON.stringify({ rows: '0'.repeat(5_000_000) }));
    const { client } = await start(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(bomb);
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = (await rejection(client.get('/export'))) as NetworkError;
    expect(error.systemCode).toBe('RESPONSE_TOO_LARGE');
  });

  it('accepts a body up to the limit', async () => {
    const { client } = await start(echo, { maxResponseBytes: 1024 });
    expect(await client.get('/a')).toEqual({ ok: true, url: '/api/a' });
  });
});

/** How many requests with the same method and path the server has seen, this one included. */
function requestsSoFar(request: { readonly method: string; readonly url: string }): number {
  return (
    fixture.server?.requests.filter((r) => r.method === request.method && r.url === request.url).length ?? 0
  );
}
