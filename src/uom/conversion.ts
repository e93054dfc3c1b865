import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import { formatDecimal, readDecimal } from './decimal.js';
import { PI_ABOVE, PI_BELOW } from './pi.js';
import {
  addRationals,
  divideRationals,
  multiplyRationals,
  ONE,
  powerOfRational,
  type Rational,
  subtractRationals,
  ZERO,
} from './rational.js';
import type { RoundingMode } from './rounding-mode.js';
import type { UnitDefinition } from './unit-catalog.js';

/** Decimal strings with at most this many digits take the fast path in safe-integer doubles. */
const FAST_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: FAST_DIGITS + 1 }, (_, exponent) => 10 ** exponent);

/** A BigInt as a double when the double holds it exactly, else NaN (which disables the fast path). */
function exactNumber(value: bigint): number {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : Number.NaN;
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

/** A decimal string taken apart: its digits without sign and point, the places after the point. */
interface ScannedDecimal {
  readonly negative: boolean;
  /** The digits as an integer when there are at most {@link FAST_DIGITS} of them, else NaN. */
  readonly mantissa: number;
  readonly places: number;
}

/**
 * Reads `-?(0|[1-9][0-9]*)(\.[0-9]+)?` in one pass, keeping the digits as a double while they fit.
 * @returns the parts, or undefined when the text is not such a decimal.
 */
function scanDecimal(text: string): ScannedDecimal | undefined {
  const length = text.length;
  let index = 0;
  const negative = text.charCodeAt(0) === 45; // -
  if (negative) index = 1;
  const first = text.charCodeAt(index);
  if (!(first >= 48 && first <= 57)) return undefined; // also NaN: "" or "-"
  let mantissa = 0;
  let digits = 0;
  let places = -1;
  for (; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      if (digits === 1 && mantissa === 0 && places < 0) return undefined; // a leading zero: 007
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
      if (places >= 0) places += 1;
    } else if (code === 46 && places < 0) {
      places = 0;
    } else {
      return undefined;
    }
  }
  if (places === 0) return undefined; // "12." has no fraction digits
  return {
    negative,
    mantissa: digits <= FAST_DIGITS ? mantissa : Number.NaN,
    places: Math.max(places, 0),
  };
}

/**
 * A compiled conversion between two units: value × ratio × π^pi + shift. Built once per pair
 * and cached by the registry; applying it parses the decimal string, and where the numbers fit
 * in safe integers it computes in doubles without rounding, else in BigInt rationals.
 */
export class Conversion {
  /** The canonical code of the result. */
  readonly to: string;
  readonly ratio: Rational;
  readonly pi: number;
  readonly shift: Rational;
  private readonly details: UnitErrorDetails;
  // The ratio and shift as doubles when they are safe integers; NaN otherwise.
  private readonly ratioNumerator: number;
  private readonly ratioDenominator: number;
  private readonly shiftNumerator: number;
  private readonly shiftDenominator: number;
  private readonly fast: boolean;

  /**
   * @param to - the canonical code of the result.
   * @param ratio - what one unit of the source is in units of the target.
   * @param details - the units (and material) as the caller gave them, for error messages.
   * @param pi - the power of π the ratio is multiplied by.
   * @param shift - added after the ratio (temperatures).
   */
  constructor(to: string, ratio: Rational, details: UnitErrorDetails, pi = 0, shift: Rational = ZERO) {
    this.to = to;
    this.ratio = ratio;
    this.pi = pi;
    this.shift = shift;
    this.details = details;
    this.ratioNumerator = exactNumber(ratio.numerator);
    this.ratioDenominator = exactNumber(ratio.denominator);
    this.shiftNumerator = exactNumber(shift.numerator);
    this.shiftDenominator = exactNumber(shift.denominator);
    this.fast =
      pi === 0 &&
      !Number.isNaN(
        this.ratioNumerator + this.ratioDenominator + this.shiftNumerator + this.shiftDenominator,
      );
  }

  /**
   * The conversion between two catalogue units, when they measure the same dimension: SI value =
   * (value + offset) × factor on both sides, so value' = value × f₁/f₂ + (offset₁ × f₁/f₂ − offset₂).
   * @returns the conversion, or undefined when either unit has no factor or the dimensions differ.
   */
  static between(
    from: UnitDefinition,
    to: UnitDefinition,
    details: UnitErrorDetails,
  ): Conversion | undefined {
    if (from.code === to.code) return new Conversion(to.code, ONE, details);
    if (from.factor === undefined || to.factor === undefined || from.dimension !== to.dimension)
      return undefined;
    const ratio = divideRationals(from.factor, to.factor);
    const shift = subtractRationals(multiplyRationals(from.offset ?? ZERO, ratio), to.offset ?? ZERO);
    return new Conversion(to.code, ratio, details, from.pi - to.pi, shift);
  }

  private fail(message: string): never {
    throw new UnitError('INEXACT', message, this.details);
  }

  /**
   * Converts a decimal string.
   * @returns the exact result, or the result rounded to `scale` places when `scale` is given.
   * @throws UnitError `INVALID_QUANTITY` for a malformed value or one of more than
   * 1000 digits (`MAX_DECIMAL_DIGITS`), `INEXACT` for a result that does not terminate when no
   * scale is given.
   */
  apply(value: string, scale: number | undefined, rounding: RoundingMode): string {
    if (scale === undefined && this.fast) {
      const scanned = scanDecimal(value);
      if (scanned !== undefined && !Number.isNaN(scanned.mantissa)) {
        const result = this.applyFast(scanned);
        if (result !== undefined) return result;
      }
    }
    return this.format(readDecimal(value, this.details), scale, rounding);
  }

  /** Converts an exact rational and writes it; see {@link apply}. */
  format(value: Rational, scale: number | undefined, rounding: RoundingMode): string {
    if (this.pi !== 0 && value.numerator !== 0n) return this.formatThroughPi(value, scale, rounding);
    const result = formatDecimal(this.exact(value), scale, rounding);
    if (result === undefined) {
      this.fail(`${this.describe()} has no exact decimal result; give a scale and a rounding mode`);
    }
    return result;
  }

  /**
   * The exact result as a rational.
   * @throws UnitError `INEXACT` when the conversion goes through π (degrees to radians) and the value is not zero.
   */
  exact(value: Rational): Rational {
    if (this.pi !== 0 && value.numerator !== 0n) {
      this.fail(`${this.describe()} multiplies by a power of π and has no exact result`);
    }
    return addRationals(multiplyRationals(value, this.ratio), this.shift);
  }

  private describe(): string {
    const { from, to, material } = this.details;
    return `converting ${from} to ${to}${material === undefined ? '' : ` for material ${material}`}`;
  }

  /** value × ratio + shift in safe-integer doubles; undefined when a product would not be exact. */
  private applyFast(scanned: ScannedDecimal): string | undefined {
    const power = POWERS_OF_TEN[scanned.places] as number;
    const mantissa = scanned.negative ? -scanned.mantissa : scanned.mantissa;
    // A product of safe integers is exact exactly when it is itself a safe integer.
    let numerator = mantissa * this.ratioNumerator;
    let denominator = power * this.ratioDenominator;
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) return undefined;
    if (this.shiftNumerator !== 0) {
      const value = numerator * this.shiftDenominator;
      const shift = this.shiftNumerator * this.ratioDenominator * power;
      numerator = value + shift;
      denominator *= this.shiftDenominator;
      if (
        !Number.isSafeInteger(value) ||
        !Number.isSafeInteger(this.shiftNumerator * this.ratioDenominator) ||
        !Number.isSafeInteger(shift) ||
        !Number.isSafeInteger(numerator) ||
        !Number.isSafeInteger(denominator)
      ) {
        return undefined;
      }
    }
    const divisor = greatestCommonDivisor(Math.abs(numerator), denominator);
    numerator /= divisor;
    denominator /= divisor;
    let rest = denominator;
    let twos = 0;
    let fives = 0;
    while (rest % 2 === 0) {
      rest /= 2;
      twos += 1;
    }
    while (rest % 5 === 0) {
      rest /= 5;
      fives += 1;
    }
    if (rest !== 1) return undefined; // does not terminate: the exact path reports it
    const places = Math.max(twos, fives);
    const scaled = numerator * 2 ** (places - twos) * 5 ** (places - fives);
    if (!Number.isSafeInteger(scaled)) return undefined;
    if (places === 0) return String(scaled === 0 ? 0 : scaled);
    const negative = scaled < 0;
    const digits = String(negative ? -scaled : scaled).padStart(places + 1, '0');
    const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${text}` : text;
  }

  /** Rounds value × ratio × π^pi with 100 digits of π from below and above; both must round alike. */
  private formatThroughPi(value: Rational, scale: number | undefined, rounding: RoundingMode): string {
    if (scale === undefined) {
      this.fail(`${this.describe()} multiplies by a power of π; give a scale and a rounding mode`);
    }
    const base = multiplyRationals(value, this.ratio);
    const [low, high] = this.pi > 0 ? [PI_BELOW, PI_ABOVE] : [PI_ABOVE, PI_BELOW];
    const first = formatDecimal(
      multiplyRationals(base, powerOfRational(low, this.pi)),
      scale,
      rounding,
    ) as string;
    const second = formatDecimal(
      multiplyRationals(base, powerOfRational(high, this.pi)),
      scale,
      rounding,
    ) as string;
    if (first !== second) {
      this.fail(`${this.describe()} cannot be rounded to ${scale} places with 100 digits of π`);
    }
    return first;
  }
}
