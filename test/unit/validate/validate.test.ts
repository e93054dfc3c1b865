import { canonicalObjects, Material, PositiveQuantity, Quantity, validate, WorkOrder } from 'millwright';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as samples from '../../../examples/sample-records.js';
import { compilePredicate } from '../../../src/validate/compile-predicate.js';
import { toJsonPointer } from '../../../src/validate/json-pointer.js';

describe('toJsonPointer', () => {
  it('escapes ~ and / as RFC 6901 says', () => {
    expect(toJsonPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(toJsonPointer([])).toBe('');
  });
});

describe('validate', () => {
  it('returns a copy of valid canonical data, equal to the input and made while checking it', () => {
    const result = validate(WorkOrder, samples.workOrder);
    expect(result.ok && result.value).toEqual(samples.workOrder);
    expect(result.ok && result.value).not.toBe(samples.workOrder);
    expect(result.ok && result.value.operations).not.toBe(samples.workOrder.operations);
  });

  it('points at unknown keys one by one, escaping them', () => {
    const result = validate(Quantity, { value: '1', unit: 'KGM', 'a/b~c': 1, other: 2 });
    expect(!result.ok && result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['/a~1b~0c', 'unrecognized_key'],
      ['/other', 'unrecognized_key'],
    ]);
  });

  it('rejects __proto__ keys wherever they are, and never pollutes a prototype', () => {
    const top = JSON.parse('{"value":"1","unit":"KGM","__proto__":{"polluted":true}}');
    const inExtensions = JSON.parse(
      `{"id":"M1","description":"x","type":"raw","baseUnit":"KGM","extensions":{"__proto__":{"polluted":true}}}`,
    );
    const nested = JSON.parse(
      `{"id":"M1","description":"x","type":"raw","baseUnit":"KGM","extensions":{"sap:x":{"a":[{"__proto__":{"polluted":true}}]}}}`,
    );
    expect(validate(Quantity, top)).toMatchObject({
      ok: false,
      issues: [{ path: '/__proto__', code: 'unrecognized_key' }],
    });
    expect(validate(Material, inExtensions)).toMatchObject({
      ok: false,
      issues: [{ path: '/extensions/__proto__', code: 'forbidden_key' }],
    });
    expect(validate(Material, nested)).toMatchObject({
      ok: false,
      issues: [{ path: '/extensions/sap:x/a/0/__proto__', code: 'forbidden_key' }],
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('treats constructor and prototype keys as plain unknown keys', () => {
    const result = validate(
      Quantity,
      JSON.parse('{"value":"1","unit":"KGM","constructor":{"prototype":{"x":1}}}'),
    );
    expect(result).toMatchObject({ ok: false, issues: [{ path: '/constructor', code: 'unrecognized_key' }] });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('never throws, even when reading the input throws', () => {
    const throwing = Object.defineProperty({}, 'value', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const [input, path] of [
      [throwing, '/value'],
      [proxy, ''],
    ] as const) {
      const result = validate(Quantity, input);
      expect(result).toMatchObject({ ok: false, issues: [{ path, code: 'invalid_input' }] });
    }
  });

  it('works with any zod schema, returning zod output where the schema transforms', () => {
    const Trimmed = z.object({ name: z.string().transform((name) => name.trim()) });
    expect(compilePredicate(Trimmed)).toBeNull();
    expect(validate(Trimmed, { name: '  pump ', extra: 1 })).toEqual({ ok: true, value: { name: 'pump' } });
    expect(validate(z.string().email(), 'no')).toMatchObject({
      ok: false,
      issues: [{ path: '', code: 'invalid_format' }],
    });
  });

  it('handles every zod construct it does not compile by letting zod answer', () => {
    enum Shift {
      Early = 0,
      Late = 1,
    }
    const cases: [z.ZodType, unknown, boolean][] = [
      [z.strictObject({}), {}, true],
      [z.strictObject({}), { a: 1 }, false],
      [z.object({}).catchall(z.string()), { a: 'x' }, true],
      [z.strictObject({ nested: z.strictObject({}).optional() }), { nested: {} }, true],
      [z.strictObject({ a: z.string() }).superRefine(() => {}), { a: 'ok' }, true],
      [z.string().check(() => {}), 'ok', true],
      [z.enum(Shift), 1, true],
      [z.enum(Shift), 'Early', false],
      [z.literal([1, 'a']), 1, true],
    ];
    for (const [schema, data, ok] of cases) {
      expect(validate(schema, data).ok, JSON.stringify(data)).toBe(ok);
      expect(schema.safeParse(data).success).toBe(ok);
    }
  });

  it('rejects a __proto__ key inside a value of any type, on the fast path too', () => {
    const Wrapper = z.strictObject({ payload: z.unknown() });
    expect(compilePredicate(Wrapper)).not.toBeNull();
    expect(validate(Wrapper, JSON.parse('{"payload":{"a":[{"__proto__":{"x":1}}]}}'))).toMatchObject({
      ok: false,
      issues: [{ path: '/payload/a/0/__proto__', code: 'forbidden_key' }],
    });
  });

  it('rejects overlong decimal strings at once, whatever they hold', () => {
    const result = validate(PositiveQuantity, { value: `0.${'1'.repeat(40_000)}x`, unit: 'KGM' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toContainEqual(
      expect.objectContaining({ path: '/value', code: 'too_big' }),
    );
    for (const [value, ok] of [
      ['0.10', true],
      ['0.000001', true],
      ['10.000', true],
      ['0.0', false],
      ['0', false],
    ] as const) {
      expect(validate(PositiveQuantity, { value, unit: 'KGM' }).ok, value).toBe(ok);
    }
  });

  it('wants the key of a required field of unknown type, as zod does, on the fast path too', () => {
    for (const schema of [z.strictObject({ a: z.unknown() }), z.looseObject({ a: z.any() })]) {
      expect(compilePredicate(schema)).not.toBeNull();
      expect(validate(schema, {})).toMatchObject({ ok: false, issues: [{ path: '/a', code: 'required' }] });
      expect(validate(schema, { a: undefined }).ok).toBe(true);
      expect(schema.safeParse({}).success).toBe(false);
    }
  });

  it('says "required" for a missing field, not a type error', () => {
    expect(validate(Quantity, { value: '1' })).toMatchObject({
      ok: false,
      issues: [{ path: '/unit', code: 'required', message: 'required field is missing' }],
    });
  });
});

describe('compilePredicate', () => {
  it('compiles every canonical object', () => {
    for (const object of Object.values(canonicalObjects))
      expect(compilePredicate(object.schema)).not.toBeNull();
  });

  it('refuses what it does not mirror exactly', () => {
    expect(compilePredicate(z.object({ a: z.string() }))).toBeNull(); // strips unknown keys
    expect(compilePredicate(z.string().default('x'))).toBeNull();
    expect(compilePredicate(z.string().regex(/a/g))).toBeNull(); // stateful pattern
    expect(compilePredicate(z.url())).toBeNull();
    expect(compilePredicate(z.strictObject({ a: z.string() }).superRefine(() => {}))).toBeNull();
  });
});
