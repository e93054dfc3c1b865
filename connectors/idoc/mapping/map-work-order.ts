import type {
  OperationStatus,
  WorkOrder,
  WorkOrderComponent,
  WorkOrderOperation,
} from '../../../src/model/work-order.js';
import type { Segment } from '../idoc.js';
import { compact, type MappingContext } from './mapping-context.js';
import { findSegments, missingField, type SegmentReader, unreadableSegments } from './segment-reader.js';

/** Operation system statuses (JEST numbers and TJ02T abbreviations) → operation status. */
const OPERATION_STATUS: Readonly<Record<string, OperationStatus>> = {
  I0001: 'waiting',
  CRTD: 'waiting',
  I0002: 'ready',
  REL: 'ready',
  I0010: 'in-progress',
  PCNF: 'in-progress',
  I0009: 'completed',
  CNF: 'completed',
  I0076: 'skipped',
  DLFL: 'skipped',
  I0013: 'skipped',
  DLT: 'skipped',
};
const OPERATION_ORDER: readonly OperationStatus[] = [
  'skipped',
  'completed',
  'in-progress',
  'ready',
  'waiting',
];

/**
 * LOIPRO: the order header E1AFKOL becomes a WorkOrder, with its status from the system statuses
 * of E1JSTKL, the material and deliveries from E1AFPOL, operations from E1AFFLL/E1AFVOL (with
 * E1JSTVL statuses) and components from E1RESBL. A LOIPRO IDoc without status segments is taken
 * as released (SAP sends LOIPRO when an order is released). Segments that were read without a
 * field layout are named in `extensions['sap:unparsedSegments']`.
 */
export function mapWorkOrders(context: MappingContext): WorkOrder[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1AFKOL')
    .map((header) => mapWorkOrder(context, header));
}

function mapWorkOrder(context: MappingContext, headerSegment: Segment): WorkOrder {
  const header = context.read(headerSegment);
  const item = headerSegment.children.find((child) => child.name === 'E1AFPOL');
  const position = item === undefined ? undefined : context.read(item);
  const id = header.requiredKey('AUFNR');
  const material = header.key('MATNR_LONG', 'MATNR') ?? position?.key('MATNR_LONG', 'MATNR');
  if (material === undefined) throw missingField(headerSegment, 'MATNR');
  const plant = header.text('WERKS') ?? position?.text('PWERK') ?? context.options.plant;
  if (plant === undefined) throw missingField(headerSegment, 'WERKS');
  const quantity = header.quantity('GAMNG', 'GMEIN', 'GMEIN_ISO');
  if (quantity === undefined) throw missingField(headerSegment, 'GAMNG');
  const scheduledStart = header.timestamp('GSTRS', 'GSUZS') ?? header.timestamp('GSTRP', 'GSUZP');
  const scheduledEnd = header.timestamp('GLTRS', 'GLUZS') ?? header.timestamp('GLTRP', 'GLUZP');
  if (scheduledStart === undefined) throw missingField(headerSegment, 'GSTRP');
  if (scheduledEnd === undefined) throw missingField(headerSegment, 'GLTRP');
  const statuses = statusesOf(context, headerSegment, 'E1JSTKL');
  const operations = findSegments(headerSegment.children, 'E1AFVOL').filter((segment) => !isRaw(segment));
  const components = findSegments(headerSegment.children, 'E1AFVOL').flatMap((operation) =>
    operation.children
      .filter((child) => child.name === 'E1RESBL' && !isRaw(child))
      .map((child) => [operation, child] as const),
  );
  const unparsed = unreadableSegments(headerSegment.children, ['E1AFFLL', 'E1AFVOL', 'E1RESBL', 'E1AFUVL']);
  return compact<WorkOrder>({
    id,
    type: header.text('AUART'),
    material,
    plant,
    quantity,
    plannedScrap: nonNegative(header.quantity('GASMG', 'GMEIN', 'GMEIN_ISO')),
    deliveredQuantity: nonNegative(position?.quantity('WEMNG', 'MEINS', 'MEINS_ISO', quantity.unit)),
    status: statuses.length === 0 ? 'released' : context.options.workOrderStatus(statuses),
    scheduledStart,
    scheduledEnd,
    actualStart: header.timestamp('GSTRI', 'GSUZI'),
    actualEnd: header.timestamp('GLTRI', 'GEUZI'),
    batch: position?.text('CHARG'),
    productionVersion: position?.text('VERID'),
    salesOrder: salesOrder(position),
    operations:
      operations.length > 0 ? operations.map((operation) => mapOperation(context, operation)) : undefined,
    components:
      components.length > 0
        ? components.map(([operation, component]) => mapComponent(context, operation, component))
        : undefined,
    extensions: unparsed.length > 0 ? { 'sap:unparsedSegments': unparsed } : undefined,
    source: { system: context.system, id },
  });
}

function isRaw(segment: Segment): boolean {
  return Object.keys(segment.fields).length === 0;
}

function statusesOf(context: MappingContext, parent: Segment, type: string): string[] {
  return parent.children
    .filter((child) => child.name === type && child.fields['INACT'] !== 'X')
    .map((child) => context.read(child).text('STAT'))
    .filter((status): status is string => status !== undefined);
}

function nonNegative<T extends { readonly value: string }>(quantity: T | undefined): T | undefined {
  return quantity === undefined || quantity.value.startsWith('-') ? undefined : quantity;
}

function salesOrder(position: SegmentReader | undefined): string | undefined {
  const order = position?.text('KDAUF');
  if (order === undefined) return undefined;
  const item = position?.text('KDPOS');
  return item === undefined || /^0+$/.test(item) ? order : `${order}/${item}`;
}

function mapOperation(context: MappingContext, segment: Segment): WorkOrderOperation {
  const operation = context.read(segment);
  const statuses = statusesOf(context, segment, 'E1JSTVL');
  const status = OPERATION_ORDER.find((candidate) =>
    statuses.some((code) => OPERATION_STATUS[code] === candidate),
  );
  const quantity = operation.quantity('MGVRG', 'MEINH', 'MEINH_ISO');
  return compact<WorkOrderOperation>({
    operation: operation.required('VORNR'),
    workCenter: operation.required('ARBPL'),
    description: operation.text('LTXA1'),
    status,
    controlKey: operation.text('STEUS'),
    quantity:
      quantity !== undefined && quantity.value !== '0' && !quantity.value.startsWith('-')
        ? quantity
        : undefined,
    scheduledStart: operation.timestamp('FSAVD', 'FSAVZ'),
    scheduledEnd: operation.timestamp('FSEDD', 'FSEDZ'),
  });
}

function mapComponent(
  context: MappingContext,
  operationSegment: Segment,
  segment: Segment,
): WorkOrderComponent {
  const component = context.read(segment);
  const quantity = component.quantity('BDMNG', 'MEINS', 'MEINS_ISO');
  if (quantity === undefined) throw missingField(segment, 'BDMNG');
  const reservation = component.text('RSNUM');
  const reservationItem = component.text('RSPOS');
  // RESB keeps quantities positive with a debit/credit flag: S (receipt) marks a by-product,
  // which the canonical object writes as a negative requirement, as SAP BOMs do.
  const receipt =
    component.text('SHKZG') === 'S' && !quantity.value.startsWith('-') && quantity.value !== '0';
  const required = receipt ? { ...quantity, value: `-${quantity.value}` } : quantity;
  return compact<WorkOrderComponent>({
    position: component.text('POSNR'),
    material: component.requiredKey('MATNR_LONG', 'MATNR'),
    quantity: required,
    use: required.value.startsWith('-') ? 'by-product' : undefined,
    operation: context.read(operationSegment).text('VORNR'),
    storageLocation: component.text('LGORT'),
    batch: component.text('CHARG'),
    backflush: component.text('RGEKZ') === undefined ? undefined : component.flag('RGEKZ'),
    issuedQuantity: nonNegative(component.quantity('ENMNG', 'MEINS', 'MEINS_ISO')),
    reservation:
      reservation === undefined
        ? undefined
        : reservationItem === undefined
          ? reservation
          : `${reservation}/${reservationItem}`,
  });
}
