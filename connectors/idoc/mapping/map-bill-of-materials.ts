import { MappingError } from '../../../src/errors/mapping-error.js';
import type { BillOfMaterials, BomComponent, BomUsage } from '../../../src/model/bill-of-materials.js';
import type { Quantity } from '../../../src/model/common.js';
import type { Segment } from '../idoc.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { BACKFLUSH_ALSO_TRUE } from './sap-values.js';
import { findSegments, missingField, type SegmentReader } from './segment-reader.js';

/** Where each BillOfMaterials property comes from (E1MASTM, E1STKOM; for errors). */
const BOM_FIELDS = {
  id: 'STLNR',
  material: 'MATNR',
  plant: 'WERKS',
  usage: 'STLAN',
  alternative: 'STLAL',
  description: 'E1STKOM/STKTX',
  baseQuantity: 'E1STKOM/BMENG_C',
  'baseQuantity/unit': 'E1STKOM/BMEIN',
  validFrom: 'E1STKOM/DATUV',
} as const;
const COMPONENT_FIELDS = {
  position: 'POSNR',
  material: 'IDNRK',
  quantity: 'MENGE',
  'quantity/unit': 'MEINS',
  description: 'POTX1',
  scrapPercent: 'AUSCH',
  storageLocation: 'LGORT',
  backflush: 'RGEKZ',
  phantom: 'DUMPS',
  bulk: 'SCHGT',
  validFrom: 'DATUV',
} as const;

/** The message function (MSGFN) that deletes the object. */
const DELETE = '003';

/**
 * BOMMAT: each E1STZUM (one BOM) becomes a BillOfMaterials: material and plant from E1MASTM,
 * base quantity (BMENG_C) and validity from E1STKOM, components from E1STPOM (text items, which
 * name no material, are not components). A flat file whose E1STPOM segments were read without a
 * field layout (the built-in BOMMAT04 has none) cannot give components: that is an error naming
 * E1STPOM/IDNRK. A deleted BOM or BOM item (MSGFN 003, LOEKZ/LKENZ = X) is refused: a
 * BillOfMaterials cannot say that it is deleted, and mapping it as a valid one would be wrong.
 */
export function mapBillsOfMaterials(context: MappingContext): Mapped<BillOfMaterials>[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1STZUM')
    .map((group) => mapBom(context, group));
}

function only(context: MappingContext, group: Segment, type: string): SegmentReader {
  const segment = group.children.find((child) => child.name === type);
  if (segment === undefined) {
    throw new MappingError('INVALID_SOURCE_DATA', `${group.name} has no ${type} segment`, {
      location: `${group.name}/${type}`,
    });
  }
  return context.read(segment);
}

function mapBom(context: MappingContext, group: Segment): Mapped<BillOfMaterials> {
  const assignment = only(context, group, 'E1MASTM');
  const origins = new Origins().segment('', assignment.segment.name, BOM_FIELDS);
  const header = only(context, group, 'E1STKOM');
  for (const reader of [context.read(group), assignment, header]) refuseDeleted(reader, 'MSGFN');
  refuseDeleted(header, 'LOEKZ');
  const material = assignment.requiredKey('MATNR_LONG', 'MATNR');
  const plant = assignment.text('WERKS');
  const usageCode = assignment.text('STLAN');
  const alternative = assignment.text('STLAL') ?? header.text('STLAL');
  const number = assignment.text('STLNR');
  const itemSegments = findSegments(group.children, 'E1STPOM');
  const items = itemSegments
    .map((item) => context.read(item))
    .filter((item) => item.first('IDNRK_LONG', 'IDNRK') !== undefined);
  for (const item of items) refuseDeleted(item, 'LKENZ');
  origins.list(
    '/components',
    items.map((item) => item.segment),
    COMPONENT_FIELDS,
  );
  const ownValidFrom = header.date('DATUV');
  const validFrom = ownValidFrom ?? items[0]?.date('DATUV');
  if (validFrom === undefined) throw missingField(header.segment, 'DATUV', ['E1STPOM/DATUV']);
  if (ownValidFrom === undefined) origins.value('/validFrom', items[0]?.location('DATUV'));
  const id =
    number === undefined
      ? [material, plant ?? '', usageCode ?? '', alternative ?? ''].join('/')
      : `${number}/${alternative ?? '01'}`;
  const value = compact<BillOfMaterials>({
    id,
    material,
    plant,
    usage: usageCode === undefined ? undefined : (context.options.bomUsage(usageCode) as BomUsage),
    alternative,
    description: header.text('STKTX'),
    baseQuantity: baseQuantity(header),
    validFrom,
    components: items.map(component),
    source: { system: context.system, id },
  });
  return { value, origins };
}

/**
 * The base quantity. E1STKOM carries it twice: BMENG is a NUMC field (digits only), into which
 * SAP can only write the quantity rounded to a whole number, and BMENG_C the same quantity as text
 * with its decimals. Only BMENG_C is exact, so only BMENG_C is read.
 */
function baseQuantity(header: SegmentReader): Quantity {
  const value = header.number('BMENG_C');
  if (value === undefined) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${header.location('BMENG_C')} is missing; BMENG holds the base quantity only as a whole number ` +
        '(a NUMC field), so it cannot stand in for it',
      { location: header.location('BMENG_C') },
    );
  }
  const unit = header.unit('BMEIN');
  if (unit === undefined) throw missingField(header.segment, 'BMEIN');
  return { value, unit };
}

/** Refuses a segment whose field marks it deleted (MSGFN 003, or an indicator X). */
function refuseDeleted(reader: SegmentReader, field: string): void {
  const value = reader.text(field);
  const deleted = field === 'MSGFN' ? value === DELETE : reader.flag(field);
  if (!deleted) return;
  throw new MappingError(
    'INVALID_SOURCE_DATA',
    `${reader.location(field)} = ${value} marks ${reader.segment.name} deleted; a BillOfMaterials cannot say ` +
      'that it (or one of its components) is deleted',
    { location: reader.location(field), value },
  );
}

function component(item: SegmentReader): BomComponent {
  const quantity = item.quantity('MENGE', 'MEINS');
  if (quantity === undefined) throw missingField(item.segment, 'MENGE');
  return compact<BomComponent>({
    position: item.required('POSNR'),
    material: item.requiredKey('IDNRK_LONG', 'IDNRK'),
    quantity,
    use: quantity.value.startsWith('-') ? 'by-product' : undefined,
    description: item.text('POTX1'),
    scrapPercent: item.number('AUSCH'),
    storageLocation: item.text('LGORT'),
    backflush: item.optionalFlag('RGEKZ', BACKFLUSH_ALSO_TRUE),
    phantom: item.optionalFlag('DUMPS'),
    bulk: item.optionalFlag('SCHGT'),
    validFrom: item.date('DATUV'),
  });
}
