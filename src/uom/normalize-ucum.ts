/**
 * Writes a UCUM code in one normal form, so that spellings of the same unit compare equal:
 * `s/m`, `s.m-1` and `/m.s` all become `m-1.s`; `kg/(m2.s)` and `kg.m-2.s-1` become
 * `kg.m-2.s-1`. The normal form is syntactic: symbols are compared as written (`mm` is not
 * split into milli + metre), annotations stay attached to their symbol, integer factors are
 * multiplied out in front.
 *
 * The work is bounded whatever the input: a term longer than 512 characters, a zero factor,
 * an exponent beyond ±99 (after nested groups multiply, `((m9)9)9` is m729), or an
 * integer factor beyond 512 bits (`((10)99)99`) is not a unit anyone writes and is refused.
 * @returns the normal form, or undefined when the text is not a well-formed UCUM term within
 * those bounds. Never throws.
 * @example normalizeUcum('kg/(m2.s)') // 'kg.m-2.s-1'
 */
export function normalizeUcum(code: string): string | undefined {
  if (typeof code !== 'string') return undefined;
  try {
    const reader = new TermReader(code);
    if (!reader.read()) return undefined;
    const symbols = [...reader.exponents]
      .filter(([, exponent]) => exponent !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const parts = symbols.map(([symbol, exponent]) => (exponent === 1 ? symbol : `${symbol}${exponent}`));
    const { numerator, denominator } = reader;
    const factor =
      numerator === denominator ? '' : denominator === 1n ? `${numerator}` : `${numerator}:${denominator}`;
    if (factor !== '') parts.unshift(factor);
    return parts.length === 0 ? '1' : parts.join('.');
  } catch {
    // Whatever went wrong inside (a BigInt too large, a stack too deep), it is not a UCUM code.
    return undefined;
  }
}

/** The longest UCUM term read; the longest the catalogue maps has under 40 characters. */
const MAX_UCUM_LENGTH = 512;

/** Exponents beyond this, after nested groups multiply them, are not units anyone writes. */
const MAX_EXPONENT = 99;

/** The largest integer factor (numerator or denominator) in bits, about 154 decimal digits. */
const MAX_FACTOR_BITS = 512;

/** The number of bits of a positive BigInt. */
function bitLength(value: bigint): number {
  return value.toString(16).length * 4;
}

/**
 * Reads a term into symbol exponents and an integer factor. Each step checks its bounds before
 * it computes, so no step is larger than {@link MAX_FACTOR_BITS} or slower than linear in the
 * input; a term out of bounds reads as malformed.
 */
class TermReader {
  readonly exponents = new Map<string, number>();
  numerator = 1n;
  denominator = 1n;
  private position = 0;

  constructor(private readonly text: string) {}

  read(): boolean {
    if (this.text === '' || this.text.length > MAX_UCUM_LENGTH) return false;
    const leadingSlash = this.text[0] === '/';
    if (leadingSlash) this.position = 1;
    if (!this.term(leadingSlash ? -1 : 1)) return false;
    this.reduce();
    return this.position === this.text.length;
  }

  /**
   * Reads components joined by `.` and `/` from left to right; `firstSign` is -1 after a leading
   * `/`, which inverts only the first component (the UCUM essence writes the oersted `/[pi].A/m`).
   */
  private term(firstSign: number): boolean {
    if (!this.component(firstSign)) return false;
    while (this.text[this.position] === '.' || this.text[this.position] === '/') {
      const divide = this.text[this.position] === '/';
      this.position += 1;
      if (!this.component(divide ? -1 : 1)) return false;
    }
    return true;
  }

  private component(sign: number): boolean {
    if (this.text[this.position] === '(') return this.group(sign);
    const start = this.position;
    while (this.position < this.text.length && !'./()'.includes(this.text[this.position] as string)) {
      const char = this.text[this.position];
      const close = char === '[' ? ']' : char === '{' ? '}' : undefined;
      if (close !== undefined) {
        const end = this.text.indexOf(close, this.position);
        if (end === -1) return false;
        this.position = end + 1;
      } else {
        this.position += 1;
      }
    }
    const written = this.text.slice(start, this.position);
    if (written === '') return false;
    if (/^\d+$/.test(written)) {
      const factor = BigInt(written);
      return factor > 0n && this.multiplyFactor(factor, 1n, sign);
    }
    const split = /^(.*?[^\d+-])([-+]?\d+)$/.exec(written);
    const symbol = split === null ? written : (split[1] as string);
    const exponent = split === null ? 1 : Number(split[2]);
    if (/\s/.test(symbol)) return false;
    return this.add(symbol, sign * exponent);
  }

  /** A parenthesised term and its exponent: its own factors multiply as a whole, its exponent applies to all of it. */
  private group(sign: number): boolean {
    this.position += 1;
    const outer = new Map(this.exponents);
    const [outerNumerator, outerDenominator] = [this.numerator, this.denominator];
    this.exponents.clear();
    this.numerator = 1n;
    this.denominator = 1n;
    if (!this.term(1) || this.text[this.position] !== ')') return false;
    this.position += 1;
    const power = sign * this.exponent();
    if (Math.abs(power) > MAX_EXPONENT) return false;
    const inner = [...this.exponents];
    const [innerNumerator, innerDenominator] = [this.numerator, this.denominator];
    this.exponents.clear();
    for (const [symbol, value] of outer) this.exponents.set(symbol, value);
    for (const [symbol, value] of inner) if (!this.add(symbol, value * power)) return false;
    this.numerator = outerNumerator;
    this.denominator = outerDenominator;
    return this.multiplyFactor(innerNumerator, innerDenominator, power) && this.skipAnnotation();
  }

  private exponent(): number {
    const match = /^[-+]?\d+/.exec(this.text.slice(this.position));
    if (match === null) return 1;
    this.position += match[0].length;
    return Number(match[0]);
  }

  private skipAnnotation(): boolean {
    if (this.text[this.position] !== '{') return true;
    const end = this.text.indexOf('}', this.position);
    if (end === -1) return false;
    this.position = end + 1;
    return true;
  }

  /** Adds to a symbol's exponent; false when the total leaves ±{@link MAX_EXPONENT}. */
  private add(symbol: string, exponent: number): boolean {
    const total = (this.exponents.get(symbol) ?? 0) + exponent;
    if (!(Math.abs(total) <= MAX_EXPONENT)) return false;
    this.exponents.set(symbol, total);
    return true;
  }

  /** Multiplies the factor by (numerator/denominator)^power; false when it would pass {@link MAX_FACTOR_BITS}. */
  private multiplyFactor(numerator: bigint, denominator: bigint, power: number): boolean {
    const times = Math.abs(power);
    const [top, bottom] = power < 0 ? [denominator, numerator] : [numerator, denominator];
    // Bit lengths add under multiplication (give or take one), so this bound holds before computing.
    if (
      bitLength(this.numerator) + bitLength(top) * times > MAX_FACTOR_BITS ||
      bitLength(this.denominator) + bitLength(bottom) * times > MAX_FACTOR_BITS
    ) {
      return false;
    }
    this.numerator *= top ** BigInt(times);
    this.denominator *= bottom ** BigInt(times);
    return true;
  }

  private reduce(): void {
    let a = this.numerator;
    let b = this.denominator;
    while (b !== 0n) [a, b] = [b, a % b];
    if (a > 1n) {
      this.numerator /= a;
      this.denominator /= a;
    }
  }
}
