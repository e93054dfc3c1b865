// Unit conversion throughput on 10,000 seeded quantities over ten everyday pairs (lb→kg, gal→l,
// °C→°F...): millwright convert() with the pair cached after its first use, against
// convert-units and js-quantities on the same pairs and values. Every contender does the same
// task: a decimal string in (as canonical quantities carry it), a decimal string out; the
// peers parse with Number() and write with String(). js-quantities' swiftConverter (a
// precompiled number→number function per pair) is measured too.
// Then each library's results are compared with the exact value (rational arithmetic from the
// catalogue's factors, computed here independently of convert()), and the mismatches counted.
import convertUnits from 'convert-units';
import Qty from 'js-quantities';
import { convert, createUnitRegistry } from 'millwright';
import { parseDecimal } from '../src/uom/decimal.js';
import {
  addRationals,
  divideRationals,
  equalRationals,
  multiplyRationals,
  parseFraction,
  type Rational,
  subtractRationals,
  ZERO,
} from '../src/uom/rational.js';
import { compare, seededRandom } from './harness.js';

type ConvertUnitsUnit = Parameters<ReturnType<typeof convertUnits>['from']>[0];

interface Pair {
  readonly from: string;
  readonly to: string;
  readonly convertUnits: readonly [ConvertUnitsUnit, ConvertUnitsUnit];
  readonly jsQuantities: readonly [string, string];
}

const PAIRS: readonly Pair[] = [
  { from: 'LBR', to: 'KGM', convertUnits: ['lb', 'kg'], jsQuantities: ['lb', 'kg'] },
  { from: 'KGM', to: 'GRM', convertUnits: ['kg', 'g'], jsQuantities: ['kg', 'g'] },
  { from: 'MTR', to: 'CMT', convertUnits: ['m', 'cm'], jsQuantities: ['m', 'cm'] },
  { from: 'INH', to: 'MMT', convertUnits: ['in', 'mm'], jsQuantities: ['in', 'mm'] },
  { from: 'GLL', to: 'LTR', convertUnits: ['gal', 'l'], jsQuantities: ['gal', 'l'] },
  { from: 'ONZ', to: 'LBR', convertUnits: ['oz', 'lb'], jsQuantities: ['oz', 'lb'] },
  { from: 'LTR', to: 'MLT', convertUnits: ['l', 'ml'], jsQuantities: ['l', 'ml'] },
  { from: 'CEL', to: 'FAH', convertUnits: ['C', 'F'], jsQuantities: ['tempC', 'tempF'] },
  { from: 'HUR', to: 'MIN', convertUnits: ['h', 'min'], jsQuantities: ['h', 'min'] },
  { from: 'FOT', to: 'MTR', convertUnits: ['ft', 'm'], jsQuantities: ['ft', 'm'] },
];

const random = seededRandom(20260512);
const inputs = Array.from({ length: 10_000 }, () => {
  const pair = PAIRS[Math.floor(random() * PAIRS.length)] as Pair;
  const places = Math.floor(random() * 4);
  const value = (random() * 10_000).toFixed(places).replace(/^0+(?=\d)/, '');
  return { pair, quantity: { value, unit: pair.from } };
});
const swift = new Map(PAIRS.map((pair) => [pair, Qty.swiftConverter(...pair.jsQuantities)]));

// The exact value of each conversion from the catalogue's factors and offsets:
// value' = (value + offset₁) × f₁ / f₂ − offset₂.
const registry = createUnitRegistry();
function exact(value: string, from: string, to: string): Rational {
  const source = registry.describe(from);
  const target = registry.describe(to);
  const si = multiplyRationals(
    addRationals(
      parseDecimal(value) as Rational,
      source.offset === undefined ? ZERO : parseFraction(source.offset),
    ),
    parseFraction(source.factor as string),
  );
  const result = divideRationals(si, parseFraction(target.factor as string));
  return target.offset === undefined ? result : subtractRationals(result, parseFraction(target.offset));
}
const expected = inputs.map(({ pair, quantity }) => exact(quantity.value, pair.from, pair.to));

const contenders = {
  'millwright convert (cached pair)': ({ pair, quantity }: (typeof inputs)[number]) =>
    convert(quantity, pair.to).value,
  'convert-units': ({ pair, quantity }: (typeof inputs)[number]) =>
    String(convertUnits(Number(quantity.value)).from(pair.convertUnits[0]).to(pair.convertUnits[1])),
  'js-quantities Qty().to()': ({ pair, quantity }: (typeof inputs)[number]) =>
    String(Qty(Number(quantity.value), pair.jsQuantities[0]).to(pair.jsQuantities[1]).scalar),
  'js-quantities swiftConverter': ({ pair, quantity }: (typeof inputs)[number]) =>
    String((swift.get(pair) as (value: number) => number)(Number(quantity.value))),
};

/** A number's decimal string as a rational; exponent forms (1e-7) are read too. */
function readNumber(text: string): Rational | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(text);
  if (match === null) return undefined;
  const fraction = match[3] ?? '';
  const plain = `${match[1]}${match[2]}${fraction === '' ? '' : `.${fraction}`}`.replace(
    /^(-?)0+(?=\d)/,
    '$1',
  );
  const base = parseDecimal(plain);
  if (base === undefined) return undefined;
  const exponent = BigInt(Number(match[4] ?? '0'));
  return exponent >= 0n
    ? multiplyRationals(base, { numerator: 10n ** exponent, denominator: 1n })
    : divideRationals(base, { numerator: 10n ** -exponent, denominator: 1n });
}

console.log(
  `\nExactness on ${inputs.length.toLocaleString('en-US')} conversions (${PAIRS.length} pairs): results that differ from the exact value`,
);
for (const [name, run] of Object.entries(contenders)) {
  let differ = 0;
  inputs.forEach((input, index) => {
    const result = readNumber(run(input));
    if (result === undefined || !equalRationals(result, expected[index] as Rational)) differ += 1;
  });
  console.log(`  ${name.padEnd(32)} ${String(differ).padStart(6)} inexact`);
}

const runAll = (run: (input: (typeof inputs)[number]) => string) => () => {
  let length = 0;
  for (const input of inputs) length += run(input).length;
  return length;
};
const [ours, ...peers] = Object.entries(contenders).map(([name, run]) => ({ name, fn: runAll(run) })) as [
  { name: string; fn: () => unknown },
  ...{ name: string; fn: () => unknown }[],
];
await compare({
  title: `Unit conversion of ${inputs.length.toLocaleString('en-US')} quantities, decimal string in and out (${PAIRS.length} pairs)`,
  unit: 'conversions/s',
  unitsPerCall: inputs.length,
  ours,
  peers,
});

// For reference: the peers on native numbers, with no decimal string to read or write (a task
// millwright does not do: its quantities are decimal strings, and its results exact).
const numbers = inputs.map((input) => Number(input.quantity.value));
const onNumbers = (run: (pair: Pair, value: number) => number) => () => {
  let total = 0;
  inputs.forEach((input, index) => {
    total += run(input.pair, numbers[index] as number);
  });
  return total;
};
await compare({
  title:
    'For reference: the same conversions with the peers on native numbers (no string parsing or formatting)',
  unit: 'conversions/s',
  unitsPerCall: inputs.length,
  ours,
  peers: [
    {
      name: 'convert-units (numbers)',
      fn: onNumbers((pair, value) => convertUnits(value).from(pair.convertUnits[0]).to(pair.convertUnits[1])),
    },
    {
      name: 'js-quantities swiftConverter (numbers)',
      fn: onNumbers((pair, value) => (swift.get(pair) as (value: number) => number)(value)),
    },
  ],
});
