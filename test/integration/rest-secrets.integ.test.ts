// Secrets a request carries besides the client's credentials (secret query and matrix
// parameters, headers, cookies, form and JSON fields) are redacted from every error, however a
// server echoes them: a real node:http server on 127.0.0.1 answers 400 with what it received,
// as text, URL-encoded, HTML-escaped and inside JSON.
import { HttpError } from 'millwright';
import { describe, expect, it } from 'vitest';
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
