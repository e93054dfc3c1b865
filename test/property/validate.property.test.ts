import fc from 'fast-check';
import { canonicalObjects, validate } from 'millwright';
import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/validate/compile-predicate.js';
import { findPrototypeKeys } from '../../src/validate/prototype-keys.js';
import { arbitraryFromSchema, mutate, mutation } from '../support/arbitrary-from-schema.js';

const objects = Object.values(canonicalObjects);

describe('validate() on arbitrary input', () => {
  it('never throws on 100,000 arbitrary JSON values and always answers with a result', () => {
    fc.assert(
      fc.property(fc.constantFrom(...objects), fc.jsonValue(), (object, value) => {
        const result = validate(object.schema, value);
        if (result.ok) expect(result.value).toBe(value);
        else expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 100_000 },
    );
  });

  it('never throws on arbitrary JavaScript values (objects with odd prototypes, symbols, functions)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...objects),
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          withMap: true,
          withSet: true,
          withBigInt: true,
        }),
        (object, value) => {
          expect(() => validate(object.schema, value)).not.toThrow();
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe.each(objects.map((object) => [object.name, object] as const))('%s', (_name, object) => {
  const predicate = compilePredicate(object.schema);

  it('compiles to a fast predicate', () => {
    expect(predicate).not.toBeNull();
  });

  it('accepts what zod accepts and rejects what zod rejects, valid and mutated (fast path = zod)', () => {
    const arbitrary = fc.oneof(
      arbitraryFromSchema(object.schema),
      fc.tuple(arbitraryFromSchema(object.schema), mutation).map(([value, change]) => mutate(value, change)),
    );
    fc.assert(
      fc.property(arbitrary, (value) => {
        const zodAccepts = object.schema.safeParse(value).success && findPrototypeKeys(value).length === 0;
        expect(predicate?.(value)).toBe(zodAccepts);
        expect(validate(object.schema, value).ok).toBe(zodAccepts);
      }),
      { numRuns: 2_000 },
    );
  });

  it('generates mostly valid records, so that the agreement above is tested on both sides', () => {
    const samples = fc.sample(arbitraryFromSchema(object.schema), { numRuns: 200, seed: 42 });
    const valid = samples.filter((value) => validate(object.schema, value).ok).length;
    expect(valid).toBeGreaterThan(100);
  });
});
