// fast-check arbitraries of VALID canonical records, derived from the zod models by walking
// their definitions, and a mutation arbitrary that breaks one spot of a record. Shared by the
// property tests of validate(), the io-ts codecs and the events.
import fc from 'fast-check';
import type { z } from 'zod';
import { sapMovementTypes } from '../../src/codes/sap-movement-types.js';
import { TEXT_PATTERN } from '../../src/model/character-rules.js';
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
import { areConvertible, compareDecimals } from '../../src/model/compare-amounts.js';
import { compareMoments } from '../../src/model/compare-moments.js';

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
 * An arbitrary of values that the schema (mostly) accepts. The objects' cross-field rules are
 * steered: nine records in ten are made to follow them (see {@link followRules}), the tenth is
 * left as generated, so that the property tests, which compare validators, see both sides.
 */
export function arbitraryFromSchema(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc
    .tuple(generate(schema), fc.nat({ max: 9 }))
    .map(([value, dice]) => (dice > 0 ? followRules(value) : value));
}

function generate(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const leaf = leaves.get(def);
  if (leaf !== undefined) return leaf;
  switch (def.type) {
    case 'string': {
      const pattern = (def['checks'] as { _zod: { def: { pattern?: RegExp } } }[] | undefined)?.find(
        (check) => check._zod.def.pattern !== undefined,
      )?._zod.def.pattern;
      // Free text (a property's value): any printable string; fast-check cannot invert that pattern.
      if (pattern === undefined || pattern === TEXT_PATTERN)
        return fc.string({ minLength: 1, maxLength: 12 });
      return fc.stringMatching(pattern);
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
      return generate(def['innerType'] as z.ZodType);
    case 'array': {
      const minimum = (def['checks'] as { _zod: { def: { minimum?: number } } }[] | undefined)?.[0]?._zod.def
        .minimum;
      return fc.array(generate(def['element'] as z.ZodType), {
        minLength: minimum ?? 0,
        maxLength: 3,
      });
    }
    case 'union':
      return fc.oneof(...(def['options'] as z.ZodType[]).map(generate));
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
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, generate(field)]));
      return fc.record(fields, { requiredKeys: required });
    }
    default:
      throw new Error(`no arbitrary for zod type ${def.type}`);
  }
}

type Fields = Record<string, any>;

/** Date and timestamp fields whose end may not be before their start. */
const RANGES = [
  ['scheduledStart', 'scheduledEnd'],
  ['actualStart', 'actualEnd'],
  ['validFrom', 'validTo'],
  ['manufacturedAt', 'expiresAt'],
  ['manufacturedAt', 'bestBefore'],
] as const;

/** Quantity fields whose unit must convert to the unit of another field. */
const SAME_UNIT = [
  ['yield', 'scrap'],
  ['yield', 'rework'],
  ['quantity', 'plannedScrap'],
  ['quantity', 'confirmedYield'],
  ['quantity', 'confirmedScrap'],
  ['confirmedYield', 'confirmedScrap'],
  ['lotSizeFrom', 'lotSizeTo'],
  ['grossWeight', 'netWeight'],
] as const;

/** Quantity fields of one dimension, and a unit of it. */
const DIMENSIONS: Readonly<Record<string, string>> = {
  setupTime: 'MIN',
  machineTime: 'MIN',
  laborTime: 'HUR',
  grossWeight: 'KGM',
  netWeight: 'KGM',
  volume: 'LTR',
};

/** Makes a generated record follow the cross-field rules of the canonical objects, in place, at any depth. */
function followRules(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) followRules(item);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Fields;
  for (const item of Object.values(record)) followRules(item);
  for (const [start, end] of RANGES) {
    if (typeof record[start] === 'string' && typeof record[end] === 'string') {
      if (compareMoments(record[end], record[start]) < 0) record[end] = record[start];
    }
  }
  for (const [field, unit] of Object.entries(DIMENSIONS))
    if (record[field] !== undefined) record[field].unit = unit;
  for (const [reference, other] of SAME_UNIT) {
    if (record[reference] === undefined || record[other] === undefined) continue;
    if (!areConvertible(record[reference].unit, record[other].unit))
      record[other].unit = record[reference].unit;
  }
  if (record['lotSizeFrom'] !== undefined && record['lotSizeTo'] !== undefined) {
    if (compareDecimals(record['lotSizeTo'].value, record['lotSizeFrom'].value) < 0)
      record['lotSizeTo'] = { ...record['lotSizeFrom'] };
  }
  if (record['grossWeight'] !== undefined && record['netWeight'] !== undefined)
    record['netWeight'] = { ...record['grossWeight'] };
  if (typeof record['lowerLimit'] === 'string' && typeof record['upperLimit'] === 'string') {
    if (compareDecimals(record['upperLimit'], record['lowerLimit']) < 0)
      record['upperLimit'] = record['lowerLimit'];
  }
  followOperationRules(record);
  followMaterialRules(record);
  followMovementRules(record);
  return record;
}

/** Operation numbers once each; components and predecessors name earlier operations. */
function followOperationRules(record: Fields): void {
  const operations = record['operations'] as Fields[] | undefined;
  if (operations === undefined) return;
  operations.forEach((operation, index) => {
    operation['operation'] = pad((index + 1) * 10, 4);
    if (operation['predecessors'] !== undefined)
      operation['predecessors'] = index === 0 ? [] : [operations[index - 1]?.['operation']];
  });
  for (const component of (record['components'] as Fields[] | undefined) ?? []) {
    if (component['operation'] === undefined) continue;
    if (operations.length === 0) delete component['operation'];
    else component['operation'] = operations[0]?.['operation'];
  }
}

/** Alternative units and plants once each; no alternative unit that converts to the base unit. */
function followMaterialRules(record: Fields): void {
  if (typeof record['baseUnit'] !== 'string') return;
  const units = new Set<string>();
  record['alternativeUnits'] = (record['alternativeUnits'] as Fields[] | undefined)?.filter((unit) => {
    const keep = !units.has(unit['unit']) && !areConvertible(unit['unit'], record['baseUnit']);
    units.add(unit['unit']);
    return keep;
  });
  const plants = new Set<string>();
  record['plants'] = (record['plants'] as Fields[] | undefined)?.filter((plant) => {
    const keep = !plants.has(plant['plant']);
    plants.add(plant['plant']);
    return keep;
  });
  for (const key of ['alternativeUnits', 'plants']) if (record[key] === undefined) delete record[key];
}

/** A direction that agrees with the kind, and an SAP movement code's kind and direction. */
function followMovementRules(record: Fields): void {
  if (typeof record['kind'] !== 'string' || !('postingDate' in record)) return;
  const code = record['movementCode'];
  if (typeof code === 'string' && Object.hasOwn(sapMovementTypes, code)) {
    const sap = sapMovementTypes[code];
    record['kind'] = sap?.kind;
    if (record['direction'] !== undefined) record['direction'] = sap?.direction ?? sap?.sides?.own;
    return;
  }
  const directions: Record<string, [string, string]> = {
    'goods-receipt': ['in', 'out'],
    'goods-issue': ['out', 'in'],
    scrap: ['out', 'in'],
  };
  const expected = directions[record['kind']]?.[record['reverses'] === undefined ? 0 : 1];
  if (record['direction'] !== undefined && expected !== undefined) record['direction'] = expected;
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
