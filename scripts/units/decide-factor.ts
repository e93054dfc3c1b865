// Decides the exact factor of one Rec 20 unit from its printed conversion factor, its symbol and
// the curated decisions, and says where the factor came from.
import { compareRationals } from '../../src/uom/rational.js';
import { type Evaluation, evaluateExpression, type Lexicon } from './evaluate-expression.js';
import { type Magnitude, relativeDifference, sameDimension, sameMagnitude } from './magnitude.js';

/** The curated decisions about factors; see curation.ts for each entry and its reason. */
export interface FactorCuration {
  /** An exact definition that replaces whatever Rec 20 prints. */
  readonly exact: ReadonlyMap<string, string>;
  /** Rec 20's printed factor is kept although the symbol says otherwise. */
  readonly trustPublished: ReadonlySet<string>;
  /** The symbol's exact value is used although the printed factor disagrees or cannot be read. */
  readonly trustSymbol: ReadonlySet<string>;
  /** No factor: the printed one is not a linear factor to SI (logarithmic, a reference to another unit...). */
  readonly noFactor: ReadonlySet<string>;
}

/** Where a unit's factor came from. */
export type FactorOrigin =
  | 'curated' // an exact definition from curation.ts
  | 'rec20' // Rec 20's printed factor, exact as printed (it equals the symbol's value, or no symbol could be read)
  | 'symbol' // the exact value of the symbol, which Rec 20's rounded factor agrees with to its printed digits
  | 'symbol-curated'; // the symbol's value by a curated decision

export type FactorDecision =
  | { readonly kind: 'factor'; readonly magnitude: Magnitude; readonly origin: FactorOrigin }
  | { readonly kind: 'none' }
  /** Printed factor and symbol disagree (or the factor is unreadable) and no curated decision settles it. */
  | { readonly kind: 'undecided'; readonly reason: string };

function tryEvaluate(text: string, lexicon: Lexicon): Evaluation | undefined {
  if (text.trim() === '') return undefined;
  try {
    return evaluateExpression(text, lexicon);
  } catch {
    return undefined;
  }
}

/** The first of the alternatives a Rec 20 symbol lists: `kg/l or kg/L` → `kg/l`. */
export function firstSymbol(symbol: string): string {
  return symbol.split(' or ')[0] as string;
}

/**
 * The factor of a unit: a curated definition first; else the printed factor, replaced by the
 * symbol's exact value when they agree to the printed precision (Rec 20 rounds 1/3600 to
 * 2,777 78 × 10⁻⁴); disagreements must be settled in curation.ts.
 */
export function decideFactor(
  code: string,
  printed: string,
  symbol: string,
  lexicon: Lexicon,
  curation: FactorCuration,
): FactorDecision {
  const exact = curation.exact.get(code);
  if (exact !== undefined) {
    return { kind: 'factor', magnitude: evaluateExpression(exact, lexicon).magnitude, origin: 'curated' };
  }
  if (curation.noFactor.has(code)) return { kind: 'none' };
  const published = tryEvaluate(printed, lexicon);
  const bySymbol = tryEvaluate(firstSymbol(symbol), lexicon);
  if (curation.trustSymbol.has(code)) {
    if (bySymbol === undefined) throw new Error(`${code}: trusted symbol "${symbol}" cannot be read`);
    return { kind: 'factor', magnitude: bySymbol.magnitude, origin: 'symbol-curated' };
  }
  if (printed.trim() === '') return { kind: 'none' };
  if (published === undefined) return { kind: 'undecided', reason: `cannot read factor "${printed}"` };
  if (curation.trustPublished.has(code) || bySymbol === undefined) {
    return { kind: 'factor', magnitude: published.magnitude, origin: 'rec20' };
  }
  if (sameMagnitude(published.magnitude, bySymbol.magnitude)) {
    return { kind: 'factor', magnitude: published.magnitude, origin: 'rec20' };
  }
  if (!sameDimension(published.magnitude, bySymbol.magnitude)) {
    return { kind: 'undecided', reason: `dimension of "${printed}" differs from symbol "${symbol}"` };
  }
  const difference = relativeDifference(bySymbol.magnitude, published.magnitude);
  // Agreement to the printed digits: within one unit of the last printed digit.
  const allowed = published.tolerance;
  if (allowed.numerator !== 0n && compareRationals(difference, allowed) <= 0) {
    return { kind: 'factor', magnitude: bySymbol.magnitude, origin: 'symbol' };
  }
  return { kind: 'undecided', reason: `"${printed}" differs from symbol "${symbol}"` };
}
