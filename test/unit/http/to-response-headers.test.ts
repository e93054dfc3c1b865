import { describe, expect, it } from 'vitest';
import { toResponseHeaders } from '../../../connectors/rest/to-response-headers.js';

describe('toResponseHeaders', () => {
  it('makes a plain object with lower-case names, one string per header and set-cookie as a list', () => {
    const headers = toResponseHeaders({
      ETag: 'W/"1"',
      'x-multi': ['a', 'b'],
      'set-cookie': 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
      gone: undefined,
    });
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(headers).toEqual({
      etag: 'W/"1"',
      'x-multi': 'a, b',
      'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
    });
  });

  it('keeps a header named __proto__ as a header', () => {
    const source = JSON.parse('{"__proto__":"x","a":"b"}') as Record<string, string>;
    const headers = toResponseHeaders(source);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.hasOwn(headers, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toBe('x');
  });
});
