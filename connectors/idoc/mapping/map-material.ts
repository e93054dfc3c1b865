import type { Quantity } from '../../../src/model/common.js';
import { isValidGtin } from '../../../src/model/common.js';
import type { AlternativeUnit, Material, MaterialPlant, MaterialType } from '../../../src/model/material.js';
import type { Segment } from '../idoc.js';
import { SAP_SYSTEM } from './idoc-mapping-options.js';
import { compact, type MappingContext } from './mapping-context.js';
import { invalidValue, readSapNumber } from './sap-values.js';
import type { SegmentReader } from './segment-reader.js';

/** The message functions (MSGFN) that delete the object. */
const DELETE = '003';

/**
 * MATMAS: each E1MARAM becomes a Material, with its texts (E1MAKTM), alternative units
 * (E1MARMM: 1 MEINH = UMREZ/UMREN base units) and plants (E1MARCM).
 */
export function mapMaterials(context: MappingContext): Material[] {
  return context.idoc.segments
    .filter((segment) => segment.name === 'E1MARAM')
    .map((segment) => mapMaterial(context, segment));
}

function mapMaterial(context: MappingContext, segment: Segment): Material {
  const header = context.read(segment);
  const id = header.requiredKey('MATNR_LONG', 'MATNR');
  const baseUnit = header.requiredUnit('MEINS');
  const children = (type: string): SegmentReader[] =>
    segment.children.filter((child) => child.name === type).map((child) => context.read(child));
  const texts = children('E1MAKTM').filter((text) => text.text('MAKTX') !== undefined);
  const english =
    texts.find((text) => text.text('SPRAS_ISO') === 'EN' || text.text('SPRAS') === 'E') ?? texts[0];
  const description = english?.text('MAKTX') ?? id;
  const descriptions = texts
    .filter((text) => text !== english && text.text('SPRAS_ISO') !== undefined)
    .map((text) => ({
      language: (text.text('SPRAS_ISO') as string).toLowerCase(),
      text: text.text('MAKTX') as string,
    }));
  const ean = header.text('EAN11');
  const deleted = header.flag('LVORM') || header.text('MSGFN') === DELETE;
  return compact<Material>({
    id,
    description,
    descriptions: descriptions.length > 0 ? descriptions : undefined,
    type: context.options.materialType.toCanonical(SAP_SYSTEM, header.required('MTART')) as MaterialType,
    baseUnit,
    alternativeUnits: alternativeUnits(children('E1MARMM'), baseUnit),
    gtin: ean !== undefined && isValidGtin(ean) ? ean : undefined,
    group: header.text('MATKL'),
    status: deleted ? 'obsolete' : undefined,
    batchManaged: header.text('XCHPF') === undefined ? undefined : header.flag('XCHPF'),
    grossWeight: weight(header, 'BRGEW', 'GEWEI'),
    netWeight: weight(header, 'NTGEW', 'GEWEI'),
    volume: weight(header, 'VOLUM', 'VOLEH'),
    plants: plants(children('E1MARCM')),
    extensions: ean !== undefined && !isValidGtin(ean) ? { 'sap:EAN11': ean } : undefined,
    source: { system: context.system, id },
  });
}

function weight(header: SegmentReader, field: string, unitField: string): Quantity | undefined {
  const quantity = header.quantity(field, unitField);
  return quantity === undefined || quantity.value === '0' || quantity.value.startsWith('-')
    ? undefined
    : quantity;
}

function alternativeUnits(units: readonly SegmentReader[], baseUnit: string): AlternativeUnit[] | undefined {
  const list = units
    .map((unit) => {
      const code = unit.unit('MEINH');
      const numerator = positiveInteger(unit, 'UMREZ');
      const denominator = positiveInteger(unit, 'UMREN');
      if (code === undefined || (code === baseUnit && numerator === denominator)) return undefined;
      const ean = unit.text('EAN11');
      return compact<AlternativeUnit>({
        unit: code,
        numerator,
        denominator,
        gtin: ean !== undefined && isValidGtin(ean) ? ean : undefined,
      });
    })
    .filter((unit): unit is AlternativeUnit => unit !== undefined);
  return list.length > 0 ? list : undefined;
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
