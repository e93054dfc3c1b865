import { SAP_UNIT_RECORDS } from './generated/sap-units.js';

let unitOfInternal: ReadonlyMap<string, string> | undefined;
let internalOfExternal: ReadonlyMap<string, string> | undefined;
let primaryOfUnit: ReadonlyMap<string, string> | undefined;

/**
 * The canonical unit of a standard internal SAP unit of measurement (T006 MSEHI): `ST` → `H87`,
 * `KG` → `KGM`, `KAR` → `XCT`.
 * @returns the canonical code, or undefined when the built-in table has no such internal code.
 */
export function findUnitForSap(internal: string): string | undefined {
  unitOfInternal ??= new Map(SAP_UNIT_RECORDS.map(([sap, , unit]) => [sap, unit]));
  return unitOfInternal.get(internal);
}

/**
 * The internal SAP unit of a standard English external commercial code (T006A MSEH3, as SAP's
 * T006B maps it back): `PC` → `ST`, `CAR` → `KAR`; a unit whose codes are equal maps to itself.
 * @returns the internal code, or undefined when the built-in table has no such external code.
 */
export function findSapInternalForExternal(external: string): string | undefined {
  internalOfExternal ??= new Map(SAP_UNIT_RECORDS.map(([sap, commercial]) => [commercial, sap]));
  return internalOfExternal.get(external);
}

/**
 * The standard internal SAP unit a canonical unit is written as (the row marked primary): `H87` → `ST`.
 * @returns the SAP unit, or undefined when the built-in table has none.
 */
export function findSapUnit(code: string): string | undefined {
  primaryOfUnit ??= new Map(
    SAP_UNIT_RECORDS.filter(([, , , primary]) => primary).map(([sap, , unit]) => [unit, sap]),
  );
  return primaryOfUnit.get(code);
}
