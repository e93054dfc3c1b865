// client.request() and the bodies of every call, as they arrive on the wire of a real node:http
// server on 127.0.0.1: what goes out (strings, bytes, streams, forms and JSON, each with the
// caller's content type), what comes back (status, headers, data as JSON, text, bytes or a
// stream), and the exchanges the OData and SOAP adapters build on (CSRF token fetch, multipart
// batch bodies, ETag and Location, SOAP faults answered with HTTP 500).
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { AbortedError, HttpError, ValidationError } from 'millwright';
import type { QueryParams, RestClient, RestResponse } from 'millwright/rest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { rejection } from './helpers/rejection.js';
import { sendJson, type TestHandler } from './helpers/start-http-server.js';
import { useRestServer } from './helpers/use-rest-server.js';

const fixture = useRestServer({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Answers 200 with what arrived: content type, content length and the body. */
const mirror: TestHandler = (request, response) =>
  sendJson(response, 200, {
    contentType: request.headers['content-type'] ?? null,
    contentLength: request.headers['content-length'] ?? null,
    body: request.body,
  });

describe('request bodies', () => {
  it("keeps the caller's content type, per call and client-wide, for JSON bodies", async () => {
    const { client, server } = await fixture.start(mirror, {
      headers: { 'Content-Type': 'application/vnd.mes.order+json' },
    });
    await client.patch(
      '/orders/1',
      { status: 'on-hold' },
      { headers: { 'content-type': 'application/merge-patch+json' } },
    );
    await client.post('/orders', { id: '1' });
    await client.put('/orders/1', [1, 2], { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(server.requests.map((request) => [request.headers['content-type'], request.body])).toEqual([
      ['application/merge-patch+json', '{"status":"on-hold"}'],
      ['application/vnd.mes.order+json', '{"id":"1"}'],
      ['application/json; charset=utf-8', '[1,2]'],
    ]);
  });

  it('sends a string as it is, with the caller’s content type or text/plain', async () => {
    const { client, server } = await fixture.start(mirror);
    const json = JSON.stringify({ id: '1' });
    await client.post('/orders', json, { headers: { 'content-type': 'application/json' } });
    await client.post('/notes', 'gear pump "A"');
    expect(server.requests.map((request) => [request.headers['content-type'], request.body])).toEqual([
      ['application/json', '{"id":"1"}'],
      ['text/plain; charset=utf-8', 'gear pump "A"'],
    ]);
  });

  it('sends Buffers, Uint8Arrays and ArrayBuffers as their bytes, application/octet-stream by default', async () => {
    const { client, server } = await fixture.start((_request, response) => response.writeHead(204).end());
    const bytes = Uint8Array.from([0, 255, 10, 13, 0x80]);
    await client.post('/blob', Buffer.from(bytes));
    await client.post('/blob', bytes.subarray(1), { headers: { 'content-type': 'image/png' } });
    await client.put('/blob', bytes.buffer);
    expect(server.requests.map((request) => [request.headers['content-type'], [...request.bytes]])).toEqual([
      ['application/octet-stream', [0, 255, 10, 13, 0x80]],
      ['image/png', [255, 10, 13, 0x80]],
      ['application/octet-stream', [0, 255, 10, 13, 0x80]],
    ]);
  });

  it('sends a Readable stream as it comes, chunked, and sends URLSearchParams as a form', async () => {
    const { client, server } = await fixture.start(mirror);
    await client.request({
      method: 'PUT',
      path: '/exports/day.csv',
      headers: { 'content-type': 'text/csv' },
      body: Readable.from(['id;qty\n', '1;250\n', '2;12.5\n']),
    });
    await client.post('/token', new URLSearchParams({ grant_type: 'password', scope: 'a b' }));
    expect(server.requests[0]).toMatchObject({
      body: 'id;qty\n1;250\n2;12.5\n',
      headers: { 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
    });
    expect(server.requests[1]).toMatchObject({
      body: 'grant_type=password&scope=a+b',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
  });

  it('sends no content type and no form encoding when there is no body', async () => {
    const { client, server } = await fixture.start(mirror);
    await client.post('/orders/1/release');
    await client.request({ method: 'PUT', path: '/orders/1/lock' });
    await client.patch('/orders/1');
    for (const request of server.requests) {
      expect(request.headers['content-type']).toBeUndefined();
      expect(request.body).toBe('');
    }
  });

  it('refuses, before sending, an object with a content type that is not JSON, and objects JSON cannot carry', async () => {
    const { client, server } = await fixture.start(mirror);
    const xml = (await rejection(
      client.post('/soap', { order: '1' }, { headers: { 'content-type': 'text/xml' } }),
    )) as ValidationError;
    expect(xml).toBeInstanceOf(ValidationError);
    expect(xml.issues.map((issue) => issue.path)).toEqual(['/headers/content-type']);
    for (const body of [new Map([['a', 1]]), new Set([1]), new Error('x'), Promise.resolve(1), 10n]) {
      const error = (await rejection(client.post('/x', body))) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues.map((issue) => issue.path)).toEqual(['/body']);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses, before sending, a value nested in a JSON body that JSON would change, naming its JSON Pointer', async () => {
    const { client, server } = await fixture.start(mirror);
    class Line {
      constructor(readonly qty: string) {}
    }
    const cyclic: Record<string, unknown> = { id: '1' };
    cyclic['parent'] = { child: cyclic };
    const cases: readonly [unknown, string][] = [
      [{ qty: Number.NaN }, '/body/qty'],
      [{ yield: { value: Infinity } }, '/body/yield/value'],
      [{ at: new Date(0) }, '/body/at'],
      [{ lines: [new Line('1')] }, '/body/lines/0'],
      [{ n: 10n }, '/body/n'],
      [{ f: () => 1 }, '/body/f'],
      [{ s: Symbol('s') }, '/body/s'],
      [cyclic, '/body/parent/child'],
    ];
    for (const [body, path] of cases) {
      const error = (await rejection(client.post('/x', body))) as ValidationError;
      expect(error, path).toBeInstanceOf(ValidationError);
      expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([[path, 'invalid_body']]);
    }
    expect(server.requests).toHaveLength(0);
    await client.post('/x', { qty: '1', note: undefined, lines: [{ qty: '2' }] });
    expect(server.requests.map((request) => request.body)).toEqual(['{"qty":"1","lines":[{"qty":"2"}]}']);
  });

  it('repeats a parameter for an array, and refuses before sending a parameter it would have to change', async () => {
    const { client, server } = await fixture.start(mirror);
    await client.get('/orders', { params: { plant: ['DE01', 'CZ01'], open: true, n: 0, none: null } });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/orders?plant=DE01&plant=CZ01&open=true&n=0',
    ]);
    const params = { a: { b: 1 }, arr: [1, [2, 3]], qty: Number.NaN } as unknown as QueryParams;
    const error = (await rejection(client.get('/orders', { params }))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['/params/a', 'invalid_type'],
      ['/params/arr/1', 'invalid_type'],
      ['/params/qty', 'invalid_type'],
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses, before sending, a header value with CR, LF or another control character, naming the header but not its value', async () => {
    const { client, server } = await fixture.start(mirror);
    for (const value of ['b\r\nx-injected: 1', 'SECRET-TOKEN-1\n', 'a\u0000b', 'a\u007fb']) {
      const error = (await rejection(
        client.get('/x', { headers: { 'X-Api-Key': value } }),
      )) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
        ['/headers/X-Api-Key', 'invalid_value'],
      ]);
      expect(JSON.stringify(error.toJSON())).not.toContain('SECRET-TOKEN-1');
      expect(error.message).not.toContain('SECRET-TOKEN-1');
    }
    const badName = (await rejection(
      client.get('/x', { headers: { 'x a': 'b', 'x-n': 1 as unknown as string } }),
    )) as ValidationError;
    expect(badName.issues.map((issue) => issue.path)).toEqual(['/headers/x a', '/headers/x-n']);
    const correlation = (await rejection(
      client.get('/x', { correlationId: 'c\r\nx: 1' }),
    )) as ValidationError;
    expect(correlation.issues.map((issue) => issue.path)).toEqual(['/correlationId']);
    const key = (await rejection(client.post('/x', {}, { idempotencyKey: 'k\n' }))) as ValidationError;
    expect(key.issues.map((issue) => issue.path)).toEqual(['/idempotencyKey']);
    expect(server.requests).toHaveLength(0);
    await client.get('/x', { headers: { 'X-Note': 'tab\tand obs-text \u00e4' } });
    expect(server.requests[0]?.headers['x-note']).toBe('tab\tand obs-text \u00e4');
  });

  it('never retries a stream body, which cannot be sent twice, and destroys it when the call fails', async () => {
    const { client, server } = await fixture.start((_request, response) => response.writeHead(503).end());
    const body = Readable.from(['a', 'b']);
    const error = (await rejection(
      client.request({ method: 'PUT', path: '/files/x', body, headers: { 'content-type': 'text/plain' } }),
    )) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(body.destroyed).toBe(true);
  });
});

describe('responses', () => {
  it('resolves status, plain lower-case headers and data, with Location after 201', async () => {
    const { client } = await fixture.start((_request, response) => {
      response.setHeader('Set-Cookie', [
        'SAP_SESSIONID=abc; path=/; HttpOnly',
        'sap-usercontext=sap-client=100',
      ]);
      response.setHeader('X-Multi', ['a', 'b']);
      sendJson(response, 201, { id: '4711' }, { Location: '/api/orders/4711', ETag: 'W/"1"' });
    });
    const response = await client.request<{ id: string }>({
      method: 'POST',
      path: '/orders',
      body: { qty: 1 },
    });
    expectTypeOf(response).toEqualTypeOf<RestResponse<{ id: string } | string | undefined>>();
    expect(response.status).toBe(201);
    expect(response.data).toEqual({ id: '4711' });
    expect(Object.getPrototypeOf(response.headers)).toBe(Object.prototype);
    expect(response.headers).toMatchObject({
      location: '/api/orders/4711',
      etag: 'W/"1"',
      'content-type': 'application/json',
      'x-multi': 'a, b',
      'set-cookie': ['SAP_SESSIONID=abc; path=/; HttpOnly', 'sap-usercontext=sap-client=100'],
    });
    expectTypeOf(response.headers.location).toEqualTypeOf<string | undefined>();
    expectTypeOf(response.headers['set-cookie']).toEqualTypeOf<readonly string[] | undefined>();
  });

  it('gives data as text, bytes or a stream when asked, typed by responseType', async () => {
    const payload = 'plant;qty\nDE01;250\n';
    const { client } = await fixture.start((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/csv' }).end(payload),
    );
    const text = await client.request({ method: 'GET', path: '/export', responseType: 'text' });
    expectTypeOf(text.data).toEqualTypeOf<string>();
    expect(text.data).toBe(payload);
    const bytes = await client.request({ method: 'GET', path: '/export', responseType: 'buffer' });
    expectTypeOf(bytes.data).toEqualTypeOf<Buffer>();
    expect(Buffer.isBuffer(bytes.data) && bytes.data.toString('utf8')).toBe(payload);
    const stream = await client.request({ method: 'GET', path: '/export', responseType: 'stream' });
    expectTypeOf(stream.data).toEqualTypeOf<Readable>();
    const chunks: Buffer[] = [];
    for await (const chunk of stream.data) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(payload);
    expect(stream.headers['content-type']).toBe('text/csv');
  });

  it('keeps the call’s signal and maxResponseBytes on a stream being read, with millwright errors', async () => {
    const { client } = await fixture.start(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const timer = setInterval(() => response.write(Buffer.alloc(1024, 1)), 5);
        response.on('close', () => clearInterval(timer));
      },
      { maxResponseBytes: 64 * 1024 },
    );
    const read = async (stream: Readable): Promise<unknown> => {
      try {
        for await (const chunk of stream) void chunk;
      } catch (error) {
        return error;
      }
      throw new Error('expected the stream to fail');
    };
    const tooLarge = await client.request({ method: 'GET', path: '/big', responseType: 'stream' });
    expect(await read(tooLarge.data)).toMatchObject({
      name: 'NetworkError',
      systemCode: 'RESPONSE_TOO_LARGE',
    });
    const controller = new AbortController();
    const aborted = await client.request({
      method: 'GET',
      path: '/big',
      responseType: 'stream',
      signal: controller.signal,
    });
    aborted.data.once('data', () => controller.abort());
    const error = await read(aborted.data);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).attempts).toBe(1);
  });

  it('returns the text of a 2xx body that is not JSON from the JSON helpers, instead of failing', async () => {
    const { client, server } = await fixture.start((request, response) =>
      request.method === 'GET'
        ? response.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>')
        : response.writeHead(201, { 'content-type': 'text/plain' }).end('Created'),
    );
    const page = await client.get<{ id: string }>('/orders/1');
    expectTypeOf(page).toEqualTypeOf<{ id: string } | string | undefined>();
    expect(page).toBe('<html>maintenance</html>');
    expect(await client.post('/confirmations', { id: 'C-1' })).toBe('Created');
    expect(server.requests).toHaveLength(2);
  });

  it('fails with HttpError INVALID_RESPONSE for a 2xx body declared JSON that does not parse, naming the URL and correlation id', async () => {
    const { client, server } = await fixture.start((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"a":'),
    );
    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => client.get('/orders/1?sig=SIGSECRET99', { correlationId: 'corr-8' })],
      [
        'request',
        () => client.request({ method: 'GET', path: '/orders/1?sig=SIGSECRET99', correlationId: 'corr-8' }),
      ],
      [
        'paginate',
        () => client.paginate('/orders?sig=SIGSECRET99', { style: 'link', correlationId: 'corr-8' }).next(),
      ],
    ];
    for (const [name, call] of calls) {
      const error = (await rejection(call())) as HttpError;
      expect(error, name).toBeInstanceOf(HttpError);
      expect(error.code).toBe('INVALID_RESPONSE');
      expect(error.status).toBe(200);
      expect(error.correlationId).toBe('corr-8');
      expect(error.url).toContain('/api/orders');
      expect(error.url).not.toContain('SIGSECRET99');
      expect(error.message).toContain('not valid JSON');
      expect(error.body).toBe('{"a":');
    }
    // Not retried: the server answered, and sending again would not mend the promise it broke.
    expect(server.requests).toHaveLength(3);
    expect(await client.request({ method: 'GET', path: '/orders/1', responseType: 'text' })).toMatchObject({
      data: '{"a":',
    });
  });

  it('names millwright and its version in User-Agent, and lets callers set their own', async () => {
    const { client, server } = await fixture.start(mirror);
    await client.get('/a');
    await client.get('/b', { headers: { 'User-Agent': 'plant-de01-connector/2.1' } });
    const custom = await fixture.start(mirror, { headers: { 'user-agent': 'mes-bridge/1.0' } });
    await custom.client.get('/c');
    expect(server.requests.map((request) => request.headers['user-agent'])).toEqual([
      `millwright/${version}`,
      'plant-de01-connector/2.1',
    ]);
    expect(custom.server.requests[0]?.headers['user-agent']).toBe('mes-bridge/1.0');
  });
});

describe('what the OData and SOAP adapters build on', () => {
  it('fetches a CSRF token with GET, sends it back with the session cookies in a multipart batch, reads the ETag', async () => {
    const boundary = 'batch_36522ad7-fc75-4b56-8c71-56071383e77b';
    const batch = [
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      "GET A_ProductionOrder_2('1000456') HTTP/1.1",
      'Accept: application/json',
      '',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const { client, server } = await fixture.start((request, response) => {
      if (request.headers['x-csrf-token'] === 'fetch') {
        response.setHeader('set-cookie', [
          'SAP_SESSIONID_XYZ_100=s1; path=/',
          'sap-usercontext=sap-client=100',
        ]);
        return response
          .writeHead(200, { 'x-csrf-token': 'tok-1', etag: 'W/"datetime\'2026-05-12T08%3A30%3A00\'"' })
          .end();
      }
      const token = request.headers['x-csrf-token'];
      const cookie = request.headers.cookie;
      if (token !== 'tok-1' || cookie !== 'SAP_SESSIONID_XYZ_100=s1; sap-usercontext=sap-client=100')
        return response.writeHead(403, { 'x-csrf-token': 'Required' }).end();
      response.writeHead(202, { 'content-type': 'multipart/mixed; boundary=batchresponse_1' });
      response.end(
        '--batchresponse_1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n--batchresponse_1--\r\n',
      );
    });
    const fetched = await client.request({ method: 'GET', path: '/', headers: { 'x-csrf-token': 'fetch' } });
    const token = fetched.headers['x-csrf-token'];
    const cookies = (fetched.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
    expect(fetched.headers.etag).toBe('W/"datetime\'2026-05-12T08%3A30%3A00\'"');
    const answer = await client.request({
      method: 'POST',
      path: '/$batch',
      headers: {
        'content-type': `multipart/mixed; boundary=${boundary}`,
        'x-csrf-token': String(token),
        cookie: cookies,
      },
      body: batch,
      responseType: 'text',
    });
    expect(answer.status).toBe(202);
    expect(answer.headers['content-type']).toBe('multipart/mixed; boundary=batchresponse_1');
    expect(answer.data).toContain('HTTP/1.1 200 OK');
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[1]).toMatchObject({
      body: batch,
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
    });
  });

  it('sends a SOAP envelope with SOAPAction and hands back a fault answered with HTTP 500 as text', async () => {
    const fault =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
      `<faultcode>soap:Client</faultcode><faultstring>Order 1000456 is locked</faultstring><detail>${'x'.repeat(8000)}</detail>` +
      '</soap:Fault></soap:Body></soap:Envelope>';
    const { client, server } = await fixture.start((_request, response) =>
      response.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' }).end(fault),
    );
    const envelope =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>';
    const call = (client: RestClient, acceptStatus?: (status: number) => boolean) =>
      client.request({
        method: 'POST',
        path: '/ProductionOrderService',
        headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: '"urn:ConfirmOperation"' },
        body: envelope,
        responseType: 'text',
        idempotencyKey: false,
        ...(acceptStatus === undefined ? {} : { acceptStatus }),
      });
    const answer = await call(client, (status) => status === 500);
    expect(answer).toMatchObject({ status: 500, data: fault });
    expect(server.requests[0]).toMatchObject({
      body: envelope,
      headers: { soapaction: '"urn:ConfirmOperation"', 'content-type': 'text/xml; charset=utf-8' },
    });
    const error = (await rejection(call(client))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(500);
    expect(error.message).toContain('Order 1000456 is locked');
  });

  it('refuses an acceptStatus that is not a function, and wraps one that throws', async () => {
    const { client, server } = await fixture.start((_request, response) => response.writeHead(500).end());
    const notFunction = (await rejection(
      client.request({ method: 'GET', path: '/a', acceptStatus: 500 as never }),
    )) as ValidationError;
    expect(notFunction.issues.map((issue) => issue.path)).toEqual(['/acceptStatus']);
    expect(server.requests).toHaveLength(0);
    const thrown = new Error('broken hook');
    const throwing = (await rejection(
      client.request({
        method: 'GET',
        path: '/a',
        acceptStatus: () => {
          throw thrown;
        },
      }),
    )) as ValidationError;
    expect(throwing).toBeInstanceOf(ValidationError);
    expect(throwing.issues.map((issue) => issue.path)).toEqual(['/acceptStatus']);
    expect(throwing.cause).toBe(thrown);
  });
});
