import { MappingError } from '../../../src/errors/mapping-error.js';
import { ValidationError } from '../../../src/errors/validation-error.js';
import { BillOfMaterials } from '../../../src/model/bill-of-materials.js';
import { InventoryMovement } from '../../../src/model/inventory-movement.js';
import { Material } from '../../../src/model/material.js';
import { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import { WorkOrder } from '../../../src/model/work-order.js';
import { validate } from '../../../src/validate/validate.js';
import type { Idoc } from '../idoc.js';
import { MBGMCR_LAYOUT, WMMBXY_LAYOUT } from './goods-movement-layouts.js';
import { type IdocMappingOptions, resolveIdocMappingOptions } from './idoc-mapping-options.js';
import { mapBillsOfMaterials } from './map-bill-of-materials.js';
import { mapInventoryMovements } from './map-inventory-movement.js';
import { mapMaterials } from './map-material.js';
import { mapProductionConfirmations } from './map-production-confirmation.js';
import { mapWorkOrders } from './map-work-order.js';
import { type Mapped, MappingContext } from './mapping-context.js';
import type { Origins } from './origins.js';

/** A canonical object made from an IDoc, tagged with its kind. */
export type CanonicalRecord =
  | { readonly kind: 'Material'; readonly value: Material }
  | { readonly kind: 'BillOfMaterials'; readonly value: BillOfMaterials }
  | { readonly kind: 'WorkOrder'; readonly value: WorkOrder }
  | { readonly kind: 'InventoryMovement'; readonly value: InventoryMovement }
  | { readonly kind: 'ProductionConfirmation'; readonly value: ProductionConfirmation };

interface MappedRecord {
  readonly record: CanonicalRecord;
  readonly origins: Origins;
}

type Mapper = (context: MappingContext) => MappedRecord[];

const tagged =
  <K extends CanonicalRecord['kind']>(
    kind: K,
    map: (context: MappingContext) => Mapped<Extract<CanonicalRecord, { kind: K }>['value']>[],
  ): Mapper =>
  (context) =>
    map(context).map(({ value, origins }) => ({ record: { kind, value } as CanonicalRecord, origins }));

/**
 * The mapping of each message type; the basic type decides when the message type is blank. Maps,
 * not plain objects: MESTYP comes from the IDoc, and `constructor` or `__proto__` is no mapping.
 */
const MAPPERS: ReadonlyMap<string, Mapper> = new Map([
  ['MATMAS', tagged('Material', mapMaterials)],
  ['BOMMAT', tagged('BillOfMaterials', mapBillsOfMaterials)],
  ['LOIPRO', tagged('WorkOrder', mapWorkOrders)],
  ['WMMBXY', tagged('InventoryMovement', (context) => mapInventoryMovements(context, WMMBXY_LAYOUT))],
  ['MBGMCR', tagged('InventoryMovement', (context) => mapInventoryMovements(context, MBGMCR_LAYOUT))],
  ['CONF21', tagged('ProductionConfirmation', mapProductionConfirmations)],
]);
/** Basic-type prefixes → the message type whose mapping they take. */
const BY_BASIC_TYPE: ReadonlyMap<string, string> = new Map([
  ['MATMAS', 'MATMAS'],
  ['BOMMAT', 'BOMMAT'],
  ['LOIPRO', 'LOIPRO'],
  ['WMMBID', 'WMMBXY'],
  ['MBGMCR', 'MBGMCR'],
  ['CONF', 'CONF21'],
]);

const SCHEMAS = {
  Material,
  BillOfMaterials,
  WorkOrder,
  InventoryMovement,
  ProductionConfirmation,
};

/**
 * Maps a manufacturing IDoc to canonical objects: MATMAS → Material (with E1MARMM alternative
 * units), BOMMAT → BillOfMaterials, LOIPRO → WorkOrder (operations, components, status),
 * WMMBXY and MBGMCR → InventoryMovement, CONF21 time tickets → ProductionConfirmation. The
 * plant comes from the IDoc (WERKS, PLANT) and `options.plant` only stands in where the IDoc has
 * none (a flat file whose layout does not reach the plant field). SAP dates (`00000000` = none) and times become timestamps in
 * `options.timeZone`, signed and trailing-minus numbers exact decimal strings, units canonical
 * codes through the unit registry; material numbers keep their leading zeros unless
 * `stripLeadingZeros` is set. Every object is validated before it is returned.
 *
 * @returns the objects, in IDoc order, each tagged with its kind.
 * @throws {MappingError} `INVALID_SOURCE_DATA` with `location` = `SEGMENT/FIELD` for a missing or
 *   malformed value, or for an object that fails validation (the source field of the first
 *   issue's JSON Pointer, e.g. `/operations/0/workCenter` → `E1AFVOL/ARBPL`; the
 *   ValidationError is the cause);
 *   `UNMAPPED_CODE` for an unknown message type, material type, movement type or order status.
 * @throws {MillwrightError} `INVALID_OPTIONS` for an unknown time zone.
 * @example
 * const units = createUnitRegistry();
 * for await (const idoc of parseIdocStream(file)) {
 *   for (const record of idocToCanonical(idoc, { units, timeZone: 'Europe/Berlin' })) {
 *     if (record.kind === 'WorkOrder') console.log(record.value.id, record.value.status);
 *   }
 * }
 */
export function idocToCanonical(idoc: Idoc, options?: IdocMappingOptions): CanonicalRecord[] {
  const resolved = resolveIdocMappingOptions(options);
  const { mestyp, idoctyp } = idoc.control;
  const mapper = findMapper(mestyp, idoctyp);
  if (mapper === undefined) {
    throw new MappingError(
      'UNMAPPED_CODE',
      `no canonical mapping for message type ${mestyp || '(blank)'} / ${idoctyp || '(blank)'}`,
      {
        domain: 'idoc-message-type',
        system: 'sap',
        value: mestyp || idoctyp,
      },
    );
  }
  const mapped = mapper(new MappingContext(idoc, resolved));
  for (const { record, origins } of mapped) {
    const result = validate(SCHEMAS[record.kind], record.value);
    if (!result.ok) {
      const cause = new ValidationError(result.issues, { schema: record.kind });
      const path = result.issues[0]?.path ?? '';
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `IDoc ${idoc.control.docnum || '(no number)'} maps to an invalid ${record.kind}: ${cause.message}`,
        { value: record.value.id, location: origins.locate(path) },
        { cause },
      );
    }
  }
  return mapped.map(({ record }) => record);
}

/** The mapping for a message type, else for the basic type's prefix; undefined when neither has one. */
function findMapper(mestyp: string, idoctyp: string): Mapper | undefined {
  const byMessageType = MAPPERS.get(mestyp);
  if (byMessageType !== undefined) return byMessageType;
  for (const [prefix, messageType] of BY_BASIC_TYPE) {
    if (idoctyp.startsWith(prefix)) return MAPPERS.get(messageType);
  }
  return undefined;
}
