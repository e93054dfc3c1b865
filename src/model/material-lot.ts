import { z } from 'zod';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
import {
  CountryCode,
  commonFields,
  DateOrTimestamp,
  Gtin,
  Identifier,
  NonNegativeQuantity,
  Property,
} from './common.js';
import { checkRange, ROOT } from './field-rules.js';
import { listOf } from './list-of.js';

/** Whether a lot may be used; the QA decision on the lot (EPCIS disposition). */
export const LotStatus = z
  .enum(['unrestricted', 'quality-inspection', 'blocked', 'released', 'rejected'])
  .describe(
    'unrestricted: usable; no QA decision is required for this lot. ' +
      'quality-inspection: awaiting inspection; must not be used or shipped until decided. ' +
      'blocked: on hold; must not be used or shipped, e.g. during an investigation or recall. ' +
      'released: inspected and accepted by quality; usable and shippable. ' +
      'rejected: inspected and refused; must not be used, awaiting disposition (scrap, rework, return).',
  );

/** How an input lot became part of this lot (EPCIS TransformationEvent / AggregationEvent). */
export const GenealogyRelation = z
  .enum(['consumed', 'assembled', 'packed', 'split', 'merged'])
  .describe(
    'consumed: the input was used up to make this lot. assembled: the input is built into it and ' +
      'stays identifiable. packed: the input is packed into it. split: this lot was split off the ' +
      'input. merged: the input was merged into this lot.',
  );

/** An input of this lot: genealogy one level up, toward the raw materials. */
export const LotParent = z
  .strictObject({
    lot: Identifier.describe('The input lot (batch) id.'),
    material: Identifier.describe('The material of the input lot.'),
    quantity: NonNegativeQuantity.optional().describe('How much of the input went into this lot.'),
    relation: GenealogyRelation.optional(),
  })
  .describe('An input lot of this lot (genealogy).');

/** The fields of {@link MaterialLot}, before its cross-field rules. */
const MaterialLotFields = z.strictObject({
  id: Identifier.describe('The lot or batch number (SAP CHARG); unique per material.'),
  material: Identifier,
  status: LotStatus,
  plant: Identifier.optional(),
  storageLocation: Identifier.optional(),
  quantity: NonNegativeQuantity.optional().describe('The quantity of the lot now.'),
  gtin: Gtin.optional(),
  manufacturedAt: DateOrTimestamp.optional().describe('When it was made (SAP HSDAT).'),
  expiresAt: DateOrTimestamp.optional().describe('When it expires (SAP VFDAT, EPCIS itemExpirationDate).'),
  bestBefore: DateOrTimestamp.optional(),
  supplier: Identifier.optional(),
  supplierLot: Identifier.optional().describe("The supplier's own batch number (SAP LICHA)."),
  countryOfOrigin: CountryCode.optional(),
  workOrder: Identifier.optional().describe('The work order that made it.'),
  parents: listOf(LotParent).optional(),
  properties: listOf(Property).optional().describe('Batch characteristics (B2MML MaterialLotProperty).'),
  ...commonFields,
});

/**
 * A material lot (batch): a quantity of one material with one history and quality status
 * (B2MML MaterialLot, EPCIS LGTIN class, SAP batch). `parents` gives its genealogy.
 * @example
 * validate(MaterialLot, { id: '0000081234', material: 'FG-4711', status: 'quality-inspection',
 *   parents: [{ lot: 'R-2026-0412', material: 'RM-ROTOR-40', relation: 'assembled' }] });
 */
export const MaterialLot = MaterialLotFields.check(createRuleCheck(findLotViolations)).describe(
  'A lot (batch) of a material with its quality status and genealogy. Rules beyond this schema (each an ' +
    'issue with its JSON Pointer): expiresAt and bestBefore are not before manufacturedAt (invalid_range; ' +
    'a date and a timestamp compare by the day the timestamp names in its own offset); a lot is not its ' +
    'own parent (self_reference).',
);

/** The rules of {@link MaterialLot} that span fields. */
function findLotViolations(lot: z.output<typeof MaterialLotFields>): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkRange(out, ROOT, 'manufacturedAt', lot.manufacturedAt, 'expiresAt', lot.expiresAt);
  checkRange(out, ROOT, 'manufacturedAt', lot.manufacturedAt, 'bestBefore', lot.bestBefore);
  lot.parents?.forEach((parent, index) => {
    if (parent.lot !== lot.id || parent.material !== lot.material) return;
    out.push({
      path: ['parents', index, 'lot'],
      code: 'self_reference',
      message: 'a lot cannot be its own parent',
    });
  });
  return out;
}

/** A material lot; see {@link MaterialLot}. */
export type MaterialLot = z.infer<typeof MaterialLot>;

/** The TypeScript type of {@link LotStatus}. */
export type LotStatus = z.infer<typeof LotStatus>;
/** The TypeScript type of {@link GenealogyRelation}. */
export type GenealogyRelation = z.infer<typeof GenealogyRelation>;
/** The TypeScript type of {@link LotParent}. */
export type LotParent = z.infer<typeof LotParent>;
