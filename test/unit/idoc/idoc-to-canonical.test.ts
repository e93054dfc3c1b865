import { CodeMap, createUnitRegistry, MappingError, MillwrightError } from 'millwright';
import { type CanonicalRecord, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixture, fixtureText } from './fixtures.js';
import { withSyntheticFields } from './site-schemas.js';

const units = createUnitRegistry();
const berlin = { units, timeZone: 'Europe/Berlin' } as const;
const values = <K extends CanonicalRecord['kind']>(records: CanonicalRecord[], kind: K) =>
  records
    .filter((record) => record.kind === kind)
    .map((record) => record.value as Extract<CanonicalRecord, { kind: K }>['value']);

const mappingError = (action: () => unknown): MappingError => catchError(MappingError, action);

describe('idocToCanonical: MATMAS, BOMMAT, WMMBXY', () => {
  it('MATMAS → Material with texts and plants (flat, UTF-8), naming the field it could not read', () => {
    const [idoc] = parseIdoc(fixture('matmas05.utf8.idoc'));
    const [material] = values(idocToCanonical(idoc as Idoc, berlin), 'Material');
    expect(material).toEqual({
      id: '000000000000004711',
      description: 'Shaft střed Ø40 — hardened',
      descriptions: [{ language: 'de', text: 'Welle, gehärtet' }],
      type: 'finished',
      baseUnit: 'H87',
      group: 'ZB-100',
      plants: [{ plant: 'DE01', procurement: 'make', mrpController: '001' }],
      // E1MARMM's layout ends before UMREZ, and its data after MEINH is not blank: the
      // alternative units are unknown. The other segments' data past their layouts is blank.
      extensions: { 'sap:unreadFields': ['E1MARMM/UMREZ'] },
      source: { system: 'S4PCLNT100', id: '000000000000004711' },
    });
  });

  it('MATMAS → alternative units from a flat file whose layout reaches UMREZ/UMREN', () => {
    const site = withSyntheticFields('MATMAS05', {
      E1MARMM: [
        ['UMREZ', 6],
        ['UMREN', 6],
      ],
    });
    const [idoc] = parseIdoc(fixture('matmas05.utf8.idoc'), { schemas: [site] });
    const [material] = values(idocToCanonical(idoc as Idoc, berlin), 'Material');
    expect(material?.alternativeUnits).toEqual([{ unit: 'XCT', numerator: 12, denominator: 1 }]);
    expect(material?.extensions).toBeUndefined();
  });

  it('reports a Material that fails validation at its source field', () => {
    const aliases = createUnitRegistry({ aliases: { '201': 'XBX', PX: 'XPX', UPA: 'XPA' } });
    const broken = parseIdoc(
      fixtureText('matmas05.sap-recipes.xml').replace('<MATKL>ABC123</MATKL>', '<MATKL>ABC&#9;123</MATKL>'),
    );
    expect(
      mappingError(() => idocToCanonical(broken[0] as Idoc, { ...berlin, units: aliases })).location,
    ).toBe('E1MARAM/MATKL');
  });

  it('MATMAS → Material from the public SAP sample (IDoc-XML), with plant unit aliases', () => {
    const [idoc] = parseIdoc(fixture('matmas05.sap-recipes.xml'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc, berlin))).toMatchObject({
      location: 'E1MARMM/MEINH',
      value: '201',
    });
    // The sample is anonymised; its customer units are declared as plant aliases.
    const aliases = createUnitRegistry({ aliases: { '201': 'XBX', PX: 'XPX', UPA: 'XPA' } });
    const [material] = values(idocToCanonical(idoc as Idoc, { ...berlin, units: aliases }), 'Material');
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
    expect(mappingError(() => idocToCanonical(idoc as Idoc, berlin)).code).toBe('UNMAPPED_CODE');
    const materialType = CodeMap.fromRows('material-type', [
      { system: 'sap', code: 'ZFRT', canonical: 'finished' },
    ]);
    expect(
      values(idocToCanonical(idoc as Idoc, { ...berlin, codes: { materialType } }), 'Material')[0]?.type,
    ).toBe('finished');
  });

  it('BOMMAT → BillOfMaterials, skipping text items and reading trailing-minus by-products', () => {
    const [idoc] = parseIdoc(fixture('bommat04.xml'));
    const [bom] = values(idocToCanonical(idoc as Idoc, berlin), 'BillOfMaterials');
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

  it('gives the two-sided types 301/302 the direction of the own side of the item', () => {
    const movementOf = (type: string) => {
      const [idoc] = parseIdoc(
        fixtureText('wmmbid02.xml').replace('<BWART>311</BWART>', `<BWART>${type}</BWART>`),
      );
      return values(idocToCanonical(idoc as Idoc, { timeZone: 'Europe/Berlin' }), 'InventoryMovement')[1];
    };
    expect(movementOf('301')).toMatchObject({
      kind: 'transfer',
      direction: 'out',
      from: { plant: 'DE01', storageLocation: '0002' },
      to: { plant: 'DE01', storageLocation: '0005' },
    });
    expect(movementOf('302')).toMatchObject({
      direction: 'in',
      from: { plant: 'DE01', storageLocation: '0005' },
      to: { plant: 'DE01', storageLocation: '0002' },
    });
  });

  it('reports an unknown movement type with its location', () => {
    const [idoc] = parseIdoc(fixtureText('wmmbid02.xml').replace('<BWART>261</BWART>', '<BWART>Z61</BWART>'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc, berlin))).toMatchObject({
      code: 'UNMAPPED_CODE',
      location: 'E1MBXYI/BWART',
      value: 'Z61',
    });
  });

  it('explains a missing field of a segment read without layout', () => {
    // BOMMAT04's built-in definition lists E1STPOM without fields: its data stays raw text.
    const record = (name: string, segnum: number, parent: number, level: number, data: string) =>
      `${name.padEnd(30)}1000000000000530002${String(segnum).padStart(6, '0')}` +
      `${String(parent).padStart(6, '0')}${String(level).padStart(2, '0')}${data}\n`;
    const stkom = `00501${'20260101'}${''.padEnd(12)} ST ${'10.000'.padEnd(15)}`;
    const flat = parseIdoc(
      `${'EDI_DC40'.padEnd(10)}100${'0000000000530002'}758 30 2  ${'BOMMAT04'.padEnd(30)}${''.padEnd(30)}BOMMAT\n` +
        record('E2STZUM', 1, 0, 1, '') +
        record('E2MASTM', 2, 1, 2, '005000000000000004711DE011000123450') +
        record('E2STKOM', 3, 1, 2, stkom) +
        record('E2STPOM', 4, 1, 2, '0050010L000000000000100200'),
    );
    expect(flat[0]?.segments[0]?.children[1]?.fields).toMatchObject({ BMEIN: 'ST', BMENG: '10.000' });
    const error = mappingError(() => idocToCanonical(flat[0] as Idoc, berlin));
    expect(error.location).toBe('E1STPOM/IDNRK_LONG');
    expect(error.message).toContain('without a field layout');
    expect(error.message).toContain('WE60');
  });

  it('refuses an IDoc type it has no mapping for', () => {
    const [idoc] = parseIdoc(fixture('delvry07-desadv.sap-recipes.xml'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc, berlin)).code).toBe('UNMAPPED_CODE');
  });

  it('rejects an unknown time zone', () => {
    const [idoc] = parseIdoc(fixture('bommat04.xml'));
    expect(() => idocToCanonical(idoc as Idoc, { timeZone: 'Mars/Olympus' })).toThrow(MillwrightError);
  });
});

describe('idocToCanonical: no value decided past what was read (BOMMAT, WMMBXY)', () => {
  const bom = (from: string, to: string) =>
    parseIdoc(fixtureText('bommat04.xml').replace(from, to))[0] as Idoc;
  const movements = (from: string, to: string) =>
    values(
      idocToCanonical(parseIdoc(fixtureText('wmmbid02.xml').replace(from, to))[0] as Idoc, berlin),
      'InventoryMovement',
    );

  it('reads the base quantity from BMENG_C, never from the whole-number NUMC field BMENG', () => {
    // SAP writes a base quantity of 0.5 as BMENG 000000000000001 (rounded) and BMENG_C 0.500.
    const half = fixtureText('bommat04.xml')
      .replace('<BMENG>000000000000010</BMENG>', '<BMENG>000000000000001</BMENG>')
      .replace('<BMENG_C>10.000</BMENG_C>', '<BMENG_C>0.500</BMENG_C>');
    const fraction = idocToCanonical(parseIdoc(half)[0] as Idoc, berlin);
    expect(values(fraction, 'BillOfMaterials')[0]?.baseQuantity).toEqual({ value: '0.5', unit: 'H87' });
    const error = mappingError(() => idocToCanonical(bom('<BMENG_C>10.000</BMENG_C>', ''), berlin));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1STKOM/BMENG_C' });
  });

  it.each([
    ['a BOM header with its deletion indicator', '<STKTX>', '<LOEKZ>X</LOEKZ><STKTX>', 'E1STKOM/LOEKZ'],
    [
      'a BOM whose assignment is deleted (MSGFN 003)',
      '<MSGFN>005</MSGFN>\n        <MATNR>',
      '<MSGFN>003</MSGFN>\n        <MATNR>',
      'E1MASTM/MSGFN',
    ],
    [
      'a deleted component',
      '<IDNRK>SCRAP-STEEL</IDNRK>',
      '<IDNRK>SCRAP-STEEL</IDNRK><LKENZ>X</LKENZ>',
      'E1STPOM/LKENZ',
    ],
  ])('refuses %s rather than map it as a valid BOM', (_name, from, to, location) => {
    expect(mappingError(() => idocToCanonical(bom(from, to), berlin))).toMatchObject({
      code: 'INVALID_SOURCE_DATA',
      location,
    });
  });

  it('posts a WMMBXY item with XSTOB = X as the reversal of its movement type', () => {
    const [reversed] = movements('<BWART>261</BWART>', '<BWART>261</BWART><XSTOB>X</XSTOB>');
    expect(reversed).toMatchObject({ movementCode: '262', kind: 'return', direction: 'in' });
    expect(reversed?.to).toEqual({ plant: 'DE01', storageLocation: '0001' });
  });

  it('refuses a stock type indicator the message does not define, instead of the default', () => {
    const [idoc] = parseIdoc(fixtureText('wmmbid02.xml').replace('<INSMK>X</INSMK>', '<INSMK>2</INSMK>'));
    expect(mappingError(() => idocToCanonical(idoc as Idoc, berlin))).toMatchObject({
      code: 'UNMAPPED_CODE',
      location: 'E1MBXYI/INSMK',
      value: '2',
    });
  });

  it('refuses an IDoc without the segment its objects are made of, instead of mapping nothing', () => {
    const empty = fixtureText('wmmbid02.xml').replace(/<E1MBXYI SEGMENT="1">[\s\S]*<\/E1MBXYI>/, '');
    expect(mappingError(() => idocToCanonical(parseIdoc(empty)[0] as Idoc, berlin))).toMatchObject({
      code: 'INVALID_SOURCE_DATA',
      location: 'E1MBXYI',
    });
  });
});
