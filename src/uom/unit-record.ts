/**
 * Whether a code may appear in canonical records: `a` active (Rec 20 Rev 17 or Rec 21 with the X
 * prefix), `d` deprecated by Rec 20, `x` deleted. Deprecated and deleted codes are accepted as
 * input and resolved to their successors, unless another system reads the code otherwise (see
 * read-unit-code.ts).
 */
export type UnitStatus = 'a' | 'd' | 'x';

/**
 * One unit of the generated catalogue (src/uom/generated/units.ts), as a compact tuple:
 * - `code`: the Rec 20 common code, or the X-prefixed Rec 21 package code.
 * - `status`: see {@link UnitStatus}.
 * - `name`, `symbol`: as the code list writes them; `''` when there is no symbol.
 * - `dimension`: the exponents of the base units, e.g. `m.kg.s-2`, `1` for a pure number (counts,
 *   ratios), `''` for a unit without a factor (packages, most counting units of level 3).
 * - `factor`: the exact factor to the coherent SI unit of the dimension, as `n` or `n/d`.
 * - `pi`: the power of π the factor is multiplied by (degree = 1/180 × π rad); 0 when absent.
 * - `offset`: for absolute temperatures, what is added before the factor applies
 *   (kelvin = (°C + 273.15) × 1).
 */
export type UnitRecord = readonly [
  code: string,
  status: UnitStatus,
  name: string,
  symbol: string,
  dimension: string,
  factor: string,
  pi?: number,
  offset?: string,
];

/**
 * An SAP unit of measurement: its internal code (T006 MSEHI, `ST`), its English external
 * commercial code (T006A MSEH3, `PC`), the canonical unit it stands for, and whether it is the
 * SAP unit that canonical unit maps back to.
 */
export type SapUnitRecord = readonly [sap: string, external: string, unit: string, primary: boolean];
