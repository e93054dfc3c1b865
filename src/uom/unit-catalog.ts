import { RETIRED_UNIT_CODES } from './generated/unit-codes.js';
import { UNIT_RECORDS } from './generated/units.js';
import { parseFraction, type Rational } from './rational.js';
import type { UnitRecord } from './unit-record.js';

/** Whether a unit code may appear in canonical records, or is retired and only accepted as input. */
export type UnitCodeStatus = 'active' | 'deprecated' | 'deleted';

/** A unit of the catalogue with its exact factor, ready for arithmetic. */
export interface UnitDefinition {
  readonly code: string;
  readonly status: UnitCodeStatus;
  readonly name: string;
  /** The symbol as Rec 20 writes it (`kg`, `°C`); undefined when there is none. */
  readonly symbol: string | undefined;
  /** The exponents of the base units, e.g. `m.kg.s-2`; `1` for pure numbers; undefined without a factor. */
  readonly dimension: string | undefined;
  /** The exact factor to the coherent SI unit of the dimension; undefined for packages and most counts. */
  readonly factor: Rational | undefined;
  /** The power of π the factor is multiplied by (1 for the degree of angle). */
  readonly pi: number;
  /** For absolute temperatures: SI value = (value + offset) × factor. */
  readonly offset: Rational | undefined;
  /** For a retired code: the active code that replaces it, or null when none does. */
  readonly successor: string | null | undefined;
}

const STATUS = { a: 'active', d: 'deprecated', x: 'deleted' } as const;

let records: ReadonlyMap<string, UnitRecord> | undefined;
const definitions = new Map<string, UnitDefinition>();

function define(record: UnitRecord): UnitDefinition {
  const [code, status, name, symbol, dimension, factor, pi = 0, offset] = record;
  return {
    code,
    status: STATUS[status],
    name,
    symbol: symbol === '' ? undefined : symbol,
    dimension: dimension === '' ? undefined : dimension,
    factor: factor === '' ? undefined : parseFraction(factor),
    pi,
    offset: offset === undefined ? undefined : parseFraction(offset),
    successor: RETIRED_UNIT_CODES.get(code),
  };
}

/**
 * The catalogue's entry for a code exactly as written (case-sensitive: `KGM`, `XCT`, `PCE`).
 * @returns the definition, or undefined when the catalogue has no such code.
 */
export function findUnit(code: string): UnitDefinition | undefined {
  const known = definitions.get(code);
  if (known !== undefined) return known;
  records ??= new Map(UNIT_RECORDS.map((record) => [record[0], record]));
  const record = records.get(code);
  if (record === undefined) return undefined;
  const definition = define(record);
  definitions.set(code, definition);
  return definition;
}
