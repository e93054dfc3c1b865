import { describe, expect, it } from 'vitest';
import { isSecretName, redactUrl, secretParameterValues } from '../../../src/internal/redact-url.js';

describe('redactUrl', () => {
  it('removes user info', () => {
    expect(redactUrl('https://mes:s3cret@mes.example:8443/api/x')).toBe('https://mes.example:8443/api/x');
    expect(redactUrl('https://user@host/a')).toBe('https://host/a');
    expect(redactUrl('//u:p@host/a')).toBe('//host/a');
    expect(redactUrl('https://a:b@c@host/x?y=1')).toBe('https://host/x?y=1');
  });

  it('redacts secret query parameters and keeps the others as written', () => {
    expect(
      redactUrl(
        'https://h/p?plant=DE%2001&access_token=abc&API-KEY=k&X-Amz-Signature=s&sig=z&code=c&limit=10',
      ),
    ).toBe(
      'https://h/p?plant=DE%2001&access_token=[REDACTED]&API-KEY=[REDACTED]&X-Amz-Signature=[REDACTED]&sig=[REDACTED]&code=[REDACTED]&limit=10',
    );
    expect(redactUrl('https://h/p?client_secret=x&password=y&refresh%5Ftoken=z&key=k')).toBe(
      'https://h/p?client_secret=[REDACTED]&password=[REDACTED]&refresh%5Ftoken=[REDACTED]&key=[REDACTED]',
    );
  });

  it('drops the fragment, which may hold an implicit-grant token', () => {
    expect(redactUrl('https://h/cb#access_token=abc&state=1')).toBe('https://h/cb');
  });

  it('handles relative and malformed URLs without throwing', () => {
    expect(redactUrl('/api/x?token=a')).toBe('/api/x?token=[REDACTED]');
    expect(redactUrl('%%%?%E0%A4%A=1&token')).toBe('%%%?%E0%A4%A=1&token=[REDACTED]');
    expect(redactUrl('')).toBe('');
  });

  it('redacts the names of subscription keys, assertions, passphrases, HMACs, PINs and signed-URL parts, in any case', () => {
    const names = [
      'subscription-key',
      'Ocp-Apim-Subscription-Key',
      'client_assertion',
      'assertion',
      'passphrase',
      'pass',
      'HMAC',
      'otp',
      'PIN',
      'sharedKey',
      'Key-Pair-Id',
      'Policy',
      'user_pin',
    ];
    const url = `https://h/p?plant=DE01&${names.map((name) => `${name}=v`).join('&')}&limit=5`;
    expect(redactUrl(url)).toBe(
      `https://h/p?plant=DE01&${names.map((name) => `${name}=[REDACTED]`).join('&')}&limit=5`,
    );
  });

  it('redacts secret matrix parameters and keeps the others', () => {
    expect(redactUrl('https://h/api/orders;jsessionid=ABC123;v=2/items;JSESSIONID=x?y=1')).toBe(
      'https://h/api/orders;jsessionid=[REDACTED];v=2/items;JSESSIONID=[REDACTED]?y=1',
    );
  });
});

describe('isSecretName', () => {
  it('reads names whatever their case, separators or camelCase', () => {
    for (const name of [
      'apiKey',
      'API_KEY',
      'api.key',
      'x-api-key',
      'SharedKey',
      'connect.sid',
      'cardPin',
      'MYSAPSSO2',
      'jsessioNid',
      'ToKeN',
      'xAuth',
    ])
      expect(isSecretName(name), name).toBe(true);
    for (const name of [
      'plant',
      'idempotency-key',
      'sort_key',
      'error-code',
      'shipping',
      'compass',
      'opinion',
      'keyword',
    ])
      expect(isSecretName(name), name).toBe(false);
  });
});

describe('secretParameterValues', () => {
  it('lists the values of secret query and matrix parameters, as written and decoded', () => {
    expect(
      secretParameterValues('https://h/a;jsessionid=s1/b?plant=DE01&api_key=k%201&token=&code=c#sig=x'),
    ).toEqual(['s1', 'k%201', 'k 1', 'c']);
  });
});
