// Every decision the unit generator does not take from the source lists alone, each with its
// reason. The generator fails when Rec 20's printed factor and the unit's symbol disagree and no
// entry here settles it, so every deviation from the printed list is written down in this file.

/**
 * Exact definitions that replace Rec 20's printed factor (expressions in the atoms of
 * lexicon.ts). Used where Rec 20 prints no factor, a rounded one whose symbol cannot be read, or
 * a wrong one.
 */
export const EXACT_FACTORS: Readonly<Record<string, readonly [definition: string, reason: string]>> = {
  // Counting units measure counted items, a dimension of their own: they convert among
  // themselves (1 DZN = 12 H87) but never into ratios such as percent or ppm.
  H87: ['1 item', 'piece: a counting unit; DESIGN.md makes H87, EA and C62 one dimension with factor 1'],
  EA: ['1 item', 'each: a counting unit, the same as H87 and C62 (factor 1)'],
  C62: ['1 item', 'one: the counting unit DESIGN.md puts with H87 and EA (not the ratio 1/1, which is Q26)'],
  PR: ['2 item', 'pair: two counted items'],
  DZN: ['12 item', 'dozen: 12 counted items'],
  SCO: ['20 item', 'score: 20 counted items'],
  CEN: ['100 item', 'hundred: 100 counted items (Rec 20 prints 100)'],
  GRO: ['144 item', 'gross: 12 dozen'],
  GGR: ['1728 item', 'great gross: 12 gross'],
  MIL: ['10³ item', 'thousand: 1000 counted items'],
  MIO: ['10⁶ item', 'million: 10⁶ counted items'],
  MLD: ['10⁹ item', 'milliard: 10⁹ counted items'],
  BIL: ['10¹² item', 'billion (EUR): 10¹² counted items'],
  TRL: ['10¹⁸ item', 'trillion (EUR): 10¹⁸ counted items'],
  N69: ['4.18190 J', 'calorie (20 °C): Rec 20 prints 4,181 90 without its unit, the joule'],
  BLD: [
    '7056 in³',
    'dry barrel (US) is 7056 in³ (NIST HB 44); Rec 20 reuses the symbol bbl (US) of the oil barrel',
  ],
  BPM: ['1/60 x s⁻¹', 'beats per minute; Rec 20 prints 1.667 x 10-2 /s'],
  OPM: [
    '1/60 x s⁻¹',
    'oscillations per minute; Rec 20 prints 1.667 x 10-2 /s (its symbol o is also the octet)',
  ],
  RPS: ['s⁻¹', 'revolutions per second as Rec 20 defines RPS (1/s); its symbol r/s reads as rad/s'],
  RPM: [
    '1/60 x s⁻¹',
    'revolutions per minute as Rec 20 defines RPM (per second, 1,67 x 10⁻² rounded); M46 is the rad/s one',
  ],
  E16: ['10⁶ x BtuIT/h', 'million BTU (IT) per hour; the symbol BtuIT/h drops the million'],
  M43: [
    'π/3200 x rad',
    'the angular mil (2π/6400 rad) that Rec 20 prints as 9,817 477 x 10⁻⁴ rad; its symbol mil is also the thou',
  ],
  P46: [
    'lbmol/min',
    'pound mole per minute by its name and printed factor 7,559 873 mol/s; the symbol says /h',
  ],
  Q37: ['m³/d', 'standard cubic metre per day; Rec 20 prints 1.15741 × 10-5 m3/s'],
  Q38: ['m³/h', 'standard cubic metre per hour; Rec 20 prints 2.77778 × 10-4 m3/s'],
  Q39: ['m³/d', 'normalized cubic metre per day; Rec 20 prints 1.15741 × 10-5 m3/s'],
  Q40: ['m³/h', 'normalized cubic metre per hour; Rec 20 prints 2.77778 × 10-4 m3/s'],
  TQD: [
    '10³ m³/d',
    'thousand cubic metre per day by its name and printed factor; the symbol km³/d is a cubic kilometre',
  ],
  N3: [
    '0.013837 in',
    'print point: the American point of 0.013 837 in, which Rec 20 prints as 0,013 8 in (approx)',
  ],
  R1: ['12 x 0.013837 in', 'pica: 12 print points (N3); Rec 20 prints 4,217 518 x 10⁻³ m rounded'],
  G50: ['gal (US)/h', 'gallon (US) per hour; Rec 20 prints 1,051 5 × 10⁻⁶ m³/s rounded'],
  L92: ['ton (UK)/yd³', 'long ton per cubic yard; Rec 20 prints 1,328 939 x 10³ kg/m³ rounded'],
  L93: ['ton (US)/yd³', 'short ton per cubic yard; Rec 20 prints 1,186 553 x 10³ kg/m³ rounded'],
  N94: ['1/2997924580 x C', 'franklin (statcoulomb): 1/(10 c) C; Rec 20 prints 3,335 641 x 10⁻¹⁰ C rounded'],
  N97: ['10/(4 x π) x A', 'gilbert: 10/(4π) A; Rec 20 prints 7,957 747 x 10⁻¹ A rounded'],
  P53: ['4 x π x 10⁻⁸ x Wb', 'unit pole: 4π × 10⁻⁸ Wb; Rec 20 prints 1,256 637 x 10⁻⁷ Wb rounded'],
  FIT: ['1/(10⁹ x h)', 'failures in time: one per 10⁹ hours; Rec 20 prints 2,777 78 × 10⁻¹³ s⁻¹ rounded'],
  M85: [
    '2000 x lb/(tr oz) x mg',
    'assay ton: 1 mg per troy ounce in a short ton (175/6 g); Rec 20 prints 2,916 667 x 10⁻² kg rounded',
  ],
  WSD: ['165 ft³', 'standard (lumber): 165 cubic feet by its description; Rec 20 prints 4,672 m³ rounded'],
  WCD: ['128 ft³', 'cord: 128 cubic feet like M68; Rec 20 prints 3,63 m³ rounded'],
  M70: ['100 ft³', 'register ton: 100 cubic feet; Rec 20 prints 2,831 685 m³ rounded'],
  M48: ['(mi (US survey))²', 'square survey mile; Rec 20 prints 2,589 998 x 10⁶ m² rounded'],
  E19: ['400/121 x m²', 'ping (tsubo): (60/33 m)², 3.305 785 m²; Rec 20 prints 3,305 m² rounded'],
  DRA: ['60 gr', 'dram (US, apothecaries) is 60 grains; Rec 20 prints 3,887 935 g rounded'],
  DRI: ['oz/16', 'dram (UK, avoirdupois) is 1/16 ounce; Rec 20 prints 1,771 745 g rounded'],
  DWT: ['24 gr', 'pennyweight is 24 grains; Rec 20 prints 1,555 174 g rounded'],
  LBT: ['5760 gr', 'troy pound is 5760 grains; Rec 20 prints 373,241 7 g rounded'],
  SCR: ['20 gr', 'scruple is 20 grains; Rec 20 prints 1,295 982 g rounded'],
};

/** Rec 20's printed factor is kept although the unit's symbol, read with lexicon.ts, says otherwise. */
export const TRUST_PUBLISHED: Readonly<Record<string, string>> = {
  '76': 'gauss (10⁻⁴ T): its symbol Gs reads as a gigasecond',
  A62: 'erg per gram second (10⁻⁴ W/kg): its symbol erg/g·s reads as erg·s/g',
  C80: 'rad (absorbed dose, 10⁻² Gy): its symbol rad is also the radian',
  D34: 'tex: printed 10⁻⁶ kg/m is exact; the symbol "tex (g/km)" repeats the definition in parentheses',
  G26: 'stere (m³): its symbol st is also the stone',
  J75: 'calorie (mean), 4,190 02 J: a measured value, not the IT calorie that the symbol cal is read as',
  K51: 'kilocalorie (mean), 4,190 02 x 10³ J: as J75',
  N17: 'inch of mercury at 60 °F: a measured value; the symbol carries the temperature',
  N18: 'inch of water at 39.2 °F: a measured value',
  N19: 'inch of water at 60 °F: a measured value',
  Q27: 'newton metre per metre (= N) by its name and printed factor; the symbol N·m/m² is a misprint',
};

/**
 * The symbol's exact value is used: Rec 20's printed factor is wrong (a misplaced power of ten, a
 * wrong digit, a missing unit) or cannot be read.
 */
export const TRUST_SYMBOL: Readonly<Record<string, string>> = {
  A38: 'm³/C; printed "m³/A x s" reads as m³·s/A',
  A53: 'electronvolt: exact since the 2019 SI (1.602 176 634 × 10⁻¹⁹ J); Rec 20 prints the CODATA 2006 value',
  A54: 'electronvolt per metre: as A53',
  A55: 'electronvolt square metre: as A53',
  A56: 'electronvolt square metre per kilogram: as A53',
  C88: 'reciprocal electronvolt per cubic metre: as A53',
  APZ: 'troy ounce: printed 3,110 348 x 10⁻³ kg has the wrong power of ten (31.103 476 8 g)',
  ATM: 'standard atmosphere: printed "1 013 25 Pa" (101 325 Pa)',
  C46: 'nanoohm metre: printed "10⁻⁹ Ω·x m"',
  C94: 'reciprocal minute: printed in s instead of s⁻¹',
  F89: 'newton metre per degree (180/π N·m/rad): printed 57,295 788 is off in the seventh digit',
  GLI: 'gallon (UK) is 4.546 09 L exactly; printed 4,546 092 x 10⁻³ m³',
  H22: 'volt per psi: printed 1,450 377 439 8 × 10⁻⁴ is off in the eighth digit',
  H49: 'centimetre per hour: printed power of ten is one too small',
  H66: 'millimetre per year: printed 3,15576 × 10⁴ m/s is not a factor',
  H67: 'millimetre per hour: printed power of ten is one too small',
  H76: 'gram per millimetre is 1 kg/m; printed 10¹',
  H85: 'reciprocal week is 1/604 800 s⁻¹; printed 1,647 989 452 868 × 10⁻⁶',
  J32: 'micropoise is 10⁻⁷ Pa·s; printed 10⁻⁶',
  J44: 'BTU (IT) per minute: printed 17,584 266 W is off in the seventh digit',
  J58: 'barrel (UK petroleum) per minute: printed power of ten is three too large',
  K32: 'gill (UK) per day: printed power of ten is four too large',
  K34: 'gill (UK) per minute: printed 0,023 677 55 m³/s is 10⁴ too large',
  K49: 'reciprocal cubic inch: printed 6,102 375 9 x 10⁴ is off in the sixth digit',
  K70: '(lb/ft³)/psi: printed without its unit (kg/m³)/Pa',
  K75: '(lb/in³)/°F: printed 4,982 384 x 10⁴ is off in the seventh digit',
  K76: '(lb/in³)/psi: printed 4,014 632 is off in the seventh digit',
  K95: 'quart (UK) per hour: printed 3,157 008 x 10⁻⁷ is off in the seventh digit',
  KNM: 'kilonewton per square metre: printed "103pascal" (10³ Pa)',
  L21: 'cubic millimetre per cubic metre is 10⁻⁹; printed 10⁹',
  L46: 'peck (UK) per minute: printed 1,515 363 5 x 10⁻⁴ is off in the seventh digit',
  L55: 'pint (UK) per minute: printed 9,471 022 x 10⁻⁶ is off in the seventh digit',
  L89: 'short ton per hour degree Fahrenheit: printed unit "kg/s x K" reads as kg·K/s',
  L91: 'short ton per psi: printed without its unit kg/Pa',
  M22: 'millilitre per square centimetre minute: printed 2,777 778 x 10⁻⁶ is not 1/600 000',
  M45: 'degree per second squared: printed unit rad/s',
  M90: 'kilopound per hour: printed 0,125 997 889 kg/s is off in the eighth digit',
  M96: 'poundal inch: printed 3,511 677 10⁻³ is off in the seventh digit',
  N30: 'cubic inch per pound: printed 3,612 728 x 10⁻⁵ is off in the seventh digit',
  N32: 'poundal per inch: printed 5,443 110 is off in the seventh digit',
  N47: 'inch poundal: as M96',
  N55: 'BTU (IT) per square inch second: printed 1,634 246 x 10⁶ is the thermochemical BTU',
  P71: 'millisievert per hour: printed power of ten is one too small',
  P72: 'microsievert per hour: printed power of ten is one too small',
  P73: 'nanosievert per hour: printed power of ten is one too small',
  Q29: 'microgram per hectogram: printed "10⁻8"',
  Q32: 'femtolitre: printed "10-18 m3"',
  Q33: 'picolitre: printed "10-15 m3"',
  Q34: 'nanolitre: printed "10-12 m3"',
  Q35: 'megawatt per minute: printed "1.667 × 104 W/s"',
  MTZ: 'millihertz: printed "10-3 Hz"',
  Z9: 'nanomole: printed "10-9 mol"',
};

/** No factor: Rec 20's entry is not a linear factor to SI units. */
export const NO_FACTOR: Readonly<Record<string, string>> = {
  '2N': 'decibel: logarithmic',
  C50: 'neper: logarithmic',
  C51: 'neper per second: logarithmic',
  H41: 'newton metre per square root of watt: a fractional power',
  H51: 'decibel per kilometre: logarithmic',
  H52: 'decibel per metre: logarithmic',
  M72: 'bel: logarithmic',
  P41: 'decade: logarithmic',
  P43: 'bel per metre: logarithmic',
  Q11: 'erlang: a traffic intensity, printed "1 E"',
  Q16: 'natural unit of information: logarithmic (1/ln 2 bit)',
  Q18: 'hartley per second: logarithmic (log₂ 10 bit)',
  Q19: 'natural unit of information per second: logarithmic',
  Q30: 'pH: logarithmic',
  TAN: 'total acid number: mg KOH/g of a substance',
  DBW: 'decibel watt: logarithmic',
  DBM: 'decibel milliwatt: logarithmic',
  J54: 'megabaud: the baud has no factor in Rec 20',
  K50: 'kilobaud: the baud has no factor in Rec 20',
  NPR: 'number of pairs: printed "use pair"; deprecated in favour of PR',
};

/**
 * Absolute temperature scales: kelvin = (value + offset) × factor. Rec 20 prints only the factors
 * (CEL 1 x K, FAH 5/9 x K); the offsets are those of ISO 80000-5.
 */
export const OFFSETS: Readonly<Record<string, readonly [offset: string, reason: string]>> = {
  CEL: ['27315/100', 'degree Celsius: K = °C + 273.15'],
  FAH: ['45967/100', 'degree Fahrenheit: K = (°F + 459.67) × 5/9'],
};

/**
 * Codes that no current list has but that systems still send; catalogued as deleted so that
 * they resolve to their successors (SUCCESSORS below).
 */
export const LEGACY_CODES: Readonly<Record<string, string>> = {
  PCE: 'piece',
};

/**
 * Successors of retired codes that the source lists do not state in a form the generator reads,
 * or state wrongly; `null` retires a code without successor.
 */
export const SUCCESSORS: Readonly<Record<string, readonly [successor: string | null, reason: string]>> = {
  PCE: [
    'H87',
    'piece: not in Rec 20 Rev 17, yet still sent by older EDI and by SAP (the usual ISO code of ST)',
  ],
  NPR: ['PR', 'number of pairs: "use pair"'],
  PK: ['XPK', 'pack: Rec 21 PK (package), which Rec 20 names as its synonym'],
  HAR: ['H18', 'hectare: Rec 20 names square hectometre (H18) as its synonym'],
  PF: ['XPX', 'pallet (lift): Rec 21 PF is a pen; the pallet is PX'],
  D97: ['XPX', 'pallet/unit load: Rec 21 pallet'],
  '2W': ['XBI', 'bin: Rec 21 BI'],
  '4A': ['XBB', 'bobbin: Rec 21 BB (Rec 21 4A is a steel box)'],
  CH: ['XCN', 'container: Rec 21 CN (Rec 21 CH is a chest)'],
  CJ: ['XAJ', 'cone: Rec 21 AJ (Rec 21 CJ is a coffin)'],
  EV: ['XEN', 'envelope: Rec 21 EN'],
  NRL: ['XRO', 'number of rolls: Rec 21 RO (roll)'],
  SV: ['XSI', 'skid: Rec 21 SI (Rec 21 SV is a steel envelope)'],
  VQ: [null, 'bulk: Rec 21 splits bulk by kind (VL liquid, VR grains, VY powders, VQ liquefied gas...)'],
  Z2: ['XCH', 'chest: Rec 21 CH'],
  Z3: ['XCK', 'cask: Rec 21 CK'],
  Z4: ['XHG', 'hogshead: Rec 21 HG'],
};
