import { z } from 'zod';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
import { commonFields, Identifier, LocalDate, NonNegativeQuantity, Text, Timestamp } from './common.js';
import { checkConvertible, checkRange, checkSelfReference, checkTimes, ROOT } from './field-rules.js';

/** The fields of {@link ProductionConfirmation}, before its cross-field rules. */
const ProductionConfirmationFields = z.strictObject({
  id: Identifier.describe(
    'A unique id of this confirmation, used to de-duplicate re-sent messages (SAP RUECK/RMZHL, or a UUID).',
  ),
  workOrder: Identifier.describe('The work order confirmed.'),
  operation: Identifier.optional().describe('The operation confirmed; absent = the order as a whole.'),
  workCenter: Identifier.optional(),
  plant: Identifier,
  yield: NonNegativeQuantity.describe('Good quantity produced by this confirmation (may be zero).'),
  scrap: NonNegativeQuantity.optional().describe('Quantity scrapped by this confirmation.'),
  rework: NonNegativeQuantity.optional().describe('Quantity that needs rework.'),
  scrapReason: Identifier.optional().describe('The reason code for scrap (SAP GRUND).'),
  final: z
    .boolean()
    .describe(
      'true: this is the final confirmation: the operation (or the order, when no operation is given) ' +
        'is finished, whatever quantity was reached, and its open capacity is released. ' +
        'false: a partial confirmation; more may follow.',
    ),
  confirmedAt: Timestamp.describe('When the confirmation was recorded on the shop floor.'),
  postingDate: LocalDate.optional().describe('The accounting date it posts on, when it differs.'),
  actualStart: Timestamp.optional(),
  actualEnd: Timestamp.optional(),
  setupTime: NonNegativeQuantity.optional().describe('Actual setup time, in a time unit (MIN, HUR).'),
  machineTime: NonNegativeQuantity.optional().describe('Actual machine time, in a time unit.'),
  laborTime: NonNegativeQuantity.optional().describe('Actual labour time, in a time unit.'),
  batch: Identifier.optional().describe('The batch the yield was received into.'),
  personnel: Identifier.optional().describe('Who confirmed (personnel number).'),
  reverses: Identifier.optional().describe('The id of the confirmation this one cancels.'),
  text: Text.optional(),
  ...commonFields,
});

/**
 * A production confirmation: the shop floor reports what an operation or order produced
 * (B2MML OperationsResponse/SegmentResponse, SAP confirmation AFRU, OAGIS ConfirmWIP).
 * A confirmation is never edited: a wrong one is cancelled by a new confirmation whose
 * `reverses` names it, with the same quantities.
 * @example
 * validate(ProductionConfirmation, { id: 'C-1', workOrder: '000001004711', plant: 'DE01', yield: { value: '248', unit: 'H87' },
 *   final: true, confirmedAt: '2026-05-13T13:42:10+02:00' });
 */
export const ProductionConfirmation = ProductionConfirmationFields.check(
  createRuleCheck(findConfirmationViolations),
).describe(
  'A production confirmation: what an operation or work order produced, reported once. Rules beyond ' +
    'this schema (each an issue with its JSON Pointer): scrap and rework are in units that convert to ' +
    'the unit of yield without material data (incompatible_units); setupTime, machineTime and laborTime ' +
    'are in units of time (incompatible_units); actualEnd is not before actualStart (invalid_range); a ' +
    'confirmation does not reverse itself (self_reference).',
);

const SCRAP = ['scrap'] as const;
const REWORK = ['rework'] as const;

/** The rules of {@link ProductionConfirmation} that span fields. */
function findConfirmationViolations(
  confirmation: z.output<typeof ProductionConfirmationFields>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkConvertible(out, 'yield', confirmation.yield, SCRAP, confirmation.scrap);
  checkConvertible(out, 'yield', confirmation.yield, REWORK, confirmation.rework);
  checkTimes(out, confirmation);
  checkRange(out, ROOT, 'actualStart', confirmation.actualStart, 'actualEnd', confirmation.actualEnd);
  checkSelfReference(out, confirmation, 'confirmation');
  return out;
}

/** A production confirmation; see {@link ProductionConfirmation}. */
export type ProductionConfirmation = z.infer<typeof ProductionConfirmation>;
