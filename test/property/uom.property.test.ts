import fc from 'fast-check';
import {
  addQuantities,
  compareQuantities,
  convert,
  createUnitRegistry,
  normalizeUcum,
  type RoundingMode,
  subtractQuantities,
  sumQuantities,
  UnitError,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/uom/decimal.js';
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
  for (const part of normal.split('.')) {
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
      { numRuns: 2000 },
    );
  });
});
