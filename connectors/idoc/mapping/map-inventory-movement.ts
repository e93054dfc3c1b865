import type { SapMovementType } from '../../../src/codes/sap-movement-types.js';
import { MappingError } from '../../../src/errors/mapping-error.js';
import type { InventoryMovement, StockLocation, StockType } from '../../../src/model/inventory-movement.js';
import type { Segment } from '../idoc.js';
import type { GoodsMovementLayout } from './goods-movement-layouts.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { type FieldTable, Origins } from './origins.js';
import { toTimestamp } from './sap-timestamp.js';
import { findSegments, missingField, type SegmentReader } from './segment-reader.js';

/**
 * MBGMCR and WMMBXY: each goods movement item becomes an InventoryMovement, its kind, direction
 * and default stock type from the movement type table (`codes.movementTypes` adds customer types);
 * for the two-sided types 301/302/309/310 the direction is that of the item's own side. WMMBXY's
 * reversal indicator (XSTOB = X) posts the item as the type that cancels its movement type (101 →
 * 102). A stock type indicator the message does not define is refused, not read as the default.
 * The header carries dates only: `occurredAt` is the document date (else the posting date) at
 * midnight in `options.timeZone`. The id is the IDoc number (or the reference document) and the
 * item's position. A flat file whose items were read without a field layout (the built-in
 * WMMBID02 has none) is an error naming the field that could not be read.
 */
export function mapInventoryMovements(
  context: MappingContext,
  layout: GoodsMovementLayout,
): Mapped<InventoryMovement>[] {
  const headerSegment = findSegments(context.idoc.segments, layout.header)[0];
  if (headerSegment === undefined) {
    throw new MappingError('INVALID_SOURCE_DATA', `the IDoc has no ${layout.header} segment`, {
      location: layout.header,
    });
  }
  const header = context.read(headerSegment);
  const items = findSegments(context.idoc.segments, layout.item);
  const fields = itemFields(layout, header.segment.name);
  return items.map((item, index) => {
    const origins = new Origins().segment('', item.name, fields);
    return { value: mapItem(context, layout, header, item, index, origins), origins };
  });
}

/** Where each InventoryMovement property comes from in an item (or its header; for errors). */
function itemFields(layout: GoodsMovementLayout, header: string): FieldTable {
  const type = layout.movementType;
  const plant = layout.plant;
  return {
    kind: type,
    direction: type,
    movementCode: type,
    material: layout.material[layout.material.length - 1] as string,
    plant,
    storageLocation: layout.storageLocation,
    batch: layout.batch,
    stockType: layout.stockType,
    quantity: layout.quantity,
    'quantity/unit': layout.unit,
    'from/plant': plant,
    'from/storageLocation': layout.storageLocation,
    'to/plant': plant,
    'to/storageLocation': layout.storageLocation,
    postingDate: `${header}/${layout.postingDate}`,
    occurredAt: `${header}/${layout.documentDate}`,
    'reference/workOrder': layout.order,
    'reference/purchaseOrder': layout.purchaseOrder,
    'reference/reservation': layout.reservation,
    'reference/document': `${header}/${layout.reference}`,
    reason: layout.reason,
    text: layout.itemText,
  };
}

function mapItem(
  context: MappingContext,
  layout: GoodsMovementLayout,
  header: SegmentReader,
  segment: Segment,
  index: number,
  origins: Origins,
): InventoryMovement {
  const item = context.read(segment);
  const written = item.required(layout.movementType);
  const { code, type } = movementType(context, item, layout, written);
  // 301/302/309/310 move opposite ways on their two sides; a goods movement item names both
  // (PLANT and MOVE_PLANT, MATERIAL and MOVE_MAT) and this movement is the item's own side.
  const direction = type.direction ?? type.sides?.own;
  const quantity = item.quantity(layout.quantity, layout.unit, layout.unitIso);
  if (quantity === undefined) throw missingField(segment, layout.quantity);
  origins.value('/quantity/unit', item.location(item.unitField(layout.unit, layout.unitIso)));
  if (quantity.value.startsWith('-') || quantity.value === '0') {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${item.location(layout.quantity)} must be a positive quantity`,
      {
        location: item.location(layout.quantity),
        value: quantity.value,
      },
    );
  }
  const plant = item.required(layout.plant);
  const storageLocation = item.text(layout.storageLocation);
  const here: StockLocation = compact({ plant, storageLocation });
  const otherPlant = item.text(layout.movePlant);
  const otherLocation = item.text(layout.moveStorageLocation);
  const there: StockLocation | undefined =
    otherPlant === undefined && otherLocation === undefined
      ? undefined
      : compact({ plant: otherPlant ?? plant, storageLocation: otherLocation });
  const posted = header.date(layout.postingDate);
  const documentDate = header.date(layout.documentDate);
  const postingDate = posted ?? documentDate;
  if (postingDate === undefined)
    throw missingField(header.segment, layout.postingDate, [layout.documentDate]);
  if (posted === undefined) origins.value('/postingDate', header.location(layout.documentDate));
  if (documentDate === undefined) origins.value('/occurredAt', header.location(layout.postingDate));
  const occurredOn = documentDate ?? postingDate;
  const documentKey = context.docnum ?? header.text(layout.reference) ?? 'IDOC';
  const id = `${documentKey}/${String(index + 1).padStart(4, '0')}`;
  const purchaseOrder = item.text(layout.purchaseOrder);
  const reservation = item.text(layout.reservation);
  const reference = compact({
    workOrder: item.key(layout.order),
    purchaseOrder:
      purchaseOrder === undefined ? undefined : joinKey(purchaseOrder, item.text(layout.purchaseOrderItem)),
    reservation:
      reservation === undefined ? undefined : joinKey(reservation, item.text(layout.reservationItem)),
    document: header.text(layout.reference),
  });
  return compact<InventoryMovement>({
    id,
    kind: type.kind,
    direction,
    movementCode: code,
    material: item.requiredKey(...layout.material),
    plant,
    storageLocation,
    batch: item.text(layout.batch),
    stockType: stockTypeOf(item, layout) ?? type.stockType,
    quantity,
    from: direction === 'in' ? there : here,
    to: direction === 'in' ? here : there,
    postingDate,
    occurredAt: toTimestamp(occurredOn, 0, context.options.timeZone),
    reference: Object.keys(reference).length > 0 ? reference : undefined,
    reason: item.text(layout.reason),
    text: item.text(layout.itemText) ?? header.text(layout.text),
    source: { system: context.system, id },
  });
}

/**
 * The movement type the item posts: the one written, or with the reversal indicator set, the type
 * that cancels it (the table's entry whose `reversalOf` it is).
 */
function movementType(
  context: MappingContext,
  item: SegmentReader,
  layout: GoodsMovementLayout,
  written: string,
): { readonly code: string; readonly type: SapMovementType } {
  const location = item.location(layout.movementType);
  const type = lookUp(context, written, location);
  if (layout.reversalIndicator === undefined || !item.flag(layout.reversalIndicator))
    return { code: written, type };
  const reversal = [...context.options.movementTypes.values()].find((entry) => entry.reversalOf === written);
  if (reversal === undefined) {
    throw new MappingError(
      'UNMAPPED_CODE',
      `${item.location(layout.reversalIndicator)} = X reverses movement type ${written}, and the movement type ` +
        `table has no type that cancels ${written} (add one to codes.movementTypes with reversalOf: '${written}')`,
      {
        domain: 'movement-type',
        system: 'sap',
        value: written,
        location: item.location(layout.reversalIndicator),
      },
    );
  }
  return { code: reversal.code, type: reversal };
}

function lookUp(context: MappingContext, code: string, location: string): SapMovementType {
  const type = context.options.movementTypes.get(code);
  if (type === undefined) {
    throw new MappingError(
      'UNMAPPED_CODE',
      `${location}: movement type ${code} is not in the movement type table`,
      {
        domain: 'movement-type',
        system: 'sap',
        value: code,
        location,
      },
    );
  }
  return type;
}

/** The stock type an indicator names; undefined when it is blank (the movement type's default). */
function stockTypeOf(item: SegmentReader, layout: GoodsMovementLayout): StockType | undefined {
  const code = item.text(layout.stockType);
  if (code === undefined) return undefined;
  const entry = Object.entries(layout.stockTypeCodes).find(([, indicator]) => indicator === code);
  if (entry === undefined) {
    const known = Object.entries(layout.stockTypeCodes).map(([type, indicator]) => `${indicator} ${type}`);
    throw new MappingError(
      'UNMAPPED_CODE',
      `${item.location(layout.stockType)} = ${code} is not a stock type indicator (blank: the movement type's default, ${known.join(', ')})`,
      { domain: 'stock-type', system: 'sap', value: code, location: item.location(layout.stockType) },
    );
  }
  return entry[0] as StockType;
}

function joinKey(document: string, item: string | undefined): string {
  return item === undefined ? document : `${document}/${item}`;
}
