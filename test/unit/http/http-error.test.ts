import { describe, expect, it } from 'vitest';
import { HTTP_ERROR_BODY_LIMIT, HttpError } from '../../../src/errors/http-error.js';
import { MillwrightError } from '../../../src/errors/millwright-error.js';
import { TransportError } from '../../../src/errors/transport-error.js';

describe('HttpError', () => {
  it('keeps 4 KiB of the body without cutting a character in half', () => {
    const body = `${'a'.repeat(HTTP_ERROR_BODY_LIMIT - 1)}€ and more`;
    const error = new HttpError('HTTP_STATUS', { method: 'GET', url: 'https://h/x', status: 500, body });
    expect(error.body).toBe('a'.repeat(HTTP_ERROR_BODY_LIMIT - 1));
    expect(
      new HttpError('HTTP_STATUS', { method: 'GET', url: 'https://h', status: 500, body: 'short' }).body,
    ).toBe('short');
  });

  it('redacts the URL and serialises without secrets', () => {
    const error = new HttpError('HTTP_STATUS', {
      method: 'POST',
      url: 'https://u:pw@h/x?token=abc',
      status: 503,
      retryAfterMs: 1000,
      correlationId: 'c-1',
    });
    expect(error.message).toBe('POST https://h/x?token=[REDACTED] failed with HTTP 503 (Retry-After: 1 s)');
    expect(error.toJSON()).toEqual({
      name: 'HttpError',
      code: 'HTTP_STATUS',
      message: error.message,
      method: 'POST',
      url: 'https://h/x?token=[REDACTED]',
      correlationId: 'c-1',
      attempts: undefined,
      status: 503,
      body: undefined,
      retryAfterMs: 1000,
    });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(MillwrightError);
  });

  it('says how many attempts were made and quotes the start of the body, markup removed', () => {
    const base = { method: 'GET', url: 'https://h/x', status: 503, attempts: 4 };
    expect(new HttpError('HTTP_STATUS', { ...base, body: '{"error":"busy"}' }).message).toBe(
      'GET https://h/x failed with HTTP 503 after 4 attempts: {"error":"busy"}',
    );
    const page = '<html>\n<head><title>503</title></head>\n<body><h1>Service\tUnavailable</h1></body></html>';
    expect(new HttpError('HTTP_STATUS', { ...base, attempts: 1, body: page }).message).toBe(
      'GET https://h/x failed with HTTP 503 after 1 attempt: 503 Service Unavailable',
    );
    const long = new HttpError('HTTP_STATUS', { ...base, body: `${'x'.repeat(198)}😀 and more` }).message;
    expect(long.endsWith(`${'x'.repeat(198)}…`)).toBe(true);
  });
});
