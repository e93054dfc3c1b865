import { z } from 'zod';
import { createRuleCheck } from '../validate/create-rule-check.js';
import {
  commonFields,
  DecimalString,
  Identifier,
  NonNegativeQuantity,
  Text,
  Timestamp,
  UnitCode,
} from './common.js';
import { compareDecimals } from './compare-amounts.js';
import { listOf } from './list-of.js';

/** What happened, in quality terms. */
export const QualityEventKind = z
  .enum(['inspection-result', 'hold', 'release', 'deviation', 'nonconformance', 'disposition'])
  .describe(
    'inspection-result: a lot or sample was inspected; `results` and `decision` say how it went. ' +
      'hold: material or a lot must not be used or shipped from now on, pending investigation; every ' +
      'plant and warehouse must stop it at once. ' +
      'release: a hold is lifted; the material may be used and shipped again. ' +
      'deviation: a planned, approved departure from the specification for a limited quantity or time. ' +
      'nonconformance: material was found not to meet its specification (an NCR). ' +
      'disposition: the decision what to do with nonconforming material; `disposition` says what.',
  );

/** The usage decision (SAP QM usage decision, EPCIS conformant / non_conformant). */
export const QualityDecision = z
  .enum(['accepted', 'rejected', 'conditionally-accepted', 'pending'])
  .describe(
    'accepted: meets the specification; usable. rejected: does not meet it; not usable. ' +
      'conditionally-accepted: usable under stated conditions (a deviation). pending: not decided yet.',
  );

/** What is done with nonconforming material. */
export const Disposition = z
  .enum(['use-as-is', 'rework', 'scrap', 'return-to-supplier', 'regrade'])
  .describe(
    'use-as-is: used despite the nonconformance. rework: reworked to meet the specification. ' +
      'scrap: destroyed. return-to-supplier: sent back. regrade: reclassified to another material or grade.',
  );

/** The result of one inspection characteristic (B2MML TestResult, SAP QAMR). */
export const InspectionResult = z
  .strictObject({
    characteristic: Identifier.describe(
      'The inspection characteristic, e.g. "DIAMETER" (SAP MERKNR/VERWMERKM).',
    ),
    result: z.enum(['pass', 'fail']).describe('pass: within specification. fail: outside it.'),
    value: DecimalString.optional().describe('The measured value of a quantitative characteristic.'),
    unit: UnitCode.optional(),
    lowerLimit: DecimalString.optional(),
    upperLimit: DecimalString.optional(),
    target: DecimalString.optional(),
    code: Identifier.optional().describe('The result code of a qualitative characteristic, e.g. "OK".'),
    sampleSize: z.int().min(1).optional(),
    defects: z.int().min(0).optional().describe('Number of defects found.'),
    method: Identifier.optional().describe('The inspection method.'),
  })
  .check(
    createRuleCheck(({ lowerLimit, upperLimit }: { lowerLimit?: string; upperLimit?: string }) =>
      lowerLimit === undefined || upperLimit === undefined || compareDecimals(upperLimit, lowerLimit) >= 0
        ? []
        : [
            {
              path: ['upperLimit'],
              code: 'invalid_range',
              message: `upperLimit ${upperLimit} is less than lowerLimit ${lowerLimit}`,
            },
          ],
    ),
  )
  .describe(
    'The result of one inspection characteristic. Rule beyond this schema: upperLimit is not less than ' +
      'lowerLimit (invalid_range).',
  );

/**
 * A quality event: an inspection result, a hold, a release, a deviation, a nonconformance or a
 * disposition concerning a material, optionally one lot (B2MML TestResult / OperationsEvent,
 * EPCIS inspecting events).
 * @example
 * validate(QualityEvent, { id: 'QM-1', kind: 'hold', material: 'FG-4711', plant: 'DE01', lot: '0000081234',
 *   occurredAt: '2026-05-13T15:05:00+02:00', reason: 'Leak test rig out of calibration' });
 */
export const QualityEvent = z
  .strictObject({
    id: Identifier.describe('A unique id of the event.'),
    kind: QualityEventKind,
    material: Identifier,
    plant: Identifier,
    occurredAt: Timestamp,
    lot: Identifier.optional().describe('The lot (batch) concerned; absent = the material as a whole.'),
    quantity: NonNegativeQuantity.optional().describe('The quantity concerned.'),
    workOrder: Identifier.optional(),
    operation: Identifier.optional(),
    inspectionLot: Identifier.optional().describe('The inspection lot (SAP PRUEFLOS).'),
    decision: QualityDecision.optional(),
    results: listOf(InspectionResult).optional(),
    disposition: Disposition.optional(),
    reason: Text.optional().describe('Why: the defect, the cause of the hold, the justification.'),
    defectCodes: listOf(Identifier).optional(),
    certificate: Identifier.optional().describe('A quality certificate number or URI.'),
    ...commonFields,
  })
  .check(
    createRuleCheck(({ kind, disposition }: { kind: string; disposition?: string }) =>
      kind !== 'disposition' || disposition !== undefined
        ? []
        : [
            {
              path: ['disposition'],
              code: 'missing_field',
              message: 'a disposition event names its disposition',
            },
          ],
    ),
  )
  .describe(
    'A quality event: inspection result, hold, release, deviation, nonconformance or disposition. Rules ' +
      'beyond this schema: a disposition event names its disposition (missing_field); in each result, ' +
      'upperLimit is not less than lowerLimit (invalid_range).',
  );
/** A quality event; see {@link QualityEvent}. */
export type QualityEvent = z.infer<typeof QualityEvent>;

/** The TypeScript type of {@link QualityEventKind}. */
export type QualityEventKind = z.infer<typeof QualityEventKind>;
/** The TypeScript type of {@link QualityDecision}. */
export type QualityDecision = z.infer<typeof QualityDecision>;
/** The TypeScript type of {@link Disposition}. */
export type Disposition = z.infer<typeof Disposition>;
/** The TypeScript type of {@link InspectionResult}. */
export type InspectionResult = z.infer<typeof InspectionResult>;
