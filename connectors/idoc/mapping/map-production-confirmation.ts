import type { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { toTimestamp } from './sap-timestamp.js';
import { findSegments, missingField, type SegmentReader } from './segment-reader.js';

/** The time-ticket segment of CONF21 (structure BAPI_PP_TIMETICKET); also what a BDBG message for BAPI_PRODORDCONF_CREATE_TT carries. */
export const TIMETICKET = 'E1BP_PP_TIMETICKET';

/** Where each ProductionConfirmation property comes from in a time ticket (for errors). */
const TICKET_FIELDS = {
  workOrder: 'ORDERID',
  operation: 'OPERATION',
  workCenter: 'WORK_CNTR',
  plant: 'PLANT',
  yield: 'YIELD',
  'yield/unit': 'CONF_QUAN_UNIT',
  scrap: 'SCRAP',
  'scrap/unit': 'CONF_QUAN_UNIT',
  rework: 'REWORK',
  'rework/unit': 'CONF_QUAN_UNIT',
  scrapReason: 'DEV_REASON',
  final: 'FIN_CONF',
  confirmedAt: 'EXEC_FIN_DATE',
  postingDate: 'POSTG_DATE',
  actualStart: 'EXEC_START_DATE',
  actualEnd: 'EXEC_FIN_DATE',
  personnel: 'PERS_NO',
  text: 'CONF_TEXT',
} as const;

/**
 * CONF21 time tickets: each E1BP_PP_TIMETICKET becomes a ProductionConfirmation. `final` is
 * FIN_CONF X or 1; `confirmedAt` is the execution finish (EXEC_FIN_DATE/TIME), else the posting
 * date, else the IDoc's creation time; the id is the IDoc number (or the order and operation)
 * and the ticket's position.
 */
export function mapProductionConfirmations(context: MappingContext): Mapped<ProductionConfirmation>[] {
  return findSegments(context.idoc.segments, TIMETICKET).map((segment, index) => ({
    value: mapConfirmation(context, context.read(segment), index),
    origins: new Origins().segment('', segment.name, TICKET_FIELDS),
  }));
}

function mapConfirmation(
  context: MappingContext,
  ticket: SegmentReader,
  index: number,
): ProductionConfirmation {
  const workOrder = ticket.requiredKey('ORDERID');
  const operation = ticket.text('OPERATION');
  const unit = ticket.unit('CONF_QUAN_UNIT', 'CONF_QUAN_UNIT_ISO');
  const quantity = (field: string) => {
    const value = ticket.number(field);
    if (value === undefined) return undefined;
    if (unit === undefined) throw missingField(ticket.segment, 'CONF_QUAN_UNIT');
    return { value: value.startsWith('-') ? value.slice(1) : value, unit };
  };
  const plant = ticket.text('PLANT') ?? context.options.plant;
  if (plant === undefined) throw missingField(ticket.segment, 'PLANT', 'set the `plant` option');
  const position = String(index + 1).padStart(4, '0');
  const id =
    context.docnum === undefined
      ? `${workOrder}/${operation ?? '-'}/${position}`
      : `${context.docnum}/${position}`;
  const postingDate = ticket.date('POSTG_DATE');
  const reversal = (ticket.number('YIELD') ?? '').startsWith('-');
  return compact<ProductionConfirmation>({
    id,
    workOrder,
    operation,
    workCenter: ticket.text('WORK_CNTR'),
    plant,
    yield:
      quantity('YIELD') ??
      (unit === undefined ? undefined : { value: '0', unit }) ??
      missing(ticket, 'YIELD'),
    scrap: quantity('SCRAP'),
    rework: quantity('REWORK'),
    scrapReason: ticket.text('DEV_REASON'),
    final: ticket.flag('FIN_CONF'),
    confirmedAt:
      ticket.timestamp('EXEC_FIN_DATE', 'EXEC_FIN_TIME') ??
      (postingDate === undefined ? undefined : toTimestamp(postingDate, 0, context.options.timeZone)) ??
      context.createdAt() ??
      missing(ticket, 'POSTG_DATE'),
    postingDate,
    actualStart: ticket.timestamp('EXEC_START_DATE', 'EXEC_START_TIME'),
    actualEnd: ticket.timestamp('EXEC_FIN_DATE', 'EXEC_FIN_TIME'),
    personnel: ticket.text('PERS_NO'),
    text: ticket.text('CONF_TEXT'),
    extensions: reversal ? { 'sap:negativeYield': true } : undefined,
    source: { system: context.system, id },
  });
}

function missing(ticket: SegmentReader, field: string): never {
  throw missingField(ticket.segment, field);
}
