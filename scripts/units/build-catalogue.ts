// Builds the unit catalogue from Rec 20 (every row) and Rec 21 (the package codes, X-prefixed):
// status, name, symbol, exact factor, dimension, offset, and the successor of each retired code.
import { createRational, parseFraction, type Rational } from '../../src/uom/rational.js';
import {
  EXACT_FACTORS,
  LEGACY_CODES,
  NO_FACTOR,
  OFFSETS,
  SUCCESSORS,
  TRUST_PUBLISHED,
  TRUST_SYMBOL,
} from './curation.js';
import { decideFactor, type FactorOrigin, firstSymbol } from './decide-factor.js';
import type { Lexicon } from './evaluate-expression.js';
import { closeMagnitudes, type Magnitude } from './magnitude.js';

export type Status = 'active' | 'deprecated' | 'deleted';

export interface CatalogueUnit {
  readonly code: string;
  readonly status: Status;
  readonly name: string;
  readonly symbol: string;
  /** The Rec 20 level/category, e.g. `1S` or `3.7`; '' for Rec 21 codes. */
  readonly level: string;
  readonly description: string;
  readonly factor?: Magnitude;
  readonly origin?: FactorOrigin;
  readonly offset?: Rational;
  /** For a retired code: the active code that replaces it, or null when there is none. */
  readonly successor?: string | null;
  readonly successorReason?: string;
}

/** A row of data/uom/rec20/units-of-measure.csv. */
export interface Rec20Row {
  readonly status: string;
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly level: string;
  readonly symbol: string;
  readonly factor: string;
}

/** An entry of the Rec 21 package list (Quadient's merged Rec 20/21 JSON). */
export interface Rec21Entry {
  readonly state: string;
  readonly commonCode: string;
  readonly name: string;
}

export interface CatalogueResult {
  readonly units: readonly CatalogueUnit[];
  /** Codes whose factor is neither settled by the data nor by curation.ts, with the reason. */
  readonly undecided: readonly string[];
  /** Problems with successors: unknown targets, targets that are not active. */
  readonly problems: readonly string[];
}

const SUCCESSOR_TOLERANCE = createRational(1n, 1000n);

function rec20Status(status: string): Status {
  if (status === 'X') return 'deleted';
  if (status === 'D') return 'deprecated';
  return 'active'; // '' or a change mark such as '¦'
}

const curation = {
  exact: new Map(Object.entries(EXACT_FACTORS).map(([code, [definition]]) => [code, definition])),
  trustPublished: new Set(Object.keys(TRUST_PUBLISHED)),
  trustSymbol: new Set(Object.keys(TRUST_SYMBOL)),
  noFactor: new Set(Object.keys(NO_FACTOR)),
};

/** The first word of a name, lower case, to compare a Rec 20 package name with its Rec 21 namesake. */
function headWord(name: string): string {
  return (name.toLowerCase().match(/[a-z]+/)?.[0] ?? '').replace(/s$/, '');
}

/** What the source lists say replaces a retired code, before curation. */
function statedSuccessor(
  row: Rec20Row,
  rec21: ReadonlyMap<string, Rec21Entry>,
  active: ReadonlyMap<string, Rec20Row>,
): [string | null, string] | undefined {
  const common = /common code ([A-Z0-9]{2,3})\)/.exec(row.description);
  if (common !== null) return [common[1] as string, `Rec 20: "${common[0]}"`];
  if (row.description.includes('Recommendation 21')) {
    const target = rec21.get(`X${row.code}`);
    if (target !== undefined && headWord(target.name) === headWord(row.name)) {
      return [`X${row.code}`, `Rec 20: use Rec 21 (${target.name})`];
    }
    return undefined;
  }
  // "Synonym: square hectometre" names an active unit; or an active unit names this one as its synonym.
  const synonymsOf = (description: string): string[] =>
    [...description.matchAll(/Synonym: ([^,]+)/gi)].map((match) => (match[1] as string).trim().toLowerCase());
  const synonyms = [...active.values()].filter(
    (unit) =>
      synonymsOf(row.description).includes(unit.name.toLowerCase()) ||
      synonymsOf(unit.description).includes(row.name.toLowerCase()),
  );
  if (synonyms.length === 1) {
    const target = synonyms[0] as Rec20Row;
    return [target.code, `Rec 20: synonym ${target.name}`];
  }
  return undefined;
}

/** Follows successors until an active code (a deprecated successor may itself have one). */
function chase(
  code: string,
  successors: ReadonlyMap<string, string | null>,
  statuses: ReadonlyMap<string, Status>,
): string | null {
  const seen = new Set<string>();
  let current: string | null = code;
  while (current !== null && statuses.get(current) !== 'active') {
    if (seen.has(current)) return null;
    seen.add(current);
    current = successors.get(current) ?? null;
  }
  return current;
}

/** Builds the catalogue; undecided factors and successor problems are returned for the report. */
export function buildCatalogue(
  rows: readonly Rec20Row[],
  rec21Entries: readonly Rec21Entry[],
  lexicon: Lexicon,
): CatalogueResult {
  const rec20Codes = new Set(rows.map((row) => row.code));
  const rec21 = new Map(
    rec21Entries
      .filter((entry) => !rec20Codes.has(entry.commonCode))
      .map((entry) => [entry.commonCode, entry]),
  );
  const active = new Map(
    rows.filter((row) => rec20Status(row.status) === 'active').map((row) => [row.code, row]),
  );
  const undecided: string[] = [];
  const problems: string[] = [];
  const units: CatalogueUnit[] = [];

  for (const row of rows) {
    const status = rec20Status(row.status);
    const decision = decideFactor(row.code, row.factor, row.symbol, lexicon, curation);
    if (decision.kind === 'undecided') undecided.push(`${row.code} (${row.name}): ${decision.reason}`);
    const offset = OFFSETS[row.code];
    units.push({
      code: row.code,
      status,
      name: row.name,
      symbol: firstSymbol(row.symbol),
      level: row.level,
      description: row.description,
      ...(decision.kind === 'factor' ? { factor: decision.magnitude, origin: decision.origin } : {}),
      ...(offset !== undefined ? { offset: parseFraction(offset[0]) } : {}),
    });
  }
  for (const entry of rec21.values()) {
    const status: Status = entry.state === 'MARKED_AS_DELETED' ? 'deleted' : 'active';
    units.push({ code: entry.commonCode, status, name: entry.name, symbol: '', level: '', description: '' });
  }
  for (const [code, name] of Object.entries(LEGACY_CODES)) {
    units.push({ code, status: 'deleted', name, symbol: '', level: '', description: '' });
  }

  // Successors: curated first, then what the lists state; then chased to an active code.
  const statuses = new Map(units.map((unit) => [unit.code, unit.status]));
  const successors = new Map<string, string | null>();
  const reasons = new Map<string, string>();
  for (const unit of units) {
    if (unit.status === 'active') continue;
    const curated = SUCCESSORS[unit.code];
    const row = rows.find((candidate) => candidate.code === unit.code);
    const stated = curated ?? (row === undefined ? undefined : statedSuccessor(row, rec21, active));
    if (stated === undefined) continue;
    const [target, reason] = stated;
    if (target !== null && !statuses.has(target))
      problems.push(`${unit.code}: successor ${target} is not in the catalogue`);
    successors.set(unit.code, target);
    reasons.set(unit.code, curated === undefined ? reason : `curated: ${reason}`);
  }
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const result = units.map((unit): CatalogueUnit => {
    if (unit.status === 'active') return unit;
    const successor = successors.has(unit.code) ? chase(unit.code, successors, statuses) : null;
    if (successor !== null) {
      const target = byCode.get(successor) as CatalogueUnit;
      // A successor of another size would change quantities silently; Rec 20's rounding of a
      // retired code's factor (6,894 757 x 10⁶ Pa) is no such change.
      if (
        unit.factor !== undefined &&
        target.factor !== undefined &&
        !closeMagnitudes(unit.factor, target.factor, SUCCESSOR_TOLERANCE)
      ) {
        problems.push(`${unit.code}: successor ${successor} has a different factor`);
      }
    }
    return {
      ...unit,
      successor,
      ...(reasons.has(unit.code) ? { successorReason: reasons.get(unit.code) as string } : {}),
    };
  });
  return {
    units: result.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    undecided,
    problems,
  };
}
