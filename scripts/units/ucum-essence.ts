// Evaluates UCUM codes (`[lb_av]`, `kg.m-2.s-1`, `10*3.m3/d`) with the definitions of the UCUM
// essence file, exactly, to verify each Rec 20 ↔ UCUM pair before it enters the catalogue: a pair
// is kept only when the UCUM code means exactly the Rec 20 factor. The essence is read as
// published (data/uom/ucum/ucum-essence.xml, unmodified); nothing of it is copied into the output.
import { createRational, type Rational } from '../../src/uom/rational.js';
import {
  baseMagnitude,
  divideMagnitudes,
  type Magnitude,
  multiplyMagnitudes,
  numberMagnitude,
  raiseMagnitude,
  scaleMagnitude,
} from './magnitude.js';

interface UnitDefinition {
  readonly code: string;
  readonly metric: boolean;
  readonly special: boolean;
  readonly arbitrary: boolean;
  readonly unit: string;
  readonly value: string;
}

/** A UCUM code that cannot be evaluated to a linear magnitude (special, arbitrary, malformed). */
export class UcumError extends Error {}

/**
 * UCUM's own choices that millwright's dimensions differ from, and the scale of the special
 * temperature units (their offsets are handled by the catalogue).
 */
const OVERRIDES: ReadonlyMap<string, Magnitude> = new Map([
  ['mol', baseMagnitude('mol')], // UCUM: 6.022 140 76 × 10²³, a pure number
  ['sr', baseMagnitude('sr')], // UCUM: rad²
  ['bit', baseMagnitude('bit')], // UCUM: 1
  ['[pi]', numberMagnitude(createRational(1n), 1)],
  ['Cel', baseMagnitude('K')],
  ['[degF]', scaleMagnitude(baseMagnitude('K'), createRational(5n, 9n))],
]);

/** Reads an exact decimal with an optional exponent, such as `254e-2` or `6.02214076`. */
function readDecimal(text: string): Rational {
  const match = /^(-?\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(text);
  if (match === null) throw new UcumError(`not a number: ${text}`);
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0') - fraction.length;
  const digits = BigInt(`${match[1]}${fraction}`);
  return exponent >= 0
    ? createRational(digits * 10n ** BigInt(exponent))
    : createRational(digits, 10n ** BigInt(-exponent));
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The prefixes, base units and units of an essence file. */
export class UcumEssence {
  private readonly prefixes = new Map<string, Rational>();
  private readonly units = new Map<string, UnitDefinition>();
  private readonly bases = new Map<string, Magnitude>();
  private readonly cache = new Map<string, Magnitude>();

  constructor(xml: string) {
    for (const match of xml.matchAll(/<prefix\s[^>]*>[\s\S]*?<\/prefix>/g)) {
      const block = match[0];
      const code = attribute(block, 'Code') as string;
      const value = /<value value="([^"]+)"/.exec(block)?.[1] as string;
      this.prefixes.set(code, readDecimal(value));
    }
    const baseDims: Record<string, Magnitude> = {
      m: baseMagnitude('m'),
      s: baseMagnitude('s'),
      g: scaleMagnitude(baseMagnitude('kg'), createRational(1n, 1000n)),
      rad: baseMagnitude('rad'),
      K: baseMagnitude('K'),
      C: multiplyMagnitudes(baseMagnitude('A'), baseMagnitude('s')),
      cd: baseMagnitude('cd'),
    };
    for (const match of xml.matchAll(/<base-unit\s[^>]*>/g)) {
      const code = attribute(match[0], 'Code') as string;
      const magnitude = baseDims[code];
      if (magnitude === undefined) throw new UcumError(`unexpected base unit ${code}`);
      this.bases.set(code, magnitude);
    }
    for (const match of xml.matchAll(/<unit\s[^>]*>[\s\S]*?<\/unit>/g)) {
      const block = match[0];
      const head = /<unit\s[^>]*>/.exec(block)?.[0] as string;
      const valueTag = /<value\s[^>]*>/.exec(block)?.[0] ?? '';
      this.units.set(attribute(head, 'Code') as string, {
        code: attribute(head, 'Code') as string,
        metric: attribute(head, 'isMetric') === 'yes',
        special: attribute(head, 'isSpecial') === 'yes',
        arbitrary: attribute(head, 'isArbitrary') === 'yes',
        unit: attribute(valueTag, 'Unit') ?? '1',
        value: attribute(valueTag, 'value') ?? '1',
      });
    }
  }

  /** The version attribute of the essence, e.g. `2.2`. */
  static version(xml: string): string {
    return /<root[^>]*\sversion="([^"]+)"/.exec(xml)?.[1] ?? 'unknown';
  }

  /**
   * The magnitude of a UCUM code in millwright's base dimensions.
   * @throws UcumError for special or arbitrary units and malformed codes.
   */
  evaluate(code: string): Magnitude {
    const cached = this.cache.get(code);
    if (cached !== undefined) return cached;
    const parser = new TermParser(code, (symbol) => this.simpleUnit(symbol));
    const value = parser.read();
    this.cache.set(code, value);
    return value;
  }

  private atom(code: string): { magnitude: Magnitude; metric: boolean } | undefined {
    const override = OVERRIDES.get(code);
    if (override !== undefined) return { magnitude: override, metric: true };
    const base = this.bases.get(code);
    if (base !== undefined) return { magnitude: base, metric: true };
    const unit = this.units.get(code);
    if (unit === undefined) return undefined;
    if (unit.special) throw new UcumError(`${code} is a special unit`);
    if (unit.arbitrary) throw new UcumError(`${code} is an arbitrary unit`);
    const magnitude = scaleMagnitude(
      unit.unit === '1' ? numberMagnitude(createRational(1n)) : this.evaluate(unit.unit),
      readDecimal(unit.value),
    );
    return { magnitude, metric: unit.metric };
  }

  private simpleUnit(symbol: string): Magnitude {
    const whole = this.atom(symbol);
    if (whole !== undefined) return whole.magnitude;
    for (const [prefix, factor] of [...this.prefixes].sort(([a], [b]) => b.length - a.length)) {
      if (!symbol.startsWith(prefix)) continue;
      const rest = this.atom(symbol.slice(prefix.length));
      if (rest?.metric === true) return scaleMagnitude(rest.magnitude, factor);
    }
    throw new UcumError(`unknown UCUM unit ${symbol}`);
  }
}

/**
 * UCUM's term grammar: components joined by `.` and `/` from left to right, a leading `/`,
 * parentheses, annotations in braces (worth 1), integer factors and signed integer exponents.
 */
class TermParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly resolve: (symbol: string) => Magnitude,
  ) {}

  read(): Magnitude {
    const value = this.term();
    if (this.position !== this.text.length)
      throw new UcumError(`unexpected "${this.text.slice(this.position)}" in ${this.text}`);
    return value;
  }

  private term(): Magnitude {
    // A leading `/` inverts the first component, as the essence itself writes `/[pi].A/m` for
    // 1/π A/m (the oersted).
    let value = this.text[this.position] === '/' ? numberMagnitude(createRational(1n)) : this.component();
    while (this.text[this.position] === '.' || this.text[this.position] === '/') {
      const operator = this.text[this.position];
      this.position += 1;
      const right = this.component();
      value = operator === '.' ? multiplyMagnitudes(value, right) : divideMagnitudes(value, right);
    }
    return value;
  }

  private component(): Magnitude {
    if (this.text[this.position] === '(') {
      this.position += 1;
      const inner = this.term();
      if (this.text[this.position] !== ')') throw new UcumError(`unclosed ( in ${this.text}`);
      this.position += 1;
      this.annotation();
      return inner;
    }
    let symbol = '';
    while (this.position < this.text.length && !'./(){}'.includes(this.text[this.position] as string)) {
      if (this.text[this.position] === '[') {
        const close = this.text.indexOf(']', this.position);
        if (close === -1) throw new UcumError(`unclosed [ in ${this.text}`);
        symbol += this.text.slice(this.position, close + 1);
        this.position = close + 1;
      } else {
        symbol += this.text[this.position];
        this.position += 1;
      }
    }
    this.annotation();
    if (symbol === '') return numberMagnitude(createRational(1n)); // a lone annotation
    if (/^\d+$/.test(symbol)) return numberMagnitude(createRational(BigInt(symbol)));
    // A trailing signed integer is the exponent: `m2`, `s-1`, `10*3`.
    const split = /^(.*?[^\d+-])([-+]?\d+)$/.exec(symbol);
    if (split !== null) return raiseMagnitude(this.resolve(split[1] as string), Number(split[2]));
    return this.resolve(symbol);
  }

  private annotation(): void {
    if (this.text[this.position] !== '{') return;
    const close = this.text.indexOf('}', this.position);
    if (close === -1) throw new UcumError(`unclosed { in ${this.text}`);
    this.position = close + 1;
  }
}
