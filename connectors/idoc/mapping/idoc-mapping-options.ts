import { CodeMap } from '../../../src/codes/code-map.js';
import { type SapMovementType, sapMovementTypes } from '../../../src/codes/sap-movement-types.js';
import { workOrderStatusFromSap } from '../../../src/codes/sap-order-status.js';
import type { WorkOrderStatus } from '../../../src/model/work-order.js';
import { createUnitRegistry, type UnitRegistry } from '../../../src/uom/create-unit-registry.js';
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
   */
  readonly workOrderStatus?: (statuses: readonly string[]) => WorkOrderStatus;
  /** Movement types beyond the standard table (customer types `Z01`...), by code. @default sapMovementTypes */
  readonly movementTypes?: Readonly<Record<string, SapMovementType>>;
}

/** Options of `idocToCanonical` and `canonicalToIdoc`. */
export interface IdocMappingOptions {
  /**
   * Resolves units: SAP internal units (`ST`, `KG`) with `fromSap`, ISO codes (`H87`, `KGM`)
   * as they are; canonical units are written back with `toSap`.
   * @default createUnitRegistry()
   */
  readonly units?: UnitRegistry;
  /** Code maps for material types, BOM usages, order statuses and movement types. @default SAP's standard codes */
  readonly codes?: IdocCodeMaps;
  /** The IANA time zone of the SAP system's dates and times (they carry none). @default 'UTC' */
  readonly timeZone?: string;
  /** The `source.system` of the canonical objects. @default the sender partner (SNDPRN), else 'sap' */
  readonly system?: string;
  /** Remove the leading zeros of all-digit material numbers (`000000000000004711` → `4711`). @default false */
  readonly stripLeadingZeros?: boolean;
  /**
   * The plant to use only when an IDoc names none (the plant fields of the IDoc always win):
   * flat files read with a built-in definition that does not reach the plant field, such as
   * LOIPRO01's E1AFKOL (see data/idoc/SOURCE.md). @default none: a missing plant is an error
   */
  readonly plant?: string;
}

/** {@link IdocMappingOptions} with every default filled in. */
export interface ResolvedIdocMappingOptions {
  readonly units: UnitRegistry;
  readonly materialType: CodeMap;
  readonly bomUsage: CodeMap;
  readonly workOrderStatus: (statuses: readonly string[]) => WorkOrderStatus;
  readonly movementTypes: Readonly<Record<string, SapMovementType>>;
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
  { unmapped: 'error' },
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
  { unmapped: 'error' },
);

let defaultUnits: UnitRegistry | undefined;

/**
 * Fills every default of {@link IdocMappingOptions} in one place.
 * @throws {MillwrightError} code `INVALID_OPTIONS` for an unknown time zone.
 */
export function resolveIdocMappingOptions(options: IdocMappingOptions = {}): ResolvedIdocMappingOptions {
  const timeZone = options.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  defaultUnits ??= createUnitRegistry();
  return {
    units: options.units ?? defaultUnits,
    materialType: options.codes?.materialType ?? defaultMaterialTypes,
    bomUsage: options.codes?.bomUsage ?? defaultBomUsages,
    workOrderStatus: options.codes?.workOrderStatus ?? workOrderStatusFromSap,
    movementTypes: { ...sapMovementTypes, ...options.codes?.movementTypes },
    timeZone,
    system: options.system,
    stripLeadingZeros: options.stripLeadingZeros ?? false,
    plant: options.plant,
  };
}
