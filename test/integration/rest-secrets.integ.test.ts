// Secrets a request carries besides the client's credentials (secret query and matrix
// parameters, headers, cookies, form and JSON fields) are redacted from every error, however a
// server echoes them: a real node:http server on 127.0.0.1 answers 400 with what it received,
// as text, URL-encoded, HTML-escaped and inside JSON.
import { HttpError, ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejection } from './helpers/rejection.js';
import type { RecordedRequest } from './helpers/start-http-server.js';
import { useRestServer } from './helpers/use-rest-server.js';

const fixture = useRestServer({ retry: { attempts: 1 } });

function echoAll(request: RecordedRequest): string {
  const seen = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
  const html = seen.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return [
    seen,
    decodeURIComponent(seen.replace(/\+/g, ' ')),
    encodeURIComponent(seen),
    JSON.stringify({ seen }),
    html,
  ].join('\n');
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

function expectNone(error: HttpError, secrets: readonly string[]): void {
  const shown = [
    error.message,
    error.body,
    error.stack,
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
  ].join('\n');
  for (const secret of secrets) expect(shown, secret).not.toContain(secret);
}

describe('secrets of the request in error bodies', () => {
  it('redacts the values of secret query parameters a server echoes in its error body', async () => {
    const { client } = await fixture.start((request, response) =>
      response.writeHead(400).end(echoAll(request)),
    );
    const error = await failure(
      client.get('/orders', {
        params: { plant: 'DE01', api_key: 'k3y/s3cr3t+&"1', 'subscription-key': 'sub-0001-xyz' },
      }),
    );
    expect(error.body).toContain('plant=DE01');
    expect(error.body).toContain('api_key=[REDACTED]');
    expectNone(error, [
      'k3y/s3cr3t+&"1',
      encodeURIComponent('k3y/s3cr3t+&"1'),
      'k3y/s3cr3t+&#38;&#34;1',
      'sub-0001-xyz',
    ]);
  });

  it('redacts matrix parameters, secret headers, cookies, and secret form and JSON fields', async () => {
    const { client } = await fixture.start((request, response) =>
      response.writeHead(400).end(echoAll(request)),
    );
    const secrets = {
      session: 'JS3SS10N-abc',
      apim: 'apim-key-0042',
      cookie: 'sap-sso-ticket-77',
      assertion: 'eyJhbGciOiJSUzI1NiJ9.assert',
      passphrase: 'correct horse "battery"',
      pin: '4711',
    };
    const form = await failure(
      client.post(
        `/orders;jsessionid=${secrets.session}/confirm`,
        new URLSearchParams({ client_assertion: secrets.assertion, plant: 'DE01' }),
        {
          headers: {
            'Ocp-Apim-Subscription-Key': secrets.apim,
            Cookie: `MYSAPSSO2=${secrets.cookie}; lang=de`,
          },
        },
      ),
    );
    expect(form.url).toContain(';jsessionid=[REDACTED]/confirm');
    expectNone(form, [secrets.session, secrets.apim, secrets.cookie, secrets.assertion]);
    const json = await failure(
      client.post('/keys', { owner: 'DE01', secrets: [{ passphrase: secrets.passphrase, cardPin: 4711 }] }),
    );
    expect(json.body).toContain('DE01');
    expectNone(json, [secrets.passphrase, JSON.stringify(secrets.passphrase).slice(1, -1), secrets.pin]);
  });
});

describe('secrets echoed in a response that fails validation', () => {
  it('redacts a credential a server echoes as a key, also in its JSON Pointer form (~0, ~1)', async () => {
    const apiKey = 'sk/abc~def-0042';
    const queryKey = 'q/key~0099';
    const { client } = await fixture.start(
      (request, response) =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: '1', [apiKey]: 1, [queryKey]: request.url })),
      { auth: { type: 'api-key', header: 'X-API-Key', value: apiKey } },
    );
    const orders = client.resource('/orders', { schema: z.strictObject({ id: z.string() }) });
    const error = await rejection(orders.get('1', { params: { api_key: queryKey } }));
    expect(error).toBeInstanceOf(ValidationError);
    const invalid = error as ValidationError;
    expect(invalid.issues.map((issue) => issue.code)).toEqual(['unrecognized_key', 'unrecognized_key']);
    const shown = [invalid.message, JSON.stringify(invalid.toJSON()), JSON.stringify(invalid.issues)].join(
      '\n',
    );
    for (const secret of [apiKey, queryKey, 'sk~1abc~0def-0042', 'q~1key~00099']) {
      expect(shown, secret).not.toContain(secret);
    }
    expect(invalid.issues[0]?.path).toBe('/[REDACTED]');
  });
});
