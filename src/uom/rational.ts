/**
 * An exact rational number: a BigInt numerator over a positive BigInt denominator, always in
 * lowest terms, so two equal numbers have equal fields. Unit factors, quantities and every
 * intermediate result of a conversion are rationals; no float is ever involved.
 */
export interface Rational {
  readonly numerator: bigint;
  /** Always greater than zero. */
  readonly denominator: bigint;
}

/** Zero as a rational. */
export const ZERO: Rational = { numerator: 0n, denominator: 1n };
/** One as a rational. */
export const ONE: Rational = { numerator: 1n, denominator: 1n };

/** The greatest common divisor of two BigInts, always zero or positive. */
export function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

/**
 * Builds a rational from a numerator and a denominator, reduced to lowest terms with a positive
 * denominator.
 * @throws RangeError when the denominator is zero (a programming error, never user input).
 * @example createRational(6n, -4n) // { numerator: -3n, denominator: 2n }
 */
export function createRational(numerator: bigint, denominator = 1n): Rational {
  if (denominator === 0n) throw new RangeError('a rational cannot have a zero denominator');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = greatestCommonDivisor(numerator, denominator);
  if (divisor === 0n) return ZERO;
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/** `a + b`, exactly. */
export function addRationals(a: Rational, b: Rational): Rational {
  if (a.denominator === b.denominator) return createRational(a.numerator + b.numerator, a.denominator);
  return createRational(
    a.numerator * b.denominator + b.numerator * a.denominator,
    a.denominator * b.denominator,
  );
}

/** `a - b`, exactly. */
export function subtractRationals(a: Rational, b: Rational): Rational {
  return addRationals(a, negateRational(b));
}

/** `a × b`, exactly. */
export function multiplyRationals(a: Rational, b: Rational): Rational {
  return createRational(a.numerator * b.numerator, a.denominator * b.denominator);
}

/**
 * `a ÷ b`, exactly.
 * @throws RangeError when `b` is zero (unit factors are never zero).
 */
export function divideRationals(a: Rational, b: Rational): Rational {
  return createRational(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** `-a`. */
export function negateRational(a: Rational): Rational {
  return { numerator: -a.numerator, denominator: a.denominator };
}

/** `a` raised to an integer power (negative powers invert it). */
export function powerOfRational(a: Rational, exponent: number): Rational {
  const magnitude = BigInt(Math.abs(exponent));
  const raised = createRational(a.numerator ** magnitude, a.denominator ** magnitude);
  return exponent < 0 ? divideRationals(ONE, raised) : raised;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareRationals(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether two rationals are equal (their reduced fields are). */
export function equalRationals(a: Rational, b: Rational): boolean {
  return a.numerator === b.numerator && a.denominator === b.denominator;
}

/**
 * The rational written `n` or `n/d` (an optional minus, digits, an optional `/` and positive
 * digits), as the generated unit catalogue stores factors and offsets.
 * @throws RangeError when the text is not of that form.
 * @example parseFraction('5/9') // { numerator: 5n, denominator: 9n }
 */
export function parseFraction(text: string): Rational {
  const match = /^(-?\d+)(?:\/(\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`not a fraction: ${text}`);
  return createRational(BigInt(match[1] as string), BigInt(match[2] ?? '1'));
}

/** The rational as `n` or `n/d`, the form {@link parseFraction} reads. */
export function formatFraction(value: Rational): string {
  return value.denominator === 1n ? String(value.numerator) : `${value.numerator}/${value.denominator}`;
}
