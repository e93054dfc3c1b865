// Builds the Rec 20 ↔ UCUM map from the QUDT-derived pairs, keeping only the pairs whose UCUM
// code means exactly the Rec 20 unit's factor (checked with the UCUM essence), plus the
// counting units QUDT has no UCUM code for.
import { normalizeUcum } from '../../src/uom/normalize-ucum.js';
import { createRational } from '../../src/uom/rational.js';
import type { CatalogueUnit } from './build-catalogue.js';
import { BASES, closeMagnitudes, countsAsNumbers } from './magnitude.js';

/** UCUM spellings of a count: a number, a power of ten or an annotation. */
const COUNT_SPELLING = /^(?:\d+|10\*\d+|\{[^}]+\})$/;

import { UcumError, type UcumEssence } from './ucum-essence.js';

/** A row of data/uom/mappings/qudt_unece_ucum_map.csv. */
export interface QudtRow {
  readonly unit: string;
  readonly uneceCodes: readonly string[];
  readonly ucumCodes: readonly string[];
  readonly deprecated: boolean;
}

/**
 * UCUM codes for units QUDT maps to no UCUM code. Annotations in braces are worth 1 in UCUM, so
 * they are right only for units of factor 1; packages and pairs get none (a UCUM system would
 * read `{pair}` as 1 and convert it wrongly).
 */
const UCUM_ADDITIONS: Readonly<Record<string, readonly string[]>> = {
  H87: ['{piece}'],
  EA: ['{each}'],
  C62: ['1'],
};

/**
 * UCUM writes some definitions rounded or by an older convention (the thermochemical BTU as
 * 1.054 350 kJ, the parsec to seven digits) where the catalogue's factor is exact: a pair is the
 * same unit when the values agree to one part in 10⁶, which still tells the international foot
 * from the US survey foot (2 parts in 10⁶). Conversions always use the catalogue's exact factor.
 */
const SAME_UNIT_TOLERANCE = createRational(1n, 1_000_000n);

export interface UcumMapResult {
  /** Per Rec 20 code, its preferred verified UCUM code. */
  readonly toUcum: ReadonlyMap<string, string>;
  /** Every verified UCUM spelling and the code it reads as. */
  readonly fromUcum: ReadonlyMap<string, string>;
  readonly rejected: readonly string[];
  /** UCUM spellings claimed by more than one code, with the code that keeps them. */
  readonly shared: readonly string[];
}

const LEVEL_ORDER = ['1', '1S', '1M', '2', '2S'];

function levelRank(level: string): number {
  const index = LEVEL_ORDER.indexOf(level.replace(/\.0$/, '').split(',')[0] as string);
  return index === -1 ? LEVEL_ORDER.length : index;
}

/** Shorter, annotation-free, non-deprecated spellings are preferred as the code to send. */
function preference(candidate: { ucum: string; deprecated: boolean }): [number, number, number, string] {
  return [
    candidate.deprecated ? 1 : 0,
    candidate.ucum.includes('{') ? 1 : 0,
    candidate.ucum.length,
    candidate.ucum,
  ];
}

function compareTuples(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index] as number | string;
    const right = b[index] as number | string;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

export function buildUcumMap(
  units: readonly CatalogueUnit[],
  qudt: readonly QudtRow[],
  essence: UcumEssence,
): UcumMapResult {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const candidates = new Map<string, { ucum: string; deprecated: boolean }[]>();
  const rejected: string[] = [];
  const accept = (code: string, ucum: string, deprecated: boolean): void => {
    const list = candidates.get(code) ?? [];
    if (!list.some((entry) => entry.ucum === ucum)) list.push({ ucum, deprecated });
    candidates.set(code, list);
  };
  for (const row of qudt) {
    for (const code of row.uneceCodes) {
      const unit = byCode.get(code);
      if (unit?.status !== 'active' || unit.factor === undefined) continue;
      for (const ucum of row.ucumCodes) {
        try {
          const magnitude = essence.evaluate(ucum);
          // UCUM has no dimension for counted items: a count unit matches only a pure number or
          // an annotation (`1`, `{piece}`), never a ratio such as K/K.
          const counted = unit.factor.dims[BASES.indexOf('item')] !== 0;
          if (counted && !COUNT_SPELLING.test(ucum)) {
            rejected.push(`${code} ${ucum}: a ratio, not a count (QUDT ${row.unit})`);
          } else if (closeMagnitudes(magnitude, countsAsNumbers(unit.factor), SAME_UNIT_TOLERANCE))
            accept(code, ucum, row.deprecated);
          else rejected.push(`${code} ${ucum}: UCUM value differs from the Rec 20 factor (QUDT ${row.unit})`);
        } catch (error) {
          if (!(error instanceof UcumError)) throw error;
          rejected.push(`${code} ${ucum}: ${error.message}`);
        }
      }
    }
  }
  for (const [code, ucums] of Object.entries(UCUM_ADDITIONS))
    for (const ucum of ucums) accept(code, ucum, false);

  // One UCUM spelling maps back to one code: the most normative level, then the code's own
  // preferred spelling, then the alphabetically first code.
  const owners = new Map<string, string[]>();
  for (const [code, list] of candidates) {
    for (const { ucum } of list) {
      const key = normalizeUcum(ucum);
      if (key === undefined) throw new Error(`${code}: ${ucum} does not normalize`);
      owners.set(key, [...(owners.get(key) ?? []), code]);
    }
  }
  const preferred = new Map<string, string>();
  for (const [code, list] of candidates) {
    preferred.set(
      code,
      ([...list].sort((a, b) => compareTuples(preference(a), preference(b)))[0] as { ucum: string }).ucum,
    );
  }
  const shared: string[] = [];
  const owner = new Map<string, string>();
  for (const [key, claimants] of owners) {
    const ranked = [...claimants].sort((a, b) =>
      compareTuples(
        [levelRank(byCode.get(a)?.level ?? ''), normalizeUcum(preferred.get(a) ?? '') === key ? 0 : 1, a],
        [levelRank(byCode.get(b)?.level ?? ''), normalizeUcum(preferred.get(b) ?? '') === key ? 0 : 1, b],
      ),
    );
    owner.set(key, ranked[0] as string);
    if (ranked.length > 1) shared.push(`${key}: ${ranked.join(', ')} (fromUcum gives ${ranked[0]})`);
  }
  const fromUcum = new Map<string, string>();
  for (const list of candidates.values()) {
    for (const { ucum } of list) fromUcum.set(ucum, owner.get(normalizeUcum(ucum) as string) as string);
  }
  const sortedEntries = <T>(map: Map<string, T>): Map<string, T> =>
    new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { toUcum: sortedEntries(preferred), fromUcum: sortedEntries(fromUcum), rejected, shared };
}
