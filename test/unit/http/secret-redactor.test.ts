import { describe, expect, it } from 'vitest';
import { createSecretRedactor } from '../../../connectors/http/errors/secret-redactor.js';

describe('createSecretRedactor', () => {
  it('redacts each secret raw, URL-encoded, form-encoded and JSON-escaped', () => {
    const redactor = createSecretRedactor(['p@ss word"\\']);
    const text = [
      'raw p@ss word"\\',
      'url p%40ss%20word%22%5C',
      'form p%40ss+word%22%5C',
      'json "p@ss word\\"\\\\"',
    ].join(' | ');
    expect(redactor.redact(text)).toBe(
      'raw [REDACTED] | url [REDACTED] | form [REDACTED] | json "[REDACTED]"',
    );
  });

  it('redacts the longest secret first and adds run-time tokens', () => {
    const redactor = createSecretRedactor(['abc', 'abcdef']);
    expect(redactor.redact('xabcdefx abc')).toBe('x[REDACTED]x [REDACTED]');
    redactor.add('token-1');
    expect(redactor.redact('Bearer token-1')).toBe('Bearer [REDACTED]');
  });

  it('leaves text alone when there is nothing to redact', () => {
    expect(createSecretRedactor([]).redact('a.b*c')).toBe('a.b*c');
  });
});
