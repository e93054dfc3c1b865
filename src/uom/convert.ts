import type { Quantity } from '../model/common.js';
import type { ConvertOptions } from './convert-options.js';
import { createUnitRegistry, type QuantityInput, type UnitRegistry } from './create-unit-registry.js';

let standardRegistry: UnitRegistry | undefined;

/** The registry {@link convert} and the quantity helpers use when given none: no aliases, no materials. */
export function defaultUnitRegistry(): UnitRegistry {
  standardRegistry ??= createUnitRegistry();
  return standardRegistry;
}

/**
 * Converts a quantity to another unit exactly, in rational arithmetic: no float is involved, so
 * 10 LBR is 4.5359237 KGM, not 4.535923700000001.
 *
 * Units are Rec 20/21 codes (retired codes such as `PCE` resolve to their successors), SAP units
 * or UCUM codes; the result carries the canonical code. Temperatures (CEL, FAH, KEL) are affine.
 * Counting units (H87 piece, EA each, C62 one, DZN dozen...) are one dimension. Packages (`XCT`)
 * need a material: see {@link createUnitRegistry}.
 * @returns `{ value, unit }` with the exact decimal value, or the value rounded to
 * `options.scale` places by `options.rounding` (half-even by default).
 * @throws UnitError `UNKNOWN_UNIT` for a code no catalogue knows; `INCOMPATIBLE_UNITS` for
 * different dimensions; `INEXACT` when the exact result does not terminate (1 KGM in LBR) and
 * no scale is given; `INVALID_QUANTITY` for a value that is not an exact decimal string;
 * `INVALID_OPTIONS` for a bad scale or rounding mode.
 * @example
 * convert({ value: '10', unit: 'LBR' }, 'KGM'); // { value: '4.5359237', unit: 'KGM' }
 * convert({ value: '1', unit: 'KGM' }, 'LBR', { scale: 3 }); // { value: '2.205', unit: 'LBR' }
 * convert({ value: '-40', unit: 'CEL' }, 'FAH'); // { value: '-40', unit: 'FAH' }
 */
export function convert(quantity: QuantityInput, toUnit: string, options?: ConvertOptions): Quantity {
  return defaultUnitRegistry().convert(quantity, toUnit, options);
}
