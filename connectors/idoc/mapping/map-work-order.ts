import type {
  OperationStatus,
  WorkOrder,
  WorkOrderComponent,
  WorkOrderOperation,
} from '../../../src/model/work-order.js';
import type { Segment } from '../idoc.js';
import { compact, layoutGaps, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { findSegments, isRaw, missingField, rawSegments, type SegmentReader } from './segment-reader.js';

/** Where each WorkOrder property comes from in E1AFKOL (for errors). */
const HEADER_FIELDS = {
  id: 'AUFNR',
  type: 'AUART',
  material: 'MATNR',
  plant: 'WERKS',
  quantity: 'GAMNG',
  'quantity/unit': 'GMEIN',
  plannedScrap: 'GASMG',
  'plannedScrap/unit': 'GMEIN',
  status: 'E1JSTKL/STAT',
  scheduledStart: 'GSTRS',
  scheduledEnd: 'GLTRS',
  actualStart: 'GSTRI',
  actualEnd: 'GLTRI',
  deliveredQuantity: 'E1AFPOL/WEMNG',
  batch: 'E1AFPOL/CHARG',
  productionVersion: 'E1AFPOL/VERID',
  salesOrder: 'E1AFPOL/KDAUF',
} as const;
const OPERATION_FIELDS = {
  operation: 'VORNR',
  workCenter: 'ARBPL',
  description: 'LTXA1',
  status: 'E1JSTVL/STAT',
  controlKey: 'STEUS',
  quantity: 'MGVRG',
  'quantity/unit': 'MEINH',
  scheduledStart: 'FSAVD',
  scheduledEnd: 'FSEDD',
} as const;
const COMPONENT_FIELDS = {
  position: 'POSNR',
  material: 'MATNR',
  quantity: 'BDMNG',
  'quantity/unit': 'MEINS',
  operation: 'E1AFVOL/VORNR',
  storageLocation: 'LGORT',
  batch: 'CHARG',
  backflush: 'RGEKZ',
  issuedQuantity: 'ENMNG',
  reservation: 'RSNUM',
} as const;

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
 * E1JSTVL statuses) and components from E1RESBL. The plant is the header's WERKS, else that of
 * the operations or components, else `options.plant`. A LOIPRO IDoc without status segments is
 * taken as released (SAP sends LOIPRO when an order is released). What a flat file's field
 * layout did not reach is named in `extensions`: `sap:unparsedSegments` (segments without a
 * layout) and `sap:unreadFields` (fields past the end of a layout, e.g. the start time).
 */
export function mapWorkOrders(context: MappingContext): Mapped<WorkOrder>[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1AFKOL')
    .map((header) => mapWorkOrder(context, header));
}

function mapWorkOrder(context: MappingContext, headerSegment: Segment): Mapped<WorkOrder> {
  const header = context.read(headerSegment);
  const origins = new Origins().segment('', headerSegment.name, HEADER_FIELDS);
  const item = headerSegment.children.find((child) => child.name === 'E1AFPOL');
  const position = item === undefined ? undefined : context.read(item);
  const id = header.requiredKey('AUFNR');
  let material = header.key('MATNR_LONG', 'MATNR');
  if (material === undefined && position !== undefined) {
    material = position.key('MATNR_LONG', 'MATNR');
    origins.value('/material', position.location('MATNR'));
  }
  if (material === undefined) throw missingField(headerSegment, 'MATNR');
  const operationSegments = findSegments(headerSegment.children, 'E1AFVOL');
  const plant = plantOf(context, header, operationSegments, origins);
  if (plant === undefined) throw missingField(headerSegment, 'WERKS', 'set the `plant` option');
  const quantity = header.quantity('GAMNG', 'GMEIN', 'GMEIN_ISO');
  if (quantity === undefined) throw missingField(headerSegment, 'GAMNG');
  const scheduledStart = scheduled(
    header,
    origins,
    '/scheduledStart',
    ['GSTRS', 'GSUZS'],
    ['GSTRP', 'GSUZP'],
  );
  const scheduledEnd = scheduled(header, origins, '/scheduledEnd', ['GLTRS', 'GLUZS'], ['GLTRP', 'GLUZP']);
  if (scheduledStart === undefined) throw missingField(headerSegment, 'GSTRP');
  if (scheduledEnd === undefined) throw missingField(headerSegment, 'GLTRP');
  const statuses = statusesOf(context, headerSegment, 'E1JSTKL');
  const operations = operationSegments.filter((segment) => !isRaw(segment));
  const components = operations.flatMap((operation) =>
    operation.children
      .filter((child) => child.name === 'E1RESBL' && !isRaw(child))
      .map((child) => [operation, child] as const),
  );
  origins.list('/operations', operations, OPERATION_FIELDS);
  origins.list(
    '/components',
    components.map(([, segment]) => segment),
    COMPONENT_FIELDS,
  );
  // Header fields past the end of a flat layout: the plant came from elsewhere, start times are 00:00.
  const unread = header.unreadable('WERKS', 'GSUZS', 'GSUZI');
  const value = compact<WorkOrder>({
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
    extensions: layoutGaps(
      rawSegments(headerSegment.children, ['E1AFFLL', 'E1AFVOL', 'E1RESBL', 'E1AFUVL']),
      unread,
    ),
    source: { system: context.system, id },
  });
  return { value, origins };
}

/** The header's plant, else the first operation's or component's, else the option. */
function plantOf(
  context: MappingContext,
  header: SegmentReader,
  operations: readonly Segment[],
  origins: Origins,
): string | undefined {
  const own = header.text('WERKS');
  if (own !== undefined) return own;
  const carriers = operations.flatMap((operation) => [
    operation,
    ...operation.children.filter((child) => child.name === 'E1RESBL'),
  ]);
  for (const carrier of carriers) {
    const reader = context.read(carrier);
    const plant = reader.text('WERKS');
    if (plant !== undefined) {
      origins.value('/plant', reader.location('WERKS'));
      return plant;
    }
  }
  return context.options.plant;
}

/** The scheduled date and time, else the basic one (whose origin is then recorded). */
function scheduled(
  header: SegmentReader,
  origins: Origins,
  pointer: string,
  [date, time]: readonly [string, string],
  [basicDate, basicTime]: readonly [string, string],
): string | undefined {
  const own = header.timestamp(date, time);
  if (own !== undefined) return own;
  origins.value(pointer, header.location(basicDate));
  return header.timestamp(basicDate, basicTime);
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
