import { createUnitRegistry, MappingError, MillwrightError, type WorkOrder } from 'millwright';
import { type CanonicalRecord, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { type Framing, fixture, fixtureText, LOIPRO01_FULL_ORDER, reframe } from './fixtures.js';
import { loipro01Site } from './site-schemas.js';

const units = createUnitRegistry();
const berlin = { units, timeZone: 'Europe/Berlin' } as const;
const FRAMINGS: readonly Framing[] = ['lf', 'crlf', 'fixed', 'trimmed'];

const orders = (records: CanonicalRecord[]): WorkOrder[] =>
  records.filter((record) => record.kind === 'WorkOrder').map((record) => record.value as WorkOrder);

const mappingError = (action: () => unknown): MappingError => catchError(MappingError, action);

describe('idocToCanonical: LOIPRO → WorkOrder from IDoc-XML', () => {
  it('maps header, status, operations with their statuses and components', () => {
    const [idoc] = parseIdoc(fixture('loipro01.full.xml'));
    const records = idocToCanonical(idoc as Idoc, berlin);
    expect(records.map((record) => record.kind)).toEqual(['WorkOrder']);
    expect(orders(records)).toEqual([LOIPRO01_FULL_ORDER]);
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

  it('takes the plant of the components when the header names none, before the plant option', () => {
    const xml = fixtureText('loipro01.full.xml').replace('<WERKS>DE01</WERKS>\n      <E1JSTKL', '<E1JSTKL');
    const [idoc] = parseIdoc(xml);
    expect(orders(idocToCanonical(idoc as Idoc, { ...berlin, plant: 'XX99' }))[0]?.plant).toBe('DE01');
    const none = parseIdoc(xml.replace('<WERKS>DE01</WERKS>', ''));
    expect(orders(idocToCanonical(none[0] as Idoc, { ...berlin, plant: 'XX99' }))[0]?.plant).toBe('XX99');
    expect(mappingError(() => idocToCanonical(none[0] as Idoc, berlin)).location).toBe('E1AFKOL/WERKS');
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

  it.each(builtIn)('maps %s read with the built-in layout, naming what it could not read', (name) => {
    const idocs = parseIdoc(fixture(name));
    const error = mappingError(() => idocToCanonical(idocs[0] as Idoc));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFKOL/WERKS' });
    expect(error.message).toContain('stops before WERKS');
    const mapped = idocs.flatMap((idoc) => orders(idocToCanonical(idoc, { ...berlin, plant: 'DE01' })));
    expect(
      mapped.map((order) => [order.id, order.material, order.plant, order.status, order.quantity]),
    ).toEqual([
      ['000001004711', '000000000000004711', 'DE01', 'in-progress', { value: '250', unit: 'H87' }],
      ['000001004712', 'FG-4712', 'DE01', 'created', { value: '40', unit: 'H87' }],
    ]);
    expect(mapped[0]).toMatchObject({
      // GSUZS is past the end of the layout: the start is the scheduled date at 00:00.
      scheduledStart: '2026-05-13T00:00:00+02:00',
      scheduledEnd: '2026-05-15T16:00:00+02:00',
      extensions: {
        'sap:unparsedSegments': ['E1AFFLL', 'E1AFVOL', 'E1RESBL'],
        'sap:unreadFields': ['E1AFKOL/WERKS', 'E1AFKOL/GSUZS', 'E1AFKOL/GSUZI'],
      },
    });
    expect(mapped[0]?.operations).toBeUndefined();
  });
});
