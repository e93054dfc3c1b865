import fc from 'fast-check';
import { canonicalObjects, validate } from 'millwright';
import {
  BillOfMaterials,
  InventoryMovement,
  Material,
  MaterialLot,
  ProductionConfirmation,
  QualityEvent,
  Routing,
  toIoTs,
  WorkOrder,
} from 'millwright/io-ts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arbitraryFromSchema, mutate, mutation } from '../support/arbitrary-from-schema.js';

const codecs = {
  Material,
  BillOfMaterials,
  Routing,
  WorkOrder,
  ProductionConfirmation,
  InventoryMovement,
  MaterialLot,
  QualityEvent,
};

describe.each(Object.values(canonicalObjects).map((object) => [object.name, object] as const))(
  'io-ts codec %s',
  (name, object) => {
    const codec = codecs[name];

    it('accepts and rejects the same inputs as the zod model, valid and mutated', () => {
      const arbitrary = fc.oneof(
        arbitraryFromSchema(object.schema),
        fc
          .tuple(arbitraryFromSchema(object.schema), mutation)
          .map(([value, change]) => mutate(value, change)),
      );
      let accepted = 0;
      let rejected = 0;
      fc.assert(
        fc.property(arbitrary, (value) => {
          const expected = validate(object.schema, value).ok;
          expect(codec.decode(value)._tag).toBe(expected ? 'Right' : 'Left');
          expect(codec.is(value)).toBe(expected);
          if (expected) accepted += 1;
          else rejected += 1;
        }),
        { numRuns: 2_000 },
      );
      // Both sides of the property were exercised.
      expect(accepted).toBeGreaterThan(200);
      expect(rejected).toBeGreaterThan(200);
    });

    it('decodes a valid record to itself and encodes it unchanged', () => {
      const [value] = fc.sample(
        arbitraryFromSchema(object.schema).filter((v) => validate(object.schema, v).ok),
        {
          numRuns: 1,
          seed: 7,
        },
      );
      const decoded = codec.decode(value);
      expect(decoded._tag === 'Right' && decoded.right).toBe(value);
      expect(codec.encode(value as never)).toBe(value);
    });
  },
);

interface Def {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * The same schema with every object made stripping (`z.object`: unknown keys are dropped from the
 * output, not refused), checks and refinements kept: the most common shape of users' own schemas.
 */
function stripping(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as unknown as Def;
  const clone = (changes: Record<string, unknown>): z.ZodType =>
    (schema as unknown as { clone: (def: unknown) => z.ZodType }).clone({ ...def, ...changes });
  switch (def.type) {
    case 'object':
      return clone({
        shape: Object.fromEntries(
          Object.entries(def['shape'] as Record<string, z.ZodType>).map(([key, field]) => [
            key,
            stripping(field),
          ]),
        ),
        catchall: undefined,
      });
    case 'array':
      return clone({ element: stripping(def['element'] as z.ZodType) });
    case 'optional':
    case 'nullable':
      return clone({ innerType: stripping(def['innerType'] as z.ZodType) });
    case 'union':
      return clone({ options: (def['options'] as z.ZodType[]).map(stripping) });
    case 'record':
      return clone({ valueType: stripping(def['valueType'] as z.ZodType) });
    default:
      return schema;
  }
}

/**
 * A value with every key kept, an undefined value included (as a marker), and every object made
 * plain: what decoding gives must have the same keys as zod's output, whatever the prototypes.
 */
function plain(value: unknown): unknown {
  if (value === undefined) return '<undefined>';
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
}

describe.each(Object.values(canonicalObjects).map((object) => [object.name, object] as const))(
  'io-ts codec of the stripping variant of %s',
  (_name, object) => {
    const schema = stripping(object.schema);
    const codec = toIoTs(schema);

    it('accepts and rejects what zod does, and decodes to what zod parses (unknown keys dropped)', () => {
      const arbitrary = fc.oneof(
        arbitraryFromSchema(schema),
        fc.tuple(arbitraryFromSchema(schema), mutation).map(([value, change]) => mutate(value, change)),
      );
      let stripped = 0;
      let rejected = 0;
      fc.assert(
        fc.property(arbitrary, (value) => {
          const expected = validate(schema, value);
          const decoded = codec.decode(value);
          expect(decoded._tag).toBe(expected.ok ? 'Right' : 'Left');
          expect(codec.is(value)).toBe(expected.ok);
          if (expected.ok && decoded._tag === 'Right') {
            expect(plain(decoded.right)).toEqual(plain(expected.value));
            if (JSON.stringify(decoded.right) !== JSON.stringify(value)) stripped += 1;
          }
          if (!expected.ok) rejected += 1;
        }),
        { numRuns: 2_000 },
      );
      // Records with unknown keys were accepted and stripped, and others rejected.
      expect(stripped).toBeGreaterThan(10);
      expect(rejected).toBeGreaterThan(200);
    });
  },
);

describe('toIoTs on other zod schemas', () => {
  it('derives stripping objects (z.object) as zod parses them: unknown keys dropped, at any depth', () => {
    const Line = z.object({ item: z.string(), quantity: z.number().optional() });
    const Order = z.object({ id: z.string(), lines: z.array(Line), note: z.string().nullable().optional() });
    const codec = toIoTs(Order);
    const input = {
      id: 'A',
      lines: [
        { item: 'x', extra: 1 },
        { item: 'y', quantity: 2 },
      ],
      unknown: true,
    };
    const decoded = codec.decode(input);
    expect(decoded).toEqual({
      _tag: 'Right',
      right: { id: 'A', lines: [{ item: 'x' }, { item: 'y', quantity: 2 }] },
    });
    expect(decoded._tag === 'Right' && decoded.right).toStrictEqual(Order.parse(input));
    expect(codec.is(input)).toBe(true);
    expect(codec.decode({ id: 'A', lines: [{ quantity: 2 }] })._tag).toBe('Left');
    // A key present with undefined stays, as zod keeps it; a stripped key never appears.
    const withUndefined = codec.decode({ id: 'A', lines: [], note: undefined });
    expect(withUndefined._tag === 'Right' && Object.keys(withUndefined.right)).toEqual([
      'id',
      'lines',
      'note',
    ]);
    // A __proto__ key is refused anywhere, as validate() refuses it, even where it would be stripped.
    expect(codec.is(JSON.parse('{"id":"A","lines":[],"x":{"__proto__":{"p":1}}}'))).toBe(false);
    expect(codec.is(JSON.parse('{"id":"A","lines":[],"__proto__":{"p":1}}'))).toBe(false);
    // And it says so in the words of validate(), wherever the key is.
    for (const json of [
      '{"id":"A","lines":[],"__proto__":{"p":1}}',
      '{"id":"A","lines":[],"x":{"__proto__":{"p":1}}}',
    ]) {
      const decoded = codec.decode(JSON.parse(json));
      const messages = decoded._tag === 'Left' ? decoded.left.map((error) => error.message) : [];
      expect(messages.some((message) => message?.startsWith('the key "__proto__" is not allowed'))).toBe(
        true,
      );
    }
  });

  it('runs refinements on the stripped output, as zod does', () => {
    const TwoKeys = z
      .object({ a: z.string(), b: z.string() })
      .refine((value) => Object.keys(value).length === 2);
    const codec = toIoTs(TwoKeys);
    expect(codec.is({ a: 'x', b: 'y', c: 'z' })).toBe(TwoKeys.safeParse({ a: 'x', b: 'y', c: 'z' }).success);
    expect(codec.decode({ a: 'x', b: 'y', c: 'z' })).toEqual({ _tag: 'Right', right: { a: 'x', b: 'y' } });
  });

  it('follows zod on numeric enums and rejects __proto__ keys in unknown values', () => {
    enum Shift {
      Early = 0,
      Late = 1,
    }
    const shift = toIoTs(z.enum(Shift));
    expect(shift.is(1)).toBe(true);
    expect(shift.is('Early')).toBe(false);
    const wrapper = toIoTs(z.strictObject({ payload: z.unknown() }));
    expect(wrapper.is({ payload: { a: 1 } })).toBe(true);
    expect(wrapper.is(JSON.parse('{"payload":{"__proto__":{"x":1}}}'))).toBe(false);
  });

  it('refuses what it cannot mirror, such as .superRefine()', () => {
    expect(() => toIoTs(z.strictObject({ a: z.string() }).superRefine(() => {}))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_SCHEMA' }),
    );
  });
});
