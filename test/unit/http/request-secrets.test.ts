import { describe, expect, it } from 'vitest';
import { collectRequestSecrets } from '../../../connectors/http/errors/request-secrets.js';
import { type HttpRequest, startProgress } from '../../../connectors/http/http-request.js';

function request(fields: Partial<HttpRequest>): HttpRequest {
  return {
    method: 'POST',
    url: 'https://h/a',
    headers: {},
    body: undefined,
    progress: startProgress(),
    ...fields,
  };
}

describe('collectRequestSecrets', () => {
  it('finds secret query and matrix values, headers, cookies and per-call credentials', () => {
    const basic = Buffer.from('mes:pa ss-1234').toString('base64');
    const secrets = collectRequestSecrets(
      request({
        url: 'https://h/a;jsessionid=JS-0001/b?plant=DE01&Subscription-Key=sub-0002&pin=12',
        headers: {
          'ocp-apim-subscription-key': 'apim-0003',
          authorization: `Basic ${basic}`,
          cookie: 'lang=de; MYSAPSSO2=sso-0004',
          'x-plant': 'DE01',
        },
      }),
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        'JS-0001',
        'sub-0002',
        'apim-0003',
        basic,
        'mes:pa ss-1234',
        'pa ss-1234',
        'sso-0004',
      ]),
    );
    expect(secrets).toContain('lang=de; MYSAPSSO2=sso-0004');
    for (const shown of ['DE01', 'lang', 'de', '12']) expect(secrets).not.toContain(shown);
  });

  it('finds secret fields of form and JSON bodies, at any depth', () => {
    const form = request({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&password=pw%20secret&username=mes',
    });
    expect(collectRequestSecrets(form)).toEqual(['pw secret']);
    const json = request({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'mes', keys: [{ sharedKey: 'shared-0005', otp: 123456 }], note: 'x' }),
    });
    expect(collectRequestSecrets(json).sort()).toEqual(['123456', 'shared-0005']);
    expect(collectRequestSecrets(request({ body: '{"client_assertion":"jwt-0006"}' }))).toEqual(['jwt-0006']);
    expect(
      collectRequestSecrets(request({ body: '{not json', headers: { 'content-type': 'application/json' } })),
    ).toEqual([]);
    expect(collectRequestSecrets(request({ body: Buffer.from('{"password":"abcdef"}') }))).toEqual([]);
  });
});
