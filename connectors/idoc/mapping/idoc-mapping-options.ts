import { CodeMap } from '../../../src/codes/code-map.js';
import { type SapMovementType, sapMovementTypes } from '../../../src/codes/sap-movement-types.js';
import { workOrderStatusFromSap } from '../../../src/codes/sap-order-status.js';
import { MillwrightError } from '../../../src/errors/millwright-error.js';
import { BomUsage } from '../../../src/model/bill-of-materials.js';
import { Identifier, type Quantity } from '../../../src/model/common.js';
import { MovementDirection, MovementKind, StockType } from '../../../src/model/inventory-movement.js';
import { MaterialType } from '../../../src/model/material.js';
import type { WorkOrderStatus } from '../../../src/model/work-order.js';
import { createUnitRegistry, type UnitRegistry } from '../../../src/uom/create-unit-registry.js';
import { callOption, invalidOption, readOption } from './read-option.js';
import { checkTimeZone } from './sap-timestamp.js';

/** The code maps the IDoc mappings use; each has a default for SAP's standard codes (system `sap`). */
export interface IdocCodeMaps {
  /**
   * SAP material types (MTART) → `Material.type` (domain `material-type`). @default ROH raw,
   * HALB semi-finished, FERT and HAWA finished, VERP packaging, ERSA spare-part, HIBE consumable,
   * DIEN service; any other type is an `UNMAPPED_CODE` error.
   */
  readonly materialType?: CodeMap;
  /** SAP BOM usages (STLAN) → `BillOfMaterials.usage`. @default 1 production, 2 engineering, 4 maintenance, 5 sales, 6 costing */
  readonly bomUsage?: CodeMap;
  /**
   * The canonical status of an order from its set of SAP system statuses (numbers such as
   * `I0002` or abbreviations such as `REL`). @default workOrderStatusFromSap
   *
   * Only a function you pass is asked about an order without an active system status (no
   * E1JSTKL segment, or only inactive ones such as a revoked TECO): it is called with an empty
   * list. Without one, such an order is a `MappingError` at `E1JSTKL/STAT`, since the IDoc does
   * not say its status (a segment filter or a customer exit may have dropped E1JSTKL).
   */
  readonly workOrderStatus?: (statuses: readonly string[]) => WorkOrderStatus;
  /** Movement types beyond the standard table (customer types `Z01`...), by code. @default sapMovementTypes */
  readonly movementTypes?: Readonly<Record<string, SapMovementType>>;
}

/** Options of `idocToCanonical` (and, with more, of `canonicalToIdoc`). */
export interface IdocMappingOptions {
  /**
   * The IANA time zone of the SAP system's dates and times, e.g. `'Europe/Berlin'`. Required:
   * SAP dates and times carry no zone, and a wrong guess shifts every time by hours.
   */
  readonly timeZone: string;
  /**
   * Resolves units: SAP internal units (`ST`, `KG`) with `fromSap`, ISO codes (`H87`, `KGM`)
   * with `resolve`; canonical units are written back with `toSap`.
   * @default createUnitRegistry()
   */
  readonly units?: UnitRegistry;
  /** Code maps for material types, BOM usages, order statuses and movement types. @default SAP's standard codes */
  readonly codes?: IdocCodeMaps;
  /** The `source.system` of the canonical objects. @default the sender partner (SNDPRN), else 'sap' */
  readonly system?: string;
  /** Remove the leading zeros of all-digit material numbers (`000000000000004711` → `4711`). @default false */
  readonly stripLeadingZeros?: boolean;
  /**
   * The plant of IDocs that name none, or whose plant field a flat file's layout does not let the
   * mapping read (see data/idoc/SOURCE.md): you say which plant the file comes from. A plant the
   * IDoc names always wins. @default none: a missing plant is an error
   */
  readonly plant?: string;
}

/** The unit registry functions the mappings call, each read once from the option. */
export interface MappingUnits {
  readonly resolve: (code: string) => string;
  readonly fromSap: (code: string) => string;
  readonly toSap: (code: string) => string;
  readonly convert: (quantity: Quantity, unit: string) => Quantity;
}

/** {@link IdocMappingOptions} with every default filled in and every value read once. */
export interface ResolvedIdocMappingOptions {
  readonly units: MappingUnits;
  readonly materialType: (code: string) => string;
  readonly bomUsage: (code: string) => string;
  readonly workOrderStatus: (statuses: readonly string[]) => WorkOrderStatus;
  /** Whether `workOrderStatus` is the caller's, which decides the status of an order without an active one. */
  readonly workOrderStatusFromCaller: boolean;
  readonly movementTypes: ReadonlyMap<string, SapMovementType>;
  readonly timeZone: string;
  readonly system: string | undefined;
  readonly stripLeadingZeros: boolean;
  readonly plant: string | undefined;
}

/** The system name SAP's codes are mapped under. */
export const SAP_SYSTEM = 'sap';

const rows = (entries: readonly (readonly [string, string])[]) =>
  entries.map(([code, canonical]) => ({ system: SAP_SYSTEM, code, canonical }));

const defaultMaterialTypes = CodeMap.fromRows(
  'material-type',
  rows([
    ['ROH', 'raw'],
    ['HALB', 'semi-finished'],
    ['FERT', 'finished'],
    ['HAWA', 'finished'],
    ['VERP', 'packaging'],
    ['ERSA', 'spare-part'],
    ['HIBE', 'consumable'],
    ['DIEN', 'service'],
  ]),
  { unmapped: 'error', canonical: MaterialType },
);

const defaultBomUsages = CodeMap.fromRows(
  'bom-usage',
  rows([
    ['1', 'production'],
    ['2', 'engineering'],
    ['4', 'maintenance'],
    ['5', 'sales'],
    ['6', 'costing'],
  ]),
  { unmapped: 'error', canonical: BomUsage },
);

const standardMovementTypes: ReadonlyMap<string, SapMovementType> = new Map(Object.entries(sapMovementTypes));

let defaultUnits: UnitRegistry | undefined;

/**
 * Fills every default of {@link IdocMappingOptions} in one place, reading each option once: a
 * getter that changes its answer, a throwing getter or a revoked Proxy cannot make the mapping
 * see two values. Functions of the options (the unit registry's, a code map's, `workOrderStatus`)
 * are read here and called later; an error they throw that is not a millwright error comes out
 * as `INVALID_OPTIONS` naming the option.
 * @throws {MillwrightError} code `INVALID_OPTIONS` naming the option: options that are not an
 *   object, a missing `timeZone`, an unknown time zone, a value of the wrong type, an option that
 *   cannot be read.
 */
export function resolveIdocMappingOptions(options: unknown): ResolvedIdocMappingOptions {
  if (typeof options !== 'object' || options === null) {
    throw new MillwrightError(
      'INVALID_OPTIONS',
      'the mapping options are required: pass at least { timeZone }, the IANA time zone of the SAP system',
    );
  }
  const timeZone = readOption(options, 'timeZone');
  if (timeZone === undefined) {
    throw new MillwrightError(
      'INVALID_OPTIONS',
      "options.timeZone is required: SAP dates and times carry no zone; pass the SAP system's IANA time zone, e.g. { timeZone: 'Europe/Berlin' }",
    );
  }
  if (typeof timeZone !== 'string') throw invalidOption('timeZone', timeZone, 'an IANA time zone name');
  checkTimeZone(timeZone);
  const codes = readOption(options, 'codes');
  if (codes !== undefined && (typeof codes !== 'object' || codes === null)) {
    throw invalidOption('codes', codes, 'an object of code maps');
  }
  const workOrderStatus = resolveStatusFunction(codes);
  return {
    units: resolveUnits(readOption(options, 'units')),
    materialType: resolveCodeMap(codes, 'materialType', defaultMaterialTypes),
    bomUsage: resolveCodeMap(codes, 'bomUsage', defaultBomUsages),
    workOrderStatus,
    workOrderStatusFromCaller: workOrderStatus !== workOrderStatusFromSap,
    movementTypes: resolveMovementTypes(codes),
    timeZone,
    system: optionalIdentifier(options, 'system'),
    stripLeadingZeros: optionalBoolean(options, 'stripLeadingZeros') ?? false,
    plant: optionalIdentifier(options, 'plant'),
  };
}

/** An identifier option (`system`, `plant`): it goes into the canonical objects as it is. */
function optionalIdentifier(options: object, name: string): string | undefined {
  const value = readOption(options, name);
  if (value !== undefined && !Identifier.safeParse(value).success) {
    throw invalidOption(name, value, 'an identifier (1 to 256 characters, no control characters)');
  }
  return value as string | undefined;
}

function optionalBoolean(options: object, name: string): boolean | undefined {
  const value = readOption(options, name);
  if (value !== undefined && typeof value !== 'boolean') throw invalidOption(name, value, 'true or false');
  return value;
}

/** Reads `name` of an option object as a function, bound to the object, its errors named. */
function method(owner: object, name: string, path: string): (...args: unknown[]) => unknown {
  const fn = readOption(owner, name, path);
  if (typeof fn !== 'function') throw invalidOption(path, fn, 'a function');
  return (...args) => callOption(path, () => Reflect.apply(fn, owner, args));
}

function resolveUnits(units: unknown): MappingUnits {
  if (units === undefined) {
    defaultUnits ??= createUnitRegistry();
    const registry = defaultUnits;
    return {
      resolve: (code) => registry.resolve(code),
      fromSap: (code) => registry.fromSap(code),
      toSap: (code) => registry.toSap(code),
      convert: (quantity, unit) => registry.convert(quantity, unit),
    };
  }
  if (typeof units !== 'object' || units === null) throw invalidOption('units', units, 'a unit registry');
  const text = (name: string) => {
    const fn = method(units, name, `units.${name}`);
    return (code: string): string => {
      const result = fn(code);
      if (typeof result !== 'string') throw invalidOption(`units.${name}`, result, 'a unit code (a string)');
      return result;
    };
  };
  const convert = method(units, 'convert', 'units.convert');
  return {
    resolve: text('resolve'),
    fromSap: text('fromSap'),
    toSap: text('toSap'),
    convert: (quantity, unit) => {
      const result = convert(quantity, unit);
      const value =
        typeof result === 'object' && result !== null
          ? readOption(result, 'value', 'units.convert()')
          : result;
      if (typeof value !== 'string')
        throw invalidOption('units.convert', result, 'a quantity { value, unit }');
      return { value, unit };
    },
  };
}

function resolveCodeMap(
  codes: object | undefined,
  name: string,
  fallback: CodeMap,
): (code: string) => string {
  const map = codes === undefined ? undefined : readOption(codes, name, `codes.${name}`);
  if (map === undefined) return (code) => fallback.toCanonical(SAP_SYSTEM, code);
  if (typeof map !== 'object' || map === null) throw invalidOption(`codes.${name}`, map, 'a CodeMap');
  const toCanonical = method(map, 'toCanonical', `codes.${name}.toCanonical`);
  return (code) => {
    const canonical = toCanonical(SAP_SYSTEM, code);
    if (typeof canonical !== 'string')
      throw invalidOption(`codes.${name}`, canonical, 'a canonical code (a string)');
    return canonical;
  };
}

function resolveStatusFunction(codes: object | undefined): (statuses: readonly string[]) => WorkOrderStatus {
  const fn = codes === undefined ? undefined : readOption(codes, 'workOrderStatus', 'codes.workOrderStatus');
  if (fn === undefined) return workOrderStatusFromSap;
  if (typeof fn !== 'function') throw invalidOption('codes.workOrderStatus', fn, 'a function');
  // The result is checked with the whole WorkOrder, like every other value of it.
  return (statuses) => callOption('codes.workOrderStatus', () => fn([...statuses])) as WorkOrderStatus;
}

/** The standard movement types with the option's added, each entry copied and checked once. */
function resolveMovementTypes(codes: object | undefined): ReadonlyMap<string, SapMovementType> {
  const table = codes === undefined ? undefined : readOption(codes, 'movementTypes', 'codes.movementTypes');
  if (table === undefined) return standardMovementTypes;
  if (typeof table !== 'object' || table === null) {
    throw invalidOption('codes.movementTypes', table, 'an object of movement types by code');
  }
  const merged = new Map(standardMovementTypes);
  const codeList = callOption('codes.movementTypes', () => Object.keys(table));
  for (const code of codeList) {
    merged.set(code, copyMovementType(readOption(table, code, `codes.movementTypes.${code}`), code));
  }
  return merged;
}

/** A movement type of the option as a frozen plain object, each property read once and checked. */
function copyMovementType(entry: unknown, code: string): SapMovementType {
  const path = `codes.movementTypes.${code}`;
  if (typeof entry !== 'object' || entry === null) throw invalidOption(path, entry, 'a movement type');
  const get = (name: string) => readOption(entry, name, `${path}.${name}`);
  const checked = <T>(name: string, schema: { safeParse(value: unknown): { success: boolean } }): T => {
    const value = get(name);
    if (!schema.safeParse(value).success) throw invalidOption(`${path}.${name}`, value, `a ${name}`);
    return value as T;
  };
  const direction = get('direction');
  if (direction !== undefined && !MovementDirection.safeParse(direction).success) {
    throw invalidOption(`${path}.direction`, direction, 'in, out or internal');
  }
  const sides = copySides(get('sides'), `${path}.sides`);
  if (direction === undefined && sides === undefined) {
    throw invalidOption(path, entry, 'a movement type with a direction or sides');
  }
  const reversal = get('reversal');
  const reversalOf = get('reversalOf');
  const description = get('description');
  return Object.freeze({
    code,
    kind: checked<SapMovementType['kind']>('kind', MovementKind),
    direction: direction as SapMovementType['direction'],
    sides,
    stockType: checked<SapMovementType['stockType']>('stockType', StockType),
    reversal: reversal === true,
    reversalOf: typeof reversalOf === 'string' ? reversalOf : undefined,
    description: typeof description === 'string' ? description : code,
  });
}

function copySides(sides: unknown, path: string): SapMovementType['sides'] {
  if (sides === undefined) return undefined;
  if (typeof sides !== 'object' || sides === null)
    throw invalidOption(path, sides, 'an object { own, counterpart }');
  const own = readOption(sides, 'own', `${path}.own`);
  const counterpart = readOption(sides, 'counterpart', `${path}.counterpart`);
  const side = (value: unknown) => value === 'in' || value === 'out';
  if (!side(own) || !side(counterpart) || own === counterpart) {
    throw invalidOption(path, sides, "{ own, counterpart } of 'in' and 'out'");
  }
  return Object.freeze({ own: own as 'in' | 'out', counterpart: counterpart as 'in' | 'out' });
}
