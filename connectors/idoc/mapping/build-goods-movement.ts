import { MappingError } from '../../../src/errors/mapping-error.js';
import type { InventoryMovement } from '../../../src/model/inventory-movement.js';
import type { Segment } from '../idoc.js';
import { type GoodsMovementLayout, MBGMCR_LAYOUT, WMMBXY_LAYOUT } from './goods-movement-layouts.js';
import type { ResolvedIdocMappingOptions } from './idoc-mapping-options.js';
import { toSapDate, toSapDateTime } from './sap-timestamp.js';
import { SegmentBuilder } from './segment-builder.js';

/** The BAPI's GM_CODE for what the movements do (01 GR for PO, 02 GR for order, 03 GI, 04 transfer, 05 other GR, 06 other). */
function gmCode(first: InventoryMovement): string {
  switch (first.kind) {
    case 'goods-receipt':
      return first.reference?.workOrder !== undefined
        ? '02'
        : first.reference?.purchaseOrder !== undefined
          ? '01'
          : '05';
    case 'goods-issue':
      return '03';
    case 'transfer':
      return '04';
    default:
      return '06';
  }
}

/**
 * InventoryMovements as one goods movement: MBGMCR03 (E1MBGMCR with head, GM code and items) or
 * WMMBID02 (E1MBXYH with items), the fields placed by the layout the inbound mapping reads. Every
 * movement needs its SAP movement type (`movementCode`); all share one posting date and, in
 * MBGMCR, one GM code (the BAPI posts them as one transaction). A stock type is written as its
 * indicator, or blank where it is the movement type's default, the way the mapping reads it back;
 * one the message cannot express is refused.
 */
export function buildGoodsMovementSegments(
  movements: readonly InventoryMovement[],
  messageType: 'MBGMCR' | 'WMMBXY',
  options: ResolvedIdocMappingOptions,
  /** The JSON Pointer of the object at an index of the caller's input (`/0`; empty for one object). */
  pointerOf: (index: number) => string,
): Segment[] {
  const first = movements[0] as InventoryMovement;
  const code = gmCode(first);
  movements.forEach((movement, index) => {
    if (messageType === 'MBGMCR' && gmCode(movement) !== code) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `movement ${index} needs GM code ${gmCode(movement)}, the first ${code}: one MBGMCR goods movement has one GM code`,
        { location: `${pointerOf(index)}/kind`, value: movement.kind },
      );
    }
    if (movement.movementCode === undefined) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `movement ${movement.id} has no movementCode (the SAP movement type)`,
        {
          location: `${pointerOf(index)}/movementCode`,
        },
      );
    }
    if (movement.postingDate !== first.postingDate) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        'the movements of one goods movement share one posting date',
        {
          location: `${pointerOf(index)}/postingDate`,
          value: movement.postingDate,
        },
      );
    }
  });
  const layout = messageType === 'MBGMCR' ? MBGMCR_LAYOUT : WMMBXY_LAYOUT;
  const segment = (name: string) => new SegmentBuilder(name, options);
  const header = segment(layout.header)
    .set(layout.postingDate, toSapDate(first.postingDate))
    .set(layout.documentDate, toSapDateTime(first.occurredAt, options.timeZone).date)
    .set(layout.reference, first.reference?.document)
    .set(layout.text, first.text);
  const items = movements.map((movement, index) =>
    item(movement, pointerOf(index), layout, options, segment),
  );
  if (messageType === 'WMMBXY') return [header.add(...items).segment];
  return [
    segment('E1MBGMCR').add(header, segment('E1BP2017_GM_CODE').set('GM_CODE', code), ...items).segment,
  ];
}

function item(
  movement: InventoryMovement,
  at: string,
  layout: GoodsMovementLayout,
  options: ResolvedIdocMappingOptions,
  segment: (name: string) => SegmentBuilder,
): SegmentBuilder {
  const [purchaseOrder, purchaseOrderItem] = (movement.reference?.purchaseOrder ?? '').split('/');
  const [reservation, reservationItem] = (movement.reference?.reservation ?? '').split('/');
  // The other side of the movement, when it is not the movement's own plant and location.
  const other = movement.direction === 'in' ? movement.from : movement.to;
  const elsewhere =
    other !== undefined &&
    (other.plant !== movement.plant || other.storageLocation !== movement.storageLocation);
  return segment(layout.item)
    .set(layout.material[layout.material.length - 1] as string, movement.material)
    .set(layout.plant, movement.plant)
    .set(layout.storageLocation, movement.storageLocation)
    .set(layout.batch, movement.batch)
    .set(layout.movementType, movement.movementCode)
    .set(layout.stockType, stockTypeIndicator(movement, at, layout, options))
    .set(layout.quantity, movement.quantity.value)
    .sapUnit(layout.unit, layout.unitIso, movement.quantity.unit, `${at}/quantity/unit`)
    .set(layout.purchaseOrder, purchaseOrder)
    .set(layout.purchaseOrderItem, purchaseOrderItem)
    .set(layout.itemText, movement.text)
    .set(layout.order, movement.reference?.workOrder)
    .set(layout.reservation, reservation)
    .set(layout.reservationItem, reservationItem)
    .set(layout.reason, movement.reason)
    .set(layout.movePlant, elsewhere ? other?.plant : undefined)
    .set(layout.moveStorageLocation, elsewhere ? other?.storageLocation : undefined);
}

/**
 * The stock type indicator of a movement: blank for none or the movement type's default stock
 * type (which is how a blank indicator is read), else the layout's code for it.
 * @throws {MappingError} `INVALID_SOURCE_DATA` for a stock type the message has no indicator for.
 */
function stockTypeIndicator(
  movement: InventoryMovement,
  at: string,
  layout: GoodsMovementLayout,
  options: ResolvedIdocMappingOptions,
): string | undefined {
  const wanted = movement.stockType;
  if (wanted === undefined) return undefined;
  const indicator = layout.stockTypeCodes[wanted];
  if (indicator !== undefined) return indicator;
  if (options.movementTypes.get(movement.movementCode as string)?.stockType === wanted) return undefined;
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `stock type ${wanted} has no indicator in ${layout.item} and is not the default of movement type ${movement.movementCode}`,
    { location: `${at}/stockType`, value: wanted },
  );
}
