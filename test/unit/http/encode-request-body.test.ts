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
    class Line {
      constructor(readonly qty: string) {}
    }
    expect(encodeRequestBody({ a: 1 }, undefined)).toEqual({
      body: '{"a":1}',
      contentType: 'application/json',
    });
    expect(encodeRequestBody([new Line('1')], 'application/merge-patch+json')).toEqual({
      body: '[{"qty":"1"}]',
      contentType: 'application/merge-patch+json',
    });
    expect(encodeRequestBody(null, 'Application/CloudEvents+JSON; charset=utf-8').body).toBe('null');
    expect(encodeRequestBody(false, undefined).body).toBe('false');
    expect(encodeRequestBody(new Date(0), undefined).body).toBe('"1970-01-01T00:00:00.000Z"');
    expect(encodeRequestBody(Object.create(null), undefined).body).toBe('{}');
  });

  it('refuses what JSON would change or drop, and a JSON body under another type', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
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
      cyclic,
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
