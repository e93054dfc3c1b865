import type { InspectionResult, QualityDecision, QualityEvent } from '../../../src/model/quality-event.js';
import type { Segment } from '../idoc.js';
import { compact, type MappingContext } from './mapping-context.js';
import { toTimestamp } from './sap-timestamp.js';
import { missingField, type SegmentReader } from './segment-reader.js';

/** Usage decision valuation codes → decision. */
const DECISIONS: Readonly<Record<string, QualityDecision>> = { A: 'accepted', R: 'rejected' };

/**
 * QALITY01 (message QCERT): each certificate header becomes an inspection-result QualityEvent
 * with one result per characteristic (valuation A pass, R fail). The segment and field names
 * are those of the built-in QALITY01 definition, which could not be checked against a public
 * field list (see data/idoc/SOURCE.md).
 */
export function mapQualityEvents(context: MappingContext): QualityEvent[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1QCHDR')
    .map((header) => mapCertificate(context, header));
}

function mapCertificate(context: MappingContext, segment: Segment): QualityEvent {
  const header = context.read(segment);
  const certificate = header.text('CERTNO');
  const inspectionLot = header.text('PRUEFLOS');
  const id = certificate ?? inspectionLot ?? context.docnum;
  if (id === undefined) throw missingField(segment, 'CERTNO');
  const decided = header.date('VDATUM');
  const occurredAt =
    header.timestamp('VDATUM', 'VEZEITERF') ??
    (decided === undefined ? context.createdAt() : toTimestamp(decided, 0, context.options.timeZone));
  if (occurredAt === undefined) throw missingField(segment, 'VDATUM');
  const results = segment.children
    .filter((child) => child.name === 'E1QCCHR')
    .map((child) => result(context.read(child)));
  const decision = header.text('VCODE');
  return compact<QualityEvent>({
    id,
    kind: 'inspection-result',
    material: header.requiredKey('MATNR'),
    plant: header.text('WERKS') ?? context.options.plant ?? header.required('WERKS'),
    occurredAt,
    lot: header.text('CHARG'),
    inspectionLot,
    decision: decision === undefined ? undefined : (DECISIONS[decision.slice(0, 1)] ?? 'pending'),
    results: results.length > 0 ? results : undefined,
    certificate,
    source: { system: context.system, id },
  });
}

function result(characteristic: SegmentReader): InspectionResult {
  const valuation = characteristic.required('MBEWERTG');
  return compact<InspectionResult>({
    characteristic: characteristic.required('VERWMERKM', 'MERKNR'),
    result: valuation === 'A' ? 'pass' : 'fail',
    value: characteristic.number('MITTELWERT'),
    unit: characteristic.unit('MASSEINHSW'),
    lowerLimit: characteristic.number('TOLERANZUN'),
    upperLimit: characteristic.number('TOLERANZOB'),
    target: characteristic.number('SOLLWERT'),
    code: characteristic.text('CODE1'),
  });
}
