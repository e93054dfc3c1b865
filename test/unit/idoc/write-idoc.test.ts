import { IdocError } from 'millwright';
import { type Idoc, type IdocControl, loadIdocSchema, parseIdoc, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { content, fixture, fixtureText } from './fixtures.js';

const schema = loadIdocSchema(fixtureText('zmini01.parser.txt'));
const control = parseIdoc(fixture('zmini01.hlevel.idoc'), { schemas: [schema] })[0]?.control as IdocControl;

function handMade(): Idoc {
  return {
    control,
    segments: [
      { name: 'E1ZHDR', segnum: '', fields: { DOCNO: 'PO-2001' }, children: [] },
      { name: 'E1ZORG', segnum: '', fields: { QUALF: '012', ORGID: 'DE01' }, children: [] },
      {
        name: 'E1ZITM',
        segnum: '',
        fields: { POSNR: '000010', MATNR: 'FG-1' },
        children: [
          { name: 'E1ZSCH', segnum: '', fields: { EDATU: '20260601', WMENG: '5.000' }, children: [] },
        ],
      },
    ],
  };
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(IdocError);
    return (error as IdocError).code;
  }
  return 'no error';
}

describe('writeIdoc', () => {
  it('numbers hand-made segments: SEGNUM 1…n, PSGNUM of the parent, HLEVEL of the definition', () => {
    const lines = writeIdoc(handMade(), { schemas: [schema] }).split('\n');
    expect(lines.slice(1, 5).map((line) => line.slice(0, 63).replace(/ +/g, ' '))).toEqual([
      'E1ZHDR 100000000000070000100000100000001',
      'E1ZORG 100000000000070000100000200000002',
      'E1ZITM 100000000000070000100000300000002',
      'E1ZSCH 100000000000070000100000400000303',
    ]);
    expect(lines[1]).toHaveLength(1063);
    expect(lines[0]).toHaveLength(524);
    expect(lines.at(-1)).toBe('');
  });

  it('writes E2 definition names, fixed framing, CRLF and trimmed records on request', () => {
    const idoc = handMade();
    expect(writeIdoc(idoc, { schemas: [schema], segmentNames: 'definition' })).toContain('E2ZORG001');
    const fixed = writeIdoc(idoc, { schemas: [schema], framing: 'fixed' });
    expect(fixed).toHaveLength(524 + 4 * 1063);
    expect(writeIdoc(idoc, { schemas: [schema], lineEnding: '\r\n' }).split('\r\n')).toHaveLength(6);
    const trimmed = writeIdoc(idoc, { schemas: [schema], recordLength: 'trimmed' }).split('\n');
    expect(trimmed[1]).toBe(`${'E1ZHDR'.padEnd(30)}100000000000070000100000100000001PO-2001`);
  });

  it('renumbers a parsed file when asked', () => {
    const translator = parseIdoc(fixture('loipro01.translator.idoc'));
    const renumbered = parseIdoc(writeIdoc(translator, { numbering: 'renumber' }));
    expect(content(renumbered)).toEqual(content(translator));
    const header = renumbered[0]?.segments[0];
    expect(header?.segnum).toBe('000001');
    expect(header?.record).toMatchObject({ psgnum: '000000', hlevel: '01', mandt: '100' });
    expect(header?.children[0]?.record).toMatchObject({ psgnum: '000001', hlevel: '02' });
  });

  it('writes several IDocs into one file and one XML root', () => {
    const idocs = parseIdoc(fixture('loipro01.lf.idoc'));
    expect(parseIdoc(writeIdoc(idocs))).toHaveLength(2);
    const xml = writeIdoc(
      idocs.map((idoc) => ({ control: idoc.control, segments: idoc.segments.slice(0, 0) })),
      { format: 'xml' },
    );
    expect(xml.match(/<IDOC BEGIN="1">/g)).toHaveLength(2);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<LOIPRO01>')).toBe(true);
  });

  it('rejects what does not fit', () => {
    const tooLong = handMade();
    (tooLong.segments[0] as { fields: Record<string, string> }).fields['DOCNO'] = 'X'.repeat(11);
    expect(codeOf(() => writeIdoc(tooLong, { schemas: [schema] }))).toBe('VALUE_TOO_LONG');
    const unknownField = handMade();
    (unknownField.segments[0] as { fields: Record<string, string> }).fields['NOPE'] = '1';
    expect(codeOf(() => writeIdoc(unknownField, { schemas: [schema] }))).toBe('UNKNOWN_FIELD');
    expect(codeOf(() => writeIdoc(handMade(), { schemas: [] }))).toBe('UNKNOWN_SEGMENT');
    const raw = parseIdoc(fixture('loipro01.lf.idoc'));
    expect(codeOf(() => writeIdoc(raw, { format: 'xml' }))).toBe('UNKNOWN_SEGMENT');
    const control = { ...handMade(), control: { ...handMade().control, mestyp: 'X'.repeat(31) } };
    expect(codeOf(() => writeIdoc(control, { schemas: [schema] }))).toBe('VALUE_TOO_LONG');
  });

  it('writes fields without a schema into IDoc-XML in their own order', () => {
    const xml = writeIdoc(handMade(), { format: 'xml', schemas: [], indent: '' });
    expect(xml).toContain('<E1ZORG SEGMENT="1"><QUALF>012</QUALF><ORGID>DE01</ORGID></E1ZORG>');
  });
});
