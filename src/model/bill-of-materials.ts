import { z } from 'zod';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
import {
  commonFields,
  DecimalString,
  Identifier,
  LocalDate,
  PositiveQuantity,
  Quantity,
  Text,
} from './common.js';
import { checkRange, ROOT } from './field-rules.js';
import { listOf } from './list-of.js';

/** validTo is not before validFrom. */
function findValidityViolations(record: {
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
}): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkRange(out, ROOT, 'validFrom', record.validFrom, 'validTo', record.validTo);
  return out;
}

/** What a BOM is used for (SAP STLAN). */
export const BomUsage = z
  .enum(['production', 'engineering', 'costing', 'maintenance', 'sales'])
  .describe(
    'production: what production orders consume (SAP usage 1). engineering: the design structure (2). ' +
      'costing: for product cost estimates (6). maintenance: spare parts of equipment (4). ' +
      'sales: what a sales order explodes into (5).',
  );

/** How a BOM item takes part in production (B2MML MaterialUse). */
export const MaterialUse = z
  .enum(['consumed', 'co-product', 'by-product'])
  .describe(
    'consumed: used up by production (the default). co-product: a second valuable output of the process, ' +
      'costed. by-product: a residual output, not costed (SAP negative component quantities).',
  );

/** One item of a bill of materials. */
export const BomComponent = z
  .strictObject({
    position: Identifier.describe('The item number, e.g. "0010" (SAP POSNR).'),
    material: Identifier.describe('The component material number.'),
    quantity: Quantity.describe(
      'How much of the component one baseQuantity of the header needs; negative for by-products in SAP.',
    ),
    use: MaterialUse.optional(),
    description: Text.optional(),
    scrapPercent: DecimalString.optional().describe('Component scrap in percent, e.g. "2.5".'),
    operation: Identifier.optional().describe('The routing operation that consumes it, e.g. "0020".'),
    storageLocation: Identifier.optional().describe('Where production takes it from.'),
    backflush: z.boolean().optional().describe('Issued automatically when the operation is confirmed.'),
    phantom: z
      .boolean()
      .optional()
      .describe('An assembly that is never stocked; its own components are used.'),
    bulk: z.boolean().optional().describe('Bulk material at the line, not issued per order.'),
    validFrom: LocalDate.optional(),
    validTo: LocalDate.optional(),
  })
  .check(createRuleCheck(findValidityViolations))
  .describe(
    'One BOM item: which material, how much per base quantity, and how it is used. Rule beyond this ' +
      'schema: validTo is not before validFrom (invalid_range).',
  );

/**
 * A bill of materials: what a quantity of a material is made of (OAGIS BOM; B2MML
 * OperationsMaterialBill). One BOM is one alternative for one usage, valid from a date.
 * @example
 * validate(BillOfMaterials, { id: 'BOM-1', material: 'FG-4711', baseQuantity: { value: '1', unit: 'H87' },
 *   validFrom: '2026-01-01', components: [{ position: '0010', material: 'RM-1', quantity: { value: '2', unit: 'H87' } }] });
 */
export const BillOfMaterials = z
  .strictObject({
    id: Identifier.describe(
      'The BOM id in the system of record (SAP STLNR, or material/plant/usage/alternative).',
    ),
    material: Identifier.describe('The material this BOM produces.'),
    plant: Identifier.optional().describe('The plant the BOM is valid in; absent = all plants.'),
    usage: BomUsage.optional(),
    alternative: Identifier.optional().describe('The alternative BOM number, e.g. "1" (SAP STLAL).'),
    revision: Identifier.optional(),
    description: Text.optional(),
    baseQuantity: PositiveQuantity.describe('The header quantity that the component quantities refer to.'),
    validFrom: LocalDate.describe('The first day the BOM is valid.'),
    validTo: LocalDate.optional().describe('The last day the BOM is valid; absent = open-ended.'),
    components: listOf(BomComponent).min(1),
    ...commonFields,
  })
  .check(createRuleCheck(findValidityViolations))
  .describe(
    'A bill of materials: the components one base quantity of a material is made of. Rule beyond this ' +
      'schema: validTo is not before validFrom, here and in each component (invalid_range).',
  );
/** A bill of materials; see {@link BillOfMaterials}. */
export type BillOfMaterials = z.infer<typeof BillOfMaterials>;

/** The TypeScript type of {@link BomUsage}. */
export type BomUsage = z.infer<typeof BomUsage>;
/** The TypeScript type of {@link MaterialUse}. */
export type MaterialUse = z.infer<typeof MaterialUse>;
/** The TypeScript type of {@link BomComponent}. */
export type BomComponent = z.infer<typeof BomComponent>;
