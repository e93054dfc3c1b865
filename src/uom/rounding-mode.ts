/**
 * How a result is rounded to `scale` decimal places, when a scale is given:
 * - `half-even`: to the nearest, ties to the even digit (banker's rounding; the default).
 * - `half-up`: to the nearest, ties away from zero (commercial rounding).
 * - `up`: away from zero.
 * - `down`: toward zero (truncation).
 * - `ceiling`: toward positive infinity.
 * - `floor`: toward negative infinity.
 */
export type RoundingMode = 'half-even' | 'half-up' | 'up' | 'down' | 'ceiling' | 'floor';

/** Every rounding mode, in the order the documentation lists them. */
export const roundingModes: readonly RoundingMode[] = [
  'half-even',
  'half-up',
  'up',
  'down',
  'ceiling',
  'floor',
];

/**
 * Divides `numerator` by the positive `denominator` and rounds the quotient to an integer.
 * @returns the rounded integer quotient.
 */
export function divideAndRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n ? -1n : 1n;
  const awayFromZero = quotient + sign;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return awayFromZero;
    case 'ceiling':
      return sign > 0n ? awayFromZero : quotient;
    case 'floor':
      return sign < 0n ? awayFromZero : quotient;
    default: {
      const twice = 2n * (remainder < 0n ? -remainder : remainder);
      if (twice > denominator) return awayFromZero;
      if (twice < denominator) return quotient;
      if (mode === 'half-up') return awayFromZero;
      return quotient % 2n === 0n ? quotient : awayFromZero;
    }
  }
}
