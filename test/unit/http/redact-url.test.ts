import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/internal/redact-url.js';

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
});
