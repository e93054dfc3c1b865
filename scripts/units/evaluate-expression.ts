// Reads the unit expressions of UN/ECE Rec 20 (conversion factors such as `0,453 592 37 kg`,
// `3,785 412 x 10⁻³ m³`, `5/9 x K`, and symbols such as `lb/(ft·h)` or `gal (US)/min`) into exact
// magnitudes. The notation is ISO 80000's: decimal comma, digits grouped by spaces, Unicode
// superscript exponents, `x`, `×` or `·` for multiplication, `/` for division, parentheses.
import { createRational, type Rational } from '../../src/uom/rational.js';
import {
  divideMagnitudes,
  type Magnitude,
  multiplyMagnitudes,
  numberMagnitude,
  raiseMagnitude,
} from './magnitude.js';

/** The atoms an expression may use, by their exact spelling. */
export type Lexicon = ReadonlyMap<string, Magnitude>;

/** An expression could not be read; the message says where. */
export class ExpressionError extends Error {}

/** An evaluated expression and how precisely its numbers were written. */
export interface Evaluation {
  readonly magnitude: Magnitude;
  /**
   * The relative size of the last written digit of its least precise decimal number, e.g.
   * 1e-5 / 2.77778 for `2,777 78`; zero when every number is an integer or a power of ten.
   */
  readonly tolerance: Rational;
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

/** Spellings that mean the same character: ordinal º for degree, ohm sign, Greek mu, odd spaces. */
export function normalizeExpression(text: string): string {
  return text
    .replace(/º/g, '°')
    .replace(/\u2126/g, 'Ω')
    .replace(/\u03bc/g, 'µ')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

type Token =
  | { readonly kind: 'number'; readonly value: Magnitude; readonly tolerance: Rational }
  | { readonly kind: 'atom'; readonly value: Magnitude; readonly text: string }
  | { readonly kind: 'exponent'; readonly power: number }
  | { readonly kind: 'times' | 'over' | 'open' | 'close' };

const LETTER = /[A-Za-zΑ-Ωα-ωµ°₀-₉']/;

const OPERATORS: Readonly<Record<string, 'times' | 'over' | 'open' | 'close'>> = {
  x: 'times',
  '×': 'times',
  '·': 'times',
  '*': 'times',
  '.': 'times',
  '/': 'over',
  '(': 'open',
  ')': 'close',
};

/** A lexicon's spellings by first character, longest first, so the longest atom wins. */
type KeyIndex = ReadonlyMap<string, readonly string[]>;
const keyIndexes = new WeakMap<Lexicon, { readonly size: number; readonly index: KeyIndex }>();

function indexKeys(lexicon: Lexicon): KeyIndex {
  const cached = keyIndexes.get(lexicon);
  let index = cached?.size === lexicon.size ? cached.index : undefined;
  if (index === undefined) {
    const byFirst = new Map<string, string[]>();
    for (const key of [...lexicon.keys()].sort((a, b) => b.length - a.length)) {
      const first = key[0] as string;
      byFirst.set(first, [...(byFirst.get(first) ?? []), key]);
    }
    index = byFirst;
    keyIndexes.set(lexicon, { size: lexicon.size, index });
  }
  return index;
}

function readNumber(text: string, start: number): { token: Token; end: number } | undefined {
  const integer = /^\d+(?: \d{3}(?!\d))*/.exec(text.slice(start));
  if (integer === null) return undefined;
  let end = start + integer[0].length;
  let digits = integer[0].replace(/ /g, '');
  let decimals = '';
  const fraction = /^[,.] ?(\d+)/.exec(text.slice(end));
  if (fraction !== null && (text[end] === ',' || /\d/.test(text[end + 1] ?? ''))) {
    // Decimal digits continue in groups while the previous group had three digits or more: `453 592 37`,
    // `907184 7`; `1,8 1/K` is 1,8 times 1/K.
    let group = fraction[1] as string;
    decimals = group;
    end += fraction[0].length;
    for (;;) {
      const next = /^ (\d+)/.exec(text.slice(end));
      if (group.length < 3 || next === null) break;
      group = next[1] as string;
      decimals += group;
      end += next[0].length;
    }
  }
  digits += decimals;
  const scale = 10n ** BigInt(decimals.length);
  const value = createRational(BigInt(digits), scale);
  const tolerance =
    decimals === '' || value.numerator === 0n ? createRational(0n) : createRational(1n, BigInt(digits));
  return { token: { kind: 'number', value: numberMagnitude(value), tolerance }, end };
}

function readExponent(text: string, start: number): { token: Token; end: number } | undefined {
  let end = start;
  let written = '';
  while (end < text.length && SUPERSCRIPTS[text[end] as string] !== undefined) {
    written += SUPERSCRIPTS[text[end] as string];
    end += 1;
  }
  if (written === '') return undefined;
  if (text[end] === '‧') throw new ExpressionError(`fractional exponent at ${start} in "${text}"`);
  if (!/^[-+]?\d+$/.test(written)) throw new ExpressionError(`bad exponent at ${start} in "${text}"`);
  return { token: { kind: 'exponent', power: Number(written) }, end };
}

function tokenize(text: string, lexicon: Lexicon, keys: KeyIndex): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === ' ') {
      index += 1;
      continue;
    }
    const exponent = readExponent(text, index);
    if (exponent !== undefined) {
      tokens.push(exponent.token);
      index = exponent.end;
      continue;
    }
    if (/\d/.test(char)) {
      const number = readNumber(text, index) as { token: Token; end: number };
      tokens.push(number.token);
      index = number.end;
      continue;
    }
    const atom = keys
      .get(char)
      ?.find((key) => text.startsWith(key, index) && !LETTER.test(text[index + key.length] ?? ''));
    if (atom !== undefined) {
      tokens.push({ kind: 'atom', value: lexicon.get(atom) as Magnitude, text: atom });
      index += atom.length;
      // An ASCII exponent written right after a symbol: `m3`, `kN/m2`.
      const ascii = /^\d+(?![\d,])/.exec(text.slice(index));
      if (ascii !== null && /[A-Za-z]$/.test(atom)) {
        tokens.push({ kind: 'exponent', power: Number(ascii[0]) });
        index += ascii[0].length;
      }
      continue;
    }
    const operator = OPERATORS[char];
    if (operator !== undefined) {
      tokens.push({ kind: operator });
      index += 1;
      continue;
    }
    throw new ExpressionError(`unknown symbol at "${text.slice(index)}" in "${text}"`);
  }
  return tokens;
}

/** A recursive-descent reader: products and quotients left to right; exponents bind tightest. */
class Reader {
  private position = 0;
  tolerance: Rational = createRational(0n);

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  read(): Magnitude {
    const value = this.product();
    if (this.position !== this.tokens.length) throw new ExpressionError(`unexpected token in "${this.text}"`);
    return value;
  }

  private product(): Magnitude {
    let value = this.power();
    for (;;) {
      const token = this.tokens[this.position];
      if (token === undefined || token.kind === 'close') return value;
      if (token.kind === 'times' || token.kind === 'over') {
        this.position += 1;
        const right = this.power();
        value = token.kind === 'times' ? multiplyMagnitudes(value, right) : divideMagnitudes(value, right);
      } else {
        value = multiplyMagnitudes(value, this.power()); // juxtaposition: `kg m⁻²`
      }
    }
  }

  private power(): Magnitude {
    let value = this.primary();
    const token = this.tokens[this.position];
    if (token?.kind === 'exponent') {
      this.position += 1;
      value = raiseMagnitude(value, token.power);
    }
    return value;
  }

  private primary(): Magnitude {
    const token = this.tokens[this.position];
    this.position += 1;
    if (token === undefined) throw new ExpressionError(`expression ends early: "${this.text}"`);
    switch (token.kind) {
      case 'number':
        if (token.tolerance.numerator !== 0n) this.noteTolerance(token.tolerance);
        return token.value;
      case 'atom':
        return token.value;
      case 'open': {
        const inner = this.product();
        if (this.tokens[this.position]?.kind !== 'close')
          throw new ExpressionError(`unclosed ( in "${this.text}"`);
        this.position += 1;
        return inner;
      }
      default:
        throw new ExpressionError(`unexpected ${token.kind} in "${this.text}"`);
    }
  }

  private noteTolerance(tolerance: Rational): void {
    const current = this.tolerance;
    if (tolerance.numerator * current.denominator > current.numerator * tolerance.denominator)
      this.tolerance = tolerance;
  }
}

/**
 * Evaluates a unit expression with the atoms of a lexicon (which should define `π`).
 * @throws ExpressionError when the text uses an unknown atom or is malformed.
 */
export function evaluateExpression(text: string, lexicon: Lexicon): Evaluation {
  const normalized = normalizeExpression(text);
  const reader = new Reader(tokenize(normalized, lexicon, indexKeys(lexicon)), normalized);
  const magnitude = reader.read();
  return { magnitude, tolerance: reader.tolerance };
}
