import { ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { buildUrl, encodeQuery, type QueryParams } from '../../../connectors/http/build-url.js';
import { catchError } from '../../support/catch-error.js';

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

  it('refuses, naming the parameter, a value it would have to change: an object, a nested array, NaN', () => {
    const params = {
      ok: 'a',
      a: { b: 1 },
      arr: [1, [2, 3]],
      nan: Number.NaN,
      inf: [Infinity],
      big: 1n,
      when: new Date(0),
      'x/y': Symbol('s'),
    } as unknown as QueryParams;
    const error = catchError(ValidationError, () => encodeQuery(params));
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['/params/a', 'invalid_type'],
      ['/params/arr/1', 'invalid_type'],
      ['/params/nan', 'invalid_type'],
      ['/params/inf/0', 'invalid_type'],
      ['/params/big', 'invalid_type'],
      ['/params/when', 'invalid_type'],
      ['/params/x~1y', 'invalid_type'],
    ]);
  });

  it('turns parameters that cannot be read into a ValidationError at /params with the cause', () => {
    const failure = new Error('trap');
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw failure;
        },
      },
    );
    const error = catchError(ValidationError, () => encodeQuery(hostile));
    expect(error.issues.map((issue) => issue.path)).toEqual(['/params']);
    expect(error.cause).toBe(failure);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(catchError(ValidationError, () => buildUrl('https://h', '/x', proxy)).issues[0]?.path).toBe(
      '/params',
    );
  });
});
