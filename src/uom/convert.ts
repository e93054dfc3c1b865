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
 * Unit codes are read by one precedence rule (see {@link UnitRegistry}): an active Rec 20/21
 * code means Rec 20 (`PAL` is pascal); a retired code its successor (`PCE` → `H87`) and a UCUM
 * code its unit, when that is the code's only meaning. SAP codes (`KG`, `ST`, `KAR`, `PC`) are
 * read only with `options.system: 'sap'`, which reads both codes of the call as SAP codes; a code
 * whose readings differ (`KG`: Rec 20's deleted keg or SAP's kilogram) is refused as
 * `AMBIGUOUS_UNIT`. The result carries the canonical code. Temperatures (CEL, FAH, KEL) are
 * affine. Counting units (H87 piece, EA each, C62 one, DZN dozen...) are one dimension.
 * Packages (`XCT`) need a material: see {@link createUnitRegistry}.
 * @returns `{ value, unit }` with the exact decimal value, or the value rounded to
 * `options.scale` places by `options.rounding` (half-even by default).
 * @throws UnitError `UNKNOWN_UNIT` for a code no catalogue knows, or an SAP code without
 * `system: 'sap'`; `AMBIGUOUS_UNIT` for a code with several meanings; `INCOMPATIBLE_UNITS` for
 * different dimensions; `INEXACT` when the exact result does not terminate (1 KGM in LBR) and
 * no scale is given; `INVALID_QUANTITY` for a value that is not an exact decimal string (or a
 * quantity that cannot be read); `INVALID_OPTIONS` for a bad scale, rounding mode or system.
 * @example
 * convert({ value: '10', unit: 'LBR' }, 'KGM'); // { value: '4.5359237', unit: 'KGM' }
 * convert({ value: '1', unit: 'KGM' }, 'LBR', { scale: 3 }); // { value: '2.205', unit: 'LBR' }
 * convert({ value: '-40', unit: 'CEL' }, 'FAH'); // { value: '-40', unit: 'FAH' }
 * convert({ value: '2', unit: 'KG' }, 'G', { system: 'sap' }); // { value: '2000', unit: 'GRM' }
 */
export function convert(quantity: QuantityInput, toUnit: string, options?: ConvertOptions): Quantity {
  return defaultUnitRegistry().convert(quantity, toUnit, options);
}
