import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import type { Quantity } from '../model/common.js';
import { Conversion } from './conversion.js';
import { type ConvertOptions, resolveConvertOptions } from './convert-options.js';
import { createMaterialRates, type MaterialRates, type MaterialUnits } from './material-rates.js';
import { divideRationals, formatFraction } from './rational.js';
import { unknownUnitError } from './resolve-unit-code.js';
import { findSapUnit, findUnitForSap } from './sap-lookup.js';
import { findUcumCode, findUnitForUcum } from './ucum-lookup.js';
import { findUnit, type UnitCodeStatus, type UnitDefinition } from './unit-catalog.js';
import {
  type ResolvedUnitRegistryOptions,
  resolveCanonicalCode,
  resolveUnitDefinition,
  resolveUnitRegistryOptions,
  type UnitRegistryOptions,
} from './unit-registry-options.js';

/** A quantity to convert: an exact decimal string and any unit code the registry resolves. */
export interface QuantityInput {
  readonly value: string;
  readonly unit: string;
}

/**
 * Checks that a quantity has the shape `{ value: string, unit }` before it is converted (the
 * unit is checked when it is resolved).
 * @param toUnit - the unit converted to, for the error.
 * @throws UnitError `INVALID_QUANTITY` for anything else.
 */
export function checkQuantity(quantity: unknown, toUnit: unknown): asserts quantity is QuantityInput {
  if (
    typeof quantity !== 'object' ||
    quantity === null ||
    typeof (quantity as QuantityInput).value !== 'string'
  ) {
    throw new UnitError(
      'INVALID_QUANTITY',
      'a quantity is { value: "12.5", unit: "KGM" } with the value as a string',
      typeof toUnit === 'string' ? { to: toUnit } : {},
    );
  }
}

/** Options of {@link UnitRegistry.convert}. */
export interface RegistryConvertOptions extends ConvertOptions {
  /**
   * The material whose alternative units apply (a registered material's id, or its units
   * given inline), for units that measure no physical quantity (`XCT` → `H87`) or differ in
   * dimension (`LTR` → `KGM` by density). Physical conversions ignore it.
   */
  readonly material?: string | MaterialUnits;
}

/** What the catalogue says about a unit. */
export interface UnitDescription {
  /** The code as the catalogue has it (for a retired code, that code, not its successor). */
  readonly code: string;
  readonly name: string;
  readonly symbol: string | undefined;
  readonly status: UnitCodeStatus;
  /** For a retired code, the active code that replaces it; null when none does. */
  readonly successor: string | null | undefined;
  /** The base-unit exponents (`m.kg.s-2`), `1` for pure numbers; undefined without a factor. */
  readonly dimension: string | undefined;
  /** The exact factor to the SI unit of the dimension, `n` or `n/d` (times π^pi); undefined without one. */
  readonly factor: string | undefined;
  /** The power of π in the factor (1 for the degree of angle). */
  readonly pi: number;
  /** For absolute temperatures, added before the factor applies (`5463/20` = 273.15 for °C). */
  readonly offset: string | undefined;
}

/**
 * Resolves and converts units: the Rec 20 catalogue, plant aliases, SAP and UCUM codes, and the
 * alternative units of materials. Create one with {@link createUnitRegistry}; it caches every
 * pair it has converted, so reuse it.
 */
export interface UnitRegistry {
  /**
   * The canonical code of a unit code from any source, in this order: a plant alias, an active
   * Rec 20/21 code, an SAP unit (`ST` → `H87`, `KG` → `KGM`), a retired Rec 20 code (its
   * successor: `PCE` → `H87`, `CT` → `XCT`), a UCUM code (`kg`).
   * @throws UnitError `UNKNOWN_UNIT`.
   * @example registry.resolve('PCE') // 'H87'
   */
  resolve(code: string): string;
  /**
   * Converts a quantity exactly; see {@link convert} for the rules and errors. With `material`,
   * its alternative units convert too.
   * @throws UnitError `UNKNOWN_UNIT`, `INCOMPATIBLE_UNITS`, `NO_MATERIAL_CONVERSION`, `INEXACT`,
   * `INVALID_QUANTITY`, `INVALID_OPTIONS`.
   * @example registry.convert({ value: '2', unit: 'XCT' }, 'H87', { material: 'FG-1' }) // { value: '24', unit: 'H87' }
   */
  convert(quantity: QuantityInput, toUnit: string, options?: RegistryConvertOptions): Quantity;
  /**
   * The UCUM code to send a unit as (`KGM` → `kg`, `H87` → `{piece}`).
   * @throws UnitError `UNKNOWN_UNIT` when the unit is unknown or has no UCUM code (packages).
   * @example registry.toUcum('LBR') // '[lb_av]'
   */
  toUcum(code: string): string;
  /**
   * The canonical unit of a UCUM code, in any spelling of the same term (`s/m`, `s.m-1`).
   * @throws UnitError `UNKNOWN_UNIT` when no Rec 20 unit has that UCUM code.
   * @example registry.fromUcum('[in_i]') // 'INH'
   */
  fromUcum(ucum: string): string;
  /**
   * The SAP unit to write a unit as (`H87` → `ST`, `XCT` → `KAR`): your `sapUnits` first, then
   * the built-in table.
   * @throws UnitError `UNKNOWN_UNIT` when the unit is unknown or no SAP unit is known for it.
   * @example registry.toSap('H87') // 'ST'
   */
  toSap(code: string): string;
  /**
   * The canonical unit of an SAP unit (`ST` → `H87`, `KG` → `KGM`, `KAR` → `XCT`): your
   * `sapUnits`, then the built-in table, then the code read as an ISO (Rec 20) code as IDocs
   * carry them (`PCE` → `H87`).
   * @throws UnitError `UNKNOWN_UNIT`.
   * @example registry.fromSap('KAR') // 'XCT'
   */
  fromSap(sapCode: string): string;
  /**
   * What the catalogue says about a code (a retired code is described as itself).
   * @throws UnitError `UNKNOWN_UNIT`.
   * @example registry.describe('FAH') // { code: 'FAH', dimension: 'K', factor: '5/9', offset: '45967/100', ... }
   */
  describe(code: string): UnitDescription;
}

/** Conversions by source code, then target code, as the caller wrote them. */
type PairCache = Map<string, Map<string, Conversion>>;

/**
 * A registry caches at most this many pairs: every real plant uses far fewer, and codes from
 * untrusted input (UCUM has endless spellings of one unit) cannot grow it without bound.
 */
const MAX_CACHED_PAIRS = 10_000;

/** The exact side of a registry, which the quantity helpers use. */
export interface RegistryInternals {
  conversion(from: string, to: string, material: string | MaterialUnits | undefined): Conversion;
}

const internals = new WeakMap<UnitRegistry, RegistryInternals>();

/** The exact conversions of a registry made by {@link createUnitRegistry}. */
export function registryInternals(registry: UnitRegistry): RegistryInternals {
  const found = internals.get(registry);
  if (found === undefined)
    throw new UnitError('INVALID_OPTIONS', 'registry was not made by createUnitRegistry');
  return found;
}

class Registry implements UnitRegistry {
  private readonly options: ResolvedUnitRegistryOptions;
  private readonly pairs: PairCache = new Map();
  private readonly materialPairs = new Map<MaterialRates, PairCache>();
  private readonly inlineMaterials = new WeakMap<MaterialUnits, MaterialRates>();
  private cachedPairs = 0;

  constructor(options: ResolvedUnitRegistryOptions) {
    this.options = options;
  }

  resolve(code: string): string {
    const canonical = resolveCanonicalCode(code, this.options);
    if (canonical === undefined) throw unknownUnitError(code, { from: code });
    return canonical;
  }

  convert(quantity: QuantityInput, toUnit: string, options?: RegistryConvertOptions): Quantity {
    const { scale, rounding } = resolveConvertOptions(options);
    checkQuantity(quantity, toUnit);
    const conversion = this.conversion(quantity.unit, toUnit, options?.material);
    return { value: conversion.apply(quantity.value, scale, rounding), unit: conversion.to };
  }

  /** The cached conversion for a pair as written, compiled on first use. */
  conversion(from: string, to: string, material: string | MaterialUnits | undefined): Conversion {
    const rates = material === undefined ? undefined : this.material(material, from, to);
    const cache = rates === undefined ? this.pairs : this.materialPairs.get(rates);
    const cached = cache?.get(from)?.get(to);
    if (cached !== undefined) return cached;
    const conversion = this.compile(from, to, rates);
    this.remember(rates, from, to, conversion);
    return conversion;
  }

  /** Caches a compiled pair; the cache is emptied when it grows past {@link MAX_CACHED_PAIRS}. */
  private remember(rates: MaterialRates | undefined, from: string, to: string, conversion: Conversion): void {
    if (this.cachedPairs >= MAX_CACHED_PAIRS) {
      this.pairs.clear();
      this.materialPairs.clear();
      this.cachedPairs = 0;
    }
    let cache = this.pairs;
    if (rates !== undefined) {
      cache = this.materialPairs.get(rates) ?? new Map();
      this.materialPairs.set(rates, cache);
    }
    const targets = cache.get(from) ?? new Map<string, Conversion>();
    cache.set(from, targets);
    targets.set(to, conversion);
    this.cachedPairs += 1;
  }

  private material(material: string | MaterialUnits, from: string, to: string): MaterialRates {
    if (typeof material !== 'string') {
      let rates = this.inlineMaterials.get(material);
      if (rates === undefined) {
        rates = createMaterialRates(material, (code) =>
          resolveUnitDefinition(code, this.options, { from: code, material: material.id }),
        );
        this.inlineMaterials.set(material, rates);
      }
      return rates;
    }
    const rates = this.options.materials.get(material);
    if (rates === undefined) {
      throw new UnitError(
        'NO_MATERIAL_CONVERSION',
        `material ${material} is not registered with the unit registry`,
        {
          from,
          to,
          material,
        },
      );
    }
    return rates;
  }

  private compile(from: string, to: string, rates: MaterialRates | undefined): Conversion {
    const details: UnitErrorDetails = { from, to, material: rates?.id };
    const source = resolveUnitDefinition(from, this.options, details);
    const target = resolveUnitDefinition(to, this.options, details);
    const direct = Conversion.between(source, target, details);
    if (direct !== undefined) return direct;
    if (rates !== undefined) {
      const sourceRate = rates.rateOf(source);
      const targetRate = rates.rateOf(target);
      if (sourceRate !== undefined && targetRate !== undefined) {
        return new Conversion(target.code, divideRationals(sourceRate, targetRate), details);
      }
      const missing = [
        sourceRate === undefined ? source.code : undefined,
        targetRate === undefined ? target.code : undefined,
      ]
        .filter((code) => code !== undefined)
        .join(' and ');
      throw new UnitError(
        'NO_MATERIAL_CONVERSION',
        `material ${rates.id} has no alternative unit that reaches ${missing}`,
        details,
      );
    }
    throw new UnitError('INCOMPATIBLE_UNITS', describeIncompatible(source, target), details);
  }

  toUcum(code: string): string {
    const canonical = this.resolve(code);
    const ucum = findUcumCode(canonical);
    if (ucum === undefined) throw unknownUnitError(canonical, { from: code }, `unit with a UCUM code`);
    return ucum;
  }

  fromUcum(ucum: string): string {
    const code = typeof ucum === 'string' ? findUnitForUcum(ucum) : undefined;
    if (code === undefined) throw unknownUnitError(ucum, { from: ucum }, 'UCUM code of a Rec 20 unit');
    return code;
  }

  toSap(code: string): string {
    const canonical = this.resolve(code);
    const sap = this.options.unitToSap.get(canonical) ?? findSapUnit(canonical);
    if (sap === undefined)
      throw unknownUnitError(canonical, { from: code }, 'unit with an SAP unit of measurement');
    return sap;
  }

  fromSap(sapCode: string): string {
    if (typeof sapCode === 'string') {
      const sap = this.options.sapToUnit.get(sapCode) ?? findUnitForSap(sapCode);
      if (sap !== undefined) return sap;
      const iso = findUnit(sapCode);
      if (iso !== undefined && (iso.status === 'active' || iso.successor != null))
        return iso.successor ?? iso.code;
    }
    throw unknownUnitError(sapCode, { from: sapCode }, 'SAP unit of measurement or ISO code');
  }

  describe(code: string): UnitDescription {
    const unit = (typeof code === 'string' ? findUnit(code) : undefined) ?? findUnit(this.resolve(code));
    if (unit === undefined) throw unknownUnitError(code, { from: code });
    return {
      code: unit.code,
      name: unit.name,
      symbol: unit.symbol,
      status: unit.status,
      successor: unit.successor,
      dimension: unit.dimension,
      factor: unit.factor === undefined ? undefined : formatFraction(unit.factor),
      pi: unit.pi,
      offset: unit.offset === undefined ? undefined : formatFraction(unit.offset),
    };
  }
}

function describeIncompatible(source: UnitDefinition, target: UnitDefinition): string {
  const side = (unit: UnitDefinition): string =>
    unit.dimension === undefined
      ? `${unit.code} (${unit.name}, no factor)`
      : `${unit.code} (${unit.dimension})`;
  const hint =
    source.dimension === undefined || target.dimension === undefined
      ? '; convert it with a material whose alternative units include it'
      : '';
  return `${side(source)} and ${side(target)} measure different things${hint}`;
}

/**
 * Creates a unit registry with your plant aliases, SAP units and materials on top of the
 * generated catalogues (UN/ECE Rec 20 Rev 17, Rec 21 package codes, UCUM and SAP T006 maps).
 * @returns the registry; reuse it, it caches every converted pair.
 * @throws UnitError `UNKNOWN_UNIT` or `INVALID_OPTIONS` when the options do not resolve; see
 * {@link resolveUnitRegistryOptions}.
 * @example
 * const registry = createUnitRegistry({
 *   aliases: { Stk: 'H87' },
 *   materials: [{ id: 'FG-1', baseUnit: 'H87', alternativeUnits: [{ unit: 'XCT', numerator: 12, denominator: 1 }] }],
 * });
 * registry.convert({ value: '3', unit: 'XCT' }, 'Stk', { material: 'FG-1' }); // { value: '36', unit: 'H87' }
 * registry.fromSap('ST'); // 'H87'
 */
export function createUnitRegistry(options: UnitRegistryOptions = {}): UnitRegistry {
  const registry = new Registry(resolveUnitRegistryOptions(options));
  internals.set(registry, registry);
  return registry;
}
