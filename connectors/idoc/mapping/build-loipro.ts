import { sapOrderStatusMap } from '../../../src/codes/sap-order-status.js';
import { MappingError } from '../../../src/errors/mapping-error.js';
import type { WorkOrder, WorkOrderOperation, WorkOrderStatus } from '../../../src/model/work-order.js';
import type { Segment } from '../idoc.js';
import { type ResolvedIdocMappingOptions, SAP_SYSTEM } from './idoc-mapping-options.js';
import { SegmentBuilder } from './segment-builder.js';

/** The system status number (JEST-STAT) of each canonical status, from the SAP order status map. */
function statusNumber(status: WorkOrderStatus): string {
  const row = sapOrderStatusMap
    .rows()
    .find(
      (candidate) =>
        candidate.system === SAP_SYSTEM && candidate.canonical === status && /^I\d{4}$/.test(candidate.code),
    );
  return row?.code ?? sapOrderStatusMap.fromCanonical(SAP_SYSTEM, status);
}

/** Operation statuses → system status numbers. */
const OPERATION_STATUS: Readonly<Record<NonNullable<WorkOrderOperation['status']>, string>> = {
  waiting: 'I0001',
  ready: 'I0002',
  'in-progress': 'I0010',
  completed: 'I0009',
  skipped: 'I0076',
};

/**
 * A WorkOrder as the segments of a LOIPRO01 IDoc (the inverse of the LOIPRO mapping): the
 * scheduled dates also as basic dates, the actual end as the confirmed finish GETRI/GEUZI, the
 * order item's quantities in AMEIN, the unit of the order. Units go out as the codes they are,
 * as LOI segments carry ISO codes.
 */
export function buildLoiproSegments(order: WorkOrder, options: ResolvedIdocMappingOptions): Segment[] {
  const segment = (name: string) => new SegmentBuilder(name, options);
  const header = segment('E1AFKOL')
    .set('AUFNR', order.id)
    .set('AUART', order.type)
    .set('WERKS', order.plant)
    .set('MATNR', order.material)
    .set('GAMNG', order.quantity.value)
    .isoUnit('GMEIN', order.quantity.unit)
    .set('GASMG', order.plannedScrap?.value)
    .timestamp('GSTRS', 'GSUZS', order.scheduledStart)
    .timestamp('GSTRP', 'GSUZP', order.scheduledStart)
    .timestamp('GLTRS', 'GLUZS', order.scheduledEnd)
    .timestamp('GLTRP', 'GLUZP', order.scheduledEnd)
    .timestamp('GSTRI', 'GSUZI', order.actualStart)
    .timestamp('GETRI', 'GEUZI', order.actualEnd);
  header.add(segment('E1JSTKL').set('STAT', statusNumber(order.status)));
  const operations = order.operations ?? [];
  const components = order.components ?? [];
  if (components.length > 0 && operations.length === 0) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      'LOIPRO carries components under operations; the work order has none',
      {
        location: '/operations',
      },
    );
  }
  if (operations.length > 0) {
    const sequence = segment('E1AFFLL').set('PLNFL', '000000');
    for (const operation of operations) {
      const item = segment('E1AFVOL')
        .set('VORNR', operation.operation)
        .set('ARBPL', operation.workCenter)
        .set('LTXA1', operation.description)
        .set('STEUS', operation.controlKey)
        .set('MGVRG', operation.quantity?.value)
        .isoUnit('MEINH', operation.quantity?.unit)
        .timestamp('FSAVD', 'FSAVZ', operation.scheduledStart)
        .timestamp('FSEDD', 'FSEDZ', operation.scheduledEnd);
      if (operation.status !== undefined)
        item.add(segment('E1JSTVL').set('STAT', OPERATION_STATUS[operation.status]));
      const first = operations[0] as WorkOrderOperation;
      for (const component of components.filter((candidate) =>
        candidate.operation === undefined ? operation === first : candidate.operation === operation.operation,
      )) {
        const [reservation, reservationItem] = (component.reservation ?? '').split('/');
        const byProduct = component.quantity.value.startsWith('-');
        item.add(
          segment('E1RESBL')
            .set('RSNUM', reservation)
            .set('RSPOS', reservationItem)
            .set('POSNR', component.position)
            .set('MATNR', component.material)
            .set('WERKS', order.plant)
            .set('BDMNG', byProduct ? component.quantity.value.slice(1) : component.quantity.value)
            .set('SHKZG', byProduct ? 'S' : 'H')
            .isoUnit('MEINS', component.quantity.unit)
            .set('LGORT', component.storageLocation)
            .set('CHARG', component.batch)
            .flag('RGEKZ', component.backflush)
            .set('ENMNG', component.issuedQuantity?.value),
        );
      }
      sequence.add(item);
    }
    header.add(sequence);
  }
  const [salesOrder, salesOrderItem] = (order.salesOrder ?? '').split('/');
  header.add(
    segment('E1AFPOL')
      .set('POSNR', '0001')
      .set('MATNR', order.material)
      .set('PSMNG', order.quantity.value)
      .isoUnit('AMEIN', order.quantity.unit)
      .set('WEMNG', deliveredInOrderUnit(order))
      .set('VERID', order.productionVersion)
      .set('KDAUF', salesOrder)
      .set('KDPOS', salesOrderItem),
  );
  return [header.segment];
}

/**
 * The delivered quantity in the unit of the order (E1AFPOL has one unit for PSMNG and WEMNG).
 * @throws {MappingError} `INVALID_SOURCE_DATA` when it is in another unit.
 */
function deliveredInOrderUnit(order: WorkOrder): string | undefined {
  const delivered = order.deliveredQuantity;
  if (delivered === undefined) return undefined;
  if (delivered.unit === order.quantity.unit) return delivered.value;
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `deliveredQuantity is in ${delivered.unit}; E1AFPOL carries it in the unit of the order, ${order.quantity.unit}`,
    { location: '/deliveredQuantity/unit', value: delivered.unit },
  );
}
