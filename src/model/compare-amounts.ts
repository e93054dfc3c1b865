import { compareRationals, divideRationals, multiplyRationals, type Rational } from '../uom/rational.js';
import { findUnit, type UnitDefinition } from '../uom/unit-catalog.js';

/** An amount as the canonical schemas have checked it: a decimal string and a canonical unit code. */
export interface Amount {
  readonly value: string;
  readonly unit: string;
}

/** The exact value of a decimal string that matched `DECIMAL_PATTERN`. */
function rationalOf(value: string): Rational {
  const point = value.indexOf('.');
  if (point === -1) return { numerator: BigInt(value), denominator: 1n };
  return {
    numerator: BigInt(value.slice(0, point) + value.slice(point + 1)),
    denominator: 10n ** BigInt(value.length - point - 1),
  };
}

/**
 * Compares two exact decimal strings (`"-0.5"`, `"12"`, `"12.000"`) by value.
 * @returns -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
 */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  return compareRationals(rationalOf(a), rationalOf(b));
}

/**
 * Whether the unit catalogue converts one unit into the other without a material: the same code,
 * or two units of the same dimension with factors (`GRM` and `KGM`, `H87` and `DZN`). A package
 * such as `XCT` converts only through a material's alternative units, so not here.
 */
export function areConvertible(a: string, b: string): boolean {
  if (a === b) return true;
  const left = findUnit(a);
  const right = findUnit(b);
  return (
    left?.factor !== undefined &&
    right?.factor !== undefined &&
    left.dimension !== undefined &&
    left.dimension === right.dimension
  );
}

/**
 * Whether a unit measures the given dimension, written as the catalogue writes it: `s` (time),
 * `kg` (mass), `m3` (volume).
 */
export function measures(unit: string, dimension: string): boolean {
  const definition = findUnit(unit);
  return definition?.factor !== undefined && definition.dimension === dimension;
}

/**
 * What one unit is in another by the catalogue's factors (`DZN` in `H87`: 12), exactly.
 * @returns the ratio; undefined when the units do not convert into each other (see
 * {@link areConvertible}) or do so only with a power of π or an offset (degrees, temperatures).
 */
export function ratioBetween(from: string, to: string): Rational | undefined {
  if (from === to) return { numerator: 1n, denominator: 1n };
  if (!areConvertible(from, to)) return undefined;
  const source = findUnit(from) as UnitDefinition;
  const target = findUnit(to) as UnitDefinition;
  if (source.pi !== target.pi || source.offset !== undefined || target.offset !== undefined) return undefined;
  return divideRationals(source.factor as Rational, target.factor as Rational);
}

/**
 * Compares two amounts exactly, converting through the catalogue's factors when the units
 * differ (`2 DZN` is more than `23 H87`).
 * @returns -1, 0 or 1 as `a` is less than, equal to or greater than `b`; undefined when there is
 * no {@link ratioBetween} their units.
 */
export function compareAmounts(a: Amount, b: Amount): -1 | 0 | 1 | undefined {
  if (a.unit === b.unit) return compareDecimals(a.value, b.value);
  const ratio = ratioBetween(a.unit, b.unit);
  if (ratio === undefined) return undefined;
  return compareRationals(multiplyRationals(rationalOf(a.value), ratio), rationalOf(b.value));
}
