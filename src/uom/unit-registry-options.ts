import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { isArraySafely } from '../internal/is-array-safely.js';
import { createMaterialRates, type MaterialRates, type MaterialUnits } from './material-rates.js';
import { readEntries, readList, readOptionFields } from './read-caller-value.js';
import { readUnitCode, STANDARD_TABLES, type UnitCodeTables } from './read-unit-code.js';
import { findUnit, type UnitDefinition } from './unit-catalog.js';
import { ANY_SYSTEM, type ResolvedUnitCodeOptions } from './unit-code-options.js';

/** An SAP unit of measurement of your system and the canonical unit it stands for. */
export interface SapUnitMapping {
  /** The internal SAP unit (T006 MSEHI), e.g. `ST`, `KAR` or a customer unit such as `ZBG`. */
  readonly sap: string;
  /**
   * Its external commercial code (T006A MSEH3) in the language your interfaces send, e.g. `BAG`
   * for `ZBG`; `fromSap` reads it as this unit. @default none
   */
  readonly external?: string;
  /**
   * The unit it stands for: a canonical code (`XBG`), or a code that `resolve` reads without a
   * system (a retired Rec 20 code such as `PCE`, a UCUM code); not an SAP code.
   */
  readonly unit: string;
  /** Whether `toSap(unit)` gives this SAP unit (when several stand for one unit). @default false */
  readonly primary?: boolean;
}

/** What a unit registry knows beyond the standard catalogues. */
export interface UnitRegistryOptions {
  /**
   * Plant codes and their units: `{ Stk: 'H87', PC: 'H87', Ktn: 'XCT' }`. An alias wins over
   * every catalogue except an active Rec 20 code, which it may not redefine; so it also settles a
   * code that is ambiguous without a system (`{ ST: 'XST' }` for sheets, `{ KG: 'KGM' }`). Targets
   * may be any code the registry resolves without a system, another alias included
   * (`{ Ktn: 'XCT', Karton: 'Ktn' }`), as `resolve` would read them. @default {}
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Materials whose alternative units convert (1 unit = numerator/denominator base units);
   * canonical `Material` objects fit. Their unit codes are read as `resolve` reads them without
   * a system. Conversions name them by id. @default []
   */
  readonly materials?: readonly MaterialUnits[];
  /**
   * Your system's SAP units (from transaction CUNI), read before SAP's standard table wherever
   * codes are read as SAP (`fromSap`, `{ system: 'sap' }`) and by `toSap`. @default []
   */
  readonly sapUnits?: readonly SapUnitMapping[];
}

/** {@link UnitRegistryOptions} checked, resolved to canonical codes, with every default filled in. */
export interface ResolvedUnitRegistryOptions extends UnitCodeTables {
  readonly materials: ReadonlyMap<string, MaterialRates>;
  /** Canonical code → the primary SAP unit. */
  readonly unitToSap: ReadonlyMap<string, string>;
}

/**
 * The catalogue definition of a code as a registry reads it (see {@link readUnitCode}).
 * @returns the definition of the canonical unit.
 * @throws UnitError `UNKNOWN_UNIT` or `AMBIGUOUS_UNIT` with `details`.
 */
export function resolveUnitDefinition(
  code: unknown,
  tables: UnitCodeTables,
  codes: ResolvedUnitCodeOptions,
  details: UnitErrorDetails,
): UnitDefinition {
  return findUnit(readUnitCode(code, tables, codes, details)) as UnitDefinition;
}

function invalid(message: string, details: UnitErrorDetails = {}): UnitError {
  return new UnitError('INVALID_OPTIONS', message, details);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Adds `key → value` to a map, refusing a key given twice with different values. */
function setOnce(map: Map<string, string>, key: string, value: string, what: string): void {
  const known = map.get(key);
  if (known !== undefined && known !== value) {
    throw invalid(`sapUnits: the ${what} code ${key} is given twice, for ${known} and ${value}`, {
      from: key,
    });
  }
  map.set(key, value);
}

function resolveSapUnits(
  given: unknown,
): Pick<ResolvedUnitRegistryOptions, 'sapToUnit' | 'sapExternalToInternal' | 'unitToSap'> {
  const sapToUnit = new Map<string, string>();
  const sapExternalToInternal = new Map<string, string>();
  const unitToSap = new Map<string, string>();
  readList(given === undefined ? [] : given, 'sapUnits').forEach((mapping, index) => {
    const fields = readOptionFields(mapping, ['sap', 'external', 'unit', 'primary'], `sapUnits[${index}]`);
    const { sap, external, unit: target, primary } = fields;
    if (!isNonEmptyString(sap) || !(external === undefined || isNonEmptyString(external))) {
      throw invalid(
        'each of sapUnits needs a non-empty string sap, optionally a non-empty string external, and a unit',
      );
    }
    const unit = readUnitCode(target, STANDARD_TABLES, ANY_SYSTEM, { from: sap, to: target as string });
    setOnce(sapToUnit, sap, unit, 'internal');
    if (external !== undefined) setOnce(sapExternalToInternal, external, sap, 'external');
    if (primary === true) {
      if (unitToSap.has(unit))
        throw invalid(`two primary SAP units for ${unit}: ${unitToSap.get(unit)} and ${sap}`);
      unitToSap.set(unit, sap);
    }
  });
  return { sapToUnit, sapExternalToInternal, unitToSap };
}

/**
 * Follows every alias to a canonical code: a target that names another alias is read through
 * it, as `resolve` reads codes; anything else by the precedence rule without a system (see
 * {@link readUnitCode}), with the registry's own SAP units. Each alias is followed once, without
 * recursion, so a long chain costs no stack.
 */
function resolveAliases(given: unknown, sap: Omit<UnitCodeTables, 'aliases'>): Map<string, string> {
  if (given === undefined) return new Map();
  if (typeof given !== 'object' || given === null || isArraySafely(given)) {
    throw invalid('aliases must be an object of codes');
  }
  const targets = new Map(readEntries(given, 'aliases'));
  for (const [alias, target] of targets) {
    if (typeof target !== 'string') {
      throw invalid(`the alias ${alias} must name a unit code, not ${describeInput(target)}`, {
        from: alias,
      });
    }
  }
  const tables: UnitCodeTables = { ...sap, aliases: new Map() };
  const aliases = new Map<string, string>();
  for (const alias of targets.keys()) {
    if (aliases.has(alias)) continue;
    const chain: string[] = [alias];
    const inChain = new Set(chain);
    let unit: string | undefined;
    for (let current = alias; unit === undefined; ) {
      const target = targets.get(current) as string;
      const next = target !== current && targets.has(target) ? target : undefined;
      if (next === undefined) {
        unit = readUnitCode(target, tables, ANY_SYSTEM, { from: current, to: target });
      } else if (aliases.has(next)) {
        unit = aliases.get(next) as string;
      } else if (inChain.has(next)) {
        throw invalid(`the aliases ${[...chain, next].join(' → ')} form a cycle`, { from: alias });
      } else {
        chain.push(next);
        inChain.add(next);
        current = next;
      }
    }
    for (const link of chain) {
      if (findUnit(link)?.status === 'active' && link !== unit) {
        throw invalid(`the alias ${link} would redefine the canonical unit ${link} as ${unit}`, {
          from: link,
          to: targets.get(link) as string,
        });
      }
      aliases.set(link, unit);
    }
  }
  return aliases;
}

/**
 * Checks the options of a unit registry and resolves every code in them to a canonical code.
 * Each value of the caller's objects is read once; a value that cannot be read (a throwing
 * getter, a revoked Proxy) is an `INVALID_OPTIONS` error, never the caller's own exception.
 * @returns the resolved options.
 * @throws UnitError `UNKNOWN_UNIT` or `AMBIGUOUS_UNIT` for a target code that does not resolve
 * (see {@link readUnitCode}); `INVALID_OPTIONS` for options of the wrong shape or that cannot be
 * read, an alias that redefines a canonical code, aliases that name each other in a cycle, an
 * SAP code given twice for different units, two primary SAP units for one unit, a duplicate
 * material id or bad alternative units.
 * @example resolveUnitRegistryOptions({ aliases: { Stk: 'PCE' } }).aliases.get('Stk') // 'H87'
 */
export function resolveUnitRegistryOptions(options: UnitRegistryOptions = {}): ResolvedUnitRegistryOptions {
  if (isArraySafely(options)) throw invalid('the options of a unit registry must be an object');
  const given = readOptionFields(
    options,
    ['aliases', 'materials', 'sapUnits'],
    'the options of a unit registry',
  );
  const { sapToUnit, sapExternalToInternal, unitToSap } = resolveSapUnits(given.sapUnits);
  const aliases = resolveAliases(given.aliases, { sapToUnit, sapExternalToInternal });
  const tables: UnitCodeTables = { aliases, sapToUnit, sapExternalToInternal };
  const materials = new Map<string, MaterialRates>();
  for (const material of readList(given.materials === undefined ? [] : given.materials, 'materials')) {
    const rates = createMaterialRates(material, (code, id) =>
      resolveUnitDefinition(code, tables, ANY_SYSTEM, { from: code, material: id }),
    );
    if (materials.has(rates.id)) {
      throw invalid(`material ${rates.id} is given twice`, { material: rates.id });
    }
    materials.set(rates.id, rates);
  }
  return { aliases, materials, sapToUnit, sapExternalToInternal, unitToSap };
}
