import { FROM_UCUM, TO_UCUM } from './generated/ucum-codes.js';
import { normalizeUcum } from './normalize-ucum.js';

let toUcum: ReadonlyMap<string, string> | undefined;
let fromUcum: ReadonlyMap<string, string> | undefined;

/**
 * The UCUM code a canonical unit is sent as (`KGM` → `kg`, `LBR` → `[lb_av]`, `H87` → `{piece}`).
 * @returns the UCUM code, or undefined when the unit has none (packages, most counting units).
 */
export function findUcumCode(code: string): string | undefined {
  toUcum ??= new Map(TO_UCUM);
  return toUcum.get(code);
}

/**
 * The canonical unit a UCUM code stands for, in any spelling of the same term (`s/m` and
 * `s.m-1` alike; see {@link normalizeUcum}).
 * @returns the canonical code, or undefined when no verified Rec 20 unit has that UCUM code.
 */
export function findUnitForUcum(ucum: string): string | undefined {
  fromUcum ??= new Map(FROM_UCUM.map(([spelling, code]) => [normalizeUcum(spelling) as string, code]));
  const key = normalizeUcum(ucum);
  return key === undefined ? undefined : fromUcum.get(key);
}
