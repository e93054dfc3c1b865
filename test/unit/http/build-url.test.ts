import { describe, expect, it } from 'vitest';
import { buildUrl, encodeQuery } from '../../../connectors/http/build-url.js';

describe('buildUrl', () => {
  it('joins base and path with one slash', () => {
    expect(buildUrl('https://h/api', '/x')).toBe('https://h/api/x');
    expect(buildUrl('https://h/api', 'x/y')).toBe('https://h/api/x/y');
    expect(buildUrl('https://h/api', '//x')).toBe('https://h/api/x');
    expect(buildUrl('https://h/api', '')).toBe('https://h/api');
  });

  it('appends parameters to a query the path already has', () => {
    expect(buildUrl('https://h', '/x?a=1', { b: 2 })).toBe('https://h/x?a=1&b=2');
    expect(buildUrl('https://h', '/x', {})).toBe('https://h/x');
  });
});

describe('encodeQuery', () => {
  it('encodes a space as %20 and every reserved character', () => {
    expect(encodeQuery({ q: 'a b+c&d=e/f?g#h', 'name with space': 'ü' })).toBe(
      'q=a%20b%2Bc%26d%3De%2Ff%3Fg%23h&name%20with%20space=%C3%BC',
    );
  });

  it('repeats arrays, writes numbers and booleans, and leaves null and undefined out', () => {
    expect(
      encodeQuery({ plant: ['DE01', null, 'CZ01'], n: 0, open: false, none: null, gone: undefined }),
    ).toBe('plant=DE01&plant=CZ01&n=0&open=false');
  });
});
