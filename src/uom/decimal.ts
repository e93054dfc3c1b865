import { DECIMAL_PATTERN } from '../model/common.js';
import { createRational, type Rational } from './rational.js';
import { divideAndRound, type RoundingMode } from './rounding-mode.js';

const TEN = 10n;

/**
 * Reads an exact decimal string (`"12.5"`, `"-0.001"`; the {@link DECIMAL_PATTERN} form, no
 * exponent) into a rational.
 * @returns the rational, or undefined when the text is not such a decimal.
 */
export function parseDecimal(text: string): Rational | undefined {
  if (!DECIMAL_PATTERN.test(text)) return undefined;
  const point = text.indexOf('.');
  if (point === -1) return { numerator: BigInt(text), denominator: 1n };
  const digits = text.length - point - 1;
  return createRational(BigInt(text.slice(0, point) + text.slice(point + 1)), TEN ** BigInt(digits));
}

/**
 * The number of decimal places a denominator needs, when it is of the form 2^a × 5^b.
 * @returns max(a, b), or -1 when the denominator has another prime factor (the decimal does not terminate).
 */
export function terminatingPlaces(denominator: bigint): number {
  let rest = denominator;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  return rest === 1n ? Math.max(twos, fives) : -1;
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
