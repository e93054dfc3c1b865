import { createUnitRegistry, IdocError, MappingError, MillwrightError, type WorkOrder } from 'millwright';
import { canonicalToIdoc, type Idoc, idocToCanonical, parseIdoc, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { toSapDateTime, toTimestamp } from '../../../connectors/idoc/mapping/sap-timestamp.js';
import { readSapDate } from '../../../connectors/idoc/mapping/sap-values.js';
import { catchError } from '../../support/catch-error.js';
import { fixture, LOIPRO01_FULL_ORDER } from './fixtures.js';

const units = createUnitRegistry();
const utc = { units, timeZone: 'UTC' } as const;
const { source: _source, ...order } = LOIPRO01_FULL_ORDER;

const loipro = (): Idoc => parseIdoc(fixture('loipro01.full.xml'))[0] as Idoc;

describe('idocToCanonical with hostile message types', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'NOSUCHTYPE'])(
    'refuses MESTYP %j as an unmapped code',
    (mestyp) => {
      const idoc = loipro();
      const hostile: Idoc = { ...idoc, control: { ...idoc.control, mestyp, idoctyp: 'ZFOO01' } };
      const error = catchError(MappingError, () => idocToCanonical(hostile, utc));
      expect(error).toMatchObject({ code: 'UNMAPPED_CODE', value: mestyp });
    },
  );

  it('refuses a basic type named like an Object.prototype key', () => {
    const idoc = loipro();
    const hostile: Idoc = { ...idoc, control: { ...idoc.control, mestyp: '', idoctyp: 'constructor' } };
    expect(catchError(MappingError, () => idocToCanonical(hostile, utc)).code).toBe('UNMAPPED_CODE');
  });

  it('still maps by the basic type when the message type is blank', () => {
    const idoc = loipro();
    const blank: Idoc = { ...idoc, control: { ...idoc.control, mestyp: '' } };
    expect(idocToCanonical(blank, utc)[0]?.kind).toBe('WorkOrder');
  });
});

describe('idocToCanonical with what is not an IDoc', () => {
  const idoc = loipro();
  it.each<[string, unknown, RegExp, string | undefined]>([
    ['null', null, /parseIdoc or parseIdocStream return it, not null$/, undefined],
    ['a number', 42, /not 42$/, undefined],
    ['the array parseIdoc returns', [idoc], /map the IDocs of a file one by one/, undefined],
    ['an empty object', {}, /its control is undefined, not an object/, 'control'],
    ['a null control', { control: null, segments: [] }, /its control is null/, 'control'],
    [
      'a numeric MESTYP',
      { control: { ...idoc.control, mestyp: 42 }, segments: [] },
      /control\.mestyp is 42, not text/,
      'control/MESTYP',
    ],
    ['missing segments', { control: idoc.control }, /its segments are undefined, not an array/, 'segments'],
  ])('refuses %s with a MappingError saying what it expected', (_name, value, message, location) => {
    const error = catchError(MappingError, () => idocToCanonical(value as Idoc, utc));
    expect(error.code).toBe('INVALID_SOURCE_DATA');
    expect(error.message).toMatch(message);
    expect(error.location).toBe(location);
  });
});

describe('canonicalToIdoc createdAt', () => {
  it.each(['yesterday', '', '2026-13-45T00:00:00Z', '2026-02-30T00:00:00Z', '2026-05-12T08:30:00'])(
    'refuses createdAt %j as an invalid option',
    (createdAt) => {
      const error = catchError(MillwrightError, () =>
        canonicalToIdoc(order, { ...utc, messageType: 'LOIPRO', createdAt }),
      );
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.message).toContain('createdAt');
    },
  );

  it('writes a valid createdAt as CREDAT/CRETIM in the time zone', () => {
    const idoc = canonicalToIdoc(order, {
      messageType: 'LOIPRO',
      units,
      timeZone: 'Europe/Berlin',
      createdAt: '2026-05-12T22:30:00Z',
    });
    expect(idoc.control).toMatchObject({ credat: '20260513', cretim: '003000' });
  });
});

describe('SAP dates in the years 0001 to 0099', () => {
  it('reads SAP date 00500601 as 0050-06-01 and refuses year 0000', () => {
    expect(readSapDate('00500601', 'E1AFKOL/GSTRS')).toBe('0050-06-01');
    expect(readSapDate('00040229', 'E1AFKOL/GSTRS')).toBe('0004-02-29');
    expect(() => readSapDate('00010229', 'E1AFKOL/GSTRS')).toThrow(MappingError);
    expect(() => readSapDate('00000101', 'E1AFKOL/GSTRS')).toThrow(MappingError);
  });

  it('converts early years both ways without the two-digit-year rule', () => {
    expect(toTimestamp('0050-06-01', 6 * 3600, 'UTC')).toBe('0050-06-01T06:00:00+00:00');
    expect(toSapDateTime('0050-06-01T06:00:00+00:00', 'UTC')).toEqual({ date: '00500601', time: '060000' });
    expect(toSapDateTime('0099-12-31T23:00:00Z', 'UTC')).toEqual({ date: '00991231', time: '230000' });
  });

  it('writes scheduledStart 0050-06-01 as GSTRS 00500601 and reads it back', () => {
    const scheduledStart = '0050-06-01T06:00:00+00:00';
    const idoc = canonicalToIdoc({ ...order, scheduledStart } as WorkOrder, {
      ...utc,
      messageType: 'LOIPRO',
      createdAt: '0099-12-31T23:00:00Z',
    });
    expect(idoc.segments[0]?.fields).toMatchObject({ GSTRS: '00500601', GSUZS: '060000' });
    expect(idoc.control.credat).toBe('00991231');
    const [record] = idocToCanonical(idoc, utc);
    expect(record?.kind === 'WorkOrder' ? record.value.scheduledStart : undefined).toBe(scheduledStart);
  });
});

describe('IDoc-XML control records checked as in flat files', () => {
  const xml = (control: string, body = '<E1AFKOL SEGMENT="1"><AUFNR>000001004711</AUFNR></E1AFKOL>') =>
    `<LOIPRO01><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1">${control}</EDI_DC40>${body}</IDOC></LOIPRO01>`;
  const control = '<DOCNUM>0000000000000042</DOCNUM><IDOCTYP>LOIPRO01</IDOCTYP><MESTYP>LOIPRO</MESTYP>';
  const idocError = (text: string): IdocError => catchError(IdocError, () => parseIdoc(text));

  it('fills a missing TABNAM as EDI_DC40, so the flat output reads back', () => {
    const idocs = parseIdoc(xml(control));
    expect(idocs[0]?.control.tabnam).toBe('EDI_DC40');
    expect(parseIdoc(writeIdoc(idocs))[0]?.control.docnum).toBe('0000000000000042');
  });

  it('refuses a DOCNUM that is not a number, as the flat reader does', () => {
    const error = idocError(xml(control.replace('0000000000000042', 'ABC')));
    expect(error).toMatchObject({ code: 'INVALID_NUMBER', field: 'DOCNUM' });
  });

  it('refuses a TABNAM that is not EDI_DC40', () => {
    expect(idocError(xml(`<TABNAM>EDI_DC</TABNAM>${control}`)).code).toBe('UNSUPPORTED_RECORD');
  });

  it('refuses a control field that occurs twice', () => {
    const error = idocError(xml(`${control}<MESTYP>MATMAS</MESTYP>`));
    expect(error).toMatchObject({ code: 'INVALID_XML', segment: 'EDI_DC40', field: 'MESTYP' });
  });

  it('refuses a segment field that occurs twice, even when the first is empty', () => {
    const body = '<E1AFKOL SEGMENT="1"><AUFNR/><AUFNR>000001004711</AUFNR></E1AFKOL>';
    const error = idocError(xml(control, body));
    expect(error).toMatchObject({ code: 'INVALID_XML', segment: 'E1AFKOL', field: 'AUFNR' });
  });
});

describe('mapping options that would go into canonical objects', () => {
  it.each([
    ['plant', 'DE\t01'],
    ['plant', ''],
    ['system', ' sap'],
    ['system', 42],
  ])('refuses %s = %j as an invalid option, not as a mapped object that fails validation', (name, value) => {
    const error = catchError(MillwrightError, () => idocToCanonical(loipro(), { ...utc, [name]: value }));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain(`options.${name}`);
  });
});

describe('idocToCanonical: a segment tree that nests without end', () => {
  const deep = (levels: number) => {
    const idoc = loipro();
    const header = idoc.segments[0] as Idoc['segments'][number];
    let segment: Idoc['segments'][number] = { name: 'E1AFFLL', segnum: '', fields: {}, children: [] };
    for (let level = 1; level < levels; level += 1) {
      segment = { name: 'E1AFFLL', segnum: '', fields: {}, children: [segment] };
    }
    return { ...idoc, segments: [{ ...header, children: [...header.children, segment] }] };
  };

  it('names a cycle as a tree that nests too deep, at the segment, with the check of the readers and writers', () => {
    const idoc = loipro();
    const header = idoc.segments[0] as Idoc['segments'][number];
    (header.children as Idoc['segments'][number][]).push(header);
    const error = catchError(MappingError, () => idocToCanonical(idoc, utc));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFKOL' });
    expect(error.message).toContain('more than 99 levels deep');
    expect(error.message).toContain('nests without end');
    expect(error.message).not.toContain('RangeError');
  });

  it('refuses a tree 20,000 levels deep without overflowing the stack', () => {
    const error = catchError(MappingError, () => idocToCanonical(deep(20_000), utc));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFFLL' });
    expect(error.message).toContain('more than 99 levels deep');
  });
});
