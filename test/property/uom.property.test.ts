import fc from 'fast-check';
import {
  addQuantities,
  compareQuantities,
  convert,
  createUnitRegistry,
  isMillwrightError,
  normalizeUcum,
  type RoundingMode,
  type SapUnitMapping,
  subtractQuantities,
  sumQuantities,
  UnitCode,
  UnitError,
  type UnitRegistry,
  validate,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/uom/decimal.js';
import { SAP_UNIT_RECORDS } from '../../src/uom/generated/sap-units.js';
import { FROM_UCUM } from '../../src/uom/generated/ucum-codes.js';
import { CANONICAL_UNIT_CODES } from '../../src/uom/generated/unit-codes.js';
import { UNIT_RECORDS } from '../../src/uom/generated/units.js';
import {
  addRationals,
  compareRationals,
  createRational,
  divideRationals,
  equalRationals,
  multiplyRationals,
  parseFraction,
  type Rational,
  subtractRationals,
} from '../../src/uom/rational.js';

/** The DecimalString form, with no trailing zeros after the point: what an exact result looks like. */
const EXACT_DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

// Units that convert linearly, grouped by dimension (groups of at least two).
const linear = new Map<string, { code: string; factor: Rational }[]>();
for (const [code, status, , , dimension, factor, pi = 0, offset] of UNIT_RECORDS) {
  if (status !== 'a' || factor === '' || pi !== 0 || offset !== undefined) continue;
  linear.set(dimension, [...(linear.get(dimension) ?? []), { code, factor: parseFraction(factor) }]);
}
const groups = [...linear.values()].filter((group) => group.length >= 2);
const sameDimension = fc
  .constantFrom(...groups)
  .chain((group) =>
    fc.tuple(fc.constantFrom(...group), fc.constantFrom(...group), fc.constantFrom(...group)),
  );

/** Decimal strings in the DecimalString form, short ones (fast path) and long ones (BigInt path). */
const decimal = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 30n })),
    fc.integer({ min: 0, max: 12 }),
  )
  .map(([negative, digits, places]) => {
    const text = String(digits).padStart(places + 1, '0');
    const written = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
    return negative && digits !== 0n ? `-${written}` : written;
  });

const value = (text: string): Rational => parseDecimal(text) as Rational;

/** Runs a conversion; undefined when the exact result does not terminate. */
function exactOrUndefined(run: () => { value: string }): string | undefined {
  try {
    return run().value;
  } catch (error) {
    if (error instanceof UnitError && error.code === 'INEXACT') return undefined;
    throw error;
  }
}

describe('exact conversion (property)', () => {
  it('a → b → a gives the input back exactly whenever a → b terminates', () => {
    fc.assert(
      fc.property(sameDimension, decimal, ([a, b], input) => {
        const there = exactOrUndefined(() => convert({ value: input, unit: a.code }, b.code));
        if (there === undefined) return;
        const back = convert({ value: there, unit: b.code }, a.code).value;
        expect(equalRationals(value(back), value(input))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a → b → c equals a → c', () => {
    fc.assert(
      fc.property(sameDimension, decimal, ([a, b, c], input) => {
        const viaB = exactOrUndefined(() => convert({ value: input, unit: a.code }, b.code));
        if (viaB === undefined) return;
        const viaBC = exactOrUndefined(() => convert({ value: viaB, unit: b.code }, c.code));
        if (viaBC === undefined) return;
        expect(convert({ value: input, unit: a.code }, c.code).value).toBe(viaBC);
      }),
      { numRuns: 500 },
    );
  });

  it('is the value times the ratio of the catalogue factors, written as an exact decimal, never a float', () => {
    fc.assert(
      fc.property(sameDimension, decimal, ([a, b], input) => {
        const expected = multiplyRationals(value(input), divideRationals(a.factor, b.factor));
        const result = exactOrUndefined(() => convert({ value: input, unit: a.code }, b.code));
        if (result === undefined) {
          // INEXACT only when the exact value has no finite decimal form.
          let rest = expected.denominator;
          while (rest % 2n === 0n) rest /= 2n;
          while (rest % 5n === 0n) rest /= 5n;
          expect(rest).not.toBe(1n);
          return;
        }
        expect(result).toMatch(EXACT_DECIMAL);
        expect(result).not.toMatch(/e|E|Infinity|NaN/);
        expect(equalRationals(value(result), expected)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds to exactly `scale` places, within the bound of each rounding mode', () => {
    const modes: RoundingMode[] = ['half-even', 'half-up', 'up', 'down', 'ceiling', 'floor'];
    fc.assert(
      fc.property(
        sameDimension,
        decimal,
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...modes),
        ([a, b], input, scale, rounding) => {
          const exact = multiplyRationals(value(input), divideRationals(a.factor, b.factor));
          const result = convert({ value: input, unit: a.code }, b.code, { scale, rounding }).value;
          expect(result).toMatch(scale === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${scale}}$`));
          const rounded = value(result);
          const ulp = createRational(1n, 10n ** BigInt(scale));
          const error = subtractRationals(rounded, exact); // rounded - exact
          const magnitude =
            error.numerator < 0n ? createRational(-error.numerator, error.denominator) : error;
          if (rounding === 'half-even' || rounding === 'half-up') {
            expect(
              compareRationals(multiplyRationals(magnitude, createRational(2n)), ulp),
            ).toBeLessThanOrEqual(0);
          } else {
            expect(compareRationals(magnitude, ulp)).toBe(-1);
            const sign = compareRationals(error, createRational(0n));
            const positive = exact.numerator > 0n;
            if (rounding === 'floor') expect(sign).toBeLessThanOrEqual(0);
            if (rounding === 'ceiling') expect(sign).toBeGreaterThanOrEqual(0);
            if (rounding === 'down') expect(positive ? sign <= 0 : sign >= 0).toBe(true);
            if (rounding === 'up') expect(positive ? sign >= 0 : sign <= 0).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('round-trips absolute temperatures exactly whenever the conversion terminates', () => {
    const scales = fc.constantFrom('CEL', 'FAH', 'KEL', 'A48');
    fc.assert(
      fc.property(scales, scales, decimal, (a, b, input) => {
        const there = exactOrUndefined(() => convert({ value: input, unit: a }, b));
        if (there === undefined) return;
        expect(equalRationals(value(convert({ value: there, unit: b }, a).value), value(input))).toBe(true);
        expect(compareQuantities({ value: input, unit: a }, { value: there, unit: b })).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact sums (property)', () => {
  const quantities = fc
    .constantFrom(...groups)
    .chain((group) =>
      fc.tuple(
        fc.constantFrom(...group),
        fc.array(fc.tuple(fc.constantFrom(...group), decimal), { minLength: 1, maxLength: 20 }),
      ),
    );

  it('adds mixed compatible units to exactly the sum of their exact values, in any order', () => {
    fc.assert(
      fc.property(quantities, ([target, terms]) => {
        const expected = terms.reduce(
          (total, [unit, input]) =>
            addRationals(total, multiplyRationals(value(input), divideRationals(unit.factor, target.factor))),
          createRational(0n),
        );
        const list = terms.map(([unit, input]) => ({ value: input, unit: unit.code }));
        const sum = exactOrUndefined(() => sumQuantities(list, { unit: target.code }));
        if (sum === undefined) return;
        expect(sum).toMatch(EXACT_DECIMAL);
        expect(equalRationals(value(sum), expected)).toBe(true);
        expect(sumQuantities([...list].reverse(), { unit: target.code }).value).toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  it('adds pairwise as it sums, and subtracting what was added gives the start back', () => {
    fc.assert(
      fc.property(sameDimension, decimal, decimal, ([a, b], x, y) => {
        const sum = exactOrUndefined(() =>
          addQuantities({ value: x, unit: a.code }, { value: y, unit: b.code }),
        );
        if (sum === undefined) return;
        expect(
          sumQuantities([
            { value: x, unit: a.code },
            { value: y, unit: b.code },
          ]).value,
        ).toBe(sum);
        const registry = createUnitRegistry();
        const back = sumQuantities(
          [
            { value: sum, unit: a.code },
            { value: y.startsWith('-') ? y.slice(1) : `-${y}`, unit: b.code },
          ],
          { registry },
        );
        expect(equalRationals(value(back.value), value(x))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Characters UCUM terms are made of, and a few that break them. */
const ucumish = fc.string({
  unit: fc.constantFrom(...'0123456789()./[]{}+-*_^ mgksLAZ'.split(''), '10', '99', '(10)', ')99'),
  maxLength: 64,
});

/** Groups nested in groups, each with its own exponent: `((m2)-3)99`, `(((10)99)99)99`. */
const nestedPowers = fc
  .tuple(
    fc.constantFrom('10', 'm', '2', 'kg/s', '[in_i]', '7.m2', '(10)99'),
    fc.array(fc.oneof(fc.integer({ min: -120, max: 120 }), fc.constantFrom(99, -99, 2)), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(
    ([base, powers]) => `${'('.repeat(powers.length)}${base}${powers.map((power) => `)${power}`).join('')}`,
  );

/** Anything a caller may pass where a code, a quantity or options belong. */
const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, Symbol('KGM'), Object.create(null), [], () => 'KGM', 1n, Number.NaN),
);

/** Runs a call on untrusted input: it may return, or throw a UnitError, nothing else. */
function unitErrorOnly(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnitError);
    expect((error as UnitError).code).toMatch(/^[A-Z_]+$/);
  }
}

/**
 * Checks a normal form against the bounds that keep the work small: factors of at most 155
 * digits (512 bits), exponents within ±99 (read off as the reader reads them).
 */
function withinBounds(normal: string): void {
  // A square-bracketed atom ([in_i], or [990.] as the syntax allows) is a name, and a
  // curly-braced annotation ({800.}) free text: their digits and dots are neither factors nor
  // exponents.
  for (const part of normal.replace(/\[[^\]]*\]|\{[^}]*\}/g, '[atom]').split('.')) {
    const factor = /^(\d+)(?::(\d+))?$/.exec(part);
    if (factor !== null) {
      for (const digits of factor.slice(1)) expect((digits ?? '').length).toBeLessThanOrEqual(155);
      continue;
    }
    const exponent = /^(.*?[^\d+-])([-+]?\d+)$/.exec(part)?.[2];
    if (exponent !== undefined) expect(Math.abs(Number(exponent))).toBeLessThanOrEqual(99);
  }
}

describe('robustness (property)', () => {
  const registry = createUnitRegistry({
    aliases: { Stk: 'H87' },
    materials: [
      { id: 'FG-1', baseUnit: 'H87', alternativeUnits: [{ unit: 'XCT', numerator: 12, denominator: 1 }] },
    ],
  });
  const code = fc.oneof(
    fc.string({ maxLength: 64 }),
    ucumish,
    nestedPowers,
    fc.constantFrom('KGM', 'LBR', 'XCT', 'PCE', 'kg', 's/m', 'CEL', '__proto__', 'Stk'),
  );

  it('throws nothing but UnitError for any value and any unit codes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), decimal),
        code,
        code,
        fc.option(fc.integer({ min: -2, max: 40 })),
        (input, from, to, scale) => {
          try {
            const result = convert({ value: input, unit: from }, to, scale === null ? undefined : { scale });
            expect(result.value).toMatch(/^-?(0|[1-9]\d*)(\.\d+)?$/);
          } catch (error) {
            expect(error).toBeInstanceOf(UnitError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but UnitError for quantities, codes and options of any type', () => {
    const quantity = fc.oneof(
      junk,
      fc.record({ value: fc.oneof(decimal, junk), unit: fc.oneof(code, junk) }),
      fc.record({ value: decimal, unit: code }),
    );
    const options = fc.oneof(
      junk,
      fc.record(
        {
          scale: fc.oneof(fc.integer({ min: -2, max: 12 }), junk),
          rounding: fc.oneof(fc.constantFrom('half-up', 'floor', 'nearest'), junk),
          material: fc.oneof(fc.constantFrom('FG-1', 'FG-9'), junk),
          unit: fc.oneof(code, junk),
          registry: fc.oneof(fc.constant(registry), junk),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(quantity, quantity, fc.oneof(code, junk), options, (a, b, to, given) => {
        unitErrorOnly(() => convert(a as never, to as never, given as never));
        unitErrorOnly(() => registry.convert(a as never, to as never, given as never));
        unitErrorOnly(() => sumQuantities(a as never, given as never));
        unitErrorOnly(() => sumQuantities([a, b] as never, given as never));
        unitErrorOnly(() => addQuantities(a as never, b as never, given as never));
        unitErrorOnly(() => subtractQuantities(a as never, b as never, given as never));
        unitErrorOnly(() => compareQuantities(a as never, b as never, given as never));
        for (const method of ['resolve', 'toUcum', 'fromUcum', 'toSap', 'fromSap', 'describe'] as const)
          unitErrorOnly(() => registry[method](to as never));
      }),
      { numRuns: 500 },
    );
  });

  it('throws nothing but UnitError for registry options of any shape', () => {
    const material = fc.oneof(
      junk,
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('M-1', 'M-2', ''), junk),
          baseUnit: fc.oneof(code, junk),
          alternativeUnits: fc.oneof(
            junk,
            fc.array(
              fc.oneof(
                junk,
                fc.record({
                  unit: fc.oneof(code, junk),
                  numerator: fc.oneof(fc.integer({ min: -1, max: 50 }), junk),
                  denominator: fc.oneof(fc.integer({ min: -1, max: 50 }), junk),
                }),
              ),
              { maxLength: 3 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const options = fc.oneof(
      junk,
      fc.record(
        {
          aliases: fc.oneof(
            junk,
            fc.dictionary(
              fc.oneof(code, fc.constantFrom('A', 'B', 'C')),
              fc.oneof(code, fc.constantFrom('A', 'B', 'C'), junk),
              { maxKeys: 4 },
            ),
          ),
          materials: fc.oneof(junk, fc.array(material, { maxLength: 3 })),
          sapUnits: fc.oneof(
            junk,
            fc.array(
              fc.oneof(
                junk,
                fc.record({
                  sap: fc.oneof(code, junk),
                  unit: fc.oneof(code, junk),
                  primary: fc.oneof(fc.boolean(), junk),
                }),
              ),
              { maxLength: 3 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(options, (given) => unitErrorOnly(() => createUnitRegistry(given as never))),
      { numRuns: 1000 },
    );
  });

  it('reads UCUM-like text of up to 64 characters within bounds: a bounded normal form or undefined, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(ucumish, nestedPowers), (text) => {
        const normal = normalizeUcum(text);
        if (normal !== undefined) withinBounds(normal);
        unitErrorOnly(() => registry.fromUcum(text));
        unitErrorOnly(() => convert({ value: '1', unit: text }, 'KGM'));
      }),
      // A bracketed atom and an annotation whose digits once read as exponents (seeds
      // 796337603, -1255601432).
      { numRuns: 2000, examples: [['[990.]'], ['{800.}']] },
    );
  });
});

/** A call's outcome: the canonical code it gave, or the code of the UnitError it threw. */
type Outcome = { readonly unit: string } | { readonly error: string; readonly thrown: UnitError };

function outcome(run: () => string): Outcome {
  try {
    return { unit: run() };
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    return { error: error.code, thrown: error };
  }
}

/** Every code a system knows: the catalogue's, SAP's internal and external ones, UCUM's short ones. */
const ALL_CODES = [
  ...new Set([
    ...UNIT_RECORDS.map(([code]) => code),
    ...SAP_UNIT_RECORDS.map(([internal]) => internal),
    ...SAP_UNIT_RECORDS.map(([, external]) => external),
    ...FROM_UCUM.map(([ucum]) => ucum).filter((ucum) => ucum.length <= 4),
  ]),
];
const ACTIVE = new Set(UNIT_RECORDS.filter(([, status]) => status === 'a').map(([code]) => code));

/**
 * The precedence rule, checked on one code: resolve, convert and describe agree; the result is a
 * canonical code; resolve with { system: 'sap' } is fromSap; where resolve and fromSap both
 * answer and differ, the code is an active Rec 20 code (the documented rule), never anything
 * else; an AMBIGUOUS_UNIT error lists at least two different meanings and names each.
 */
function checkPrecedence(registry: UnitRegistry, code: string): void {
  const resolved = outcome(() => registry.resolve(code));
  const converted = outcome(() => registry.convert({ value: '0', unit: code }, code).unit);
  // A code retired without successor is described as itself, and resolves to nothing.
  const described = outcome(() => {
    const description = registry.describe(code);
    if (description.status === 'active') return description.code;
    if (description.successor != null) return description.successor;
    throw new UnitError('UNKNOWN_UNIT', `${code} was retired without successor`);
  });
  const fromSap = outcome(() => registry.fromSap(code));
  const asSap = outcome(() => registry.resolve(code, { system: 'sap' }));
  const summary = (result: Outcome) => ('unit' in result ? result.unit : result.error);
  // INCOMPATIBLE_UNITS: a unit without a factor (a package) converts to itself all the same.
  expect(summary(converted), code).toBe(summary(resolved));
  expect(summary(described), code).toBe(summary(resolved));
  expect(summary(asSap), code).toBe(summary(fromSap));
  for (const result of [resolved, fromSap]) {
    if ('unit' in result) expect(CANONICAL_UNIT_CODES.has(result.unit), code).toBe(true);
  }
  if ('unit' in resolved && 'unit' in fromSap && resolved.unit !== fromSap.unit) {
    expect(ACTIVE.has(code), `${code}: ${resolved.unit} or ${fromSap.unit}`).toBe(true);
  }
  for (const result of [resolved, fromSap]) {
    if ('unit' in result || result.error !== 'AMBIGUOUS_UNIT') continue;
    const readings = result.thrown.readings ?? [];
    expect(new Set(readings.map((reading) => reading.unit ?? reading.name)).size, code).toBeGreaterThan(1);
    for (const reading of readings) expect(result.thrown.message).toContain(reading.unit ?? 'no successor');
  }
}

describe('one precedence rule for unit codes (property)', () => {
  it('holds for every code of the catalogue, SAP and UCUM, in the standard registry and UnitCode', () => {
    const registry = createUnitRegistry();
    for (const code of ALL_CODES) {
      checkPrecedence(registry, code);
      if (!/^[A-Z0-9]{2,3}$/.test(code)) continue;
      const result = validate(UnitCode, code);
      const ambiguous = outcome(() => registry.resolve(code));
      if ('error' in ambiguous && ambiguous.error === 'AMBIGUOUS_UNIT') {
        expect(result.ok ? [] : result.issues.map((issue) => issue.code), code).toEqual(['ambiguous_unit']);
      }
      if (result.ok) expect(ACTIVE.has(code) || code.startsWith('X'), code).toBe(true);
    }
    expect(ALL_CODES.length).toBeGreaterThan(2500);
  });

  it('holds with a system’s own SAP units that collide with any code', () => {
    const anyCode = fc.constantFrom(...ALL_CODES);
    const sapUnit = fc.record(
      {
        sap: anyCode,
        external: anyCode,
        unit: fc.constantFrom(...CANONICAL_UNIT_CODES),
      },
      { requiredKeys: ['sap', 'unit'] },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(sapUnit, { maxLength: 4, selector: (unit) => unit.sap }),
        anyCode,
        (own, code) => {
          const externals = new Set<string>();
          const sapUnits: SapUnitMapping[] = own.filter(
            (unit) =>
              unit.external === undefined || (!externals.has(unit.external) && externals.add(unit.external)),
          );
          const registry = createUnitRegistry({ sapUnits });
          for (const probe of [code, ...sapUnits.flatMap((unit) => [unit.sap, unit.external ?? unit.sap])])
            checkPrecedence(registry, probe);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** How a caller's object fights back; applied to one object of a call's arguments. */
type Poison =
  | { readonly kind: 'none' }
  | { readonly kind: 'getter-throws'; readonly key: number; readonly thrown: unknown }
  | { readonly kind: 'proxy-throws'; readonly traps: readonly ProxyTrap[]; readonly thrown: unknown }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'changes'; readonly key: number; readonly after: number; readonly junk: unknown }
  | { readonly kind: 'iterator-throws'; readonly after: number; readonly thrown: unknown };

type ProxyTrap = 'get' | 'has' | 'ownKeys' | 'getOwnPropertyDescriptor' | 'getPrototypeOf';

/** Keys the units functions read, so that a poisoned key is often one that is read. */
const READ_KEYS = [
  'value',
  'unit',
  'scale',
  'rounding',
  'system',
  'sapForm',
  'material',
  'registry',
  'id',
  'baseUnit',
  'alternativeUnits',
  'numerator',
  'denominator',
  'sap',
  'external',
  'primary',
  'aliases',
  'materials',
  'sapUnits',
];

/** Stands for a revoked Proxy (fast-check cannot hold one: it inspects the values it generates). */
const REVOKED_PROXY = Symbol('a revoked Proxy');

/** Values thrown by callers' code, hostile ones included: a revoked Proxy, a throwing `name`. */
const thrownValue = fc.oneof(
  fc.anything(),
  fc.constant(new Error('thrown by the caller')),
  fc.constant(
    Object.defineProperty(new Error('hostile'), 'name', {
      get() {
        throw new Error('name getter');
      },
    }),
  ),
  fc.constant(REVOKED_PROXY),
);

/** What a poisoned getter or trap throws: the value itself, or a fresh revoked Proxy for the marker. */
function thrownBy(value: unknown): unknown {
  if (value !== REVOKED_PROXY) return value;
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const poisonArbitrary: fc.Arbitrary<Poison> = fc.oneof(
  fc.constant({ kind: 'none' } as const),
  fc.record({ kind: fc.constant('getter-throws' as const), key: fc.nat(), thrown: thrownValue }),
  fc.record({
    kind: fc.constant('proxy-throws' as const),
    traps: fc.subarray(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'] as const, {
      minLength: 1,
    }),
    thrown: thrownValue,
  }),
  fc.constant({ kind: 'revoked' } as const),
  fc.record({
    kind: fc.constant('changes' as const),
    key: fc.nat(),
    after: fc.nat({ max: 3 }),
    junk: fc.constantFrom(5, null, 'x', -1, {}, 'sap', 'KGM', 'GRM', '1000', 'PAL', [], undefined),
  }),
  fc.record({
    kind: fc.constant('iterator-throws' as const),
    after: fc.nat({ max: 3 }),
    thrown: thrownValue,
  }),
);

/** A structured copy of plain test data (objects, arrays, primitives). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T;
  }
  return value;
}

function keyOf(base: object, index: number): string {
  const keys = Array.isArray(base)
    ? base.map((_, position) => String(position))
    : [...new Set([...Object.keys(base), ...READ_KEYS])];
  return keys[index % Math.max(keys.length, 1)] ?? '0';
}

/**
 * The poisoned object, and what a caller with plain data would have passed: the plain
 * equivalent (each value as its first read gives it), or `throws` when every reading fails,
 * or `may-throw` with the equivalent when the poisoned part might not be read at all.
 */
function poisonObject(
  base: object,
  poison: Poison,
): { hostile: unknown; plain: unknown; expect: 'same' | 'throws' | 'may-throw' } {
  const hostile = copy(base);
  switch (poison.kind) {
    case 'none':
      return { hostile, plain: base, expect: 'same' };
    case 'getter-throws': {
      const key = keyOf(base, poison.key);
      Object.defineProperty(hostile, key, {
        enumerable: true,
        configurable: true,
        get() {
          throw thrownBy(poison.thrown);
        },
      });
      const plain = copy(base) as Record<string, unknown>;
      delete plain[key];
      return { hostile, plain, expect: 'may-throw' };
    }
    case 'proxy-throws': {
      const handler: ProxyHandler<object> = {};
      for (const trap of poison.traps)
        handler[trap] = () => {
          throw thrownBy(poison.thrown);
        };
      return { hostile: new Proxy(hostile, handler), plain: base, expect: 'may-throw' };
    }
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(hostile, {});
      revoke();
      return { hostile: proxy, plain: undefined, expect: 'throws' };
    }
    case 'changes': {
      const key = keyOf(base, poison.key);
      const first = (base as Record<string, unknown>)[key];
      let reads = 0;
      Object.defineProperty(hostile, key, {
        enumerable: true,
        configurable: true,
        get() {
          reads += 1;
          return reads <= poison.after ? first : poison.junk;
        },
      });
      const plain = copy(base) as Record<string, unknown>;
      Object.defineProperty(plain, key, {
        value: poison.after >= 1 ? first : poison.junk,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return { hostile, plain, expect: 'same' };
    }
    default: {
      if (!Array.isArray(base)) return { hostile, plain: base, expect: 'same' };
      const items = base.slice(0, poison.after).map(copy);
      const iterable = {
        *[Symbol.iterator]() {
          yield* items;
          throw thrownBy(poison.thrown);
        },
      };
      return { hostile: iterable, plain: undefined, expect: 'throws' };
    }
  }
}

/** Every object node of plain test data, by path, the root first. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const children = Object.entries(value).flatMap(([key, item]) =>
    objectPaths(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

function replaceAt(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const clone = copy(root) as Record<string | number, unknown>;
  clone[head] = replaceAt(clone[head], rest, replacement);
  return clone;
}

/** Poisons one object node of a call's arguments (an array of them), chosen by `pick`. */
function poisonArguments(
  args: readonly unknown[],
  pick: number,
  poison: Poison,
): { hostile: unknown[]; plain: unknown[]; expect: 'same' | 'throws' | 'may-throw' } {
  const paths = objectPaths(args).slice(1); // the argument list itself is ours, not the caller's
  if (paths.length === 0) return { hostile: [...args], plain: [...args], expect: 'same' };
  const path = paths[pick % paths.length] as (string | number)[];
  let node: unknown = args;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  const poisoned = poisonObject(node as object, poison);
  return {
    hostile: replaceAt(args, path, poisoned.hostile) as unknown[],
    plain: replaceAt(args, path, poisoned.plain) as unknown[],
    expect: poisoned.expect,
  };
}

/** A call's result as data, or the code of the MillwrightError it threw; anything else fails. */
function settle(run: () => unknown): string {
  try {
    const result = run();
    return `ok ${JSON.stringify(result)}`;
  } catch (error) {
    expect(isMillwrightError(error), String(error)).toBe(true);
    expect((error as UnitError).code).toMatch(/^[A-Z_]+$/);
    return `error ${(error as UnitError).code}`;
  }
}

function checkHostile(
  call: (...args: unknown[]) => unknown,
  args: readonly unknown[],
  pick: number,
  poison: Poison,
): void {
  const { hostile, plain, expect: expected } = poisonArguments(args, pick, poison);
  const outcome = settle(() => call(...hostile));
  if (expected === 'throws') {
    expect(outcome).toMatch(/^error /);
    return;
  }
  const plainOutcome = settle(() => call(...plain));
  if (expected === 'may-throw' && outcome.startsWith('error ')) return;
  // Read once: what was done with the hostile object is what plain data read once gives.
  expect(outcome).toBe(plainOutcome);
}

describe('hostile caller objects (property)', () => {
  const unitCode = fc.constantFrom(
    'KGM',
    'GRM',
    'LBR',
    'H87',
    'XCT',
    'DZN',
    'KG',
    'ST',
    'PC',
    'PCE',
    'kg',
    'PAL',
    'Stk',
  );
  const quantity = fc.record({ value: fc.constantFrom('1', '0.5', '12', '-3', '1.25', 'x'), unit: unitCode });
  const material = fc.record(
    {
      id: fc.constantFrom('FG-1', 'FG-2'),
      baseUnit: fc.constantFrom('H87', 'KGM'),
      alternativeUnits: fc.array(
        fc.record({
          unit: fc.constantFrom('XCT', 'KGM', 'DZN', 'XBX'),
          numerator: fc.integer({ min: 1, max: 24 }),
          denominator: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['id', 'baseUnit'] },
  );
  const options = fc.record(
    {
      scale: fc.integer({ min: 0, max: 4 }),
      rounding: fc.constantFrom('half-up', 'floor', 'half-even'),
      system: fc.constant('sap'),
      material: fc.oneof(fc.constant('FG-1'), material),
      unit: unitCode,
    },
    { requiredKeys: [] },
  );
  const registry = createUnitRegistry({
    aliases: { Stk: 'H87' },
    materials: [
      { id: 'FG-1', baseUnit: 'H87', alternativeUnits: [{ unit: 'XCT', numerator: 12, denominator: 1 }] },
    ],
  });
  const run = { numRuns: 400 };

  it('convert and registry.convert give a MillwrightError or what plain data read once gives', () => {
    fc.assert(
      fc.property(quantity, unitCode, options, fc.nat(), poisonArbitrary, (q, to, given, pick, poison) => {
        checkHostile((a, b, c) => convert(a as never, b as never, c as never), [q, to, given], pick, poison);
        checkHostile(
          (a, b, c) => registry.convert(a as never, b as never, c as never),
          [q, to, given],
          pick,
          poison,
        );
      }),
      run,
    );
  });

  it('the quantity helpers give a MillwrightError or what plain data read once gives', () => {
    fc.assert(
      fc.property(
        fc.array(quantity, { maxLength: 4 }),
        quantity,
        options,
        fc.nat(),
        poisonArbitrary,
        (list, other, given, pick, poison) => {
          checkHostile((a, b) => sumQuantities(a as never, b as never), [list, given], pick, poison);
          const first = list[0] ?? other;
          for (const helper of [addQuantities, subtractQuantities, compareQuantities] as const) {
            checkHostile(
              (a, b, c) => (helper as (...parts: unknown[]) => unknown)(a, b, c),
              [first, other, given],
              pick,
              poison,
            );
          }
        },
      ),
      run,
    );
  });

  it('registry methods give a MillwrightError or what plain options read once give', () => {
    const codeOptions = fc.record(
      { system: fc.constantFrom('sap', 'rec20'), sapForm: fc.constantFrom('internal', 'external') },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(unitCode, codeOptions, fc.nat(), poisonArbitrary, (code, given, pick, poison) => {
        checkHostile((a, b) => registry.resolve(a as never, b as never), [code, given], pick, poison);
        checkHostile((a, b) => registry.describe(a as never, b as never), [code, given], pick, poison);
        checkHostile((a, b) => registry.fromSap(a as never, b as never), [code, given], pick, poison);
      }),
      run,
    );
  });

  it('createUnitRegistry gives a MillwrightError, or a registry that answers as one made from plain options read once', () => {
    const registryOptions = fc.record(
      {
        aliases: fc.dictionary(fc.constantFrom('Stk', 'Ktn', 'KG', 'PAL', 'A'), unitCode, { maxKeys: 3 }),
        materials: fc.array(material, { maxLength: 2 }),
        sapUnits: fc.array(
          fc.record(
            {
              sap: fc.constantFrom('ZBG', 'PC', 'ZST', 'KG'),
              external: fc.constantFrom('BAG', 'ST', 'ZBX'),
              unit: fc.constantFrom('XBG', 'H87', 'KGM', 'KG'),
              primary: fc.boolean(),
            },
            { requiredKeys: ['sap', 'unit'] },
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    );
    const probes = ['ZBG', 'BAG', 'PC', 'KG', 'ST', 'Stk', 'Ktn', 'PAL', 'A', 'H87', 'XBG'];
    /** What a registry answers about the probe codes, as data. */
    const answers = (made: unknown) => {
      const units = made as ReturnType<typeof createUnitRegistry>;
      return probes.map((code) =>
        [
          settle(() => units.resolve(code)),
          settle(() => units.fromSap(code)),
          settle(() => units.toSap(code)),
          settle(() => units.convert({ value: '2', unit: code }, 'H87', { material: 'FG-1' })),
        ].join(' '),
      );
    };
    fc.assert(
      fc.property(registryOptions, fc.nat(), poisonArbitrary, (given, pick, poison) => {
        checkHostile((a) => answers(createUnitRegistry(a as never)), [given], pick, poison);
      }),
      run,
    );
  });
});
