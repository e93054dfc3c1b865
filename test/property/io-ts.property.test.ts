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

describe('toIoTs on other zod schemas', () => {
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
