// fast-check arbitraries of VALID canonical records, derived from the zod models by walking
// their definitions, and a mutation arbitrary that breaks one spot of a record. Shared by the
// property tests of validate(), the io-ts codecs and the events.
import fc from 'fast-check';
import type { z } from 'zod';
import {
  CountryCode,
  DecimalString,
  Gtin,
  Identifier,
  isValidGtin,
  LanguageCode,
  LocalDate,
  Text,
  Timestamp,
  UnitCode,
} from '../../src/model/common.js';

interface Def {
  readonly type: string;
  readonly [field: string]: unknown;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;
const pad = (value: number, length: number): string => String(value).padStart(length, '0');

const decimal = fc
  .tuple(fc.boolean(), fc.nat({ max: 99_999 }), fc.option(fc.nat({ max: 9999 }), { nil: undefined }))
  .map(([negative, whole, fraction]) => {
    const text =
      fraction === undefined ? String(whole) : `${whole}.${pad(fraction, 4).replace(/0+$/, '') || '0'}`;
    return negative && text !== '0' ? `-${text}` : text;
  });

const date = fc.record({
  year: fc.integer({ min: 1990, max: 2060 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const localDate = date.map(({ year, month, day }) => `${year}-${pad(month, 2)}-${pad(day, 2)}`);
const timestamp = fc
  .tuple(
    localDate,
    fc.nat({ max: 23 }),
    fc.nat({ max: 59 }),
    fc.constantFrom('Z', '+02:00', '-05:00', '+05:30'),
  )
  .map(([day, hour, minute, offset]) => `${day}T${pad(hour, 2)}:${pad(minute, 2)}:00${offset}`);
const gtin = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((digits) => {
  const body = digits.join('');
  for (let check = 0; check < 10; check += 1) if (isValidGtin(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable: one check digit always fits');
});

/** Leaf schemas whose patterns are easier to satisfy with a dedicated arbitrary. */
const leaves = new Map<object, fc.Arbitrary<unknown>>([
  [defOf(Identifier), fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,11}$/)],
  [defOf(DecimalString), decimal],
  [defOf(UnitCode), fc.constantFrom('KGM', 'H87', 'MTR', 'LTR', 'MIN', 'HUR', 'EA', 'C62', 'XCT', 'BAR')],
  [defOf(Timestamp), timestamp],
  [defOf(LocalDate), localDate],
  [defOf(Gtin), gtin],
  [defOf(Text), fc.string({ minLength: 1, maxLength: 20 })],
  [defOf(LanguageCode), fc.constantFrom('de', 'en', 'cs', 'en-US')],
  [defOf(CountryCode), fc.constantFrom('DE', 'CZ', 'US')],
]);

/**
 * An arbitrary of values that the schema (mostly) accepts. Object-level refinements (such as
 * scheduledEnd ≥ scheduledStart) are not steered, so a few values are invalid: the property
 * tests compare validators, which must agree on those too.
 */
export function arbitraryFromSchema(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const leaf = leaves.get(def);
  if (leaf !== undefined) return leaf;
  switch (def.type) {
    case 'string': {
      const pattern = (def['checks'] as { _zod: { def: { pattern?: RegExp } } }[] | undefined)?.find(
        (check) => check._zod.def.pattern !== undefined,
      )?._zod.def.pattern;
      return pattern === undefined ? fc.string({ minLength: 1, maxLength: 12 }) : fc.stringMatching(pattern);
    }
    case 'number': {
      const minimum = (
        def['checks'] as { _zod: { def: { check: string; value?: number } } }[] | undefined
      )?.find((check) => check._zod.def.check === 'greater_than')?._zod.def.value;
      return fc.integer({ min: minimum ?? 0, max: 1000 });
    }
    case 'boolean':
      return fc.boolean();
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]));
    case 'optional':
      return arbitraryFromSchema(def['innerType'] as z.ZodType);
    case 'array': {
      const minimum = (def['checks'] as { _zod: { def: { minimum?: number } } }[] | undefined)?.[0]?._zod.def
        .minimum;
      return fc.array(arbitraryFromSchema(def['element'] as z.ZodType), {
        minLength: minimum ?? 0,
        maxLength: 3,
      });
    }
    case 'union':
      return fc.oneof(...(def['options'] as z.ZodType[]).map(arbitraryFromSchema));
    case 'record':
      return fc.dictionary(
        fc.stringMatching(/^[a-z]{2,6}:[A-Za-z0-9_]{1,8}$/),
        fc.jsonValue({ maxDepth: 2 }),
        {
          maxKeys: 2,
        },
      );
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      const required = Object.keys(shape).filter((key) => defOf(shape[key] as z.ZodType).type !== 'optional');
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, arbitraryFromSchema(field)]),
      );
      const record = fc.record(fields, { requiredKeys: required });
      // Work orders: most generated windows run forwards, so that both sides of the rule are tested.
      if (!('scheduledStart' in shape && 'scheduledEnd' in shape)) return record;
      return fc.tuple(record, fc.nat({ max: 9 })).map(([value, dice]) => {
        const order = value as { scheduledStart: string; scheduledEnd: string };
        if (dice > 0 && Date.parse(order.scheduledEnd) < Date.parse(order.scheduledStart)) {
          [order.scheduledStart, order.scheduledEnd] = [order.scheduledEnd, order.scheduledStart];
        }
        return order;
      });
    }
    default:
      throw new Error(`no arbitrary for zod type ${def.type}`);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (list of keys and indexes) inside a JSON value, the root included. */
function pathsOf(
  value: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...path, index], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  }
  return out;
}

/** The ways a mutation breaks a spot: typical mistakes of real integrations. */
const replacements: readonly Json[] = [
  12.5,
  0,
  -1,
  '1e3',
  '12,5',
  '',
  ' padded ',
  null,
  true,
  [],
  {},
  'UNKNOWN-STATUS',
  '2026-02-30T10:00:00Z',
  '2026-05-12T10:00:00',
];

/** Where and how to break a record. */
export interface Mutation {
  readonly spot: number;
  readonly action: 'replace' | 'delete' | 'add-key' | 'add-proto';
  readonly replacement: Json;
}

/** A mutation: pick a spot and replace it, delete it, or add an unknown or forbidden key in it. */
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  spot: fc.nat(),
  action: fc.constantFrom('replace' as const, 'delete' as const, 'add-key' as const, 'add-proto' as const),
  replacement: fc.constantFrom(...replacements),
});

/** Applies a mutation to a deep copy of a JSON value. */
export function mutate(value: unknown, { spot, action, replacement }: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const paths = pathsOf(copy);
  const path = paths[spot % paths.length] as (string | number)[];
  if (path.length === 0) return action === 'replace' ? replacement : copy;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key] as Json;
  const last = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, Json>;
  if (action === 'replace') container[last] = replacement;
  else if (action === 'delete') {
    if (Array.isArray(container)) container.splice(last as number, 1);
    else delete container[last];
  } else if (
    typeof container[last] === 'object' &&
    container[last] !== null &&
    !Array.isArray(container[last])
  ) {
    const target = container[last] as Record<string, Json>;
    if (action === 'add-key') target['unexpectedField'] = 1;
    else
      Object.defineProperty(target, '__proto__', {
        value: { polluted: true },
        enumerable: true,
        configurable: true,
        writable: true,
      });
  } else container[last] = replacement;
  return copy;
}
