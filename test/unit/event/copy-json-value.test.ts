import { describe, expect, it } from 'vitest';
import { copyJsonValue } from '../../../src/event/copy-json-value.js';

describe('copyJsonValue', () => {
  it('copies JSON data into plain objects and arrays, keeping a __proto__ key as data', () => {
    const input = JSON.parse('{"a":[1,"x",null,true,{"b":{}}],"__proto__":{"polluted":1}}') as unknown;
    const result = copyJsonValue(input);
    expect(result).toEqual({ ok: true, value: input });
    if (!result.ok) return;
    expect(result.value).not.toBe(input);
    expect(Object.hasOwn(result.value as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('copies a shared object once, so that a graph of shared nodes costs what its nodes cost', () => {
    let shared: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 60; level += 1) shared = { a: shared, b: shared };
    const result = copyJsonValue(shared);
    expect(result.ok).toBe(true);
    const copy = (result as { value: Record<string, unknown> }).value;
    expect(copy['a']).toBe(copy['b']);
  });

  it('reads 1,000 levels and refuses deeper data without a RangeError, however deep', () => {
    const nest = (levels: number): unknown => {
      let deep: unknown = 'bottom';
      for (let level = 0; level < levels; level += 1) deep = [deep];
      return deep;
    };
    expect(copyJsonValue(nest(1_000)).ok).toBe(true);
    expect(copyJsonValue(nest(100_000))).toMatchObject({
      ok: false,
      issues: [{ path: '/0'.repeat(1_000), code: 'too_deep' }],
    });
  });

  it('reports a cycle, a value that is not JSON data and a value that cannot be read, at their paths', () => {
    const cyclic: Record<string, unknown> = { list: [] };
    (cyclic['list'] as unknown[]).push({ back: cyclic });
    expect(copyJsonValue(cyclic)).toEqual({
      ok: false,
      issues: [
        {
          path: '/list/0/back',
          code: 'circular_reference',
          message: expect.stringMatching(/contains itself \(a cycle\)/),
        },
      ],
    });
    expect(copyJsonValue({ 'a/b': { '~': new Map() } })).toMatchObject({
      ok: false,
      issues: [{ path: '/a~1b/~0', code: 'invalid_type' }],
    });
    expect(
      copyJsonValue({
        a: {
          get b() {
            throw new Error('boom');
          },
        },
      }),
    ).toMatchObject({
      ok: false,
      issues: [{ path: '/a/b', code: 'invalid_input' }],
    });
  });
});
