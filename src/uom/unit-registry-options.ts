import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import { describeInput } from './describe-input.js';
import { createMaterialRates, type MaterialRates, type MaterialUnits } from './material-rates.js';
import { resolveStandardCode, unknownUnitError } from './resolve-unit-code.js';
import { findUnit, type UnitDefinition } from './unit-catalog.js';

/** An SAP unit of measurement of your system and the canonical unit it stands for. */
export interface SapUnitMapping {
  /** The internal SAP unit (T006 MSEHI), e.g. `ST`, `KAR` or a customer unit such as `ZBG`. */
  readonly sap: string;
  /** The unit it stands for: a canonical code, or a code of a standard catalogue (Rec 20, SAP, UCUM). */
  readonly unit: string;
  /** Whether `toSap(unit)` gives this SAP unit (when several stand for one unit). @default false */
  readonly primary?: boolean;
}

/** What a unit registry knows beyond the standard catalogues. */
export interface UnitRegistryOptions {
  /**
   * Plant codes and their units: `{ Stk: 'H87', PC: 'H87', Ktn: 'XCT' }`. An alias wins over
   * every catalogue except an active Rec 20 code, which it may not redefine; so it also settles a
   * code that your plant uses otherwise than SAP (`{ ST: 'XST' }` for sheets). Targets may be any
   * code the registry resolves, another alias included (`{ Ktn: 'XCT', Karton: 'Ktn' }`), as
   * `resolve` would read them. @default {}
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Materials whose alternative units convert (1 unit = numerator/denominator base units);
   * canonical `Material` objects fit. Conversions name them by id. @default []
   */
  readonly materials?: readonly MaterialUnits[];
  /**
   * Your system's SAP units (from transaction CUNI), read before the built-in standard table by
   * `fromSap`, `toSap` and `resolve`. @default []
   */
  readonly sapUnits?: readonly SapUnitMapping[];
}

/** {@link UnitRegistryOptions} checked, resolved to canonical codes, with every default filled in. */
export interface ResolvedUnitRegistryOptions {
  /** Alias → canonical code, every alias already followed to its end. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly materials: ReadonlyMap<string, MaterialRates>;
  /** SAP unit → canonical code. */
  readonly sapToUnit: ReadonlyMap<string, string>;
  /** Canonical code → the primary SAP unit. */
  readonly unitToSap: ReadonlyMap<string, string>;
}

/** What a code is looked up in: the plant aliases, then the standard catalogues with the own SAP units. */
export type UnitLookup = Pick<ResolvedUnitRegistryOptions, 'aliases' | 'sapToUnit'>;

/**
 * The canonical code of a code as a registry reads it: a plant alias, else a standard code
 * (see {@link resolveStandardCode}).
 * @returns the canonical code, or undefined for a code nothing knows or a value that is no string.
 */
export function resolveCanonicalCode(code: unknown, lookup: UnitLookup): string | undefined {
  if (typeof code !== 'string') return undefined;
  return lookup.aliases.get(code) ?? resolveStandardCode(code, lookup.sapToUnit);
}

/**
 * The catalogue definition of a code as a registry reads it; see {@link resolveCanonicalCode}.
 * @returns the definition of the canonical unit.
 * @throws UnitError `UNKNOWN_UNIT` with `details`.
 */
export function resolveUnitDefinition(
  code: unknown,
  lookup: UnitLookup,
  details: UnitErrorDetails,
): UnitDefinition {
  const canonical = resolveCanonicalCode(code, lookup);
  if (canonical === undefined) throw unknownUnitError(code, details);
  return findUnit(canonical) as UnitDefinition;
}

function invalid(message: string, details: UnitErrorDetails = {}): UnitError {
  return new UnitError('INVALID_OPTIONS', message, details);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of an optional list option; INVALID_OPTIONS when it is given and not an array. */
function listOf(value: unknown, name: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${name} must be an array`);
  return value;
}

function resolveSapUnits(given: unknown): Pick<ResolvedUnitRegistryOptions, 'sapToUnit' | 'unitToSap'> {
  const sapToUnit = new Map<string, string>();
  const unitToSap = new Map<string, string>();
  for (const mapping of listOf(given, 'sapUnits')) {
    if (!isRecord(mapping) || typeof mapping['sap'] !== 'string' || mapping['sap'] === '') {
      throw invalid('each of sapUnits needs a non-empty string sap and a unit');
    }
    const { sap, unit: target } = mapping as Partial<SapUnitMapping> & { sap: string };
    const unit = typeof target === 'string' ? resolveStandardCode(target, sapToUnit) : undefined;
    if (unit === undefined) throw unknownUnitError(target, { from: sap, to: target as string });
    sapToUnit.set(sap, unit);
    if (mapping['primary'] === true) {
      if (unitToSap.has(unit))
        throw invalid(`two primary SAP units for ${unit}: ${unitToSap.get(unit)} and ${sap}`);
      unitToSap.set(unit, sap);
    }
  }
  return { sapToUnit, unitToSap };
}

/**
 * Follows every alias to a canonical code: a target that names another alias is read through
 * it, as `resolve` reads codes; anything else through the standard catalogues. Each alias is
 * followed once, without recursion, so a long chain costs no stack.
 */
function resolveAliases(given: unknown, sapToUnit: ReadonlyMap<string, string>): Map<string, string> {
  if (given !== undefined && !isRecord(given)) throw invalid('aliases must be an object of codes');
  const targets = new Map(Object.entries(given ?? {}));
  for (const [alias, target] of targets) {
    if (typeof target !== 'string') {
      throw invalid(`the alias ${alias} must name a unit code, not ${describeInput(target)}`, {
        from: alias,
      });
    }
  }
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
        unit = resolveStandardCode(target, sapToUnit);
        if (unit === undefined) throw unknownUnitError(target, { from: current, to: target });
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
 * @returns the resolved options.
 * @throws UnitError `UNKNOWN_UNIT` for a target code no catalogue knows; `INVALID_OPTIONS` for
 * options of the wrong shape, an alias that redefines a canonical code, aliases that name each
 * other in a cycle, two primary SAP units for one unit, a duplicate material id or bad
 * alternative units.
 * @example resolveUnitRegistryOptions({ aliases: { Stk: 'PCE' } }).aliases.get('Stk') // 'H87'
 */
export function resolveUnitRegistryOptions(options: UnitRegistryOptions = {}): ResolvedUnitRegistryOptions {
  if (!isRecord(options)) throw invalid('the options of a unit registry must be an object');
  const { sapToUnit, unitToSap } = resolveSapUnits(options.sapUnits);
  const aliases = resolveAliases(options.aliases, sapToUnit);
  const lookup: UnitLookup = { aliases, sapToUnit };
  const materials = new Map<string, MaterialRates>();
  for (const material of listOf(options.materials, 'materials')) {
    const rates = createMaterialRates(material, (code) =>
      resolveUnitDefinition(code, lookup, { from: code }),
    );
    if (materials.has(rates.id)) {
      throw invalid(`material ${rates.id} is given twice`, { material: rates.id });
    }
    materials.set(rates.id, rates);
  }
  return { aliases, materials, sapToUnit, unitToSap };
}
