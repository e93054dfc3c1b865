import { z } from 'zod';
import { formatFraction, type Rational } from '../uom/rational.js';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
import {
  commonFields,
  Gtin,
  Identifier,
  LocalDate,
  LocalizedText,
  NonNegativeQuantity,
  Property,
  Text,
  UnitCode,
} from './common.js';
import { compareAmounts, ratioBetween } from './compare-amounts.js';
import { checkAmountRange, checkDimension, checkRange, checkUnique, ROOT } from './field-rules.js';
import { listOf } from './list-of.js';

/** What kind of material this is; decides how plants plan, stock and cost it. */
export const MaterialType = z
  .enum(['raw', 'semi-finished', 'finished', 'packaging', 'spare-part', 'consumable', 'service'])
  .describe(
    'raw: bought and consumed in production, never sold as is (SAP ROH). ' +
      'semi-finished: produced in-house and consumed by a higher-level order (SAP HALB). ' +
      'finished: produced and sold (SAP FERT). ' +
      'packaging: consumed to pack products, tracked for stock and cost (SAP VERP). ' +
      'spare-part: kept for maintenance of equipment, not consumed by production orders (SAP ERSA). ' +
      'consumable: used up without quantity tracking per order, e.g. gloves, lubricants (SAP HIBE). ' +
      'service: work bought or sold without stock (SAP DIEN).',
  );

/** Whether a material may be used; plant-level statuses override it per plant. */
export const MaterialStatus = z
  .enum(['in-design', 'active', 'blocked', 'phase-out', 'obsolete'])
  .describe(
    'in-design: defined but not yet to be procured, produced or sold. ' +
      'active: usable for every business process. ' +
      'blocked: temporarily not to be procured, produced, moved or sold (e.g. a quality issue); stock stays. ' +
      'phase-out: existing stock may be used up, no new procurement or production. ' +
      'obsolete: no longer used; kept for history only.',
  );

/**
 * An alternative unit of a material, as SAP MARM: `1 unit = numerator / denominator baseUnit`.
 * E.g. a carton of 12 pieces is `{ unit: 'XCT', numerator: 12, denominator: 1 }`.
 */
export const AlternativeUnit = z
  .strictObject({
    unit: UnitCode.describe('The alternative unit, e.g. XCT (carton) or XPX (pallet).'),
    numerator: z.int().min(1).describe('1 unit = numerator / denominator base units (SAP UMREZ).'),
    denominator: z.int().min(1).describe('1 unit = numerator / denominator base units (SAP UMREN).'),
    gtin: Gtin.optional().describe('The GTIN printed on this unit, e.g. on the carton.'),
  })
  .describe('1 unit = numerator / denominator baseUnit, positive integers as in SAP MARM.');

/** The plant-level view of a material (SAP MARC, B2MML HierarchyScope). */
export const MaterialPlant = z
  .strictObject({
    plant: Identifier.describe('The plant code, e.g. "DE01" (SAP WERKS).'),
    status: MaterialStatus.optional().describe('The status in this plant, overriding the global one.'),
    procurement: z
      .enum(['make', 'buy', 'both'])
      .optional()
      .describe('make: produced in this plant; buy: procured externally; both: either.'),
    mrpController: Identifier.optional(),
    productionStorageLocation: Identifier.optional().describe('Where production issues and receives it.'),
    batchManaged: z.boolean().optional().describe('Batches are mandatory in this plant.'),
  })
  .describe('How one plant uses the material.');

/** The fields of {@link Material}, before its cross-field rules. */
const MaterialFields = z.strictObject({
  id: Identifier.describe('The material number as the system of record writes it; leading zeros kept.'),
  revision: Identifier.optional().describe('The engineering revision (B2MML Version).'),
  description: Text.describe('The short text in the primary language.'),
  descriptions: listOf(LocalizedText).optional().describe('Texts in other languages (B2MML Description).'),
  type: MaterialType,
  baseUnit: UnitCode.describe('The unit stock is kept in; every quantity converts to it.'),
  alternativeUnits: listOf(AlternativeUnit).optional(),
  gtin: Gtin.optional().describe('The GTIN of the base unit.'),
  group: Identifier.optional().describe('The material group (SAP MATKL).'),
  classes: listOf(Identifier).optional().describe('Material classes (B2MML MaterialClassID).'),
  status: MaterialStatus.optional(),
  batchManaged: z.boolean().optional().describe('Stock is kept in batches (lots) with genealogy.'),
  serialManaged: z.boolean().optional().describe('Each unit carries a serial number.'),
  shelfLifeDays: z.int().min(0).optional().describe('Total shelf life in days, from manufacture to expiry.'),
  grossWeight: NonNegativeQuantity.optional(),
  netWeight: NonNegativeQuantity.optional(),
  volume: NonNegativeQuantity.optional(),
  plants: listOf(MaterialPlant).optional(),
  properties: listOf(Property).optional().describe('Characteristics (B2MML MaterialDefinitionProperty).'),
  validFrom: LocalDate.optional(),
  validTo: LocalDate.optional(),
  ...commonFields,
});

/**
 * Material master data (B2MML MaterialDefinition, OAGIS ItemMaster): what a thing is, how it is
 * counted and which plants use it.
 * @example
 * const result = validate(Material, { id: 'FG-4711', description: 'Gear pump', type: 'finished', baseUnit: 'H87' });
 */
export const Material = MaterialFields.check(createRuleCheck(findMaterialViolations)).describe(
  'Material master data: what a material is, how it is counted, which plants use it. Rules beyond this ' +
    'schema (each an issue with its JSON Pointer): validTo is not before validFrom (invalid_range); each ' +
    'alternative unit and each plant appears once (duplicate_unit, duplicate_plant); an alternative unit ' +
    'that converts to the base unit by fixed factors (GRM to KGM, DZN to H87, the base unit itself) has ' +
    'the ratio those factors give (invalid_conversion); grossWeight and netWeight are masses and volume ' +
    'a volume (incompatible_units); netWeight is not more than grossWeight (invalid_range).',
);

/** The rules of {@link Material} that span fields. */
function findMaterialViolations(material: z.output<typeof MaterialFields>): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkRange(out, ROOT, 'validFrom', material.validFrom, 'validTo', material.validTo);
  checkUnique(out, material.alternativeUnits, 'unit', ['alternativeUnits'], 'duplicate_unit', 'unit');
  material.alternativeUnits?.forEach(({ unit, numerator, denominator }, index) => {
    // 1 unit = numerator/denominator base units, i.e. denominator units weigh as much as numerator base units.
    const base = material.baseUnit;
    const agrees = compareAmounts(
      { value: String(denominator), unit },
      { value: String(numerator), unit: base },
    );
    if (agrees === undefined || agrees === 0) return;
    out.push({
      path: ['alternativeUnits', index],
      code: 'invalid_conversion',
      message: `1 ${unit} is ${formatFraction(ratioBetween(unit, base) as Rational)} ${base} by its definition, not ${numerator}/${denominator}`,
    });
  });
  checkUnique(out, material.plants, 'plant', ['plants'], 'duplicate_plant', 'plant');
  const gross = checkDimension(out, ROOT, 'grossWeight', material.grossWeight, 'kg');
  const net = checkDimension(out, ROOT, 'netWeight', material.netWeight, 'kg');
  checkDimension(out, ROOT, 'volume', material.volume, 'm3');
  if (gross && net) {
    checkAmountRange(out, ROOT, 'netWeight', material.netWeight, 'grossWeight', material.grossWeight, true);
  }
  return out;
}

/** Material master data; see {@link Material}. */
export type Material = z.infer<typeof Material>;

/** The TypeScript type of {@link MaterialType}. */
export type MaterialType = z.infer<typeof MaterialType>;
/** The TypeScript type of {@link MaterialStatus}. */
export type MaterialStatus = z.infer<typeof MaterialStatus>;
/** The TypeScript type of {@link AlternativeUnit}. */
export type AlternativeUnit = z.infer<typeof AlternativeUnit>;
/** The TypeScript type of {@link MaterialPlant}. */
export type MaterialPlant = z.infer<typeof MaterialPlant>;
