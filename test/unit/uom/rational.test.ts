import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, terminatingPlaces } from '../../../src/uom/decimal.js';
import {
  addRationals,
  compareRationals,
  createRational,
  divideRationals,
  formatFraction,
  multiplyRationals,
  parseFraction,
  powerOfRational,
  subtractRationals,
} from '../../../src/uom/rational.js';
import { divideAndRound, type RoundingMode, roundingModes } from '../../../src/uom/rounding-mode.js';

const r = (text: string) => parseFraction(text);

describe('rationals', () => {
  it('are kept in lowest terms with a positive denominator', () => {
    expect(createRational(6n, -4n)).toEqual({ numerator: -3n, denominator: 2n });
    expect(createRational(0n, 7n)).toEqual({ numerator: 0n, denominator: 1n });
    expect(() => createRational(1n, 0n)).toThrow(RangeError);
  });

  it('add, subtract, multiply, divide and raise exactly', () => {
    expect(formatFraction(addRationals(r('1/3'), r('1/6')))).toBe('1/2');
    expect(formatFraction(subtractRationals(r('1/3'), r('1/2')))).toBe('-1/6');
    expect(formatFraction(multiplyRationals(r('5/9'), r('9/5')))).toBe('1');
    expect(formatFraction(divideRationals(r('45359237/100000000'), r('1/16')))).toBe('45359237/6250000');
    expect(formatFraction(powerOfRational(r('2/3'), -2))).toBe('9/4');
    expect(compareRationals(r('1/3'), r('333/1000'))).toBe(1);
    expect(compareRationals(r('-1/2'), r('-1/2'))).toBe(0);
  });

  it('read and write the n/d form', () => {
    expect(parseFraction('-10/4')).toEqual({ numerator: -5n, denominator: 2n });
    expect(() => parseFraction('1.5')).toThrow(RangeError);
  });
});

describe('decimal strings', () => {
  it('are read exactly, in the DecimalString form only', () => {
    expect(parseDecimal('4.5359237')).toEqual(createRational(45359237n, 10000000n));
    expect(parseDecimal('-0.001')).toEqual(createRational(-1n, 1000n));
    for (const bad of ['1e3', '+1', '.5', '5.', '007', '1,5', ' 1', '', '-', '0x10'])
      expect(parseDecimal(bad)).toBeUndefined();
    expect(parseDecimal(`-${'1'.repeat(500)}.${'5'.repeat(499)}1`)?.denominator).toBe(10n ** 500n); // 1000 digits
    expect(parseDecimal(`${'1'.repeat(500)}.${'2'.repeat(501)}`)).toBeUndefined(); // 1001 digits
  });

  it('are written shortest when exact, and undefined when the decimal does not terminate', () => {
    expect(formatDecimal(r('45359237/10000000'), undefined, 'half-even')).toBe('4.5359237');
    expect(formatDecimal(r('3/4'), undefined, 'half-even')).toBe('0.75');
    expect(formatDecimal(r('12'), undefined, 'half-even')).toBe('12');
    expect(formatDecimal(r('-1/8'), undefined, 'half-even')).toBe('-0.125');
    expect(formatDecimal(r('1/3'), undefined, 'half-even')).toBeUndefined();
    expect(terminatingPlaces(40n)).toBe(3);
    expect(terminatingPlaces(12n)).toBe(-1);
    expect(terminatingPlaces(1n)).toBe(0);
    expect(terminatingPlaces(2n ** 5000n * 5n ** 3001n)).toBe(5000);
    expect(terminatingPlaces(2n ** 17n * 5n ** 4099n)).toBe(4099);
    expect(terminatingPlaces(5n ** 4099n * 3n)).toBe(-1);
  });

  it('are written with exactly `scale` places when a scale is given, never as -0', () => {
    expect(formatDecimal(r('1/3'), 4, 'half-even')).toBe('0.3333');
    expect(formatDecimal(r('3/2'), 3, 'half-even')).toBe('1.500');
    expect(formatDecimal(r('-1/1000'), 2, 'half-even')).toBe('0.00');
    expect(formatDecimal(r('-2/3'), 0, 'half-even')).toBe('-1');
  });
});

describe('rounding modes', () => {
  // value ×10 → expected result per mode, the table of java.math.RoundingMode.
  const table: Record<string, Record<RoundingMode, string>> = {
    '5.5': { 'half-even': '6', 'half-up': '6', up: '6', down: '5', ceiling: '6', floor: '5' },
    '2.5': { 'half-even': '2', 'half-up': '3', up: '3', down: '2', ceiling: '3', floor: '2' },
    '1.6': { 'half-even': '2', 'half-up': '2', up: '2', down: '1', ceiling: '2', floor: '1' },
    '1.1': { 'half-even': '1', 'half-up': '1', up: '2', down: '1', ceiling: '2', floor: '1' },
    '1.0': { 'half-even': '1', 'half-up': '1', up: '1', down: '1', ceiling: '1', floor: '1' },
    '-1.1': { 'half-even': '-1', 'half-up': '-1', up: '-2', down: '-1', ceiling: '-1', floor: '-2' },
    '-1.6': { 'half-even': '-2', 'half-up': '-2', up: '-2', down: '-1', ceiling: '-1', floor: '-2' },
    '-2.5': { 'half-even': '-2', 'half-up': '-3', up: '-3', down: '-2', ceiling: '-2', floor: '-3' },
    '-5.5': { 'half-even': '-6', 'half-up': '-6', up: '-6', down: '-5', ceiling: '-5', floor: '-6' },
  };
  for (const [value, expected] of Object.entries(table)) {
    it(`round ${value} like java.math.RoundingMode`, () => {
      const rational = parseDecimal(value) as ReturnType<typeof createRational>;
      for (const mode of roundingModes) {
        expect(String(divideAndRound(rational.numerator, rational.denominator, mode)), mode).toBe(
          expected[mode],
        );
      }
    });
  }
});
