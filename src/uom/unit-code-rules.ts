import { CANONICAL_UNIT_CODES, RETIRED_UNIT_CODES } from './generated/unit-codes.js';

/**
 * Whether a code is one that UN/ECE Rec 20 (or Rec 21) deprecated or deleted, or a legacy code
 * such as `PCE`: accepted as input by the unit registry, not in canonical records.
 */
export function isRetiredUnitCode(code: string): boolean {
  return RETIRED_UNIT_CODES.has(code);
}

/**
 * Whether a code is a canonical unit code (an active Rec 20 Rev 17 code or an X-prefixed Rec 21
 * package code) or a retired one; only the former may appear in canonical records.
 */
export function isKnownUnitCode(code: string): boolean {
  return CANONICAL_UNIT_CODES.has(code) || RETIRED_UNIT_CODES.has(code);
}

/** The message for a retired code in a canonical record, naming its successor when it has one. */
export function describeRetiredUnitCode(code: string): string {
  const successor = RETIRED_UNIT_CODES.get(code);
  return successor == null
    ? `unit code "${code}" was deleted from UN/ECE Rec 20 and has no successor; use a current code`
    : `unit code "${code}" is no longer a UN/ECE Rec 20 (Rev 17) code; use "${successor}"`;
}
