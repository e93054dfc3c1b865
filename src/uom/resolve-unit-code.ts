import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import { describeInput } from './describe-input.js';
import { findUnitForSap } from './sap-lookup.js';
import { findUnitForUcum } from './ucum-lookup.js';
import { findUnit } from './unit-catalog.js';

/**
 * The canonical code for a code of any standard system, without plant aliases, in this order:
 * an active Rec 20/21 code; an SAP unit (`sapUnits` first, then the built-in T006 table:
 * `ST` → `H87`, `KG` → `KGM`); a code Rec 20 retired, as its successor (`PCE` → `H87`, `CT` →
 * `XCT`); a UCUM code (`kg`, `[lb_av]`). Codes are case-sensitive. SAP comes before the retired
 * Rec 20 codes because plants send SAP's `ST` (piece) and `KG` (kilogram) far more often than
 * Rec 20's long-deleted `ST` (sheet) and `KG` (keg).
 * @returns the canonical code, or undefined when no system knows the code (or it was retired without successor).
 */
export function resolveStandardCode(code: string, sapUnits: ReadonlyMap<string, string>): string | undefined {
  const unit = findUnit(code);
  if (unit?.status === 'active') return unit.code;
  return sapUnits.get(code) ?? findUnitForSap(code) ?? unit?.successor ?? findUnitForUcum(code);
}

/** The `UNKNOWN_UNIT` error for a code, saying when it was retired without successor. */
export function unknownUnitError(code: unknown, details: UnitErrorDetails, system?: string): UnitError {
  const written = describeInput(code);
  const unit = typeof code === 'string' ? findUnit(code) : undefined;
  const message =
    unit !== undefined && unit.status !== 'active' && unit.successor == null
      ? `${written} (${unit.name}) was ${unit.status} in UN/ECE Rec 20 and has no successor`
      : `${written} is not a known ${system ?? 'unit code (UN/ECE Rec 20, Rec 21, alias, SAP or UCUM)'}`;
  return new UnitError('UNKNOWN_UNIT', message, details);
}
