import { UnitError } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { createRational, divideRationals, multiplyRationals, ONE, type Rational } from './rational.js';
import { readList, readOptionFields } from './read-caller-value.js';
import type { UnitDefinition } from './unit-catalog.js';

/**
 * The units of measure of one material, as SAP keeps them in MARM and the canonical `Material`
 * in `alternativeUnits`: `1 unit = numerator / denominator baseUnit`, positive integers. A
 * {@link Material} object fits this shape as it is.
 */
export interface MaterialUnits {
  /** The material id the conversion options name. */
  readonly id: string;
  /** The unit stock is kept in, e.g. `H87`. */
  readonly baseUnit: string;
  /** E.g. `{ unit: 'XCT', numerator: 12, denominator: 1 }`: a carton holds 12 base units. */
  readonly alternativeUnits?: readonly {
    readonly unit: string;
    readonly numerator: number;
    readonly denominator: number;
  }[];
}

/** One unit a material is counted in and how many base units one of it is. */
export interface MaterialAnchor {
  readonly unit: UnitDefinition;
  readonly rate: Rational;
}

/**
 * How many base units of a material one unit is, for its base unit, its alternative units, and
 * every unit of the same dimension as one of those (grams, once kilograms are an alternative unit).
 */
export class MaterialRates {
  readonly id: string;
  private readonly anchors: readonly MaterialAnchor[];

  /** @param anchors - the base unit (rate 1) first, then the alternative units in the order given. */
  constructor(id: string, anchors: readonly MaterialAnchor[]) {
    this.id = id;
    this.anchors = anchors;
  }

  /**
   * How many base units one `unit` is: the anchor's rate for an anchor; for another unit with a
   * linear factor, through the first anchor of the same dimension (base unit first).
   * @returns the rate, or undefined when no anchor reaches the unit.
   */
  rateOf(unit: UnitDefinition): Rational | undefined {
    for (const anchor of this.anchors) if (anchor.unit.code === unit.code) return anchor.rate;
    if (unit.factor === undefined || unit.offset !== undefined) return undefined;
    for (const anchor of this.anchors) {
      const { factor, dimension, pi, offset } = anchor.unit;
      if (factor === undefined || offset !== undefined || dimension !== unit.dimension || pi !== unit.pi)
        continue;
      return multiplyRationals(anchor.rate, divideRationals(unit.factor, factor));
    }
    return undefined;
  }
}

/** The rate of an alternative unit: numerator / denominator base units. */
export function alternativeRate(numerator: number, denominator: number): Rational {
  return numerator === denominator ? ONE : createRational(BigInt(numerator), BigInt(denominator));
}

/**
 * Checks a material's units and computes their rates, reading each value of the caller's object
 * once (a getter or Proxy that throws is an `INVALID_OPTIONS` error).
 * @param material - the material as given, of any shape.
 * @param resolveUnit - finds the canonical definition of a unit code of the material `id`, or throws.
 * @throws UnitError `INVALID_OPTIONS` for a material that is not an object or cannot be read, a
 * missing id or base unit, alternative units that are not an array of `{ unit, numerator,
 * denominator }`, a numerator or denominator that is not a positive safe integer, or one unit
 * given two different rates; whatever `resolveUnit` throws.
 */
export function createMaterialRates(
  material: unknown,
  resolveUnit: (code: string, id: string) => UnitDefinition,
): MaterialRates {
  if (typeof material !== 'object' || material === null) {
    throw new UnitError('INVALID_OPTIONS', 'a material is an object { id, baseUnit, alternativeUnits? }');
  }
  const { id, baseUnit, alternativeUnits } = readOptionFields(
    material,
    ['id', 'baseUnit', 'alternativeUnits'],
    'a material',
  );
  if (typeof id !== 'string' || id === '') {
    throw new UnitError('INVALID_OPTIONS', 'a material needs an id');
  }
  const details = { material: id };
  if (typeof baseUnit !== 'string') {
    throw new UnitError('INVALID_OPTIONS', `material ${id} needs a baseUnit code`, details);
  }
  const failure = { code: 'INVALID_OPTIONS', details } as const;
  const alternatives =
    alternativeUnits === undefined
      ? []
      : readList(alternativeUnits, `material ${id}: alternativeUnits`, failure);
  const anchors: MaterialAnchor[] = [{ unit: resolveUnit(baseUnit, id), rate: ONE }];
  alternatives.forEach((alternative, index) => {
    const where = `material ${id}: alternativeUnits[${index}]`;
    const {
      unit: code,
      numerator,
      denominator,
    } = readOptionFields(alternative, ['unit', 'numerator', 'denominator'], where, failure);
    if (typeof code !== 'string' || !isPositiveCount(numerator) || !isPositiveCount(denominator)) {
      throw new UnitError(
        'INVALID_OPTIONS',
        `${where} (${describeInput(code)}) needs a unit code and a positive integer numerator and denominator`,
        details,
      );
    }
    const unit = resolveUnit(code, id);
    const rate = alternativeRate(numerator, denominator);
    const known = anchors.find((anchor) => anchor.unit.code === unit.code);
    if (known === undefined) {
      anchors.push({ unit, rate });
    } else if (known.rate.numerator * rate.denominator !== rate.numerator * known.rate.denominator) {
      throw new UnitError(
        'INVALID_OPTIONS',
        `material ${id}: ${unit.code} is given two different rates`,
        details,
      );
    }
  });
  return new MaterialRates(id, anchors);
}

function isPositiveCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
