import { UnitError } from '../errors/unit-error.js';
import { createMaterialRates, type MaterialRates, type MaterialUnits } from './material-rates.js';
import { resolveStandardCode, unknownUnitError } from './resolve-unit-code.js';
import { findUnit, type UnitDefinition } from './unit-catalog.js';

/** An SAP unit of measurement of your system and the canonical unit it stands for. */
export interface SapUnitMapping {
  /** The internal SAP unit (T006 MSEHI), e.g. `ST`, `KAR` or a customer unit such as `ZBG`. */
  readonly sap: string;
  /** The unit it stands for: a canonical code, or any code the registry resolves. */
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
   * code the registry resolves. @default {}
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
  readonly aliases: ReadonlyMap<string, string>;
  readonly materials: ReadonlyMap<string, MaterialRates>;
  /** SAP unit → canonical code. */
  readonly sapToUnit: ReadonlyMap<string, string>;
  /** Canonical code → the primary SAP unit. */
  readonly unitToSap: ReadonlyMap<string, string>;
}

/**
 * Checks the options of a unit registry and resolves every code in them to a canonical code.
 * @returns the resolved options.
 * @throws UnitError `UNKNOWN_UNIT` for a target code no catalogue knows; `INVALID_OPTIONS` for an
 * alias that redefines a canonical code, two primary SAP units for one unit, a duplicate
 * material id or bad alternative units.
 * @example resolveUnitRegistryOptions({ aliases: { Stk: 'PCE' } }).aliases.get('Stk') // 'H87'
 */
export function resolveUnitRegistryOptions(options: UnitRegistryOptions = {}): ResolvedUnitRegistryOptions {
  const sapToUnit = new Map<string, string>();
  const unitToSap = new Map<string, string>();
  for (const mapping of options.sapUnits ?? []) {
    const unit = resolveStandardCode(mapping.unit, sapToUnit);
    if (unit === undefined) throw unknownUnitError(mapping.unit, { to: mapping.unit });
    sapToUnit.set(mapping.sap, unit);
    if (mapping.primary === true) {
      if (unitToSap.has(unit)) {
        throw new UnitError(
          'INVALID_OPTIONS',
          `two primary SAP units for ${unit}: ${unitToSap.get(unit)} and ${mapping.sap}`,
        );
      }
      unitToSap.set(unit, mapping.sap);
    }
  }
  const aliases = new Map<string, string>();
  for (const [alias, target] of Object.entries(options.aliases ?? {})) {
    const unit = resolveStandardCode(target, sapToUnit);
    if (unit === undefined) throw unknownUnitError(target, { from: alias, to: target });
    if (findUnit(alias)?.status === 'active' && alias !== unit) {
      throw new UnitError(
        'INVALID_OPTIONS',
        `the alias ${alias} would redefine the canonical unit ${alias} as ${unit}`,
        {
          from: alias,
          to: target,
        },
      );
    }
    aliases.set(alias, unit);
  }
  const resolveUnit = (code: string): UnitDefinition => {
    const canonical = aliases.get(code) ?? resolveStandardCode(code, sapToUnit);
    if (canonical === undefined) throw unknownUnitError(code, { from: code });
    return findUnit(canonical) as UnitDefinition;
  };
  const materials = new Map<string, MaterialRates>();
  for (const material of options.materials ?? []) {
    const rates = createMaterialRates(material, resolveUnit);
    if (materials.has(rates.id)) {
      throw new UnitError('INVALID_OPTIONS', `material ${rates.id} is given twice`, { material: rates.id });
    }
    materials.set(rates.id, rates);
  }
  return { aliases, materials, sapToUnit, unitToSap };
}
