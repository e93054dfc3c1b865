import type { Quantity } from '../../../src/model/common.js';
import { isValidGtin } from '../../../src/model/common.js';
import type { AlternativeUnit, Material, MaterialPlant, MaterialType } from '../../../src/model/material.js';
import type { Segment } from '../idoc.js';
import { SAP_SYSTEM } from './idoc-mapping-options.js';
import { compact, layoutGaps, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { invalidValue, readSapNumber } from './sap-values.js';
import { rawSegments, type SegmentReader } from './segment-reader.js';

/** The message functions (MSGFN) that delete the object. */
const DELETE = '003';

/** Where each Material property comes from in E1MARAM (for errors). */
const MATERIAL_FIELDS = {
  id: 'MATNR',
  description: 'E1MAKTM/MAKTX',
  type: 'MTART',
  baseUnit: 'MEINS',
  gtin: 'EAN11',
  group: 'MATKL',
  status: 'LVORM',
  batchManaged: 'XCHPF',
  grossWeight: 'BRGEW',
  'grossWeight/unit': 'GEWEI',
  netWeight: 'NTGEW',
  'netWeight/unit': 'GEWEI',
  volume: 'VOLUM',
  'volume/unit': 'VOLEH',
} as const;
const TEXT_FIELDS = { language: 'SPRAS_ISO', text: 'MAKTX' } as const;
const UNIT_FIELDS = { unit: 'MEINH', numerator: 'UMREZ', denominator: 'UMREN', gtin: 'EAN11' } as const;
const PLANT_FIELDS = {
  plant: 'WERKS',
  status: 'LVORM',
  procurement: 'BESKZ',
  mrpController: 'DISPO',
  productionStorageLocation: 'LGPRO',
  batchManaged: 'XCHPF',
} as const;

/**
 * MATMAS: each E1MARAM becomes a Material, with its texts (E1MAKTM), alternative units
 * (E1MARMM: 1 MEINH = UMREZ/UMREN base units) and plants (E1MARCM). A flat file's alternative
 * units are left out when the E1MARMM layout does not reach UMREZ/UMREN; `extensions` then name
 * them in `sap:unreadFields`, with the other fields past the end of a layout.
 */
export function mapMaterials(context: MappingContext): Mapped<Material>[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1MARAM')
    .map((segment) => mapMaterial(context, segment));
}

function mapMaterial(context: MappingContext, segment: Segment): Mapped<Material> {
  const header = context.read(segment);
  const origins = new Origins().segment('', segment.name, MATERIAL_FIELDS);
  const id = header.requiredKey('MATNR_LONG', 'MATNR');
  const baseUnit = header.requiredUnit('MEINS');
  const children = (type: string): SegmentReader[] =>
    segment.children.filter((child) => child.name === type).map((child) => context.read(child));
  const texts = children('E1MAKTM').filter((text) => text.text('MAKTX') !== undefined);
  const english =
    texts.find((text) => text.text('SPRAS_ISO') === 'EN' || text.text('SPRAS') === 'E') ?? texts[0];
  const description = english?.text('MAKTX') ?? id;
  const translations = texts.filter((text) => text !== english && text.text('SPRAS_ISO') !== undefined);
  const descriptions = translations.map((text, index) => {
    origins.segment(`/descriptions/${index}`, text.segment.name, TEXT_FIELDS);
    return { language: (text.text('SPRAS_ISO') as string).toLowerCase(), text: text.text('MAKTX') as string };
  });
  const units = children('E1MARMM');
  const convertible = units.filter((unit) => unit.readable('UMREZ') && unit.readable('UMREN'));
  const plantReaders = children('E1MARCM');
  origins.list(
    '/plants',
    plantReaders.map((plant) => plant.segment),
    PLANT_FIELDS,
  );
  const unread = [
    ...header.unreadable('EAN11', 'XCHPF', 'BRGEW', 'NTGEW', 'GEWEI', 'VOLUM', 'VOLEH'),
    ...units.flatMap((unit) => unit.unreadable('UMREZ', 'UMREN')),
    ...plantReaders.flatMap((plant) => plant.unreadable('LGPRO', 'XCHPF')),
  ];
  const ean = header.text('EAN11');
  const deleted = header.flag('LVORM') || header.text('MSGFN') === DELETE;
  const gaps = layoutGaps(
    rawSegments(segment.children, ['E1MARCM', 'E1MARMM', 'E1MBEWM', 'E1MVKEM']),
    unread,
  );
  const value = compact<Material>({
    id,
    description,
    descriptions: descriptions.length > 0 ? descriptions : undefined,
    type: context.options.materialType.toCanonical(SAP_SYSTEM, header.required('MTART')) as MaterialType,
    baseUnit,
    alternativeUnits: alternativeUnits(convertible, baseUnit, origins),
    gtin: ean !== undefined && isValidGtin(ean) ? ean : undefined,
    group: header.text('MATKL'),
    status: deleted ? 'obsolete' : undefined,
    batchManaged: header.text('XCHPF') === undefined ? undefined : header.flag('XCHPF'),
    grossWeight: weight(header, 'BRGEW', 'GEWEI'),
    netWeight: weight(header, 'NTGEW', 'GEWEI'),
    volume: weight(header, 'VOLUM', 'VOLEH'),
    plants: plants(plantReaders),
    extensions: ean !== undefined && !isValidGtin(ean) ? { ...gaps, 'sap:EAN11': ean } : gaps,
    source: { system: context.system, id },
  });
  return { value, origins };
}

function weight(header: SegmentReader, field: string, unitField: string): Quantity | undefined {
  const quantity = header.quantity(field, unitField);
  return quantity === undefined || quantity.value === '0' || quantity.value.startsWith('-')
    ? undefined
    : quantity;
}

function alternativeUnits(
  units: readonly SegmentReader[],
  baseUnit: string,
  origins: Origins,
): AlternativeUnit[] | undefined {
  const list = units
    .map((unit) => {
      const code = unit.unit('MEINH');
      const numerator = positiveInteger(unit, 'UMREZ');
      const denominator = positiveInteger(unit, 'UMREN');
      if (code === undefined || (code === baseUnit && numerator === denominator)) return undefined;
      const ean = unit.text('EAN11');
      const alternative = compact<AlternativeUnit>({
        unit: code,
        numerator,
        denominator,
        gtin: ean !== undefined && isValidGtin(ean) ? ean : undefined,
      });
      return [unit, alternative] as [SegmentReader, AlternativeUnit];
    })
    .filter((unit): unit is [SegmentReader, AlternativeUnit] => unit !== undefined);
  origins.list(
    '/alternativeUnits',
    list.map(([unit]) => unit.segment),
    UNIT_FIELDS,
  );
  return list.length > 0 ? list.map(([, unit]) => unit) : undefined;
}

function positiveInteger(reader: SegmentReader, field: string): number {
  const written = reader.required(field);
  const value = readSapNumber(written, reader.location(field)) as string;
  if (!/^[1-9]\d{0,8}$/.test(value))
    throw invalidValue(reader.location(field), written, 'a whole number of at least 1');
  return Number(value);
}

function plants(readers: readonly SegmentReader[]): MaterialPlant[] | undefined {
  const list = readers.map((plant) =>
    compact<MaterialPlant>({
      plant: plant.required('WERKS'),
      status: plant.flag('LVORM') ? 'obsolete' : undefined,
      procurement: procurement(plant.text('BESKZ')),
      mrpController: plant.text('DISPO'),
      productionStorageLocation: plant.text('LGPRO'),
      batchManaged: plant.text('XCHPF') === undefined ? undefined : plant.flag('XCHPF'),
    }),
  );
  return list.length > 0 ? list : undefined;
}

function procurement(code: string | undefined): MaterialPlant['procurement'] {
  return code === 'E' ? 'make' : code === 'F' ? 'buy' : code === 'X' ? 'both' : undefined;
}
