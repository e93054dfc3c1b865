import { createUnitRegistry, MappingError, MillwrightError, type WorkOrder } from 'millwright';
import { type CanonicalRecord, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { type Framing, fixture, fixtureText, LOIPRO01_FULL_ORDER, reframe } from './fixtures.js';
import { loipro01Site, withSyntheticFields } from './site-schemas.js';

const units = createUnitRegistry();
const berlin = { units, timeZone: 'Europe/Berlin' } as const;
const FRAMINGS: readonly Framing[] = ['lf', 'crlf', 'fixed', 'trimmed'];

const orders = (records: CanonicalRecord[]): WorkOrder[] =>
  records.filter((record) => record.kind === 'WorkOrder').map((record) => record.value as WorkOrder);

const mappingError = (action: () => unknown): MappingError => catchError(MappingError, action);

/** The site file with one E1JSTKL record's data replaced (record 3 holds I0016). */
const withStatusRecord = (data: string): string =>
  fixtureText('loipro01.site.idoc').replace(/^(E1JSTKL.{56})I0016 */m, (_all, head: string) =>
    `${head}${data}`.padEnd(1063),
  );

/**
 * The built-in E1AFKOL layout stops at GSTRP, before the start times: synthetic GSTRS (blank),
 * GSUZS (blank), GSUZP and GSUZI after it give loipro01.teco-inactive.idoc its start times.
 */
const START_TIMES = {
  E1AFKOL: [
    ['GSTRS', 8],
    ['GSUZS', 6],
    ['GSUZP', 6],
    ['GSUZI', 6],
  ],
} as const;
const withStartTimes = (text: string): string =>
  text.replace(/^(E1AFKOL.*2026051820260518) {26}/m, `$1${' '.repeat(14)}060000080000`);

describe('idocToCanonical: LOIPRO → WorkOrder from IDoc-XML', () => {
  it('maps header, status, operations with their statuses and components', () => {
    const [idoc] = parseIdoc(fixture('loipro01.full.xml'));
    const records = idocToCanonical(idoc as Idoc, berlin);
    expect(records.map((record) => record.kind)).toEqual(['WorkOrder']);
    expect(orders(records)).toEqual([LOIPRO01_FULL_ORDER]);
  });

  it('strips leading zeros on request and takes the source system from the options', () => {
    const [idoc] = parseIdoc(fixture('loipro01.full.xml'));
    const [record] = idocToCanonical(idoc as Idoc, {
      ...berlin,
      stripLeadingZeros: true,
      system: 'sap-s4-prd',
    });
    expect(record?.value).toMatchObject({
      material: '4711',
      id: '1004720',
      source: { system: 'sap-s4-prd' },
    });
  });

  it('takes the plant of the components when the header names none, before the plant option', () => {
    const xml = fixtureText('loipro01.full.xml').replace('<WERKS>DE01</WERKS>\n      <E1JSTKL', '<E1JSTKL');
    const [idoc] = parseIdoc(xml);
    expect(orders(idocToCanonical(idoc as Idoc, { ...berlin, plant: 'XX99' }))[0]?.plant).toBe('DE01');
    const none = parseIdoc(xml.replace('<WERKS>DE01</WERKS>', ''));
    expect(orders(idocToCanonical(none[0] as Idoc, { ...berlin, plant: 'XX99' }))[0]?.plant).toBe('XX99');
    const error = mappingError(() => idocToCanonical(none[0] as Idoc, berlin));
    expect(error.location).toBe('E1AFKOL/WERKS');
    expect(error.message).toContain('`plant` option');
  });

  it('reports a bad date with segment and field', () => {
    const [idoc] = parseIdoc(
      fixtureText('loipro01.full.xml').replace('<GSTRS>20260518</GSTRS>', '<GSTRS>20261318</GSTRS>'),
    );
    expect(mappingError(() => idocToCanonical(idoc as Idoc, berlin))).toMatchObject({
      code: 'INVALID_SOURCE_DATA',
      location: 'E1AFKOL/GSTRS',
      value: '20261318',
    });
  });

  it('names the scheduled start it read, not the basic date read in its place, when both are blank', () => {
    const xml = fixtureText('loipro01.full.xml')
      .replace('<GSTRS>20260518</GSTRS>', '')
      .replace('<GSTRP>20260518</GSTRP>', '');
    const error = mappingError(() => idocToCanonical(parseIdoc(xml)[0] as Idoc, berlin));
    expect(error.location).toBe('E1AFKOL/GSTRS');
    expect(error.message).toMatch(/^E1AFKOL\/GSTRS is missing \(GSTRP, read in its place, is blank too\)/);
  });

  it('reports what validation finds at the source field of its JSON Pointer', () => {
    const invalid = (from: string, to: string) => {
      const [idoc] = parseIdoc(fixtureText('loipro01.full.xml').replace(from, to));
      return mappingError(() => idocToCanonical(idoc as Idoc, berlin));
    };
    const backwards = invalid('<GLTRS>20260519</GLTRS>', '<GLTRS>20260501</GLTRS>');
    expect(backwards).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFKOL/GLTRS' });
    expect(backwards.cause).toBeInstanceOf(MillwrightError);
    expect(backwards.message).toContain('/scheduledEnd');
    expect(invalid('<ARBPL>WC-LATH1</ARBPL>', '<ARBPL>WC&#9;LATH1</ARBPL>').location).toBe('E1AFVOL/ARBPL');
    expect(invalid('<MATNR>SCRAP-STEEL</MATNR>', '<MATNR>SCRAP&#9;STEEL</MATNR>').location).toBe(
      'E1RESBL/MATNR',
    );
    // The basic date stands in for a blank scheduled one, and is then the source.
    const basic = invalid(
      '<GLTRP>20260520</GLTRP>\n      <GLTRS>20260519</GLTRS>',
      '<GLTRP>20260501</GLTRP>',
    );
    expect(basic.location).toBe('E1AFKOL/GLTRP');
  });

  it('reads the delivered quantity in AMEIN, the unit of the order, not in the base unit MEINS', () => {
    const xml = fixtureText('loipro01.full.xml')
      .replace('<AMEIN>H87</AMEIN>', '<AMEIN>XCT</AMEIN>')
      .replace('<WEMNG>40.000</WEMNG>', '<WEMNG>4.000</WEMNG>');
    const [order] = orders(idocToCanonical(parseIdoc(xml)[0] as Idoc, berlin));
    expect(order?.deliveredQuantity).toEqual({ value: '4', unit: 'XCT' });
  });

  it('takes the actual end from the confirmed finish date and time, one instant', () => {
    const xml = fixtureText('loipro01.full.xml').replace(
      '<GMEIN>H87</GMEIN>',
      '<GETRI>20260519</GETRI><GEUZI>213000</GEUZI><GLTRI>20260520</GLTRI><GMEIN>H87</GMEIN>',
    );
    const [order] = orders(idocToCanonical(parseIdoc(xml)[0] as Idoc, berlin));
    expect(order?.actualEnd).toBe('2026-05-19T21:30:00+02:00');
  });

  it('leaves out an inactive status (INACT = X): a revoked TECO is not completed', () => {
    const xml = fixtureText('loipro01.full.xml').replace(
      '<STAT>I0016</STAT>',
      '<STAT>I0045</STAT><INACT>X</INACT>',
    );
    expect(orders(idocToCanonical(parseIdoc(xml)[0] as Idoc, berlin))[0]?.status).toBe('released');
  });

  it('refuses an order without any E1JSTKL: the IDoc does not say its status', () => {
    const xml = fixtureText('loipro01.full.xml').replace(
      /<E1JSTKL SEGMENT="1">\s*<STAT>\w+<\/STAT>\s*<\/E1JSTKL>/g,
      '',
    );
    expect(xml).not.toContain('E1JSTKL');
    const error = mappingError(() => idocToCanonical(parseIdoc(xml)[0] as Idoc, berlin));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1JSTKL/STAT' });
    expect(error.message).toContain('E1AFKOL has no E1JSTKL segment');
    expect(error.message).toContain('codes.workOrderStatus');
  });

  it('refuses an order whose only status is inactive (a revoked TECO)', () => {
    const xml = fixtureText('loipro01.full.xml')
      .replace(/<E1JSTKL SEGMENT="1">\s*<STAT>\w+<\/STAT>\s*<\/E1JSTKL>/g, '')
      .replace('<E1AFFLL', '<E1JSTKL SEGMENT="1"><STAT>I0045</STAT><INACT>X</INACT></E1JSTKL><E1AFFLL');
    const error = mappingError(() => idocToCanonical(parseIdoc(xml)[0] as Idoc, berlin));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1JSTKL/STAT' });
    expect(error.message).toContain('1 E1JSTKL segment of E1AFKOL holds no active status');
  });

  it("lets the caller's workOrderStatus decide the status of an order without an active one", () => {
    const xml = fixtureText('loipro01.full.xml').replace(
      /<E1JSTKL SEGMENT="1">\s*<STAT>\w+<\/STAT>\s*<\/E1JSTKL>/g,
      '',
    );
    const seen: (readonly string[])[] = [];
    const workOrderStatus = (statuses: readonly string[]) => {
      seen.push(statuses);
      return statuses.length === 0 ? ('created' as const) : ('released' as const);
    };
    const [order] = orders(
      idocToCanonical(parseIdoc(xml)[0] as Idoc, { ...berlin, codes: { workOrderStatus } }),
    );
    expect(order?.status).toBe('created');
    expect(seen).toEqual([[]]);
  });
});

describe('idocToCanonical: LOIPRO → WorkOrder from flat files', () => {
  const site = [loipro01Site()];
  const siteFile = fixtureText('loipro01.site.idoc');

  it.each(FRAMINGS)(
    'gives what the XML gives, with a complete layout (%s framing, no plant option)',
    (framing) => {
      const idocs = parseIdoc(reframe(siteFile, framing), { schemas: site });
      expect(idocs[0]?.warnings).toBeUndefined();
      expect(orders(idocToCanonical(idocs[0] as Idoc, berlin))).toEqual([LOIPRO01_FULL_ORDER]);
    },
  );

  it('reads the same file from bytes and from text', () => {
    const fromBytes = parseIdoc(Buffer.from(siteFile, 'utf8'), { schemas: site });
    const fromText = parseIdoc(siteFile, { schemas: site });
    expect(idocToCanonical(fromBytes[0] as Idoc, berlin)).toEqual(
      idocToCanonical(fromText[0] as Idoc, berlin),
    );
  });

  const builtIn = [
    'loipro01.lf.idoc',
    'loipro01.crlf.idoc',
    'loipro01.fixed.idoc',
    'loipro01.trimmed.idoc',
    'loipro01.e2-names.idoc',
    'loipro01.translator.idoc',
  ];

  it.each(builtIn)('refuses %s read with the built-in layout, naming the field it cannot read', (name) => {
    const idocs = parseIdoc(fixture(name));
    for (const idoc of idocs) {
      const error = mappingError(() => idocToCanonical(idoc, { ...berlin, plant: 'DE01' }));
      // The first field past the layout that the mapping reads: the long material number.
      expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFKOL/MATNR_LONG' });
      expect(error.message).toContain('layout of E1AFKOL stops at GSTRP');
      expect(error.message).toContain('WE60 export of LOIPRO01');
    }
  });

  it('refuses an inactive TECO (INACT = X) in a flat file read with the built-in layout', () => {
    // E1JSTKL holds "I0045X": the layout ends at STAT, and the INACT = X after it is not blank.
    const [idoc] = parseIdoc(fixture('loipro01.teco-inactive.idoc'));
    const error = mappingError(() => idocToCanonical(idoc as Idoc, { ...berlin, plant: 'DE01' }));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1JSTKL/INACT' });
    expect(error.message).toContain('layout of E1JSTKL stops at STAT');
  });

  it('reads the inactive TECO as inactive with a layout that reaches INACT', () => {
    const schema = withSyntheticFields('LOIPRO01', { E1JSTKL: [['INACT', 1]], ...START_TIMES });
    const [idoc] = parseIdoc(withStartTimes(fixtureText('loipro01.teco-inactive.idoc')), {
      schemas: [schema],
    });
    const [order] = orders(idocToCanonical(idoc as Idoc, { ...berlin, plant: 'DE01' }));
    expect(order).toMatchObject({
      id: '000001004730',
      material: '000000000000004711',
      plant: 'DE01',
      status: 'released',
      scheduledStart: '2026-05-18T06:00:00+02:00',
      actualStart: '2026-05-18T08:00:00+02:00',
      actualEnd: '2026-05-19T14:30:00+02:00',
      deliveredQuantity: { value: '20', unit: 'H87' },
    });
    expect(order?.extensions).toBeUndefined();
  });

  it('reads statuses through the built-in layout where the data after STAT is blank', () => {
    const active = withStartTimes(fixtureText('loipro01.teco-inactive.idoc').replace('I0045X', 'I0045 '));
    const schemas = [withSyntheticFields('LOIPRO01', START_TIMES)];
    const [idoc] = parseIdoc(active, { schemas });
    const [order] = orders(idocToCanonical(idoc as Idoc, { ...berlin, plant: 'DE01' }));
    expect(order?.status).toBe('completed');
  });

  it('refuses a status shorter than STAT where the layout that places STAT first is inferred', () => {
    const short = fixtureText('loipro01.teco-inactive.idoc').replace('I0045X', 'I004 ');
    const error = mappingError(() =>
      idocToCanonical(parseIdoc(short)[0] as Idoc, { ...berlin, plant: 'DE01' }),
    );
    expect(error).toMatchObject({ location: 'E1JSTKL/STAT', value: 'I004' });
  });

  it('refuses a status whose INACT lies past a site layout that ends at STAT', () => {
    const idocs = parseIdoc(withStatusRecord('I0045X'), { schemas: site });
    expect(mappingError(() => idocToCanonical(idocs[0] as Idoc, berlin)).location).toBe('E1JSTKL/INACT');
    const blank = parseIdoc(withStatusRecord('I0045'), { schemas: site });
    expect(orders(idocToCanonical(blank[0] as Idoc, berlin))[0]?.status).toBe('completed');
  });

  it('leaves out an optional value it cannot read and names its field', () => {
    // A layout that reaches the scheduled start, material and plant, but not GSUZI (the actual
    // start time), and data after its end that is not blank.
    const schema = withSyntheticFields('LOIPRO01', {
      E1AFKOL: [
        ['GSTRS', 8],
        ['GSUZS', 6],
        ['MATNR', 18],
        ['MATNR_LONG', 40],
        ['WERKS', 4],
      ],
      E1JSTKL: [['INACT', 1]],
    });
    const text = fixtureText('loipro01.teco-inactive.idoc').replace(
      /^(E1AFKOL.{264}).{14}(.{62})./m,
      (_all, head: string, blank: string) =>
        `${head}20260518060000${blank.replace(/^ {58}/, `${'FG-4730'.padEnd(58)}`).replace(/ {4}$/, 'DE02')}9`,
    );
    const [idoc] = parseIdoc(text, { schemas: [schema] });
    const [order] = orders(idocToCanonical(idoc as Idoc, berlin));
    expect(order).toMatchObject({
      material: 'FG-4730',
      plant: 'DE02',
      scheduledStart: '2026-05-18T06:00:00+02:00',
    });
    expect(order?.actualStart).toBeUndefined();
    expect(order?.extensions).toEqual({ 'sap:unreadFields': ['E1AFKOL/GSUZI'] });
  });
});
