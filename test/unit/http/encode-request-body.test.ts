import { Readable } from 'node:stream';
import { ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { encodeRequestBody } from '../../../connectors/http/body/encode-request-body.js';
import { catchError } from '../../support/catch-error.js';

describe('encodeRequestBody', () => {
  it('sends strings, bytes and streams as they are, with the caller’s type or the one for their kind', () => {
    expect(encodeRequestBody(undefined, undefined)).toEqual({ body: undefined, contentType: undefined });
    expect(encodeRequestBody(undefined, 'text/csv')).toEqual({ body: undefined, contentType: 'text/csv' });
    expect(encodeRequestBody('"a"', undefined)).toEqual({
      body: '"a"',
      contentType: 'text/plain; charset=utf-8',
    });
    expect(encodeRequestBody('<a/>', 'text/xml')).toEqual({ body: '<a/>', contentType: 'text/xml' });
    const bytes = Uint8Array.from([1, 2, 3, 4]);
    const view = encodeRequestBody(bytes.subarray(1, 3), undefined);
    expect(view.contentType).toBe('application/octet-stream');
    expect([...(view.body as Buffer)]).toEqual([2, 3]);
    expect((view.body as Buffer).buffer).toBe(bytes.buffer); // no copy
    expect([...(encodeRequestBody(bytes.buffer, 'image/png').body as Buffer)]).toEqual([1, 2, 3, 4]);
    const stream = Readable.from(['a']);
    expect(encodeRequestBody(stream, undefined)).toEqual({
      body: stream,
      contentType: 'application/octet-stream',
    });
    expect(encodeRequestBody(new URLSearchParams({ a: 'b c' }), undefined)).toEqual({
      body: 'a=b+c',
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
  });

  it('sends JSON values as JSON, with a JSON type of the caller’s when given', () => {
    expect(encodeRequestBody({ a: 1 }, undefined)).toEqual({
      body: '{"a":1}',
      contentType: 'application/json',
    });
    expect(encodeRequestBody([{ qty: '1' }], 'application/merge-patch+json')).toEqual({
      body: '[{"qty":"1"}]',
      contentType: 'application/merge-patch+json',
    });
    expect(encodeRequestBody(null, 'Application/CloudEvents+JSON; charset=utf-8').body).toBe('null');
    expect(encodeRequestBody(false, undefined).body).toBe('false');
    expect(encodeRequestBody(Object.create(null), undefined).body).toBe('{}');
  });

  it('refuses what JSON would change or drop, and a JSON body under another type', () => {
    const tagged = { [Symbol.toStringTag]: 'Order' };
    for (const body of [
      new Map(),
      new Set(),
      new Error('x'),
      Promise.resolve(),
      () => 1,
      Symbol('s'),
      1n,
      Number.NaN,
      Infinity,
      tagged,
    ]) {
      const error = catchError(ValidationError, () => encodeRequestBody(body, undefined));
      expect(
        error.issues.map((issue) => issue.path),
        String(typeof body),
      ).toEqual(['/body']);
    }
    for (const type of ['text/xml', 'application/jsonl', 'application/x-www-form-urlencoded', 'text/json']) {
      const error = catchError(ValidationError, () => encodeRequestBody({ a: 1 }, type));
      expect(
        error.issues.map((issue) => issue.path),
        type,
      ).toEqual(['/headers/content-type']);
    }
  });

  it('refuses, at its JSON Pointer, a value nested anywhere that JSON would change or drop', () => {
    class Line {
      constructor(readonly qty: string) {}
    }
    const cyclic: Record<string, unknown> = { a: [] };
    (cyclic['a'] as unknown[]).push(cyclic);
    const cases: readonly [unknown, string][] = [
      [{ qty: Number.NaN }, '/body/qty'],
      [{ lines: [{ qty: '1' }, { qty: Infinity }] }, '/body/lines/1/qty'],
      [{ at: new Date(0) }, '/body/at'],
      [new Date(0), '/body'],
      [[new Line('1')], '/body/0'],
      [{ n: 10n }, '/body/n'],
      [{ f: () => 1 }, '/body/f'],
      [{ s: Symbol('s') }, '/body/s'],
      [{ m: new Map() }, '/body/m'],
      [{ 'a/b': { '~': -Infinity } }, '/body/a~1b/~0'],
      [cyclic, '/body/a/0'],
    ];
    for (const [body, path] of cases) {
      const error = catchError(ValidationError, () => encodeRequestBody(body, undefined));
      expect(
        error.issues.map((issue) => [issue.path, issue.code]),
        path,
      ).toEqual([[path, 'invalid_body']]);
    }
  });

  it('sends the copy it checked: each value is read once', () => {
    let reads = 0;
    const body = {
      get qty(): unknown {
        reads += 1;
        return reads === 1 ? '1' : Number.NaN;
      },
    };
    expect(encodeRequestBody(body, undefined).body).toBe('{"qty":"1"}');
    expect(reads).toBe(1);
  });

  it('turns a body whose reading throws into a ValidationError with the cause', () => {
    const failure = new Error('trap');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw failure;
        },
      },
    );
    const error = catchError(ValidationError, () => encodeRequestBody(hostile, undefined));
    expect(error.issues.map((issue) => issue.path)).toEqual(['/body']);
    expect(error.cause).toBe(failure);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(catchError(ValidationError, () => encodeRequestBody(proxy, undefined)).issues[0]?.path).toBe(
      '/body',
    );
  });
});
