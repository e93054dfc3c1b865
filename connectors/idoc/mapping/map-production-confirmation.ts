import { MappingError } from '../../../src/errors/mapping-error.js';
import type { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { QUAN_13_3 } from './sap-values.js';
import { findSegments, missingField, type SegmentReader } from './segment-reader.js';

/** The time-ticket segment of PPCC2PRETTICKET (structure BAPI_PP_TIMETICKET). */
export const TIMETICKET = 'E1BP_PP_TIMETICKET';

/** The PP-PDC record types of a production order time ticket: whether it is final. */
const RECORD_TYPES: ReadonlyMap<string, boolean> = new Map([
  ['L20', false],
  ['L40', true],
]);

/** Where each ProductionConfirmation property comes from in a time ticket (for errors). */
const TICKET_FIELDS = {
  workOrder: 'ORDERID',
  operation: 'OPERATION',
  workCenter: 'WORK_CNTR',
  plant: 'PLANT',
  yield: 'YIELD',
  'yield/unit': 'CONF_QUAN_UNIT_ISO',
  scrap: 'SCRAP',
  'scrap/unit': 'CONF_QUAN_UNIT_ISO',
  rework: 'REWORK',
  'rework/unit': 'CONF_QUAN_UNIT_ISO',
  scrapReason: 'DEV_REASON',
  final: 'RECORDTYPE',
  confirmedAt: 'EX_CREATED_DATE',
  postingDate: 'POSTG_DATE',
  actualStart: 'EXEC_START_DATE',
  actualEnd: 'EXEC_FIN_DATE',
  personnel: 'PERS_NO',
  text: 'CONF_TEXT',
} as const;

/**
 * PP-PDC time tickets (message PPCC2PRETTICKET): each E1BP_PP_TIMETICKET becomes a
 * ProductionConfirmation. Quantities are read in the BAPI layout `0000012345.432+` only; a
 * negative one (a correcting ticket) is refused, since a confirmation cannot be negative and
 * its cancellation is a confirmation of its own. `final` comes from the record type (L40 final,
 * L20 partial), which is what PP-PDC interprets, else from FIN_CONF (X final, blank partial); an
 * automatic final confirmation (L00, FIN_CONF 1) is final only if SAP finds the quantity reached,
 * so it is refused, as is a FIN_CONF that contradicts the record type. `confirmedAt` is when the
 * ticket was entered (EX_CREATED_DATE/TIME), else the end of execution (EXEC_FIN_DATE/TIME).
 * The id is the IDoc number (or the order and operation) and the ticket's position.
 */
export function mapProductionConfirmations(context: MappingContext): Mapped<ProductionConfirmation>[] {
  return findSegments(context.idoc.segments, TIMETICKET).map((segment, index) => {
    const origins = new Origins().segment('', segment.name, TICKET_FIELDS);
    return { value: mapConfirmation(context, context.read(segment), index, origins), origins };
  });
}

function mapConfirmation(
  context: MappingContext,
  ticket: SegmentReader,
  index: number,
  origins: Origins,
): ProductionConfirmation {
  const workOrder = ticket.requiredKey('ORDERID');
  const operation = ticket.text('OPERATION');
  const unit = ticket.unit('CONF_QUAN_UNIT', 'CONF_QUAN_UNIT_ISO');
  const unitField = ticket.location(ticket.unitField('CONF_QUAN_UNIT', 'CONF_QUAN_UNIT_ISO'));
  for (const pointer of ['/yield/unit', '/scrap/unit', '/rework/unit']) origins.value(pointer, unitField);
  const quantity = (field: string) => {
    const value = ticket.signedQuantity(field, QUAN_13_3);
    if (value === undefined) return undefined;
    if (value.startsWith('-')) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `${ticket.location(field)} is negative: a correcting time ticket has no canonical form (cancel the confirmation instead)`,
        { location: ticket.location(field), value },
      );
    }
    if (unit === undefined) throw missingField(ticket.segment, 'CONF_QUAN_UNIT_ISO', ['CONF_QUAN_UNIT']);
    return { value, unit };
  };
  const plant = ticket.text('PLANT') ?? context.options.plant;
  if (ticket.text('PLANT') === undefined) origins.value('/plant', 'options.plant');
  if (plant === undefined) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${ticket.location('PLANT')} is missing; set the \`plant\` option`,
      { location: ticket.location('PLANT') },
    );
  }
  const position = String(index + 1).padStart(4, '0');
  const id =
    context.docnum === undefined
      ? `${workOrder}/${operation ?? '-'}/${position}`
      : `${context.docnum}/${position}`;
  const created = ticket.timestamp('EX_CREATED_DATE', 'EX_CREATED_TIME');
  const confirmedAt = created ?? ticket.timestamp('EXEC_FIN_DATE', 'EXEC_FIN_TIME');
  if (confirmedAt === undefined) throw missingField(ticket.segment, 'EX_CREATED_DATE', ['EXEC_FIN_DATE']);
  if (created === undefined) origins.value('/confirmedAt', ticket.location('EXEC_FIN_DATE'));
  const yieldQuantity = quantity('YIELD') ?? (unit === undefined ? undefined : { value: '0', unit });
  if (yieldQuantity === undefined) throw missingField(ticket.segment, 'YIELD');
  return compact<ProductionConfirmation>({
    id,
    workOrder,
    operation,
    workCenter: ticket.text('WORK_CNTR'),
    plant,
    yield: yieldQuantity,
    scrap: quantity('SCRAP'),
    rework: quantity('REWORK'),
    scrapReason: ticket.text('DEV_REASON'),
    final: isFinal(ticket),
    confirmedAt,
    postingDate: ticket.date('POSTG_DATE'),
    actualStart: ticket.timestamp('EXEC_START_DATE', 'EXEC_START_TIME'),
    actualEnd: ticket.timestamp('EXEC_FIN_DATE', 'EXEC_FIN_TIME'),
    personnel: ticket.text('PERS_NO'),
    text: ticket.text('CONF_TEXT'),
    source: { system: context.system, id },
  });
}

/** Whether the ticket is a final confirmation (see {@link mapProductionConfirmations}). */
function isFinal(ticket: SegmentReader): boolean {
  const indicator = ticket.text('FIN_CONF');
  if (indicator !== undefined && indicator !== 'X') {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      indicator === '1'
        ? `${ticket.location('FIN_CONF')} = 1 asks for an automatic final confirmation, final only if SAP finds the quantity reached`
        : `${ticket.location('FIN_CONF')} = ${JSON.stringify(indicator)} is not X (final) or blank (partial)`,
      { location: ticket.location('FIN_CONF'), value: indicator },
    );
  }
  const recordType = ticket.text('RECORDTYPE');
  if (recordType === undefined) return indicator === 'X';
  const final = RECORD_TYPES.get(recordType);
  if (final === undefined) {
    throw new MappingError(
      'UNMAPPED_CODE',
      recordType === 'L00'
        ? `${ticket.location('RECORDTYPE')} = L00 asks for an automatic final confirmation, final only if SAP finds the quantity reached`
        : `${ticket.location('RECORDTYPE')} = ${recordType} is not a production order time ticket (L20 partial, L40 final)`,
      {
        domain: 'confirmation-record-type',
        system: 'sap',
        value: recordType,
        location: ticket.location('RECORDTYPE'),
      },
    );
  }
  if (indicator === 'X' && !final) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${ticket.location('FIN_CONF')} = X contradicts RECORDTYPE ${recordType}, a partial confirmation`,
      { location: ticket.location('FIN_CONF'), value: indicator },
    );
  }
  return final;
}
