import { UnitError } from '../errors/unit-error.js';
import type { Quantity } from '../model/common.js';
import type { Conversion } from './conversion.js';
import { defaultUnitRegistry } from './convert.js';
import { CONVERT_OPTION_KEYS, type ConvertOptions, resolveConvertFields } from './convert-options.js';
import {
  type QuantityInput,
  type RegistryInternals,
  readQuantity,
  registryInternals,
  type UnitRegistry,
} from './create-unit-registry.js';
import { formatDecimal, readDecimal } from './decimal.js';
import type { MaterialUnits } from './material-rates.js';
import { addRationals, compareRationals, negateRational, type Rational, ZERO } from './rational.js';
import { readList, readOptionFields } from './read-caller-value.js';
import { unknownUnitError } from './read-unit-code.js';
import type { RoundingMode } from './rounding-mode.js';
import type { ResolvedUnitCodeOptions } from './unit-code-options.js';

/**
 * Options of {@link sumQuantities}, {@link addQuantities} and {@link subtractQuantities}. With
 * `system: 'sap'`, every unit code of the call (the quantities' and `unit`) is read as an SAP code.
 */
export interface QuantityArithmeticOptions extends ConvertOptions {
  /** The unit of the result. @default the unit of the first quantity */
  readonly unit?: string;
  /** The material whose alternative units convert the quantities (see {@link UnitRegistry.convert}). */
  readonly material?: string | MaterialUnits;
  /** The registry that resolves the codes, with your aliases and materials. @default the standard registry */
  readonly registry?: UnitRegistry;
}

/** {@link QuantityArithmeticOptions} with every default filled in. */
export interface ResolvedQuantityArithmeticOptions {
  readonly unit: unknown;
  readonly scale: number | undefined;
  readonly rounding: RoundingMode;
  readonly codes: ResolvedUnitCodeOptions;
  readonly material: unknown;
  /** The exact side of the registry. */
  readonly exact: RegistryInternals;
}

const ARITHMETIC_KEYS = [...CONVERT_OPTION_KEYS, 'unit', 'material', 'registry'] as const;

/**
 * Fills in the defaults of {@link QuantityArithmeticOptions} and checks them, reading each once.
 * @returns the resolved options.
 * @throws UnitError `INVALID_OPTIONS` for options that are not an object or cannot be read, a
 * bad scale, rounding mode, system or SAP form, or a registry not made by `createUnitRegistry`.
 */
export function resolveQuantityArithmeticOptions(
  options: QuantityArithmeticOptions = {},
): ResolvedQuantityArithmeticOptions {
  const fields = readOptionFields(options, ARITHMETIC_KEYS, 'the options');
  const { scale, rounding, codes } = resolveConvertFields(fields);
  const registry = (fields.registry ?? defaultUnitRegistry()) as UnitRegistry;
  return {
    unit: fields.unit,
    scale,
    rounding,
    codes,
    material: fields.material,
    exact: registryInternals(registry),
  };
}

/** The exact value of a quantity as read, converted. */
function readValue(quantity: QuantityInput, conversion: Conversion): Rational {
  return conversion.exact(readDecimal(quantity.value, { from: quantity.unit, to: conversion.to }));
}

/** Adds signed quantities exactly in the target unit, rounding once at the end. */
function combine(
  terms: readonly (readonly [unknown, 1 | -1])[],
  options: ResolvedQuantityArithmeticOptions,
): Quantity {
  const { exact, material, scale, rounding, codes } = options;
  const quantities = terms.map(([quantity, sign]) => [readQuantity(quantity, options.unit), sign] as const);
  const target = options.unit ?? quantities[0]?.[0].unit;
  if (target === undefined) {
    throw new UnitError('INVALID_QUANTITY', 'the sum of no quantities needs options.unit to say its unit');
  }
  if (typeof target !== 'string') throw unknownUnitError(target, {});
  let total = ZERO;
  let unit = exact.conversion(target, target, material, codes).to;
  for (const [quantity, sign] of quantities) {
    const conversion = exact.conversion(quantity.unit, target, material, codes);
    if (conversion.shift.numerator !== 0n) {
      throw new UnitError(
        'INCOMPATIBLE_UNITS',
        `${quantity.unit} and ${target} are temperatures on different scales; convert them to one scale first`,
        { from: quantity.unit, to: target },
      );
    }
    const value = readValue(quantity, conversion);
    total = addRationals(total, sign < 0 ? negateRational(value) : value);
    unit = conversion.to;
  }
  const value = formatDecimal(total, scale, rounding);
  if (value === undefined) {
    throw new UnitError(
      'INEXACT',
      `the result in ${unit} has no exact decimal form; give a scale and a rounding mode`,
      {
        to: target,
      },
    );
  }
  return { value, unit };
}

/**
 * Adds quantities given in any compatible units, exactly: each is converted to the result unit
 * as a rational, the rationals are added, and the total is rounded once (only when `scale` is
 * given). 10,000 × 0.1 LBR is exactly 453.59237 KGM. Unit codes are read as {@link convert}
 * reads them: SAP codes only with `options.system: 'sap'`, a code with several meanings (`KG`)
 * never. Each quantity and each option is read once.
 * @returns the total in `options.unit`, or in the unit of the first quantity.
 * @throws UnitError as {@link convert} does (`AMBIGUOUS_UNIT` included); `INCOMPATIBLE_UNITS`
 * also for temperatures on different scales; `INVALID_QUANTITY` for no quantities without
 * `options.unit`, or for `quantities` that are not iterable, cannot be read (a throwing
 * iterator) or hold something that is not a quantity.
 * @example sumQuantities([{ value: '1', unit: 'KGM' }, { value: '500', unit: 'GRM' }]) // { value: '1.5', unit: 'KGM' }
 * @example sumQuantities([{ value: '1', unit: 'KG' }, { value: '500', unit: 'G' }], { system: 'sap' }) // { value: '1.5', unit: 'KGM' }
 */
export function sumQuantities(
  quantities: Iterable<QuantityInput>,
  options?: QuantityArithmeticOptions,
): Quantity {
  const resolved = resolveQuantityArithmeticOptions(options);
  const list = readList(quantities, 'the quantities of sumQuantities', { code: 'INVALID_QUANTITY' }, true);
  return combine(
    list.map((quantity) => [quantity, 1] as const),
    resolved,
  );
}

/**
 * `a + b`, exactly, in `options.unit` or in `a`'s unit; see {@link sumQuantities}.
 * @returns the sum.
 * @throws UnitError as {@link sumQuantities}.
 * @example addQuantities({ value: '0.1', unit: 'KGM' }, { value: '0.2', unit: 'KGM' }) // { value: '0.3', unit: 'KGM' }
 */
export function addQuantities(
  a: QuantityInput,
  b: QuantityInput,
  options?: QuantityArithmeticOptions,
): Quantity {
  return combine(
    [
      [a, 1],
      [b, 1],
    ],
    resolveQuantityArithmeticOptions(options),
  );
}

/**
 * `a - b`, exactly, in `options.unit` or in `a`'s unit; see {@link sumQuantities}.
 * @returns the difference (negative when b is larger).
 * @throws UnitError as {@link sumQuantities}.
 * @example subtractQuantities({ value: '1', unit: 'KGM' }, { value: '1', unit: 'LBR' }) // { value: '0.54640763', unit: 'KGM' }
 */
export function subtractQuantities(
  a: QuantityInput,
  b: QuantityInput,
  options?: QuantityArithmeticOptions,
): Quantity {
  return combine(
    [
      [a, 1],
      [b, -1],
    ],
    resolveQuantityArithmeticOptions(options),
  );
}

/**
 * Compares two quantities in compatible units exactly (temperatures as absolute values); unit
 * codes are read as {@link convert} reads them (`options.system: 'sap'` for SAP codes).
 * @returns -1 when a < b, 0 when they are equal, 1 when a > b.
 * @throws UnitError as {@link convert} does (`INCOMPATIBLE_UNITS`, `UNKNOWN_UNIT`,
 * `AMBIGUOUS_UNIT`, `INVALID_QUANTITY`...).
 * @example compareQuantities({ value: '1000', unit: 'GRM' }, { value: '1', unit: 'KGM' }) // 0
 */
export function compareQuantities(
  a: QuantityInput,
  b: QuantityInput,
  options?: Pick<QuantityArithmeticOptions, 'material' | 'registry' | 'system' | 'sapForm'>,
): -1 | 0 | 1 {
  const { exact, material, codes } = resolveQuantityArithmeticOptions(options);
  const left = readQuantity(a, undefined);
  const right = readQuantity(b, left.unit);
  const toLeft = exact.conversion(left.unit, left.unit, material, codes);
  const toRight = exact.conversion(right.unit, left.unit, material, codes);
  return compareRationals(readValue(left, toLeft), readValue(right, toRight));
}
