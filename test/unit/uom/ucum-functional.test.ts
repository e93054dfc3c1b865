// The conversion cases of the UCUM functional tests (test/fixtures/uom/UcumFunctionalTests.xml,
// EPL-1.0, see SOURCE.md there) whose source and target units both have a Rec 20 code. The
// expected outcomes follow significant-figure semantics (6.30 [in_i] is "0.160" m), so the
// exact result is rounded to the decimal places of the expected outcome before comparing.
import { readFileSync } from 'node:fs';
import { createUnitRegistry, UnitError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/uom/decimal.js';
import { createRational, equalRationals, type Rational } from '../../../src/uom/rational.js';

interface ConversionCase {
  readonly id: string;
  readonly value: string;
  readonly srcUnit: string;
  readonly dstUnit: string;
  readonly outcome: string;
}

const xml = readFileSync(
  new URL('../../fixtures/uom/UcumFunctionalTests.xml', import.meta.url),
  'utf8',
).replace(/<!--[\s\S]*?-->/g, '');
const section = /<conversion>([\s\S]*?)<\/conversion>/.exec(xml)?.[1] ?? '';
const cases: ConversionCase[] = [...section.matchAll(/<case\s+([^>]*?)\/>/g)].map(
  (match) =>
    Object.fromEntries(
      [...(match[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
    ) as unknown as ConversionCase,
);

/** An outcome such as `0.160` or `1e-7` as a rational, with its number of decimal places. */
function readOutcome(outcome: string): { value: Rational; places: number } {
  const match = /^(-?\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(outcome);
  if (match === null) throw new Error(`unexpected outcome ${outcome}`);
  const fraction = match[2] ?? '';
  const places = Math.max(fraction.length - Number(match[3] ?? '0'), 0);
  const exponent = Number(match[3] ?? '0') - fraction.length;
  const digits = BigInt(`${match[1]}${fraction}`);
  const value =
    exponent >= 0
      ? createRational(digits * 10n ** BigInt(exponent))
      : createRational(digits, 10n ** BigInt(-exponent));
  return { value, places };
}

const registry = createUnitRegistry();
const fromUcum = (ucum: string): string | undefined => {
  try {
    return registry.fromUcum(ucum);
  } catch (error) {
    if (error instanceof UnitError && error.code === 'UNKNOWN_UNIT') return undefined;
    throw error;
  }
};

describe('UCUM functional tests (conversion cases with Rec 20 units)', () => {
  const applicable = cases.filter(
    (test) => fromUcum(test.srcUnit) !== undefined && fromUcum(test.dstUnit) !== undefined,
  );

  it('reads the conversion section of the file', () => {
    expect(cases).toHaveLength(30);
  });

  it('passes every case whose units have a Rec 20 code', () => {
    const passed = applicable.filter((test) => {
      const { value, places } = readOutcome(test.outcome);
      const result = registry.convert(
        { value: test.value, unit: fromUcum(test.srcUnit) as string },
        fromUcum(test.dstUnit) as string,
        { scale: places, rounding: 'half-even' },
      );
      const ok = equalRationals(parseDecimal(result.value) as Rational, value);
      expect(
        ok,
        `${test.id}: ${test.value} ${test.srcUnit} → ${result.value} ${test.dstUnit}, expected ${test.outcome}`,
      ).toBe(true);
      return ok;
    });
    console.log(
      `UCUM functional tests: ${cases.length} conversion cases, ${applicable.length} with Rec 20 units, ${passed.length} passed (${applicable
        .map((test) => test.id)
        .join(', ')})`,
    );
    expect(applicable.length).toBeGreaterThanOrEqual(6);
    expect(passed).toHaveLength(applicable.length);
  });
});
