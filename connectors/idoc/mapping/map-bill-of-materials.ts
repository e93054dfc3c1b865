import type { BillOfMaterials, BomComponent, BomUsage } from '../../../src/model/bill-of-materials.js';
import type { Segment } from '../idoc.js';
import { SAP_SYSTEM } from './idoc-mapping-options.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { findSegments, isRaw, missingField, type SegmentReader } from './segment-reader.js';

/** Where each BillOfMaterials property comes from (E1MASTM, E1STKOM; for errors). */
const BOM_FIELDS = {
  id: 'STLNR',
  material: 'MATNR',
  plant: 'WERKS',
  usage: 'STLAN',
  alternative: 'STLAL',
  description: 'E1STKOM/STKTX',
  baseQuantity: 'E1STKOM/BMENG',
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

/**
 * BOMMAT: each E1STZUM (one BOM) becomes a BillOfMaterials: material and plant from E1MASTM,
 * base quantity and validity from E1STKOM, components from E1STPOM (text items, which name no
 * material, are not components). A flat file whose E1STPOM segments were read without a field
 * layout (the built-in BOMMAT04 has none) cannot give components: that is an error naming
 * E1STPOM/IDNRK.
 */
export function mapBillsOfMaterials(context: MappingContext): Mapped<BillOfMaterials>[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1STZUM')
    .map((group) => mapBom(context, group));
}

function only(context: MappingContext, group: Segment, type: string): SegmentReader {
  const segment = group.children.find((child) => child.name === type);
  if (segment === undefined) throw missingField(group, type);
  return context.read(segment);
}

function mapBom(context: MappingContext, group: Segment): Mapped<BillOfMaterials> {
  const assignment = only(context, group, 'E1MASTM');
  const origins = new Origins().segment('', assignment.segment.name, BOM_FIELDS);
  const header = only(context, group, 'E1STKOM');
  const material = assignment.requiredKey('MATNR_LONG', 'MATNR');
  const plant = assignment.text('WERKS');
  const usageCode = assignment.text('STLAN');
  const alternative = assignment.text('STLAL') ?? header.text('STLAL');
  const number = assignment.text('STLNR');
  const baseQuantity = header.quantity('BMENG', 'BMEIN', 'BMEIN_ISO');
  if (baseQuantity === undefined) throw missingField(header.segment, 'BMENG');
  const itemSegments = findSegments(group.children, 'E1STPOM');
  const raw = itemSegments.find(isRaw);
  if (raw !== undefined) throw missingField(raw, 'IDNRK');
  const items = itemSegments
    .map((item) => context.read(item))
    .filter((item) => item.text('IDNRK') !== undefined || item.text('IDNRK_LONG') !== undefined);
  origins.list(
    '/components',
    items.map((item) => item.segment),
    COMPONENT_FIELDS,
  );
  const validFrom = header.date('DATUV') ?? items[0]?.date('DATUV');
  if (validFrom === undefined) throw missingField(header.segment, 'DATUV');
  const id =
    number === undefined
      ? [material, plant ?? '', usageCode ?? '', alternative ?? ''].join('/')
      : `${number}/${alternative ?? '01'}`;
  const value = compact<BillOfMaterials>({
    id,
    material,
    plant,
    usage:
      usageCode === undefined
        ? undefined
        : (context.options.bomUsage.toCanonical(SAP_SYSTEM, usageCode) as BomUsage),
    alternative,
    description: header.text('STKTX'),
    baseQuantity,
    validFrom,
    components: items.map(component),
    source: { system: context.system, id },
  });
  return { value, origins };
}

function component(item: SegmentReader): BomComponent {
  const quantity = item.quantity('MENGE', 'MEINS', 'MEINS_ISO');
  if (quantity === undefined) throw missingField(item.segment, 'MENGE');
  return compact<BomComponent>({
    position: item.required('POSNR'),
    material: item.requiredKey('IDNRK_LONG', 'IDNRK'),
    quantity,
    use: quantity.value.startsWith('-') ? 'by-product' : undefined,
    description: item.text('POTX1'),
    scrapPercent: item.number('AUSCH'),
    storageLocation: item.text('LGORT'),
    backflush: item.text('RGEKZ') === undefined ? undefined : item.flag('RGEKZ'),
    phantom: item.text('DUMPS') === undefined ? undefined : item.flag('DUMPS'),
    bulk: item.text('SCHGT') === undefined ? undefined : item.flag('SCHGT'),
    validFrom: item.date('DATUV'),
  });
}
