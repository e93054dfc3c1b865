import { UnitError, type UnitErrorDetails } from '../errors/unit-error.js';
import type { Quantity } from '../model/common.js';
import { Conversion } from './conversion.js';
import {
  CONVERT_OPTION_KEYS,
  type ConvertOptions,
  type ResolvedConvertOptions,
  resolveConvertFields,
} from './convert-options.js';
import { createMaterialRates, type MaterialRates, type MaterialUnits } from './material-rates.js';
import { divideRationals, formatFraction } from './rational.js';
import { readOptionFields } from './read-caller-value.js';
import { describeSapLookalike, readUnitCode, readUnitEntry, unknownUnitError } from './read-unit-code.js';
import { findSapUnit } from './sap-lookup.js';
import { findUcumCode, findUnitForUcum } from './ucum-lookup.js';
import { findUnit, type UnitCodeStatus, type UnitDefinition } from './unit-catalog.js';
import {
  ANY_SYSTEM,
  type ResolvedUnitCodeOptions,
  resolveUnitCodeOptions,
  type SapCodeOptions,
  type UnitCodeOptions,
} from './unit-code-options.js';
import {
  type ResolvedUnitRegistryOptions,
  resolveUnitDefinition,
  resolveUnitRegistryOptions,
  type UnitRegistryOptions,
} from './unit-registry-options.js';

/** A quantity to convert: an exact decimal string and any unit code the registry resolves. */
export interface QuantityInput {
  readonly value: string;
  readonly unit: string;
}

const QUANTITY_SHAPE = 'a quantity is { value: "12.5", unit: "KGM" } with the value as a string';

/**
 * Reads a caller's quantity once into a plain `{ value, unit }`: a getter that answers
 * differently on a second read, or throws, cannot change or break what is converted.
 * @param toUnit - the unit converted to, for the error.
 * @returns the quantity as read.
 * @throws UnitError `INVALID_QUANTITY` for anything but an object with a string value (or one
 * that cannot be read); `UNKNOWN_UNIT` for a unit that is no string.
 */
export function readQuantity(quantity: unknown, toUnit: unknown): QuantityInput {
  if (typeof quantity !== 'object' || quantity === null) throw quantityError(toUnit);
  let value: unknown;
  let unit: unknown;
  try {
    value = (quantity as QuantityInput).value;
    unit = (quantity as QuantityInput).unit;
  } catch (cause) {
    throw quantityError(toUnit, { cause });
  }
  if (typeof value !== 'string') throw quantityError(toUnit);
  if (typeof unit !== 'string')
    throw unknownUnitError(unit, typeof toUnit === 'string' ? { to: toUnit } : {});
  return { value, unit };
}

/** The `INVALID_QUANTITY` error for a quantity of the wrong shape, or one whose reading threw. */
function quantityError(toUnit: unknown, failedReading?: { readonly cause: unknown }): UnitError {
  return new UnitError(
    'INVALID_QUANTITY',
    failedReading === undefined ? QUANTITY_SHAPE : 'reading the quantity failed',
    typeof toUnit === 'string' ? { to: toUnit } : {},
    failedReading,
  );
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

/** {@link RegistryConvertOptions} with every default filled in. */
interface ResolvedRegistryConvertOptions extends ResolvedConvertOptions {
  readonly material: unknown;
}

const REGISTRY_CONVERT_KEYS = [...CONVERT_OPTION_KEYS, 'material'] as const;
const REGISTRY_CONVERT_DEFAULTS: ResolvedRegistryConvertOptions = Object.freeze({
  ...resolveConvertFields({ scale: undefined, rounding: undefined, system: undefined, sapForm: undefined }),
  material: undefined,
});

/**
 * Fills in the defaults of {@link RegistryConvertOptions} and checks them, reading each once.
 * @throws UnitError `INVALID_OPTIONS` as {@link resolveConvertFields} does.
 */
function resolveRegistryConvertOptions(
  options: RegistryConvertOptions | undefined,
): ResolvedRegistryConvertOptions {
  if (options === undefined) return REGISTRY_CONVERT_DEFAULTS;
  const fields = readOptionFields(options, REGISTRY_CONVERT_KEYS, 'the options');
  return { ...resolveConvertFields(fields), material: fields.material };
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
 *
 * Every method reads unit codes by one precedence rule. Without a system: a plant alias; an
 * active UN/ECE Rec 20 (or X-prefixed Rec 21) code as Rec 20 (`PAL` is pascal); a code Rec 20
 * retired as its successor (`PCE` → `H87`) and a UCUM code (`kg`) when that is the code's only
 * meaning. SAP codes are read only where you say the input is SAP: `fromSap`, or
 * `{ system: 'sap' }` (`PAL` is then a pallet, `KG` kilogram). A code whose readings mean
 * different units (`KG`: Rec 20's deleted keg or SAP's kilogram; `ML`: SAP's millilitre or
 * UCUM's megalitre) is refused with `AMBIGUOUS_UNIT`, never guessed.
 */
export interface UnitRegistry {
  /**
   * The canonical code of a unit code, by the precedence rule (see {@link UnitRegistry}).
   * @param options - `system: 'sap'` to read SAP codes (and `sapForm` to say which SAP code).
   * @throws UnitError `UNKNOWN_UNIT` for an unknown code or an SAP code without `system: 'sap'`;
   * `AMBIGUOUS_UNIT` for a code with several meanings; `INVALID_OPTIONS`.
   * @example registry.resolve('PCE') // 'H87'; registry.resolve('KG', { system: 'sap' }) // 'KGM'
   */
  resolve(code: string, options?: UnitCodeOptions): string;
  /**
   * Converts a quantity exactly; see {@link convert} for the rules and errors. With `material`,
   * its alternative units convert too; with `system: 'sap'`, both codes are read as SAP codes.
   * @throws UnitError `UNKNOWN_UNIT`, `AMBIGUOUS_UNIT`, `INCOMPATIBLE_UNITS`,
   * `NO_MATERIAL_CONVERSION`, `INEXACT`, `INVALID_QUANTITY`, `INVALID_OPTIONS`.
   * @example registry.convert({ value: '2', unit: 'XCT' }, 'H87', { material: 'FG-1' }) // { value: '24', unit: 'H87' }
   */
  convert(quantity: QuantityInput, toUnit: string, options?: RegistryConvertOptions): Quantity;
  /**
   * The UCUM code to send a unit as (`KGM` → `kg`, `H87` → `{piece}`); the code is read by the
   * precedence rule without a system.
   * @throws UnitError `UNKNOWN_UNIT` when the unit is unknown or has no UCUM code (packages);
   * `AMBIGUOUS_UNIT`.
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
   * The internal SAP unit to write a unit as (`H87` → `ST`, `XCT` → `KAR`): your `sapUnits`
   * first, then the built-in table. The code is read by the precedence rule without a system.
   * @throws UnitError `UNKNOWN_UNIT` when the unit is unknown or no SAP unit is known for it;
   * `AMBIGUOUS_UNIT`.
   * @example registry.toSap('H87') // 'ST'
   */
  toSap(code: string): string;
  /**
   * The canonical unit of an SAP unit: its internal code (`ST` → `H87`, `KG` → `KGM`, `PAL` →
   * `XPX`) or its external commercial code (`PC` → `H87`, `CAR` → `XCT`), your `sapUnits` before
   * the built-in table; a code SAP does not know is read as an ISO (Rec 20) code, as IDocs carry
   * them (`PCE` → `H87`). A code that is one unit's internal code and another unit's external
   * code is refused unless `options.sapForm` says which it is.
   * @throws UnitError `UNKNOWN_UNIT`; `AMBIGUOUS_UNIT` (internal or external); `INVALID_OPTIONS`.
   * @example registry.fromSap('KAR') // 'XCT'; registry.fromSap('PC') // 'H87'
   */
  fromSap(sapCode: string, options?: SapCodeOptions): string;
  /**
   * What the catalogue says about a code read by the precedence rule: a retired code with one
   * meaning is described as itself (`PCE`: deleted, successor `H87`), any other code as the
   * canonical unit it means.
   * @throws UnitError `UNKNOWN_UNIT`; `AMBIGUOUS_UNIT` (`KG` without a system); `INVALID_OPTIONS`.
   * @example registry.describe('FAH') // { code: 'FAH', dimension: 'K', factor: '5/9', offset: '45967/100', ... }
   */
  describe(code: string, options?: UnitCodeOptions): UnitDescription;
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
  /**
   * The conversion between two codes as the caller wrote them, read as `codes` says.
   * @param material - as given in the options (an id, the units inline, or anything else, refused).
   */
  conversion(from: string, to: string, material: unknown, codes: ResolvedUnitCodeOptions): Conversion;
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
  private readonly inlineMaterials = new WeakMap<object, MaterialRates>();
  private cachedPairs = 0;

  constructor(options: ResolvedUnitRegistryOptions) {
    this.options = options;
  }

  resolve(code: string, options?: UnitCodeOptions): string {
    return readUnitCode(code, this.options, resolveUnitCodeOptions(options), { from: code });
  }

  convert(quantity: QuantityInput, toUnit: string, options?: RegistryConvertOptions): Quantity {
    const { scale, rounding, codes, material } = resolveRegistryConvertOptions(options);
    const { value, unit } = readQuantity(quantity, toUnit);
    const conversion = this.conversion(unit, toUnit, material, codes);
    return { value: conversion.apply(value, scale, rounding), unit: conversion.to };
  }

  /** The cached conversion for a pair as written and read, compiled on first use. */
  conversion(from: string, to: string, material: unknown, codes: ResolvedUnitCodeOptions): Conversion {
    const rates = material === undefined ? undefined : this.material(material, from, to);
    const cache = rates === undefined ? this.pairs : this.materialPairs.get(rates);
    const key = codes.key === '' ? from : codes.key + from;
    const cached = cache?.get(key)?.get(to);
    if (cached !== undefined) return cached;
    const conversion = this.compile(from, to, rates, codes);
    this.remember(rates, key, to, conversion);
    return conversion;
  }

  /** Caches a compiled pair; the cache is emptied when it grows past {@link MAX_CACHED_PAIRS}. */
  private remember(rates: MaterialRates | undefined, key: string, to: string, conversion: Conversion): void {
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
    const targets = cache.get(key) ?? new Map<string, Conversion>();
    cache.set(key, targets);
    targets.set(to, conversion);
    this.cachedPairs += 1;
  }

  /** The rates of a registered material (by id) or of one given inline, read once and kept. */
  private material(material: unknown, from: string, to: string): MaterialRates {
    if (typeof material === 'string') {
      const rates = this.options.materials.get(material);
      if (rates === undefined) {
        throw new UnitError(
          'NO_MATERIAL_CONVERSION',
          `material ${material} is not registered with the unit registry`,
          { from, to, material },
        );
      }
      return rates;
    }
    const known =
      typeof material === 'object' && material !== null ? this.inlineMaterials.get(material) : undefined;
    if (known !== undefined) return known;
    // An inline material's codes are read without a system, as a registered material's are.
    const rates = createMaterialRates(material, (code, id) =>
      resolveUnitDefinition(code, this.options, ANY_SYSTEM, { from: code, material: id }),
    );
    this.inlineMaterials.set(material as object, rates);
    return rates;
  }

  private compile(
    from: string,
    to: string,
    rates: MaterialRates | undefined,
    codes: ResolvedUnitCodeOptions,
  ): Conversion {
    const details: UnitErrorDetails = { from, to, material: rates?.id };
    const source = resolveUnitDefinition(from, this.options, codes, details);
    const target = resolveUnitDefinition(to, this.options, codes, details);
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
    const lookalikes =
      codes.system === 'sap'
        ? []
        : [from, to].flatMap((code) => describeSapLookalike(code, this.options) ?? []);
    throw new UnitError('INCOMPATIBLE_UNITS', describeIncompatible(source, target, lookalikes), details);
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

  fromSap(sapCode: string, options?: SapCodeOptions): string {
    return readUnitCode(sapCode, this.options, resolveUnitCodeOptions(options, 'sap'), { from: sapCode });
  }

  describe(code: string, options?: UnitCodeOptions): UnitDescription {
    const { entry } = readUnitEntry(code, this.options, resolveUnitCodeOptions(options), { from: code });
    const unit = findUnit(entry) as UnitDefinition;
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

/** The message for units that do not convert, with what was read for codes SAP means otherwise. */
function describeIncompatible(
  source: UnitDefinition,
  target: UnitDefinition,
  lookalikes: readonly string[],
): string {
  const side = (unit: UnitDefinition): string =>
    unit.dimension === undefined
      ? `${unit.code} (${unit.name}, no factor)`
      : `${unit.code} (${unit.dimension})`;
  const hint =
    source.dimension === undefined || target.dimension === undefined
      ? '; convert it with a material whose alternative units include it'
      : '';
  const read = lookalikes.map((sentence) => `; ${sentence}`).join('');
  return `${side(source)} and ${side(target)} measure different things${hint}${read}`;
}

/**
 * Creates a unit registry with your plant aliases, SAP units and materials on top of the
 * generated catalogues (UN/ECE Rec 20 Rev 17, Rec 21 package codes, UCUM and SAP T006 maps).
 * Codes are read by one precedence rule (see {@link UnitRegistry}); the options are read once,
 * and a value that cannot be read is an `INVALID_OPTIONS` error.
 * @returns the registry; reuse it, it caches every converted pair.
 * @throws UnitError `UNKNOWN_UNIT`, `AMBIGUOUS_UNIT` or `INVALID_OPTIONS` when the options do
 * not resolve; see {@link resolveUnitRegistryOptions}.
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
