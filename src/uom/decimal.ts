import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { DECIMAL_PATTERN } from '../model/common.js';
import { createRational, type Rational } from './rational.js';
import { divideAndRound, type RoundingMode } from './rounding-mode.js';

const TEN = 10n;

/**
 * The most digits (before and after the point together; sign and point not counted) a decimal
 * value may have: as many as a result may have places (`MAX_SCALE`), far beyond any ERP field,
 * and few enough that the exact arithmetic on untrusted values stays quick.
 */
export const MAX_DECIMAL_DIGITS = 1000;

/** Whether a string has more digits than {@link MAX_DECIMAL_DIGITS}, counted without reading it all. */
function tooManyDigits(text: string): boolean {
  if (text.length <= MAX_DECIMAL_DIGITS) return false;
  const marks = (text.startsWith('-') ? 1 : 0) + (text.includes('.') ? 1 : 0);
  return text.length - marks > MAX_DECIMAL_DIGITS;
}

/**
 * Reads an exact decimal string (`"12.5"`, `"-0.001"`; the {@link DECIMAL_PATTERN} form, no
 * exponent, at most {@link MAX_DECIMAL_DIGITS} digits) into a rational.
 * @returns the rational, or undefined when the text is not such a decimal.
 */
export function parseDecimal(text: string): Rational | undefined {
  if (tooManyDigits(text) || !DECIMAL_PATTERN.test(text)) return undefined;
  const point = text.indexOf('.');
  if (point === -1) return { numerator: BigInt(text), denominator: 1n };
  const digits = text.length - point - 1;
  return createRational(BigInt(text.slice(0, point) + text.slice(point + 1)), TEN ** BigInt(digits));
}

/**
 * Reads the value of a quantity for exact arithmetic.
 * @param value - the `value` field as given, of any type.
 * @param details - the units involved, for the error.
 * @returns the rational.
 * @throws UnitError `INVALID_QUANTITY` for anything but a decimal string of at most
 * {@link MAX_DECIMAL_DIGITS} digits; the message quotes at most the first 40 characters.
 */
export function readDecimal(value: unknown, details: UnitErrorDetails): Rational {
  const parsed = typeof value === 'string' ? parseDecimal(value) : undefined;
  if (parsed !== undefined) return parsed;
  const problem =
    typeof value === 'string' && tooManyDigits(value)
      ? `has more than ${MAX_DECIMAL_DIGITS} digits`
      : 'is not an exact decimal string such as "12.5"';
  throw new UnitError('INVALID_QUANTITY', `${describeInput(value)} ${problem}`, details);
}

/** How many times 5 divides `value` (a positive integer), in O(log) divisions of decreasing size. */
function factorsOfFive(value: bigint): { readonly count: number; readonly rest: bigint } {
  // 5, 25, 625, 5^8...: the multiplicity is read off bit by bit, largest power first.
  const powers = [5n];
  for (let power = 25n; power <= value; power *= power) powers.push(power);
  let rest = value;
  let count = 0;
  for (let bit = powers.length - 1; bit >= 0; bit -= 1) {
    const power = powers[bit] as bigint;
    if (rest % power === 0n) {
      rest /= power;
      count += 2 ** bit;
    }
  }
  return { count, rest };
}

/**
 * The number of decimal places a denominator needs, when it is of the form 2^a × 5^b.
 * @returns max(a, b), or -1 when the denominator has another prime factor (the decimal does not terminate).
 */
export function terminatingPlaces(denominator: bigint): number {
  // The lowest set bit is 2^a: its binary form is a one and a zeros.
  const twos = (denominator & -denominator).toString(2).length - 1;
  const fives = factorsOfFive(denominator >> BigInt(twos));
  return fives.rest === 1n ? Math.max(twos, fives.count) : -1;
}

/**
 * Writes the integer `scaled / 10^places` as a decimal string with exactly `places` decimals;
 * negative zero is written without its sign.
 */
function formatScaled(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const digits = String(negative ? -scaled : scaled);
  if (places === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(places + 1, '0');
  const text = `${padded.slice(0, -places)}.${padded.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/**
 * Writes a rational as an exact decimal string.
 *
 * Without `scale` the result is the shortest exact decimal (`"4.5359237"`, `"12"`), or undefined
 * when it does not terminate (1/3). With `scale` the value is rounded to that many decimal
 * places by `rounding` and written with exactly that many (`"0.33"`); negative zero becomes `"0.00"`.
 * @returns the decimal string, or undefined for a non-terminating value without scale.
 */
export function formatDecimal(
  value: Rational,
  scale: number | undefined,
  rounding: RoundingMode,
): string | undefined {
  if (scale !== undefined) {
    const scaled = divideAndRound(value.numerator * TEN ** BigInt(scale), value.denominator, rounding);
    return formatScaled(scaled, scale);
  }
  const places = terminatingPlaces(value.denominator);
  if (places < 0) return undefined;
  return formatScaled((value.numerator * TEN ** BigInt(places)) / value.denominator, places);
}
