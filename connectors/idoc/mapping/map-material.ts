import type { Quantity } from '../../../src/model/common.js';
import { isValidGtin } from '../../../src/model/common.js';
import type { AlternativeUnit, Material, MaterialPlant, MaterialType } from '../../../src/model/material.js';
import type { Segment } from '../idoc.js';
import { compact, type Mapped, type MappingContext } from './mapping-context.js';
import { Origins } from './origins.js';
import { invalidValue, readSapNumber } from './sap-values.js';
import { missingField, type SegmentReader } from './segment-reader.js';
import { UnknownValues } from './unknown-values.js';

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
 * (E1MARMM: 1 MEINH = UMREZ/UMREN base units) and plants (E1MARCM). No value is decided from a
 * field a flat file's layout did not let the mapping read (field-knowledge.ts): the material
 * number, type and base unit must be read; an optional value that cannot be (a weight, the
 * GTIN, the alternative units as a whole) is left out and named in `sap:unreadFields`.
 */
export function mapMaterials(context: MappingContext): Mapped<Material>[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1MARAM')
    .map((segment) => mapMaterial(context, segment));
}

function mapMaterial(context: MappingContext, segment: Segment): Mapped<Material> {
  const unknown = new UnknownValues();
  const header = context.read(segment);
  const origins = new Origins().segment('', segment.name, MATERIAL_FIELDS);
  const id = header.requiredKey('MATNR_LONG', 'MATNR');
  const baseUnit = header.unit('MEINS');
  if (baseUnit === undefined) throw missingField(segment, 'MEINS');
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
  const plantReaders = children('E1MARCM');
  origins.list(
    '/plants',
    plantReaders.map((plant) => plant.segment),
    PLANT_FIELDS,
  );
  const ean = unknown.optional(() => header.text('EAN11'));
  const deleted = header.flag('LVORM') || header.text('MSGFN') === DELETE;
  const units = unknown.readable(segment.children.filter((child) => child.name === 'E1MARMM'));
  const value = compact<Material>({
    id,
    description,
    descriptions: descriptions.length > 0 ? descriptions : undefined,
    type: context.options.materialType(header.required('MTART')) as MaterialType,
    baseUnit,
    alternativeUnits: unknown.optional(() =>
      alternativeUnits(
        units.map((unit) => context.read(unit)),
        baseUnit,
        origins,
      ),
    ),
    gtin: ean !== undefined && isValidGtin(ean) ? ean : undefined,
    group: header.text('MATKL'),
    status: deleted ? 'obsolete' : undefined,
    batchManaged: unknown.optional(() => header.optionalFlag('XCHPF')),
    grossWeight: unknown.optional(() => weight(header, 'BRGEW', 'GEWEI')),
    netWeight: unknown.optional(() => weight(header, 'NTGEW', 'GEWEI')),
    volume: unknown.optional(() => weight(header, 'VOLUM', 'VOLEH')),
    plants: plants(plantReaders, unknown),
    // Last, after every optional value was read: what could not be, and an EAN that is no GTIN.
    extensions:
      ean !== undefined && !isValidGtin(ean)
        ? { ...unknown.extensions(), 'sap:EAN11': ean }
        : unknown.extensions(),
    source: { system: context.system, id },
  });
  return { value, origins };
}

/** A weight or volume; SAP writes 0 when there is none. */
function weight(header: SegmentReader, field: string, unitField: string): Quantity | undefined {
  const quantity = header.quantity(field, unitField);
  return quantity?.value === '0' ? undefined : quantity;
}

/**
 * The alternative units; undefined when there are none. All or nothing: one unit whose
 * conversion cannot be read makes the whole list unknown.
 */
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

function plants(readers: readonly SegmentReader[], unknown: UnknownValues): MaterialPlant[] | undefined {
  const list = readers.map((plant) =>
    compact<MaterialPlant>({
      plant: plant.required('WERKS'),
      status: plant.flag('LVORM') ? 'obsolete' : undefined,
      procurement: procurement(plant),
      mrpController: plant.text('DISPO'),
      productionStorageLocation: unknown.optional(() => plant.text('LGPRO')),
      batchManaged: unknown.optional(() => plant.optionalFlag('XCHPF')),
    }),
  );
  return list.length > 0 ? list : undefined;
}

/** BESKZ: E make, F buy, X both; blank says nothing. */
function procurement(plant: SegmentReader): MaterialPlant['procurement'] {
  const code = plant.text('BESKZ');
  if (code === undefined) return undefined;
  const value = ({ E: 'make', F: 'buy', X: 'both' } as const)[code as 'E' | 'F' | 'X'];
  if (value === undefined) throw invalidValue(plant.location('BESKZ'), code, 'a procurement type E, F or X');
  return value;
}
