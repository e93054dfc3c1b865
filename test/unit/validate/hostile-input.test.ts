import { Material, parseEvent, Quantity, ValidationError, validate, WorkOrder } from 'millwright';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as samples from '../../../examples/sample-records.js';
import { catchError } from '../../support/catch-error.js';

const material = { id: 'M1', description: 'Gear pump', type: 'finished', baseUnit: 'H87' } as const;

/** A chain of `levels` objects, each holding the next one twice: 2^levels paths, `levels` objects. */
function sharedChain(levels: number): Record<string, unknown> {
  let node: Record<string, unknown> = { end: true };
  for (let level = 0; level < levels; level += 1) node = { a: node, b: node };
  return node;
}

/** JSON text of `levels` objects nested in each other, with `leaf` (JSON text) in the innermost one. */
function nestedJson(levels: number, leaf: string): string {
  return `${'{"next":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`;
}

describe('validate on object graphs (shared nodes and cycles)', () => {
  it('walks a shared sub-object once, however many paths lead to it', () => {
    const data = { ...material, extensions: { 'plant-de01:graph': sharedChain(200) } };
    const result = validate(Material, data);
    expect(result.ok).toBe(true);
  });

  it('reports a cycle inside extensions as an issue at the path where it closes', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    const result = validate(Material, { ...material, extensions: { 'plant-de01:loop': loop } });
    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ path: '/extensions/plant-de01:loop/self', code: 'circular_reference' }),
      ],
    });
  });

  it('returns on the cyclic input of the review (o.a = o; o.b = o), for every schema', () => {
    const o: Record<string, unknown> = {};
    o['a'] = o;
    o['b'] = o;
    for (const schema of [WorkOrder, Material, z.unknown(), z.record(z.string(), z.unknown())]) {
      const result = validate(schema, o);
      expect(result.ok).toBe(false);
    }
    expect(validate(z.unknown(), o)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '/a', code: 'circular_reference' })],
    });
  });

  it('parseEvent returns on shared sub-objects and refuses cycles (it validates through validate)', () => {
    const event = {
      specversion: '1.0',
      id: 'E-1',
      source: '/plants/DE01',
      type: 'millwright.material.changed.v1',
      data: { ...samples.material, extensions: { 'plant-de01:graph': sharedChain(200) } },
    };
    const parsed = parseEvent(event);
    expect(parsed.type === 'millwright.material.changed.v1' && parsed.data.id).toBe(samples.material.id);
    const loop: Record<string, unknown> = {};
    loop['again'] = loop;
    const error = catchError(ValidationError, () =>
      parseEvent({ ...event, data: { ...samples.material, extensions: { 'plant-de01:loop': loop } } }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ path: '/data/extensions/plant-de01:loop/again', code: 'circular_reference' }),
    ]);
  });
});

describe('validate refuses a __proto__ key anywhere', () => {
  it('at any depth inside extensions, as JSON.parse makes it', () => {
    for (const levels of [10, 64, 65, 200, 990]) {
      const text = nestedJson(levels, '{"__proto__":{"x":1}}');
      const data = { ...material, extensions: { 'sap:deep': JSON.parse(text) } };
      const result = validate(Material, data);
      expect(result.ok, `${levels} levels`).toBe(false);
      expect(!result.ok && result.issues[0]).toMatchObject({
        code: 'forbidden_key',
        path: `/extensions/sap:deep${'/next'.repeat(levels)}/__proto__`,
      });
      expect(Material.safeParse(data).success, `${levels} levels, zod`).toBe(false);
    }
  });

  it('as an own key of an array, and in objects inside arrays', () => {
    const list: unknown[] = [1, 2];
    Object.defineProperty(list, '__proto__', { value: { x: 1 }, enumerable: true, writable: true });
    const inArray = JSON.parse('[{"a":[{"__proto__":{}}]}]');
    for (const [value, path] of [
      [list, '/extensions/sap:list/__proto__'],
      [inArray, '/extensions/sap:list/0/a/0/__proto__'],
    ] as const) {
      const result = validate(Material, { ...material, extensions: { 'sap:list': value } });
      expect(result).toEqual({
        ok: false,
        issues: [expect.objectContaining({ path, code: 'forbidden_key' })],
      });
      expect(validate(z.unknown(), value).ok).toBe(false);
    }
  });
});

describe('validate never throws and returns what it checked', () => {
  it('survives a thrown value whose name getter throws, and Proxies whose traps throw', () => {
    const hostileErrors = [
      Object.defineProperty(new Error('boom'), 'name', {
        get() {
          throw new Error('name');
        },
      }),
      new Proxy(new Error('boom'), {
        get() {
          throw new Error('get');
        },
        getPrototypeOf() {
          throw new Error('getPrototypeOf');
        },
      }),
    ];
    for (const hostileError of hostileErrors) {
      const throwing = Object.defineProperty({ unit: 'KGM' }, 'value', {
        enumerable: true,
        get() {
          throw hostileError;
        },
      });
      const trap = new Proxy(
        { value: '1', unit: 'KGM' },
        {
          get() {
            throw hostileError;
          },
        },
      );
      const ownKeys = new Proxy(
        { value: '1', unit: 'KGM' },
        {
          ownKeys() {
            throw hostileError;
          },
        },
      );
      for (const input of [throwing, trap, ownKeys]) {
        for (const schema of [Quantity, z.object({ value: z.string() }), z.unknown()]) {
          const result = validate(schema, input);
          expect(result).toMatchObject({ ok: false, issues: [{ code: 'invalid_input' }] });
        }
      }
    }
  });

  it('says where a value could not be read', () => {
    const order = structuredClone(samples.workOrder) as Record<string, any>;
    Object.defineProperty(order['components'][1], 'material', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = validate(WorkOrder, order);
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '/components/1/material', code: 'invalid_input' })],
    });
  });

  it('reads each value once: a getter valid at first and invalid later cannot change the result', () => {
    let reads = 0;
    const quantity = Object.defineProperty({ unit: 'KGM' }, 'value', {
      enumerable: true,
      get() {
        reads += 1;
        return reads === 1 ? '12.5' : 'not a number';
      },
    });
    const result = validate(Quantity, quantity);
    expect(result).toEqual({ ok: true, value: { value: '12.5', unit: 'KGM' } });
    expect(reads).toBe(1);
    expect(result.ok && Object.getOwnPropertyDescriptor(result.value, 'value')?.get).toBeUndefined();
  });

  it('reads each value once inside extensions too', () => {
    let reads = 0;
    const value = Object.defineProperty({}, 'later', {
      enumerable: true,
      get() {
        reads += 1;
        return reads === 1 ? 'fine' : JSON.parse('{"__proto__":{"polluted":true}}');
      },
    });
    const result = validate(Material, { ...material, extensions: { 'sap:x': value } });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.extensions?.['sap:x']).toEqual({ later: 'fine' });
    expect(reads).toBe(1);
  });

  it('refuses an array that claims more items than it could hold, without reading them', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const result = validate(z.array(z.unknown()), sparse);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ path: '', code: 'too_big' })] });
    const order = { ...samples.workOrder, components: sparse };
    expect(validate(WorkOrder, order)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: '/components', code: 'too_big' })],
    });
  });
});

describe('validate keeps a hostile key out of paths and messages', () => {
  const hugeKey = `${'k'.repeat(10_000_000)}/end`;

  it('shortens an unknown key of 10 MB in the issue path and message', () => {
    const result = validate(Material, { ...material, [hugeKey]: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [issue] = result.issues;
    expect(issue?.code).toBe('unrecognized_key');
    expect(issue?.path.length).toBeLessThanOrEqual(257);
    expect(issue?.path).toMatch(/^\/k{255}…$/);
    expect(issue?.message.length).toBeLessThan(400);
    expect(issue?.message).toMatch(/^unknown field "k{255}…"; plant-specific data belongs in "extensions"$/);
    expect(new ValidationError(result.issues).message.length).toBeLessThan(800);
  });

  it('shortens a long key on the path to a bad value, and never cuts a surrogate pair', () => {
    const key = `p:${'k'.repeat(252)}😀${'k'.repeat(10_000)}`;
    const extensions = JSON.parse(`{${JSON.stringify(key)}: {"__proto__": {}}}`) as unknown;
    const result = validate(Material, { ...material, extensions });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual([
      `/extensions/p:${'k'.repeat(252)}…`,
      `/extensions/p:${'k'.repeat(252)}…/__proto__`,
    ]);
  });
});

describe('validate bounds the work a huge invalid list costs', () => {
  const order = {
    id: 'W1',
    material: 'M1',
    plant: 'DE01',
    quantity: { value: '1', unit: 'H87' },
    status: 'released',
    scheduledStart: '2026-05-18T06:00:00+02:00',
    scheduledEnd: '2026-05-19T06:00:00+02:00',
  } as const;

  it('refuses a list of more than 100,000 items with one issue, before reading an item', () => {
    const operations = Array.from({ length: 100_001 }, () => ({ operation: 5, workCenter: 7 }));
    const result = validate(WorkOrder, { ...order, operations });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: '/operations', code: 'too_big', message: 'expected at most 100,000 items' },
    ]);
  });

  it('lists at most 1,000 issues and counts the rest in a last too_many_issues issue', () => {
    const operations = Array.from({ length: 2_000 }, () => ({ operation: 5, workCenter: 7 }));
    const result = validate(WorkOrder, { ...order, operations });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1_001);
    expect(result.issues[0]).toMatchObject({ path: '/operations/0/operation', code: 'invalid_type' });
    expect(result.issues[1_000]).toEqual({
      path: '',
      code: 'too_many_issues',
      message: '3000 more issues are not listed (at most 1000 are)',
    });
  });
});

describe('validate refuses data nested deeper than it could be sent on', () => {
  const deep = (levels: number): unknown =>
    JSON.parse(`{"p:deep":${'['.repeat(levels)}1${']'.repeat(levels)}}`);

  it('accepts 998 levels inside extensions, and what it returns can be serialized', () => {
    const result = validate(Material, { ...material, extensions: deep(998) });
    expect(result.ok).toBe(true);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('refuses 5,000 levels (10 KB of JSON) with too_deep at the level where it stops, never a RangeError', () => {
    const result = validate(Material, { ...material, extensions: deep(5_000) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      path: `/extensions/p:deep${'/0'.repeat(998)}`,
      code: 'too_deep',
      message: 'data nested more than 1000 levels deep is not read',
    });
    const event = `{"specversion":"1.0","type":"millwright.material.changed.v1","id":"1","source":"/x","data":${JSON.stringify({ ...material, extensions: { 'p:x': 1 } }).replace('1}}', `${'['.repeat(5_000)}1${']'.repeat(5_000)}}}`)}}`;
    const error = catchError(ValidationError, () => parseEvent(Buffer.from(event)));
    expect(error.issues[0]?.code).toBe('too_deep');
  });
});
