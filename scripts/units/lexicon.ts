// The atoms the unit expressions of Rec 20 are written with, each with its EXACT definition.
//
// Rec 20 prints most conversion factors rounded to six or seven digits (gallon 3,785 412 x 10⁻³ m³,
// km/h 0,277 778 m/s). The generator therefore also evaluates each unit's SYMBOL (`gal (US)`,
// `km/h`) with the atoms below and, where the two agree to the printed precision, keeps the exact
// value of the symbol. The definitions are the legal ones:
// - SI (BIPM SI Brochure, 9th edition 2019): base units, prefixes, derived units; the electronvolt
//   from the exact elementary charge 1.602 176 634 × 10⁻¹⁹ C.
// - International yard and pound (1959): yard 0.9144 m, pound 0.453 592 37 kg; inch, foot, mile,
//   ounce, grain... follow by their ratios.
// - US customary (NIST Handbook 44 Appendix C, NIST SP 811 Appendix B): gallon 231 in³, bushel
//   2150.42 in³, survey foot 1200/3937 m, standard gravity 9.806 65 m/s², BTU (IT) 1055.055 852 62 J,
//   thermochemical calorie 4.184 J, IT calorie 4.1868 J, mechanical horsepower 550 ft·lbf/s.
// - Imperial (UK Weights and Measures Act 1985): gallon 4.546 09 L.
// - Conventional values: standard atmosphere 101 325 Pa, conventional mm of mercury
//   13.5951 × 9.806 65 Pa, conventional mm of water 9.806 65 Pa.
// Where Rec 20 itself uses a different definition for a symbol (its "acre" is the US survey acre),
// the atom follows Rec 20 and says so.
import { createRational } from '../../src/uom/rational.js';
import { evaluateExpression, type Lexicon } from './evaluate-expression.js';
import {
  BASES,
  type Base,
  baseMagnitude,
  type Magnitude,
  numberMagnitude,
  scaleMagnitude,
} from './magnitude.js';

/** SI prefixes and their powers of ten. */
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['Y', 24],
  ['Z', 21],
  ['E', 18],
  ['P', 15],
  ['T', 12],
  ['G', 9],
  ['M', 6],
  ['k', 3],
  ['h', 2],
  ['da', 1],
  ['d', -1],
  ['c', -2],
  ['m', -3],
  ['µ', -6],
  ['n', -9],
  ['p', -12],
  ['f', -15],
  ['a', -18],
  ['z', -21],
  ['y', -24],
];

/** Units that take SI prefixes, with their definitions; `t` takes only the prefixes Rec 20 uses with it. */
const SI_UNITS: ReadonlyArray<readonly [string, string]> = [
  ['g', '10⁻³ kg'],
  ['N', 'kg x m/s²'],
  ['J', 'N x m'],
  ['W', 'J/s'],
  ['Pa', 'N/m²'],
  ['C', 'A x s'],
  ['V', 'W/A'],
  ['Ω', 'V/A'],
  ['S', 'A/V'],
  ['F', 'C/V'],
  ['Wb', 'V x s'],
  ['H', 'Wb/A'],
  ['T', 'Wb/m²'],
  ['Hz', 's⁻¹'],
  ['Bq', 's⁻¹'],
  ['Gy', 'J/kg'],
  ['Sv', 'J/kg'],
  ['lm', 'cd x sr'],
  ['lx', 'lm/m²'],
  ['kat', 'mol/s'],
  ['l', '10⁻³ m³'],
  ['L', '10⁻³ m³'],
  ['bar', '10⁵ Pa'],
  ['eV', '1.602176634 x 10⁻¹⁹ J'],
  ['Ci', '3.7 x 10¹⁰ Bq'],
  ['R', '2.58 x 10⁻⁴ C/kg'],
  ['rem', '10⁻² Sv'],
  ['byte', '8 bit'],
  ['var', 'V x A'],
  ['P', '10⁻¹ Pa x s'],
  ['St', '10⁻⁴ m²/s'],
  ['Gal', '10⁻² m/s²'],
  ['calth', '4.184 J'],
  ['calIT', '4.1868 J'],
  ['cal', '4.1868 J'],
  ['t', '10³ kg'],
];

/** Tonne prefixes as Rec 20 writes them (kt, Mt, dt); femto-, pico- or atto-tonne would clash with ft, pt, at. */
const TONNE_PREFIXES = new Set(['k', 'M', 'G', 'd']);

/**
 * Other atoms, in dependency order: each definition may use the atoms defined before it.
 * Qualified spellings (`gal (US)`, `pt (UK)`) are atoms of their own.
 */
const ATOMS: ReadonlyArray<readonly [string, string]> = [
  ['Å', '10⁻¹⁰ m'],
  ['γ', '10⁻⁹ T'],
  ['erg', '10⁻⁷ J'],
  ['dyn', '10⁻⁵ N'],
  ['b', '10⁻²⁸ m²'],
  ['Nm', 'N x m'],
  ['VA', 'V x A'],
  ['kVAh', '10³ V x A x 3600 s'],
  ['daa', '10³ m²'],
  ['pascal', 'Pa'],
  // Time: the Julian year of 365.25 days is Rec 20's "y" (ANN); the month is a twelfth of it (MON).
  ['min', '60 s'],
  ['h', '3600 s'],
  ['d', '86400 s'],
  ['wk', '7 d'],
  ['y', '365.25 d'],
  ['mo', 'y/12'],
  ['y (365 days)', '365 d'],
  ['y (360 days)', '360 d'],
  ['mo (30 days)', '30 d'],
  ['shake', '10⁻⁸ s'],
  // Temperature intervals; the offsets of the absolute scales are added per unit (CEL, FAH).
  ['°C', 'K'],
  ['°F', '5/9 x K'],
  ['°R', '5/9 x K'],
  // Angles.
  ['°', 'π/180 x rad'],
  ["'", '°/60'],
  ['"', "'/60"],
  ['gon', 'π/200 x rad'],
  ['rev', '2 x π x rad'],
  ['revolution', 'rev'],
  ['r', 'rev'],
  // Numbers.
  ['%', '1/100'],
  ['pct', '%'],
  ['‰', '1/1000'],
  ['ppm', '10⁻⁶'],
  ['ppb', '10⁻⁹'],
  ['ppht', '10⁻⁵'],
  ['DOZ', '12'],
  // International yard and pound (1959).
  ['in', '0.0254 m'],
  ['ft', '12 in'],
  ['yd', '3 ft'],
  ['mi', '1760 yd'],
  ['mile', 'mi'],
  ['mil', '10⁻³ in'],
  ['µin', '10⁻⁶ in'],
  ['fth', '6 ft'],
  ['fur', '660 ft'],
  ['ch (UK)', '66 ft'],
  ['n mile', '1852 m'],
  ['kn', 'n mile/h'],
  ['lb', '0.45359237 kg'],
  ['oz', 'lb/16'],
  ['gr', 'lb/7000'],
  ['tr oz', '480 gr'],
  ['klb', '1000 lb'],
  ['st', '14 lb'],
  ['Qr (UK)', '28 lb'],
  ['cwt (US)', '100 lb'],
  ['cwt (UK)', '112 lb'],
  ['ton (US)', '2000 lb'],
  ['ton (UK)', '2240 lb'],
  ['ton.s', 'ton (US)'],
  ['ton.l', 'ton (UK)'],
  ['lbmol', '453.59237 mol'],
  // US survey measures (survey foot 1200/3937 m); Rec 20's acre (ACR, 4 046,873 m²) is the survey acre.
  ['ft (US survey)', '1200/3937 m'],
  ['mi (US survey)', '5280 ft (US survey)'],
  ['ch (US survey)', '66 ft (US survey)'],
  ['rd (US)', '16.5 ft (US survey)'],
  ['acre', '43560 ft (US survey)²'],
  ['acre-ft (US survey)', 'acre x ft (US survey)'],
  ['cmil', 'π/4 x mil²'],
  // Gravity, force, pressure.
  ['gn', '9.80665 m/s²'],
  ['kgf', 'kg x gn'],
  ['gf', 'g x gn'],
  ['p', 'gf'],
  ['lbf', 'lb x gn'],
  ['ozf', 'oz x gn'],
  ['kip', '1000 lbf'],
  ['ton.sh-force', '2000 lbf'],
  ['pdl', 'lb x ft/s²'],
  ['slug', 'lbf x s²/ft'],
  ['psi', 'lbf/in²'],
  ['ksi', '1000 psi'],
  ['atm', '101325 Pa'],
  ['Atm', 'atm'],
  ['at', 'kgf/cm²'],
  ['Torr', 'atm/760'],
  ['mmHg', '13.5951 x 9.80665 Pa'],
  ['cmHg (0 °C)', '10 mmHg'],
  ['inHg', '25.4 mmHg'],
  ['inHG (32 °F)', 'inHg'],
  ['inH₂O', '25.4 x 9.80665 Pa'],
  // US liquid and dry measures (NIST Handbook 44).
  ['gal (US)', '231 in³'],
  ['gal (US liq.)', 'gal (US)'],
  ['gal', 'gal (US)'], // unqualified only in G50, gallon (US) per hour
  ['qt (US liq.)', 'gal (US)/4'],
  ['liq qt (US)', 'qt (US liq.)'],
  ['pt (US liq.)', 'gal (US)/8'],
  ['liq pt (US)', 'pt (US liq.)'],
  ['gi (US)', 'gal (US)/32'],
  ['fl oz (US)', 'gal (US)/128'],
  ['cup (US)', 'gal (US)/16'],
  ['tablespoon (US)', 'fl oz (US)/2'],
  ['teaspoon (US)', 'fl oz (US)/6'],
  ['barrel (US)', '42 gal (US)'],
  ['bbl (US)', 'barrel (US)'],
  ['bu (US)', '2150.42 in³'],
  ['bu (US dry)', 'bu (US)'],
  ['pk (US)', 'bu (US)/4'],
  ['pk (US dry)', 'pk (US)'],
  ['dry gal (US)', 'bu (US)/8'],
  ['dry qt (US)', 'bu (US)/32'],
  ['dry pt (US)', 'bu (US)/64'],
  ['cord', '128 ft³'],
  ['British shipping ton', '42 ft³'],
  ['(US) shipping ton', '40 ft³'],
  // Imperial measures (UK Weights and Measures Act 1985).
  ['gal (UK)', '4.54609 l'],
  ['qt (UK)', 'gal (UK)/4'],
  ['qt (UK liq.)', 'qt (UK)'],
  ['pt (UK)', 'gal (UK)/8'],
  ['gi (UK)', 'gal (UK)/32'],
  ['fl oz (UK)', 'gal (UK)/160'],
  ['pk (UK)', '2 gal (UK)'],
  ['bu (UK)', '8 gal (UK)'],
  ['bushel (UK)', 'bu (UK)'],
  ['bbl (UK liq.)', '35 gal (UK)'],
  // Energy and power.
  ['BtuIT', '1055.05585262 J'],
  ['Btuth', 'calth/(g x K) x lb x °F'],
  ['kcalIT', '10³ calIT'],
  ['kcalth', '10³ calth'],
  ['thm (EC)', '10⁵ BtuIT'],
  ['thm (US)', '105480400 J'],
  ['quad', '10¹⁵ BtuIT'],
  ['hp', '550 ft x lbf/s'],
  ['BHP', 'hp'],
  ['metric hp', '75 kgf x m/s'],
  ['PS', 'metric hp'],
  ['boiler hp', '9809.5 W'],
  ['electric hp', '746 W'],
  ['Ly', 'calth/cm²'],
  // Astronomy, light, textiles and other units with fixed definitions.
  ['ua', '149597870700 m'],
  ['ly', '299792458 m/s x y'],
  ['pc', '648000/π x ua'],
  ['ph', '10⁴ lx'],
  ['sb', '10⁴ cd/m²'],
  ['ftc', 'lm/ft²'],
  ['ftL', '1/π x cd/ft²'],
  ['Lb', '1/π x cd/cm²'],
  ['den', 'g/(9000 m)'],
  ['tex', 'g/km'],
  ['Fg', '1/3 x mm'],
  ['o', '8 bit'],
  ['Sh', 'bit'],
  ['dpt', 'm⁻¹'],
  ['clo', '0.155 m² x K/W'],
  ['bp', 'in/72'],
  ['U', '44.45 mm'],
];

function define(lexicon: Map<string, Magnitude>, key: string, definition: string): void {
  if (lexicon.has(key)) throw new Error(`lexicon: ${key} is defined twice`);
  lexicon.set(key, evaluateExpression(definition, lexicon).magnitude);
}

/** The atoms of Rec 20's symbols and conversion factors, with their exact definitions. */
export function createLexicon(): Lexicon {
  const lexicon = new Map<string, Magnitude>();
  for (const base of BASES) lexicon.set(base, baseMagnitude(base as Base));
  lexicon.set('π', numberMagnitude(createRational(1n), 1));
  for (const [symbol, definition] of SI_UNITS) define(lexicon, symbol, definition);
  const prefixed = new Map<string, Magnitude>();
  for (const symbol of [...BASES, ...SI_UNITS.map(([unit]) => unit)]) {
    if (symbol === 'kg') continue; // prefixes go on the gram
    const unit = lexicon.get(symbol) as Magnitude;
    for (const [prefix, power] of PREFIXES) {
      if (symbol === 't' && !TONNE_PREFIXES.has(prefix)) continue;
      const scale = 10n ** BigInt(Math.abs(power));
      prefixed.set(
        `${prefix}${symbol}`,
        scaleMagnitude(unit, power < 0 ? createRational(1n, scale) : createRational(scale)),
      );
    }
  }
  // A named atom wins over a prefixed spelling: `ft` is the foot, not a femtotonne; `PS` metric horsepower.
  const named = new Set(ATOMS.map(([key]) => key));
  for (const [key, value] of prefixed) if (!lexicon.has(key) && !named.has(key)) lexicon.set(key, value);
  for (const [key, definition] of ATOMS) define(lexicon, key, definition);
  return lexicon;
}
