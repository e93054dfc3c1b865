import { IdocError } from 'millwright';
import {
  type Idoc,
  type IdocControl,
  loadIdocSchema,
  parseIdoc,
  type Segment,
  writeIdoc,
} from 'millwright/idoc';
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

  it('refuses a line break in a value when records are lines, so no record can split into two', () => {
    const inField = handMade();
    (inField.segments[0] as { fields: Record<string, string> }).fields['DOCNO'] = 'PO\n2001';
    expect(codeOf(() => writeIdoc(inField, { schemas: [schema] }))).toBe('INVALID_RECORD');
    // A forged control record inside a control field: refused, not written as a second IDoc.
    const forged = { ...handMade(), control: { ...handMade().control, arckey: 'A\r\nEDI_DC40' } };
    expect(codeOf(() => writeIdoc(forged, { schemas: [schema] }))).toBe('INVALID_RECORD');
    // Fixed-length records have no line breaks to confuse: the value is written as it is.
    const fixed = writeIdoc(inField, { schemas: [schema], framing: 'fixed' });
    expect(fixed).toContain('PO\n2001');
    const back = parseIdoc(fixed, { schemas: [schema] });
    expect(back[0]?.segments[0]?.fields['DOCNO']).toBe('PO\n2001');
  });

  it('refuses a value that is not a string instead of shifting the fields after it', () => {
    for (const value of [250, { a: 1 }, ['x'], null, true]) {
      const idoc = handMade();
      (idoc.segments[0] as { fields: Record<string, unknown> }).fields['DOCNO'] = value;
      expect(codeOf(() => writeIdoc(idoc, { schemas: [schema] }))).toBe('INVALID_RECORD');
      expect(codeOf(() => writeIdoc(idoc, { schemas: [schema], format: 'xml' }))).toBe('INVALID_RECORD');
    }
    const control = { ...handMade(), control: { ...handMade().control, mestyp: 42 as unknown as string } };
    expect(codeOf(() => writeIdoc(control, { schemas: [schema] }))).toBe('INVALID_RECORD');
  });

  it('writes TABNAM EDI_DC40 into a flat control record whose IDoc-XML left it out', () => {
    const idoc = { ...handMade(), control: { ...handMade().control, tabnam: '' } };
    const flat = writeIdoc(idoc, { schemas: [schema] });
    expect(flat.startsWith('EDI_DC40  ')).toBe(true);
    expect(content(parseIdoc(flat, { schemas: [schema] }))[0]?.segments).toHaveLength(3);
  });

  it('refuses to write half of a character into IDoc-XML, which UTF-8 cannot encode', () => {
    const idoc = handMade();
    (idoc.segments[0] as { fields: Record<string, string> }).fields['DOCNO'] = 'PO-\ud83d';
    expect(codeOf(() => writeIdoc(idoc, { schemas: [schema], format: 'xml' }))).toBe('INVALID_ENCODING');
    (idoc.segments[0] as { fields: Record<string, string> }).fields['DOCNO'] = 'PO-\ud83d\ude00';
    expect(writeIdoc(idoc, { schemas: [schema], format: 'xml' })).toContain('PO-\ud83d\ude00');
  });

  it('refuses a tree built in code that nests deeper than the 99 levels an IDoc can have', () => {
    const chain = (depth: number): Segment => {
      let segment: Segment = { name: 'Z1DEEP', segnum: '', fields: {}, children: [] };
      for (let level = 1; level < depth; level += 1)
        segment = { name: 'Z1DEEP', segnum: '', fields: {}, children: [segment] };
      return segment;
    };
    const idoc = (depth: number): Idoc => ({ control, segments: [chain(depth)] });
    expect(writeIdoc(idoc(99), { schemas: [] }).split('\n')).toHaveLength(101);
    expect(writeIdoc(idoc(99), { schemas: [], format: 'xml' })).toContain('<Z1DEEP SEGMENT="1">');
    expect(codeOf(() => writeIdoc(idoc(100), { schemas: [] }))).toBe('BAD_HIERARCHY');
    expect(codeOf(() => writeIdoc(idoc(100), { schemas: [], format: 'xml' }))).toBe('BAD_HIERARCHY');
    expect(codeOf(() => writeIdoc(idoc(20_000), { schemas: [] }))).toBe('BAD_HIERARCHY');
  });

  it('refuses objects that are not IDocs or segments with INVALID_RECORD, never a TypeError', () => {
    const broken: unknown[] = [
      null,
      { control: null, segments: [] },
      { control, segments: null },
      { control, segments: [undefined] },
      { control, segments: [{ name: 'E1ZHDR', segnum: '', fields: null, children: [] }] },
      { control, segments: [{ name: 'E1ZHDR', segnum: '', fields: {}, children: null }] },
      { control, segments: [{ name: 'E1 ZHDR', segnum: '', fields: {}, children: [] }] },
      { control, segments: [{ name: '', segnum: '', fields: {}, children: [] }] },
    ];
    for (const idoc of broken) {
      for (const format of ['flat', 'xml'] as const)
        expect(codeOf(() => writeIdoc(idoc as Idoc, { schemas: [schema], format }))).toBe('INVALID_RECORD');
    }
  });
});
