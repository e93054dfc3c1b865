import { IdocError } from 'millwright';
import { loadIdocSchema, parseIdoc, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { content, fixture, fixtureText, outline } from './fixtures.js';

const FRAMINGS = [
  'loipro01.lf.idoc',
  'loipro01.crlf.idoc',
  'loipro01.fixed.idoc',
  'loipro01.trimmed.idoc',
  'loipro01.e2-names.idoc',
] as const;

const thrown = (action: () => unknown): IdocError => catchError(IdocError, action);

describe('parseIdoc on flat files', () => {
  it('reads two LOIPRO01 IDocs with the built-in schema', () => {
    const idocs = parseIdoc(fixture('loipro01.lf.idoc'));
    expect(idocs).toHaveLength(2);
    const [first] = idocs;
    expect(first?.control).toMatchObject({
      docnum: '0000000000481516',
      idoctyp: 'LOIPRO01',
      mestyp: 'LOIPRO',
      docrel: '758',
    });
    expect(outline(first?.segments ?? [])).toEqual([
      'E1AFKOL',
      '  E1JSTKL',
      '  E1JSTKL',
      '  E1AFFLL',
      '    E1AFVOL',
      '      E1JSTVL',
      '      E1RESBL',
      '  E1AFPOL',
    ]);
    const header = first?.segments[0];
    expect(header?.fields).toMatchObject({
      AUFNR: '000001004711',
      AUART: 'PP01',
      GAMNG: '250.000',
      GSTRP: '20260513',
    });
    expect(header?.children[3]?.fields['MATNR']).toBe('000000000000004711');
    expect(first?.flat).toEqual({
      framing: 'newline',
      lineEnding: '\n',
      finalLineEnding: true,
      controlLength: 524,
    });
  });

  it.each(FRAMINGS)('reads %s to the same content', (name) => {
    const expected = content(parseIdoc(fixture('loipro01.lf.idoc')));
    expect(content(parseIdoc(fixture(name)))).toEqual(expected);
  });

  it.each([
    ...FRAMINGS,
    'loipro01.translator.idoc',
    'matmas05.utf8.idoc',
    'matmas05.z-segment.idoc',
    'zmini01.hlevel.idoc',
  ])('writes %s back byte for byte', (name) => {
    const bytes = fixture(name);
    expect(Buffer.from(writeIdoc(parseIdoc(bytes)), 'utf8').equals(bytes)).toBe(true);
  });

  it('detects each framing', () => {
    expect(parseIdoc(fixture('loipro01.fixed.idoc'))[0]?.flat?.framing).toBe('fixed');
    expect(parseIdoc(fixture('loipro01.crlf.idoc'))[1]?.flat?.lineEnding).toBe('\r\n');
    const trimmed = parseIdoc(fixture('loipro01.trimmed.idoc'))[0];
    expect(trimmed?.segments[0]?.record?.length).toBeLessThan(1063);
  });

  it('cuts fields by characters after decoding UTF-8', () => {
    const [idoc] = parseIdoc(fixture('matmas05.utf8.idoc'));
    const texts = idoc?.segments[0]?.children.filter((segment) => segment.name === 'E1MAKTM');
    expect(texts?.map((segment) => segment.fields)).toEqual([
      { MSGFN: '005', SPRAS: 'E', MAKTX: 'Shaft střed Ø40 — hardened', SPRAS_ISO: 'EN' },
      { MSGFN: '005', SPRAS: 'D', MAKTX: 'Welle, gehärtet', SPRAS_ISO: 'DE' },
    ]);
  });

  it('reads latin-1 files with the encoding option and refuses them as UTF-8', () => {
    const bytes = fixture('matmas05.latin1.idoc');
    const [idoc] = parseIdoc(bytes, { encoding: 'latin1' });
    expect(idoc?.segments[0]?.children[0]?.fields['MAKTX']).toBe('Dübel Ø8 für Träger');
    expect(Buffer.from(writeIdoc(parseIdoc(bytes, { encoding: 'latin1' })), 'latin1').equals(bytes)).toBe(
      true,
    );
    const error = thrown(() => parseIdoc(bytes));
    expect(error.code).toBe('INVALID_ENCODING');
    expect(bytes[error.offset ?? -1]).toBeGreaterThan(0x7f);
  });

  it('normalises E2 definition names and keeps them for writing', () => {
    const [idoc] = parseIdoc(fixture('loipro01.e2-names.idoc'));
    const header = idoc?.segments[0];
    expect(header?.name).toBe('E1AFKOL');
    expect(header?.record?.segnam).toMatch(/^E2AFKOL\d{3}$/);
  });

  it('rebuilds the tree of a translator file from the schema when numbering is blank', () => {
    const [idoc] = parseIdoc(fixture('loipro01.translator.idoc'));
    expect(content(parseIdoc(fixture('loipro01.translator.idoc')))).toEqual(
      content(parseIdoc(fixture('loipro01.lf.idoc'))).map((expected) => ({
        ...expected,
        control: { ...expected.control, docnum: '' },
      })),
    );
    expect(idoc?.segments[0]?.segnum).toBe('');
    expect(idoc?.segments[0]?.record).toMatchObject({ mandt: '000', psgnum: '', hlevel: '' });
  });

  it('builds the tree from the schema, not from HLEVEL (levels 01 and 02 side by side)', () => {
    const schema = loadIdocSchema(fixtureText('zmini01.parser.txt'));
    const [idoc] = parseIdoc(fixture('zmini01.hlevel.idoc'), { schemas: [schema] });
    expect(outline(idoc?.segments ?? [])).toEqual([
      'E1ZHDR',
      'E1ZORG',
      'E1ZORG',
      'E1ZITM',
      '  E1ZSCH',
      '  E1ZSCH',
      'E1ZITM',
    ]);
    expect(idoc?.warnings).toBeUndefined();
  });

  it('falls back to HLEVEL without a schema and says the result is ambiguous', () => {
    const [idoc] = parseIdoc(fixture('zmini01.hlevel.idoc'), { schemas: [] });
    expect(outline(idoc?.segments ?? [])).toEqual([
      'E2ZHDR',
      '  E2ZORG001',
      '  E2ZORG001',
      '  E2ZITM',
      '    E2ZSCH',
      '    E2ZSCH',
      '  E2ZITM',
    ]);
    expect(idoc?.warnings?.map((warning) => warning.code)).toEqual(['NO_SCHEMA', 'HIERARCHY_FROM_HLEVEL']);
    expect(idoc?.segments[0]?.unparsed).toBe('PO-1001');
  });

  it('keeps unknown Z segments as raw text with a warning, and parses them once their schema is loaded', () => {
    const bytes = fixture('matmas05.z-segment.idoc');
    const [plain] = parseIdoc(bytes);
    const raw = plain?.segments[0]?.children.find((segment) => segment.name === 'Z1MARA_PLM');
    expect(raw?.unparsed).toBe('REV-C  PLM-0815  approved');
    expect(plain?.warnings?.[0]).toMatchObject({
      code: 'UNKNOWN_SEGMENT',
      segment: 'Z1MARA_PLM',
      docnum: '0000000000900003',
    });
    const extension = loadIdocSchema(fixtureText('zmatmas05.parser.txt'));
    const [typed] = parseIdoc(bytes, { schemas: [extension] });
    const z = typed?.segments[0]?.children.find((segment) => segment.name === 'Z1MARA_PLM');
    expect(z?.fields).toEqual({ REVLV: 'REV-C', PLMID: 'PLM-0815', PLMST: 'approved' });
    expect(typed?.warnings).toBeUndefined();
    expect(Buffer.from(writeIdoc(typed ?? [], { schemas: [extension] })).equals(bytes)).toBe(true);
  });

  it('reports a truncated fixed-length record with its IDoc and byte offset', () => {
    const error = thrown(() => parseIdoc(fixture('loipro01.truncated.idoc')));
    expect(error).toMatchObject({ code: 'TRUNCATED_RECORD', offset: 524 + 1063, docnum: '0000000000481516' });
  });

  it('returns no IDoc for empty input', () => {
    expect(parseIdoc('')).toEqual([]);
    expect(parseIdoc('\n\n')).toEqual([]);
  });
});

describe('parseIdoc rejects bad flat input with an IdocError', () => {
  const lines = fixtureText('loipro01.lf.idoc').split('\n');
  const control = lines[0] as string;
  const header = lines[1] as string;
  const replace = (line: string, start: number, text: string): string =>
    line.slice(0, start) + text + line.slice(start + text.length);

  it('data before any control record', () => {
    expect(thrown(() => parseIdoc(`${header}\n`))).toMatchObject({
      code: 'MISSING_CONTROL_RECORD',
      offset: 0,
      segment: 'E1AFKOL',
    });
  });

  it('a non-numeric SEGNUM, with segment, field and offset', () => {
    const error = thrown(() => parseIdoc(`${control}\n${replace(header, 49, '00000X')}\n`));
    expect(error).toMatchObject({ code: 'INVALID_NUMBER', field: 'SEGNUM', segment: 'E1AFKOL', offset: 525 });
    expect(error.docnum).toBe('0000000000481516');
  });

  it('a PSGNUM that names no earlier segment', () => {
    const child = replace(replace(lines[2] as string, 55, '000042'), 0, 'Z1UNKNOWN'.padEnd(30));
    expect(thrown(() => parseIdoc([control, header, child, ''].join('\n')))).toMatchObject({
      code: 'BAD_HIERARCHY',
      field: 'PSGNUM',
      segment: 'Z1UNKNOWN',
    });
  });

  it('a known segment where the schema allows it nowhere and PSGNUM is blank', () => {
    const orphan = replace(lines[7] as string, 55, '      ');
    expect(thrown(() => parseIdoc([control, orphan, ''].join('\n')))).toMatchObject({
      code: 'BAD_HIERARCHY',
      segment: 'E1RESBL',
    });
  });

  it('a record longer than 1063 characters', () => {
    expect(thrown(() => parseIdoc(`${control}\n${header}XYZ\n`))).toMatchObject({
      code: 'BAD_RECORD_LENGTH',
      offset: 525,
    });
  });

  it('a data record that names another IDoc', () => {
    expect(thrown(() => parseIdoc(`${control}\n${replace(header, 33, '0000000000000001')}\n`))).toMatchObject(
      {
        code: 'DOCNUM_MISMATCH',
        field: 'DOCNUM',
      },
    );
  });

  it('status records and record version 2', () => {
    expect(thrown(() => parseIdoc(`${control}\nEDI_DS40  100\n`)).code).toBe('UNSUPPORTED_RECORD');
    expect(thrown(() => parseIdoc(`EDI_DC    100\n`)).code).toBe('UNSUPPORTED_RECORD');
  });

  it('a data record without segment name', () => {
    expect(thrown(() => parseIdoc(`${control}\n${' '.repeat(30)}100\n`)).code).toBe('INVALID_RECORD');
  });

  it('warns when a segment occurs more often than LOOPMAX allows', () => {
    const second = replace(header, 49, '000009');
    const [idoc] = parseIdoc([control, header, second, ''].join('\n'));
    expect(idoc?.warnings?.[0]).toMatchObject({ code: 'LOOP_MAX_EXCEEDED', segment: 'E1AFKOL' });
    expect(idoc?.segments).toHaveLength(2);
  });
});
