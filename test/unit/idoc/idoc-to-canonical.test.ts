import { CodeMap, createUnitRegistry, MappingError, MillwrightError } from 'millwright';
import { type CanonicalRecord, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from './fixtures.js';

const units = createUnitRegistry();
const values = <K extends CanonicalRecord['kind']>(records: CanonicalRecord[], kind: K) =>
  records
    .filter((record) => record.kind === kind)
    .map((record) => record.value as Extract<CanonicalRecord, { kind: K }>['value']);

function mappingError(action: () => unknown): MappingError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return error as MappingError;
  }
  throw new Error('expected a MappingError');
}

describe('idocToCanonical: LOIPRO → WorkOrder', () => {
  it('maps header, status, operations with their statuses and components (IDoc-XML)', () => {
    const [idoc] = parseIdoc(fixture('loipro01.full.xml'));
    const records = idocToCanonical(idoc as Idoc, { units, timeZone: 'Europe/Berlin' });
    expect(records.map((record) => record.kind)).toEqual(['WorkOrder']);
    const [order] = values(records, 'WorkOrder');
    expect(order).toEqual({
      id: '000001004720',
      type: 'PP01',
      material: '000000000000004711',
      plant: 'DE01',
      quantity: { value: '120', unit: 'H87' },
      plannedScrap: { value: '2', unit: 'H87' },
      deliveredQuantity: { value: '40', unit: 'H87' },
      status: 'released',
      scheduledStart: '2026-05-18T06:00:00+02:00',
      scheduledEnd: '2026-05-19T22:00:00+02:00',
      productionVersion: '0001',
      salesOrder: '0000004711/000010',
      operations: [
        {
          operation: '0010',
          workCenter: 'WC-SAW',
          description: 'Cut blanks',
          status: 'in-progress',
          controlKey: 'PP01',
          quantity: { value: '120', unit: 'H87' },
          scheduledStart: '2026-05-18T06:00:00+02:00',
          scheduledEnd: '2026-05-18T14:00:00+02:00',
        },
        { operation: '0020', workCenter: 'WC-LATHE1', description: 'Turn shaft, střed Ø40', status: 'ready' },
      ],
      components: [
        {
          position: '0010',
          material: '000000000000100200',
          quantity: { value: '36.5', unit: 'KGM' },
          operation: '0010',
          storageLocation: '0001',
          batch: 'B-2026-05',
          backflush: true,
          reservation: '0000012345/0001',
        },
        {
          position: '0020',
          material: 'SCRAP-STEEL',
          quantity: { value: '-1.2', unit: 'KGM' },
          use: 'by-product',
          operation: '0010',
          reservation: '0000012345/0002',
        },
      ],
      source: { system: 'S4PCLNT100', id: '000001004720' },
    });
  });

  it('strips leading zeros on request and takes the source system from the options', () => {
    const [idoc] = parseIdoc(fixture('loipro01.full.xml'));
    const [record] = idocToCanonical(idoc as Idoc, { stripLeadingZeros: true, system: 'sap-s4-prd' });
    expect(record?.value).toMatchObject({
      material: '4711',
      id: '1004720',
      source: { system: 'sap-s4-prd' },
    });
  });

  it('maps flat files read with the built-in schema, naming the segments it could not read', () => {
    const idocs = parseIdoc(fixture('loipro01.lf.idoc'));
    const error = mappingError(() => idocToCanonical(idocs[0] as Idoc));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFKOL/WERKS' });
    const orders = idocs.flatMap((idoc) =>
      values(idocToCanonical(idoc, { plant: 'DE01', timeZone: 'Europe/Berlin' }), 'WorkOrder'),
    );
    expect(orders.map((order) => [order.id, order.material, order.status, order.quantity.value])).toEqual([
      ['000001004711', '000000000000004711', 'in-progress', '250'],
      ['000001004712', 'FG-4712', 'created', '40'],
    ]);
    expect(orders[0]).toMatchObject({
      scheduledStart: '2026-05-13T00:00:00+02:00',
      scheduledEnd: '2026-05-15T16:00:00+02:00',
      extensions: { 'sap:unparsedSegments': ['E1AFVOL', 'E1RESBL'] },
    });
  });

  it('reports a bad date with segment and field', () => {
    const [idoc] = parseIdoc(
      fixtureText('loipro01.full.xml').replace('<GSTRS>20260518</GSTRS>', '<GSTRS>20261318</GSTRS>'),
    );
    expect(mappingError(() => idocToCanonical(idoc as Idoc))).toMatchObject({
      code: 'INVALID_SOURCE_DATA',
      location: 'E1AFKOL/GSTRS',
      value: '20261318',
    });
  });

  it('rejects a work order whose end is before its start, as validation finds it', () => {
    const [idoc] = parseIdoc(
      fixtureText('loipro01.full.xml').replace('<GLTRS>20260519</GLTRS>', '<GLTRS>20260501</GLTRS>'),
    );
    const error = mappingError(() => idocToCanonical(idoc as Idoc));
    expect(error.code).toBe('INVALID_SOURCE_DATA');
    expect(error.location).toBe('/scheduledEnd');
    expect(error.cause).toBeInstanceOf(MillwrightError);
  });
});

describe('idocToCanonical: other message types', () => {
  it('MATMAS → Material with alternative units, texts and plants (flat, UTF-8)', () => {
    const [idoc] = parseIdoc(fixture('matmas05.utf8.idoc'));
    const [material] = values(idocToCanonical(idoc as Idoc, { units }), 'Material');
    expect(material).toEqual({
      id: '000000000000004711',
      description: 'Shaft střed Ø40 — hardened',
      descriptions: [{ language: 'de', text: 'Welle, gehärtet' }],
      type: 'finished',
      baseUnit: 'H87',
      alternativeUnits: [{ unit: 'XCT', numerator: 12, denominator: 1 }],
      group: 'ZB-100',
      plants: [{ plant: 'DE01', procurement: 'make', mrpController: '001' }],
      source: { system: 'S4PCLNT100', id: '000000000000004711' },
    });
  });

  it('MATMAS → Material from the public SAP sample (IDoc-XML), with plant unit aliases', () => {
    const [idoc] = parseIdoc(fixture('matmas05.sap-recipes.xml'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc))).toMatchObject({
      location: 'E1MARMM/MEINH',
      value: '201',
    });
    // The sample is anonymised; its customer units are declared as plant aliases.
    const aliases = createUnitRegistry({ aliases: { '201': 'XBX', PX: 'XPX', UPA: 'XPA' } });
    const [material] = values(idocToCanonical(idoc as Idoc, { units: aliases }), 'Material');
    expect(material).toMatchObject({
      id: '000000000123456789',
      description: 'DUMMY PRODUCT',
      type: 'finished',
      grossWeight: { value: '5.555', unit: 'KGM' },
      netWeight: { value: '4.666', unit: 'KGM' },
      volume: { value: '38.333', unit: 'DMQ' },
    });
    expect(material?.alternativeUnits?.map((unit) => unit.unit)).toEqual([
      'XBX',
      'XCS',
      'L21',
      'XPX',
      'H87',
      'XPA',
    ]);
    expect(material?.plants?.[0]?.plant).toBe('FR20');
  });

  it('uses a custom material type map and reports unmapped types', () => {
    const [idoc] = parseIdoc(fixtureText('matmas05.utf8.idoc').replace('FERT', 'ZFRT'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc)).code).toBe('UNMAPPED_CODE');
    const materialType = CodeMap.fromRows('material-type', [
      { system: 'sap', code: 'ZFRT', canonical: 'finished' },
    ]);
    expect(values(idocToCanonical(idoc as Idoc, { codes: { materialType } }), 'Material')[0]?.type).toBe(
      'finished',
    );
  });

  it('BOMMAT → BillOfMaterials, skipping text items and reading trailing-minus by-products', () => {
    const [idoc] = parseIdoc(fixture('bommat04.xml'));
    const [bom] = values(idocToCanonical(idoc as Idoc), 'BillOfMaterials');
    expect(bom).toEqual({
      id: '00012345/01',
      material: '000000000000004711',
      plant: 'DE01',
      usage: 'production',
      alternative: '01',
      description: 'Shaft 40 mm',
      baseQuantity: { value: '10', unit: 'H87' },
      validFrom: '2026-01-01',
      components: [
        {
          position: '0010',
          material: '000000000000100200',
          quantity: { value: '3.5', unit: 'KGM' },
          scrapPercent: '2.5',
          backflush: true,
          validFrom: '2026-01-01',
        },
        {
          position: '0030',
          material: 'SCRAP-STEEL',
          quantity: { value: '-0.4', unit: 'KGM' },
          use: 'by-product',
        },
      ],
      source: { system: 'S4PCLNT100', id: '00012345/01' },
    });
  });

  it('WMMBXY → InventoryMovement with the movement-type table and SAP units', () => {
    const [idoc] = parseIdoc(fixture('wmmbid02.xml'));
    const movements = values(
      idocToCanonical(idoc as Idoc, { timeZone: 'Europe/Berlin' }),
      'InventoryMovement',
    );
    expect(movements).toEqual([
      {
        id: '0000000000610001/0001',
        kind: 'goods-issue',
        direction: 'out',
        movementCode: '261',
        material: '000000000000100200',
        plant: 'DE01',
        storageLocation: '0001',
        batch: 'B-2026-05',
        stockType: 'unrestricted',
        quantity: { value: '36.5', unit: 'KGM' },
        from: { plant: 'DE01', storageLocation: '0001' },
        postingDate: '2026-05-12',
        occurredAt: '2026-05-12T00:00:00+02:00',
        reference: { workOrder: '000001004720', document: 'WMS-88812' },
        text: 'Shift 2 staging',
        source: { system: 'WMSDE01', id: '0000000000610001/0001' },
      },
      {
        id: '0000000000610001/0002',
        kind: 'transfer',
        direction: 'internal',
        movementCode: '311',
        material: '000000000000004711',
        plant: 'DE01',
        storageLocation: '0002',
        stockType: 'quality-inspection',
        quantity: { value: '12', unit: 'H87' },
        from: { plant: 'DE01', storageLocation: '0002' },
        to: { plant: 'DE01', storageLocation: '0005' },
        postingDate: '2026-05-12',
        occurredAt: '2026-05-12T00:00:00+02:00',
        reference: { document: 'WMS-88812' },
        text: 'Shift 2 staging',
        source: { system: 'WMSDE01', id: '0000000000610001/0002' },
      },
    ]);
  });

  it('reports an unknown movement type with its location', () => {
    const [idoc] = parseIdoc(fixtureText('wmmbid02.xml').replace('<BWART>261</BWART>', '<BWART>Z61</BWART>'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc))).toMatchObject({
      code: 'UNMAPPED_CODE',
      location: 'E1MBXYI/BWART',
      value: 'Z61',
    });
  });

  it('QCERT (QALITY01) → QualityEvent with characteristic results', () => {
    const [idoc] = parseIdoc(fixture('qality01.xml'));
    const [event] = values(idocToCanonical(idoc as Idoc, { timeZone: 'Europe/Berlin' }), 'QualityEvent');
    expect(event).toEqual({
      id: 'QC-2026-000451',
      kind: 'inspection-result',
      material: '000000000000100200',
      plant: 'DE01',
      occurredAt: '2026-05-11T15:30:00+02:00',
      lot: 'B-2026-05',
      inspectionLot: '010000004711',
      decision: 'accepted',
      results: [
        {
          characteristic: 'DIAMETER',
          result: 'pass',
          value: '40.012',
          unit: 'MMT',
          lowerLimit: '39.95',
          upperLimit: '40.05',
          target: '40',
        },
        { characteristic: 'SURFACE', result: 'fail', code: 'SCR' },
      ],
      certificate: 'QC-2026-000451',
      source: { system: 'SUPPLIER01', id: 'QC-2026-000451' },
    });
  });

  it('explains a missing field of a segment read without layout', () => {
    const flat = parseIdoc(
      // BOMMAT04's built-in definition lists E1STKOM without fields: its data stays raw text.
      `${'EDI_DC40'.padEnd(10)}100${'0000000000530002'}758 30 2  ${'BOMMAT04'.padEnd(30)}${''.padEnd(30)}BOMMAT\n` +
        `${'E2STZUM'.padEnd(30)}100000000000053000200000100000001\n` +
        `${'E2MASTM'.padEnd(30)}100000000000053000200000200000102005000000000000004711DE011000123450\n` +
        `${'E2STKOM'.padEnd(30)}10000000000005300020000030000010200520260101 10.000\n`,
    );
    const error = mappingError(() => idocToCanonical(flat[0] as Idoc));
    expect(error.location).toBe('E1STKOM/BMENG');
    expect(error.message).toContain('WE60');
  });

  it('refuses an IDoc type it has no mapping for', () => {
    const [idoc] = parseIdoc(fixture('delvry07-desadv.sap-recipes.xml'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc)).code).toBe('UNMAPPED_CODE');
  });

  it('rejects an unknown time zone', () => {
    const [idoc] = parseIdoc(fixture('qality01.xml'));
    expect(() => idocToCanonical(idoc as Idoc, { timeZone: 'Mars/Olympus' })).toThrow(MillwrightError);
  });
});
