import fc from 'fast-check';
import { canonicalObjects, Identifier, Material, Text, validate } from 'millwright';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as samples from '../../examples/sample-records.js';
import { compilePredicate } from '../../src/validate/compile-predicate.js';
import { hasPrototypeKey } from '../../src/validate/prototype-keys.js';
import { arbitraryFromSchema, mutate, mutation } from '../support/arbitrary-from-schema.js';
import { hostileAt, hostility, objectPaths, revokedProxy, thrownValue } from '../support/hostile-values.js';

const objects = Object.values(canonicalObjects);

describe('validate() on arbitrary input', () => {
  it('never throws on 100,000 arbitrary JSON values and always answers with a result', () => {
    fc.assert(
      fc.property(fc.constantFrom(...objects), fc.jsonValue(), (object, value) => {
        const result = validate(object.schema, value);
        if (result.ok) expect(result.value).toEqual(value);
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
        const zodAccepts = object.schema.safeParse(value).success && !hasPrototypeKey(value);
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

const material = { id: 'M1', description: 'Gear pump', type: 'finished', baseUnit: 'H87' } as const;

/** An object graph: nodes (objects or arrays) whose entries are primitives or other nodes, by index. */
interface GraphSpec {
  readonly nodes: readonly { readonly array: boolean; readonly entries: readonly (number | string)[] }[];
}

const graphSpec: fc.Arbitrary<GraphSpec> = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc.record({
    nodes: fc.array(
      fc.record({
        array: fc.boolean(),
        entries: fc.array(fc.oneof(fc.nat({ max: size - 1 }), fc.string({ maxLength: 3 })), { maxLength: 4 }),
      }),
      { minLength: size, maxLength: size },
    ),
  }),
);

/** Builds the graph; node 0 is the root. Numbers are edges to nodes, strings stay strings. */
function buildGraph(spec: GraphSpec): unknown[] | Record<string, unknown> {
  const nodes = spec.nodes.map((node) => (node.array ? [] : {}) as unknown[] | Record<string, unknown>);
  spec.nodes.forEach((node, index) => {
    const target = nodes[index] as Record<string, unknown>;
    node.entries.forEach((entry, position) => {
      target[Array.isArray(target) ? position : `k${position}`] =
        typeof entry === 'number' ? nodes[entry] : entry;
    });
  });
  return nodes[0] as unknown[] | Record<string, unknown>;
}

/** Whether a cycle is reachable from node 0, by a colouring depth-first search over the spec. */
function hasCycle(spec: GraphSpec): boolean {
  const state = new Map<number, 'open' | 'done'>();
  const visit = (index: number): boolean => {
    if (state.get(index) === 'open') return true;
    if (state.get(index) === 'done') return false;
    state.set(index, 'open');
    const found = (spec.nodes[index]?.entries ?? []).some(
      (entry) => typeof entry === 'number' && visit(entry),
    );
    state.set(index, 'done');
    return found;
  };
  return visit(0);
}

/** The value at a JSON Pointer, and every value on the way to it. */
function walk(root: unknown, pointer: string): unknown[] {
  const seen = [root];
  let value = root;
  for (const key of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown>)[key.replaceAll('~1', '/').replaceAll('~0', '~')];
    seen.push(value);
  }
  return seen;
}

/** Whether `copy` has the shape of `original`: same kinds, same primitives, sharing where it shares. */
function sameGraph(original: unknown, copy: unknown, pairs = new Map<object, unknown>()): boolean {
  if (typeof original !== 'object' || original === null) return Object.is(original, copy);
  if (pairs.has(original)) return pairs.get(original) === copy;
  pairs.set(original, copy);
  if (copy === original || typeof copy !== 'object' || copy === null) return false;
  if (Array.isArray(original) !== Array.isArray(copy)) return false;
  const keys = Object.keys(original);
  if (keys.join() !== Object.keys(copy).join()) return false;
  return keys.every((key) =>
    sameGraph((original as Record<string, unknown>)[key], (copy as Record<string, unknown>)[key], pairs),
  );
}

describe('validate() on object graphs (property)', () => {
  it('returns on graphs with shared nodes and cycles, reports each cycle where it closes, copies the rest', () => {
    fc.assert(
      fc.property(graphSpec, fc.boolean(), (spec, inExtensions) => {
        const root = buildGraph(spec);
        const result = inExtensions
          ? validate(Material, { ...material, extensions: { 'sap:graph': root } })
          : validate(z.unknown(), root);
        const prefix = inExtensions ? '/extensions/sap:graph' : '';
        if (!hasCycle(spec)) {
          expect(result.ok).toBe(true);
          const copy =
            result.ok && (inExtensions ? (result.value as Material).extensions?.['sap:graph'] : result.value);
          expect(sameGraph(root, copy)).toBe(true);
          return;
        }
        expect(result.ok).toBe(false);
        const issue = !result.ok ? result.issues[0] : undefined;
        expect(issue?.code).toBe('circular_reference');
        const path = issue?.path ?? '';
        expect(path.startsWith(prefix)).toBe(true);
        // The value where the cycle closes is one of the objects on the way to it.
        const way = walk(root, path.slice(prefix.length));
        expect(way.slice(0, -1).includes(way[way.length - 1])).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

/** A JSON value wrapped in 1 to 300 objects or arrays, so that it reaches far deeper than 64 levels. */
const deepValue = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }))
  .map(([value, wrappers]) => {
    let wrapped: unknown = value;
    for (const inArray of wrappers) wrapped = inArray ? [wrapped] : { next: wrapped };
    return wrapped;
  });

describe('validate() refuses __proto__ keys anywhere (property)', () => {
  it('finds every __proto__ key injected into deep and wide JSON, at its path, through zod too', () => {
    fc.assert(
      fc.property(deepValue, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (value, picks) => {
        const data = JSON.parse(JSON.stringify(value)) as unknown;
        const places = objectPaths(data);
        const pointerOf = (path: readonly string[]): string =>
          `/extensions/sap:deep${path.map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}/__proto__`;
        // fast-check's JSON values hold "__proto__" keys of their own now and then.
        const expected = new Set(
          places
            .filter((path) =>
              Object.hasOwn(
                path.reduce<any>((node, key) => node[key], data),
                '__proto__',
              ),
            )
            .map(pointerOf),
        );
        for (const pick of picks) {
          const path = places[pick % places.length] as string[];
          let target = data as Record<string, unknown>;
          for (const key of path) target = target[key] as Record<string, unknown>;
          // As JSON.parse makes the key: an own data property, in an object or (by hand) an array.
          Object.defineProperty(target, '__proto__', {
            value: { polluted: true },
            enumerable: true,
            configurable: true,
            writable: true,
          });
          expected.add(pointerOf(path));
        }
        const record = { ...material, extensions: { 'sap:deep': data } };
        const result = validate(Material, record);
        expect(result.ok).toBe(false);
        const found = !result.ok ? result.issues.filter((issue) => issue.code === 'forbidden_key') : [];
        expect(new Set(found.map((issue) => issue.path))).toEqual(expected);
        expect(Material.safeParse(record).success).toBe(false);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts the same deep JSON without them, and returns an equal copy', () => {
    fc.assert(
      fc.property(
        deepValue.filter((value) => !JSON.stringify(value).includes('"__proto__"')),
        (value) => {
          const record = { ...material, extensions: { 'sap:deep': value } };
          const result = validate(Material, record);
          expect(result).toEqual({ ok: true, value: record });
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** What a changing getter answers after its first read: anything, and values that look almost right. */
const later = fc.oneof(
  fc.anything().map((value) => () => value),
  fc.constantFrom('exploded', '', -1, null, {}, [], '1.0', '12,5', Symbol('x')).map((value) => () => value),
  fc.constant(() => JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constant(revokedProxy),
);

describe('validate() with hostile values in valid records (property)', () => {
  it('never throws, and what it accepts is plain data it checked, equal to the first reads', () => {
    const records = Object.entries(samples.sampleRecords) as [keyof typeof canonicalObjects, unknown][];
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        hostility(later),
        thrownValue,
        fc.nat(),
        ([name, record], how, thrown, pick) => {
          const schema = canonicalObjects[name].schema;
          const paths = objectPaths(record);
          const input = hostileAt(
            structuredClone(record),
            paths[pick % paths.length] as string[],
            how,
            thrown,
          );
          const result = validate(schema, input);
          if (!result.ok) {
            expect(result.issues.length).toBeGreaterThan(0);
            return;
          }
          // An object whose only trick is an iterator stands for an empty object.
          if (how.kind !== 'throwing-iterator') expect(result.value).toEqual(record);
          expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
          expect(validate(schema, result.value)).toEqual({ ok: true, value: result.value });
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      { numRuns: 3000 },
    );
  });
});

/** Strings of any UTF-16 code units: lone surrogates, controls and noncharacters included. */
const anyCodeUnits = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x85, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffe, 0xffff),
    ),
    { maxLength: 300 },
  )
  .map((units) => String.fromCharCode(...units));

/** Whether UTF-8 and XML 1.0 can carry every character: no unpaired surrogate, no U+FFFE/U+FFFF. */
function isCarried(text: string): boolean {
  return (
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text)) === text &&
    !/[\uFFFE\uFFFF]/.test(text)
  );
}

const isControl = (point: number): boolean => point <= 0x1f || (point >= 0x7f && point <= 0x9f);

describe('identifiers and texts hold only characters UTF-8 and XML 1.0 can carry (property)', () => {
  it('Identifier accepts exactly 1 to 256 such characters without controls or white space at either end', () => {
    fc.assert(
      fc.property(anyCodeUnits, (text) => {
        const points = [...text].map((character) => character.codePointAt(0) as number);
        const expected =
          points.length >= 1 &&
          points.length <= 256 &&
          isCarried(text) &&
          !points.some(isControl) &&
          !/^\s/u.test(text) &&
          !/\s$/u.test(text);
        const result = validate(Identifier, text);
        expect(result.ok).toBe(expected);
        expect(Identifier.safeParse(text).success).toBe(expected);
        if (!result.ok) expect(result.issues[0]?.message).toMatch(/^expected an identifier/);
      }),
      { numRuns: 20_000 },
    );
  });

  it('Text accepts exactly what UTF-8 and XML 1.0 carry, tabs and line breaks being its only controls', () => {
    fc.assert(
      fc.property(anyCodeUnits, (text) => {
        const points = [...text].map((character) => character.codePointAt(0) as number);
        const expected =
          text.length >= 1 &&
          isCarried(text) &&
          !points.some((point) => isControl(point) && point !== 0x09 && point !== 0x0a && point !== 0x0d);
        expect(validate(Text, text).ok).toBe(expected);
        expect(Text.safeParse(text).success).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});
