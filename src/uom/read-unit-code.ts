// THE precedence rule for unit codes. Every public function that reads a unit code (resolve,
// convert, describe, fromSap, the quantity helpers, the registry options, and the messages of
// the UnitCode schema) reads it here, so the rule is written once:
//
// 1. With `system: 'sap'` (and in fromSap): the code is an SAP unit. Its internal (T006 MSEHI)
//    and external commercial (T006A MSEH3) readings, the registry's own `sapUnits` before SAP's
//    standard table; a code that means one unit as an internal code and another as an external
//    code is refused (AMBIGUOUS_UNIT) unless `sapForm` says which. A code SAP does not know is
//    read as an ISO (Rec 20) code, as IDocs carry them in their ISO fields.
// 2. Without a system: a plant alias (the caller's own statement) decides; then an active
//    UN/ECE Rec 20 or X-prefixed Rec 21 code always means its Rec 20 meaning (`PAL` is pascal).
//    Any other code is looked up in every system: Rec 20's retired codes (meaning their
//    successors), SAP (internal and external) and UCUM. A code with readings that mean
//    different units (`KG`: Rec 20's deleted keg or SAP's kilogram) is refused with
//    AMBIGUOUS_UNIT, naming each reading; a code with one meaning is read as Rec 20 or UCUM read
//    it, and a code only SAP knows is refused with UNKNOWN_UNIT saying to pass `system: 'sap'`.
import { type UnitCodeReading, UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { findSapInternalForExternal, findUnitForSap } from './sap-lookup.js';
import { findUnitForUcum } from './ucum-lookup.js';
import { findUnit, type UnitDefinition } from './unit-catalog.js';
import type { ResolvedUnitCodeOptions, SapCodeForm } from './unit-code-options.js';

/** What a registry knows beyond the standard catalogues, as the rule reads it. */
export interface UnitCodeTables {
  /** Plant alias → canonical code. */
  readonly aliases: ReadonlyMap<string, string>;
  /** The system's own internal SAP code → canonical code. */
  readonly sapToUnit: ReadonlyMap<string, string>;
  /** The system's own external SAP code → its internal SAP code. */
  readonly sapExternalToInternal: ReadonlyMap<string, string>;
}

/** The standard catalogues alone: no aliases, no own SAP units. */
export const STANDARD_TABLES: UnitCodeTables = Object.freeze({
  aliases: new Map<string, string>(),
  sapToUnit: new Map<string, string>(),
  sapExternalToInternal: new Map<string, string>(),
});

/** A code as the rule read it. */
export interface ReadUnitCode {
  /** The canonical code it means; null for a Rec 20 code retired without successor. */
  readonly unit: string | null;
  /** The catalogue entry that describes it: the code itself for a retired Rec 20 code, else `unit`. */
  readonly entry: string;
}

/** Where a message about a code appears: a call without a system, a call with `system: 'sap'`, or a canonical record. */
type Context = 'any' | 'sap' | 'record';

function nameOf(unit: string): string {
  return findUnit(unit)?.name ?? unit;
}

function sapUnitOf(internal: string, tables: UnitCodeTables): string | undefined {
  return tables.sapToUnit.get(internal) ?? findUnitForSap(internal);
}

/** The SAP readings of a code in the forms asked for; an external code is read through its internal unit. */
function sapReadings(code: string, tables: UnitCodeTables, form: SapCodeForm | 'either'): UnitCodeReading[] {
  const readings: UnitCodeReading[] = [];
  const internalUnit = form === 'external' ? undefined : sapUnitOf(code, tables);
  if (internalUnit !== undefined) {
    readings.push({
      system: 'sap',
      form: 'internal',
      sap: code,
      unit: internalUnit,
      name: nameOf(internalUnit),
    });
  }
  if (form !== 'internal') {
    const internal = tables.sapExternalToInternal.get(code) ?? findSapInternalForExternal(code);
    const unit = internal === undefined ? undefined : sapUnitOf(internal, tables);
    // A unit whose external code is its internal code (KG, KG) is one reading, not two.
    if (unit !== undefined && !(internal === code && internalUnit !== undefined)) {
      readings.push({ system: 'sap', form: 'external', sap: internal as string, unit, name: nameOf(unit) });
    }
  }
  return readings;
}

function retiredReading(unit: UnitDefinition): UnitCodeReading {
  return {
    system: 'rec20',
    status: unit.status === 'deprecated' ? 'deprecated' : 'deleted',
    unit: unit.successor ?? null,
    name: unit.name,
  };
}

/**
 * Every meaning of a code in the systems other than active Rec 20 (whose meaning wins where it
 * has one), in the order Rec 20 (retired), SAP (internal, external), UCUM.
 * @returns the readings; empty when no system knows the code.
 */
export function unitCodeReadings(code: string, tables: UnitCodeTables): UnitCodeReading[] {
  const catalogued = findUnit(code);
  const readings =
    catalogued === undefined || catalogued.status === 'active' ? [] : [retiredReading(catalogued)];
  readings.push(...sapReadings(code, tables, 'either'));
  const ucum = findUnitForUcum(code);
  if (ucum !== undefined) readings.push({ system: 'ucum', unit: ucum, name: nameOf(ucum) });
  return readings;
}

/**
 * For a code read by its active Rec 20 meaning that SAP uses for another unit (`PAL`: pascal in
 * Rec 20, a pallet in SAP), a sentence saying so and how to read it as SAP's; undefined otherwise.
 * Errors that follow from the Rec 20 reading (pascal does not convert to pieces) add it, since
 * the caller may have meant SAP's.
 */
export function describeSapLookalike(code: string, tables: UnitCodeTables): string | undefined {
  const rec20 = findUnit(code);
  if (rec20?.status !== 'active' || tables.aliases.has(code)) return undefined;
  const sap = sapReadings(code, tables, 'either').find((reading) => reading.unit !== code);
  if (sap === undefined) return undefined;
  return `${describeInput(code)} was read as UN/ECE Rec 20 ${rec20.name}; for SAP's ${sap.name} (${sap.unit}) pass { system: 'sap' }`;
}

/** Whether readings mean more than one thing (a code retired without successor means itself). */
export function isAmbiguous(readings: readonly UnitCodeReading[]): boolean {
  const meanings = new Set(readings.map((reading) => reading.unit ?? `retired ${reading.name}`));
  return meanings.size > 1;
}

/** "a", "a or b", "a, b or c". */
function either(phrases: readonly string[]): string {
  return phrases.length <= 1
    ? phrases.join('')
    : `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

/** One reading as a message names it, with what to write instead in the context. */
function describeReading(reading: UnitCodeReading, context: Context, sapMeanings: number): string {
  const use = reading.unit === null ? 'no successor' : `use ${reading.unit}`;
  switch (reading.system) {
    case 'rec20':
      return `the ${reading.status} UN/ECE Rec 20 code for ${reading.name} (${use})`;
    case 'ucum':
      return `UCUM's ${reading.name} (${use}${context === 'any' ? ', or read it with fromUcum' : ''})`;
    default: {
      const what =
        reading.form === 'external'
          ? `SAP's ${reading.name}, the external code of ${reading.sap}`
          : `SAP's ${reading.name}`;
      const pass =
        context === 'record'
          ? ''
          : context === 'sap'
            ? `, or pass { sapForm: '${reading.form}' }`
            : sapMeanings > 1
              ? `, or pass { system: 'sap', sapForm: '${reading.form}' }`
              : ", or pass { system: 'sap' }";
      return `${what} (${use}${pass})`;
    }
  }
}

/**
 * The message for a code with several meanings, naming each: `"KG" is ambiguous: the deleted
 * UN/ECE Rec 20 code for keg (use XKG) or SAP's kilogram (use KGM, or pass { system: 'sap' })`.
 * @param context - `record` for the UnitCode schema (no options to pass there).
 */
export function describeAmbiguity(
  code: string,
  readings: readonly UnitCodeReading[],
  context: Context,
): string {
  const sapMeanings = new Set(
    readings.filter((reading) => reading.system === 'sap').map((reading) => reading.unit),
  ).size;
  const phrases = readings.map((reading) => describeReading(reading, context, sapMeanings));
  return `${describeInput(code)} is ambiguous${context === 'sap' ? ' as an SAP unit' : ''}: ${either(phrases)}`;
}

/** The `UNKNOWN_UNIT` error for a code, saying when it was retired without successor. */
export function unknownUnitError(code: unknown, details: UnitErrorDetails, system?: string): UnitError {
  const written = describeInput(code);
  const unit = typeof code === 'string' ? findUnit(code) : undefined;
  const message =
    unit !== undefined && unit.status !== 'active' && unit.successor == null
      ? `${written} (${unit.name}) was ${unit.status} in UN/ECE Rec 20 and has no successor`
      : `${written} is not a known ${system ?? 'unit code (UN/ECE Rec 20, Rec 21, alias, SAP or UCUM)'}`;
  return new UnitError('UNKNOWN_UNIT', message, details);
}

/** The error for a code only SAP knows, given where no system says the input is SAP. */
function sapOnlyError(code: string, reading: UnitCodeReading, details: UnitErrorDetails): UnitError {
  return new UnitError(
    'UNKNOWN_UNIT',
    `${describeInput(code)} is no UN/ECE Rec 20 or UCUM code but ${describeReading(reading, 'record', 1)}; ` +
      "SAP codes are read only with fromSap or { system: 'sap' }",
    details,
  );
}

/** Reads a code as an SAP unit (rule 1 above). */
function readSapCode(
  code: string,
  tables: UnitCodeTables,
  form: SapCodeForm | 'either',
  details: UnitErrorDetails,
): ReadUnitCode {
  const readings = sapReadings(code, tables, form);
  if (isAmbiguous(readings)) {
    throw new UnitError('AMBIGUOUS_UNIT', describeAmbiguity(code, readings, 'sap'), { ...details, readings });
  }
  const unit = readings[0]?.unit;
  if (unit != null) return { unit, entry: unit };
  const iso = findUnit(code);
  if (iso === undefined) throw unknownUnitError(code, details, 'SAP unit of measurement or ISO code');
  return { unit: iso.status === 'active' ? code : (iso.successor ?? null), entry: code };
}

/**
 * Reads a unit code by the precedence rule (see the top of this file) as far as the catalogue
 * entry that describes it, which for a Rec 20 code retired without successor is that code.
 * @param code - the code as the caller gave it, of any type.
 * @param tables - the registry's aliases and own SAP units.
 * @param options - the system the caller named.
 * @param details - the units involved, for the error.
 * @returns the canonical code (null for a code retired without successor) and the catalogue entry.
 * @throws UnitError `UNKNOWN_UNIT` for a code nothing knows or an SAP code read without
 * `system: 'sap'`; `AMBIGUOUS_UNIT` for a code whose readings mean different units, with each
 * of them in `readings`.
 */
export function readUnitEntry(
  code: unknown,
  tables: UnitCodeTables,
  options: ResolvedUnitCodeOptions,
  details: UnitErrorDetails,
): ReadUnitCode {
  if (typeof code !== 'string') throw unknownUnitError(code, details);
  if (options.system === 'sap') return readSapCode(code, tables, options.sapForm, details);
  const alias = tables.aliases.get(code);
  if (alias !== undefined) return { unit: alias, entry: alias };
  if (findUnit(code)?.status === 'active') return { unit: code, entry: code };
  const readings = unitCodeReadings(code, tables);
  if (isAmbiguous(readings)) {
    throw new UnitError('AMBIGUOUS_UNIT', describeAmbiguity(code, readings, 'any'), { ...details, readings });
  }
  const chosen = readings.find((reading) => reading.system !== 'sap');
  if (chosen === undefined) {
    const [sap] = readings;
    throw sap === undefined ? unknownUnitError(code, details) : sapOnlyError(code, sap, details);
  }
  return chosen.system === 'rec20'
    ? { unit: chosen.unit, entry: code }
    : { unit: chosen.unit, entry: chosen.unit as string };
}

/**
 * Reads a unit code by the precedence rule (see the top of this file).
 * @returns the canonical code.
 * @throws UnitError as {@link readUnitEntry} does; `UNKNOWN_UNIT` also for a Rec 20 code
 * retired without successor.
 */
export function readUnitCode(
  code: unknown,
  tables: UnitCodeTables,
  options: ResolvedUnitCodeOptions,
  details: UnitErrorDetails,
): string {
  const { unit } = readUnitEntry(code, tables, options, details);
  if (unit === null) throw unknownUnitError(code, details);
  return unit;
}
