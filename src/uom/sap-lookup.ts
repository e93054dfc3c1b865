import { SAP_UNIT_RECORDS } from './generated/sap-units.js';

let fromSap: ReadonlyMap<string, string> | undefined;
let toSap: ReadonlyMap<string, string> | undefined;

/**
 * The canonical unit of a standard SAP unit of measurement (T006 MSEHI): `ST` → `H87`,
 * `KG` → `KGM`, `KAR` → `XCT`.
 * @returns the canonical code, or undefined when the built-in table has no such SAP unit.
 */
export function findUnitForSap(sapUnit: string): string | undefined {
  fromSap ??= new Map(SAP_UNIT_RECORDS.map(([sap, unit]) => [sap, unit]));
  return fromSap.get(sapUnit);
}

/**
 * The standard SAP unit a canonical unit is written as (the row marked primary): `H87` → `ST`.
 * @returns the SAP unit, or undefined when the built-in table has none.
 */
export function findSapUnit(code: string): string | undefined {
  toSap ??= new Map(SAP_UNIT_RECORDS.filter(([, , primary]) => primary).map(([sap, unit]) => [unit, sap]));
  return toSap.get(code);
}
