import type { RuleViolation } from '../validate/create-rule-check.js';
import { toJsonPointer } from '../validate/json-pointer.js';
import { type Amount, areConvertible, compareAmounts, measures } from './compare-amounts.js';
import { compareMoments } from './compare-moments.js';

// The building blocks of the canonical objects' cross-field rules. Each adds what it finds to
// `out`, with the path below the checked record and a stable code:
// - `invalid_range`: an end before its start, an upper bound below its lower bound;
// - `duplicate_<thing>`: a key a list must hold once (an operation number, a unit, a plant);
// - `unknown_operation`: a reference to an operation the record does not have;
// - `incompatible_units`: a quantity in a unit that does not measure what the field measures;
// - `self_reference`: a record that names itself where it must name another one.

type Path = readonly PropertyKey[];
type Fields = Readonly<Record<string, unknown>>;

/** The path of the checked record itself. */
export const ROOT: Path = Object.freeze([]);

/** Quotes a value for a message: as JSON, cut after 40 characters. */
export function quote(value: string): string {
  return JSON.stringify(value.length <= 40 ? value : `${value.slice(0, 40)}...`);
}

/** The catalogue's name of a dimension, for messages. */
const DIMENSION_NAMES: Readonly<Record<string, string>> = { s: 'time', kg: 'mass', m3: 'volume' };

/** `end` (a date or timestamp) is not before `start`, when both are given. */
export function checkRange(
  out: RuleViolation[],
  at: Path,
  startName: string,
  start: string | undefined,
  endName: string,
  end: string | undefined,
): void {
  if (start === undefined || end === undefined || compareMoments(end, start) >= 0) return;
  out.push({
    path: [...at, endName],
    code: 'invalid_range',
    message: `${endName} ${end} is before ${startName} ${start}`,
  });
}

/**
 * `upper` (a quantity) is not less than `lower`, when both are given; they must be in convertible
 * units. The issue points at the field that depends on the other: `upper` unless `blameLower`.
 */
export function checkAmountRange(
  out: RuleViolation[],
  at: Path,
  lowerName: string,
  lower: Amount | undefined,
  upperName: string,
  upper: Amount | undefined,
  blameLower = false,
): void {
  if (lower === undefined || upper === undefined) return;
  const [referenceName, reference, blamedName, blamed] = blameLower
    ? [upperName, upper, lowerName, lower]
    : [lowerName, lower, upperName, upper];
  if (!checkConvertible(out, referenceName, reference, [...at, blamedName], blamed)) return;
  if (compareAmounts(upper, lower) !== -1) return;
  out.push({
    path: [...at, blamedName],
    code: 'invalid_range',
    message: `${upperName} ${upper.value} ${upper.unit} is less than ${lowerName} ${lower.value} ${lower.unit}`,
  });
}

/**
 * `other` (the quantity at path `at`) is in a unit convertible to the unit of `reference`, the
 * quantity named `referenceName`, when both are given.
 * @returns whether they are (or one is missing).
 */
export function checkConvertible(
  out: RuleViolation[],
  referenceName: string,
  reference: Amount | undefined,
  at: Path,
  other: Amount | undefined,
): boolean {
  if (reference === undefined || other === undefined || areConvertible(reference.unit, other.unit))
    return true;
  out.push({
    path: [...at, 'unit'],
    code: 'incompatible_units',
    message: `${other.unit} does not convert to ${reference.unit}, the unit of ${referenceName}, without material data`,
  });
  return false;
}

/**
 * The quantity `amount`, the field `name`, is in a unit of `dimension` (`s`, `kg`, `m3`), when given.
 * @returns whether it is (or is missing).
 */
export function checkDimension(
  out: RuleViolation[],
  at: Path,
  name: string,
  amount: Amount | undefined,
  dimension: string,
): boolean {
  if (amount === undefined || measures(amount.unit, dimension)) return true;
  const what = DIMENSION_NAMES[dimension] ?? dimension;
  out.push({
    path: [...at, name, 'unit'],
    code: 'incompatible_units',
    message: `${name} is a ${what}; ${amount.unit} is no unit of ${what}`,
  });
  return false;
}

/** The setup, machine and labour times of an operation or a confirmation are in units of time. */
export function checkTimes(
  out: RuleViolation[],
  record: {
    readonly setupTime?: Amount | undefined;
    readonly machineTime?: Amount | undefined;
    readonly laborTime?: Amount | undefined;
  },
): void {
  checkDimension(out, ROOT, 'setupTime', record.setupTime, 's');
  checkDimension(out, ROOT, 'machineTime', record.machineTime, 's');
  checkDimension(out, ROOT, 'laborTime', record.laborTime, 's');
}

/** Lists up to this long are searched item by item, which is far cheaper than building a Map. */
const SCANNED_LENGTH = 32;

/** The keys of a list's items by position, to find where a key first appears. */
export class KeyPositions {
  private map: Map<unknown, number> | undefined;

  constructor(private readonly keys: readonly unknown[]) {}

  /** The position of the first item with this key; undefined when no item has it. */
  positionOf(key: unknown): number | undefined {
    if (this.keys.length <= SCANNED_LENGTH) {
      const position = this.keys.indexOf(key);
      return position === -1 ? undefined : position;
    }
    if (this.map === undefined) {
      this.map = new Map();
      for (let index = this.keys.length - 1; index >= 0; index -= 1) this.map.set(this.keys[index], index);
    }
    return this.map.get(key);
  }
}

/**
 * Every item of `list` (at path `at`) has another `field` value: each repetition is an issue
 * `code` at the repeated value, naming where it first appeared.
 * @returns where each value first appears.
 */
export function checkUnique(
  out: RuleViolation[],
  list: readonly Fields[] | undefined,
  field: string,
  at: Path,
  code: string,
  noun: string,
): KeyPositions {
  const keys = list === undefined ? [] : list.map((item) => item[field]);
  const positions = new KeyPositions(keys);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const first = positions.positionOf(key);
    if (key === undefined || first === index) continue;
    out.push({
      path: [...at, index, field],
      code,
      message: `${noun} ${quote(String(key))} is listed twice (first at ${toJsonPointer([...at, first as number])})`,
    });
  }
  return positions;
}

/** A record that cancels another (`reverses`) does not cancel itself. */
export function checkSelfReference(
  out: RuleViolation[],
  record: { readonly id: string; readonly reverses?: string | undefined },
  noun: string,
): void {
  if (record.reverses !== record.id) return;
  out.push({ path: ['reverses'], code: 'self_reference', message: `a ${noun} cannot reverse itself` });
}
