// The value of a unit expression while the unit catalogue is generated: an exact rational times a
// power of π, with the exponent of each base dimension. π is kept apart so that units defined
// through it (degree = π/180 rad, revolution = 2π rad, parsec) convert exactly among themselves.
import { PI_BELOW } from '../../src/uom/pi.js';
import {
  compareRationals,
  divideRationals,
  multiplyRationals,
  ONE,
  powerOfRational,
  type Rational,
  subtractRationals,
} from '../../src/uom/rational.js';

/**
 * The base dimensions, in the order every dimension string lists them: the seven SI base units
 * plus plane angle, solid angle, information and counted items, which SI counts as 1 but which
 * must not convert to plain numbers (rad/s is not Hz, bit is not a piece, 5 % is not 0.05 pieces).
 */
export const BASES = ['m', 'kg', 's', 'A', 'K', 'mol', 'cd', 'rad', 'sr', 'bit', 'item'] as const;
export type Base = (typeof BASES)[number];

export interface Magnitude {
  readonly value: Rational;
  /** The power of π the value is multiplied by. */
  readonly pi: number;
  /** The exponent of each base, in {@link BASES} order. */
  readonly dims: readonly number[];
}

const NO_DIMS: readonly number[] = BASES.map(() => 0);

/** A pure number. */
export function numberMagnitude(value: Rational, pi = 0): Magnitude {
  return { value, pi, dims: NO_DIMS };
}

/** One unit of a base dimension. */
export function baseMagnitude(base: Base): Magnitude {
  return { value: ONE, pi: 0, dims: BASES.map((name) => (name === base ? 1 : 0)) };
}

export function multiplyMagnitudes(a: Magnitude, b: Magnitude): Magnitude {
  return {
    value: multiplyRationals(a.value, b.value),
    pi: a.pi + b.pi,
    dims: a.dims.map((exponent, index) => exponent + (b.dims[index] as number)),
  };
}

export function divideMagnitudes(a: Magnitude, b: Magnitude): Magnitude {
  return {
    value: divideRationals(a.value, b.value),
    pi: a.pi - b.pi,
    dims: a.dims.map((exponent, index) => exponent - (b.dims[index] as number)),
  };
}

export function raiseMagnitude(a: Magnitude, exponent: number): Magnitude {
  return {
    value: powerOfRational(a.value, exponent),
    pi: a.pi * exponent,
    dims: a.dims.map((value) => value * exponent),
  };
}

export function scaleMagnitude(a: Magnitude, factor: Rational): Magnitude {
  return { ...a, value: multiplyRationals(a.value, factor) };
}

/** The dimension as the catalogue writes it: `kg.m-1.s-2`, or `1` for a pure number. */
export function formatDimension(dims: readonly number[]): string {
  const parts = BASES.flatMap((base, index) => {
    const exponent = dims[index] as number;
    if (exponent === 0) return [];
    return [exponent === 1 ? base : `${base}${exponent}`];
  });
  return parts.length === 0 ? '1' : parts.join('.');
}

export function sameDimension(a: Magnitude, b: Magnitude): boolean {
  return a.dims.every((exponent, index) => exponent === b.dims[index]);
}

export function sameMagnitude(a: Magnitude, b: Magnitude): boolean {
  return sameDimension(a, b) && a.pi === b.pi && compareRationals(a.value, b.value) === 0;
}

/** The value as a rational (π replaced by 100 of its digits), for comparing magnitudes. */
export function approximateValue(a: Magnitude): Rational {
  return multiplyRationals(a.value, powerOfRational(PI_BELOW, a.pi));
}

/**
 * How far `a` is from `b`, relative to `b`: |a - b| / |b|, both taken with π's digits.
 */
export function relativeDifference(a: Magnitude, b: Magnitude): Rational {
  const right = approximateValue(b);
  const difference = subtractRationals(approximateValue(a), right);
  const ratio = divideRationals(difference, right);
  return ratio.numerator < 0n ? { numerator: -ratio.numerator, denominator: ratio.denominator } : ratio;
}

/**
 * The magnitude with counted items read as pure numbers, as UCUM reads them (`{piece}` and `1`
 * are both the number one there).
 */
export function countsAsNumbers(a: Magnitude): Magnitude {
  const item = BASES.indexOf('item');
  return { ...a, dims: a.dims.map((exponent, index) => (index === item ? 0 : exponent)) };
}

/** Whether two magnitudes have the same dimension and values within a relative tolerance. */
export function closeMagnitudes(a: Magnitude, b: Magnitude, tolerance: Rational): boolean {
  return sameDimension(a, b) && compareRationals(relativeDifference(a, b), tolerance) <= 0;
}
