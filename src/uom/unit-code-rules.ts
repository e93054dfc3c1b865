import { CANONICAL_UNIT_CODES, RETIRED_UNIT_CODES } from './generated/unit-codes.js';
import { describeAmbiguity, isAmbiguous, STANDARD_TABLES, unitCodeReadings } from './read-unit-code.js';

/**
 * Why a code may not appear in a canonical record (the issue codes of the `UnitCode` schema):
 * - `ambiguous_unit`: the code means different units in different systems (`KG`: Rec 20's
 *   deleted keg or SAP's kilogram), by the precedence rule of `read-unit-code.ts`;
 * - `deprecated_unit`: a code Rec 20 deprecated or deleted, with one meaning (`PCE`);
 * - `unknown_unit`: any other code that is no canonical code (`KAR`, SAP's carton, included).
 */
export type UnitCodeProblem = 'ambiguous_unit' | 'deprecated_unit' | 'unknown_unit';

/**
 * What is wrong with a code in a canonical record, by the standard catalogues alone.
 * @returns the problem, or undefined for a canonical code (an active Rec 20 Rev 17 code or an
 * X-prefixed Rec 21 package code).
 */
export function findUnitCodeProblem(code: string): UnitCodeProblem | undefined {
  if (CANONICAL_UNIT_CODES.has(code)) return undefined;
  const readings = unitCodeReadings(code, STANDARD_TABLES);
  if (isAmbiguous(readings)) return 'ambiguous_unit';
  return RETIRED_UNIT_CODES.has(code) ? 'deprecated_unit' : 'unknown_unit';
}

/**
 * The message for a code that may not appear in a canonical record: each meaning of an
 * ambiguous code, the successor of a retired one, the canonical code of a code only SAP or UCUM
 * knows.
 * @returns the message; it quotes at most the first 40 characters of the code.
 */
export function describeUnitCodeProblem(code: string): string {
  const readings = unitCodeReadings(code, STANDARD_TABLES);
  if (isAmbiguous(readings)) {
    return `${describeAmbiguity(code, readings, 'record')}; a canonical record needs the canonical code`;
  }
  const written = JSON.stringify(code.length <= 40 ? code : `${code.slice(0, 40)}...`);
  if (RETIRED_UNIT_CODES.has(code)) {
    const successor = RETIRED_UNIT_CODES.get(code);
    return successor == null
      ? `unit code ${written} was deleted from UN/ECE Rec 20 and has no successor; use a current code`
      : `unit code ${written} is no longer a UN/ECE Rec 20 (Rev 17) code; use "${successor}"`;
  }
  const known = readings[0];
  const hint =
    known?.unit == null
      ? ''
      : `; as ${known.system === 'sap' ? 'an SAP unit' : 'a UCUM code'} it is ${known.name}: use "${known.unit}"`;
  return `${written} is not a UN/ECE Rec 20 (Rev 17) or X-prefixed Rec 21 unit code${hint}`;
}
