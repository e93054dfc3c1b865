import { MappingError } from '../../../src/errors/mapping-error.js';
import type {
  OperationStatus,
  WorkOrder,
  WorkOrderComponent,
  WorkOrderOperation,
} from '../../../src/model/work-order.js';
import type { Segment } from '../idoc.js';
import { inLayout, isUnreadField } from './field-knowledge.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { BACKFLUSH_ALSO_TRUE, invalidValue } from './sap-values.js';
import { findSegments, missingField, type SegmentReader } from './segment-reader.js';
import { UnknownValues } from './unknown-values.js';

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
  actualEnd: 'GETRI',
  deliveredQuantity: 'E1AFPOL/WEMNG',
  'deliveredQuantity/unit': 'E1AFPOL/AMEIN',
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
  'issuedQuantity/unit': 'MEINS',
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
 * LOIPRO: the order header E1AFKOL becomes a WorkOrder, with its status from the active system
 * statuses of E1JSTKL (INACT = X marks one that no longer holds, such as a revoked TECO), the
 * material, deliveries and sales order from E1AFPOL (quantities in AMEIN, the unit of the order),
 * operations from E1AFFLL/E1AFVOL (with E1JSTVL statuses) and components from E1RESBL. The plant
 * is the header's WERKS, else that of the operations or components, else `options.plant`. An
 * order without an active system status is refused unless the caller's `codes.workOrderStatus`
 * decides it (see {@link headerStatus}). No value is decided from a field a flat file's layout did not let the mapping read
 * (field-knowledge.ts): a required one is an error, an optional one is left out and named in
 * `extensions` (`sap:unreadFields`; segments without a layout in `sap:unparsedSegments`).
 */
export function mapWorkOrders(context: MappingContext): Mapped<WorkOrder>[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1AFKOL')
    .map((header) => mapWorkOrder(context, header));
}

function mapWorkOrder(context: MappingContext, headerSegment: Segment): Mapped<WorkOrder> {
  const unknown = new UnknownValues();
  const header = context.read(headerSegment);
  const origins = new Origins().segment('', headerSegment.name, HEADER_FIELDS);
  const item = headerSegment.children.find((child) => child.name === 'E1AFPOL');
  const position = item === undefined ? undefined : context.read(item);
  const id = header.requiredKey('AUFNR');
  const material = materialOf(header, position, origins);
  const operations = unknown.readable(findSegments(headerSegment.children, 'E1AFVOL'));
  const components = unknown.readable(
    operations.flatMap((operation) => operation.children.filter((child) => child.name === 'E1RESBL')),
  );
  const plant = plantOf(context, header, [...operations, ...components], origins);
  const quantity = header.quantity('GAMNG', 'GMEIN');
  if (quantity === undefined) throw missingField(headerSegment, 'GAMNG');
  const status = headerStatus(context, headerSegment);
  const scheduledStart = scheduled(
    header,
    origins,
    '/scheduledStart',
    ['GSTRS', 'GSUZS'],
    ['GSTRP', 'GSUZP'],
  );
  const scheduledEnd = scheduled(header, origins, '/scheduledEnd', ['GLTRS', 'GLUZS'], ['GLTRP', 'GLUZP']);
  origins.list('/operations', operations, OPERATION_FIELDS);
  origins.list('/components', components, COMPONENT_FIELDS);
  const value = compact<WorkOrder>({
    id,
    type: header.text('AUART'),
    material,
    plant,
    quantity,
    plannedScrap: header.quantity('GASMG', 'GMEIN'),
    deliveredQuantity: position?.quantity('WEMNG', 'AMEIN'),
    status,
    scheduledStart,
    scheduledEnd,
    actualStart: unknown.optional(() => header.timestamp('GSTRI', 'GSUZI')),
    // The confirmed finish date and its time (GETRI/GEUZI) are one instant; GLTRI, the actual
    // finish date, has no time of its own.
    actualEnd: unknown.optional(() => header.timestamp('GETRI', 'GEUZI')),
    productionVersion: position?.text('VERID'),
    salesOrder: salesOrder(position),
    operations:
      operations.length > 0 ? operations.map((operation) => mapOperation(context, operation)) : undefined,
    components:
      components.length > 0
        ? components.map((component) => mapComponent(context, component, operationOf(operations, component)))
        : undefined,
    extensions: unknown.extensions(),
    source: { system: context.system, id },
  });
  return { value, origins };
}

/** The header's material, else the order item's (whose origin is then recorded). */
function materialOf(header: SegmentReader, position: SegmentReader | undefined, origins: Origins): string {
  const own = header.key('MATNR_LONG', 'MATNR');
  if (own !== undefined) return own;
  const item = position?.key('MATNR_LONG', 'MATNR');
  if (position === undefined || item === undefined) {
    throw missingField(header.segment, 'MATNR', ['MATNR_LONG', 'E1AFPOL/MATNR']);
  }
  origins.value('/material', position.location('MATNR'));
  return item;
}

/**
 * The header's plant, else the first operation's or component's, else the `plant` option. The
 * option also stands in where a flat file's layout does not let the mapping read a plant field:
 * the caller says which plant the file is from.
 */
function plantOf(
  context: MappingContext,
  header: SegmentReader,
  carriers: readonly Segment[],
  origins: Origins,
): string {
  const option = context.options.plant;
  try {
    for (const reader of [header, ...carriers.map((carrier) => context.read(carrier))]) {
      const plant = reader.text('WERKS');
      if (plant === undefined) continue;
      if (reader !== header) origins.value('/plant', reader.location('WERKS'));
      return plant;
    }
  } catch (error) {
    if (!isUnreadField(error)) throw error;
    if (option !== undefined) {
      origins.value('/plant', 'options.plant');
      return option;
    }
    throw new MappingError('INVALID_SOURCE_DATA', `${error.message}, or set the \`plant\` option`, {
      location: error.location,
    });
  }
  if (option !== undefined) {
    origins.value('/plant', 'options.plant');
    return option;
  }
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `${header.location('WERKS')} is missing (the operations and components name no plant either); set the \`plant\` option`,
    { location: header.location('WERKS') },
  );
}

/**
 * The scheduled date and time, else the basic ones (whose origin is then recorded). An error
 * names the scheduled date field, the one read first.
 */
function scheduled(
  header: SegmentReader,
  origins: Origins,
  pointer: string,
  [date, time]: readonly [string, string],
  [basicDate, basicTime]: readonly [string, string],
): string {
  const own = header.timestamp(date, time);
  if (own !== undefined) return own;
  const basic = header.timestamp(basicDate, basicTime);
  if (basic === undefined) throw missingField(header.segment, date, [basicDate]);
  origins.value(pointer, header.location(basicDate));
  return basic;
}

/**
 * The order's status from its active system statuses. Without one (no E1JSTKL, or only inactive
 * ones) the IDoc does not say the status: a segment filter (BD56) or a customer exit may have
 * dropped E1JSTKL, so `released` would be a guess. Only the caller's `codes.workOrderStatus`,
 * called with an empty list, decides it; otherwise it is an error.
 */
function headerStatus(context: MappingContext, header: Segment): WorkOrder['status'] {
  const statuses = statusesOf(context, header, 'E1JSTKL');
  if (statuses.length > 0 || context.options.workOrderStatusFromCaller) {
    return context.options.workOrderStatus(statuses);
  }
  const segments = header.children.filter((child) => child.name === 'E1JSTKL').length;
  const found =
    segments === 0
      ? `${header.name} has no E1JSTKL segment`
      : `the ${segments} E1JSTKL segment${segments === 1 ? '' : 's'} of ${header.name} hold${segments === 1 ? 's' : ''} no active status (INACT = X marks one that no longer holds)`;
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `E1JSTKL/STAT is missing: ${found}, so the IDoc does not say the order's status; ` +
      'pass codes.workOrderStatus to decide the status of an order without an active one (it is called with an empty list)',
    { location: 'E1JSTKL/STAT' },
  );
}

/**
 * The active system statuses of the status segments of a header or operation. A status whose
 * INACT is X no longer holds (SAP keeps a revoked TECO as an inactive I0045) and is left out, so
 * INACT must be known for every status read.
 */
function statusesOf(context: MappingContext, parent: Segment, type: string): string[] {
  return parent.children
    .filter((child) => child.name === type)
    .flatMap((child) => {
      const reader = context.read(child);
      const status = reader.text('STAT');
      if (status === undefined) return [];
      checkStatusPosition(reader, status);
      return reader.flag('INACT') ? [] : [status];
    });
}

/**
 * Where a flat file's layout ends at STAT (the built-in one: that STAT is the first field is
 * inferred, see data/idoc/SOURCE.md), INACT is known only because the data after STAT is blank.
 * A status number fills all five characters of STAT (I0045); five non-blank characters followed
 * by blank data can only be STAT itself, since a STAT that started further right would have put
 * characters into the data after them. Anything shorter is refused rather than trusted.
 */
function checkStatusPosition(reader: SegmentReader, status: string): void {
  if (inLayout(reader.segment, 'INACT') || /^\S{5}$/.test(status)) return;
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `${reader.location('STAT')} = ${JSON.stringify(status)} is not a five-character status number, and the ` +
      `layout of ${reader.segment.name} that places STAT first is inferred; load your WE60 export of the IDoc type`,
    { location: reader.location('STAT'), value: status },
  );
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
  const quantity = operation.quantity('MGVRG', 'MEINH');
  return compact<WorkOrderOperation>({
    operation: operation.required('VORNR'),
    workCenter: operation.required('ARBPL'),
    description: operation.text('LTXA1'),
    status,
    controlKey: operation.text('STEUS'),
    // SAP writes 0 for an operation without a quantity of its own.
    quantity: quantity?.value === '0' ? undefined : quantity,
    scheduledStart: operation.timestamp('FSAVD', 'FSAVZ'),
    scheduledEnd: operation.timestamp('FSEDD', 'FSEDZ'),
  });
}

/**
 * The debit/credit indicator SHKZG: S (debit, a receipt) or H (credit, an issue); blank leaves
 * the quantity's own sign. Any other value is refused, not read as an issue.
 */
function debitCredit(component: SegmentReader): 'S' | 'H' | undefined {
  const value = component.text('SHKZG');
  if (value === undefined || value === 'S' || value === 'H') return value;
  throw invalidValue(component.location('SHKZG'), value, 'a debit/credit indicator (S or H)');
}

/** The operation a component segment is a child of. */
function operationOf(operations: readonly Segment[], component: Segment): Segment {
  return operations.find((operation) => operation.children.includes(component)) as Segment;
}

function mapComponent(
  context: MappingContext,
  segment: Segment,
  operationSegment: Segment,
): WorkOrderComponent {
  const component = context.read(segment);
  const quantity = component.quantity('BDMNG', 'MEINS');
  if (quantity === undefined) throw missingField(segment, 'BDMNG');
  const reservation = component.text('RSNUM');
  const reservationItem = component.text('RSPOS');
  // RESB keeps quantities positive with a debit/credit flag: S (receipt) marks a by-product,
  // which the canonical object writes as a negative requirement, as SAP BOMs do.
  const receipt = debitCredit(component) === 'S' && !quantity.value.startsWith('-') && quantity.value !== '0';
  const required = receipt ? { ...quantity, value: `-${quantity.value}` } : quantity;
  return compact<WorkOrderComponent>({
    position: component.text('POSNR'),
    material: component.requiredKey('MATNR_LONG', 'MATNR'),
    quantity: required,
    use: required.value.startsWith('-') ? 'by-product' : undefined,
    operation: context.read(operationSegment).text('VORNR'),
    storageLocation: component.text('LGORT'),
    batch: component.text('CHARG'),
    backflush: component.optionalFlag('RGEKZ', BACKFLUSH_ALSO_TRUE),
    issuedQuantity: component.quantity('ENMNG', 'MEINS'),
    reservation:
      reservation === undefined
        ? undefined
        : reservationItem === undefined
          ? reservation
          : `${reservation}/${reservationItem}`,
  });
}
