import { IdocError } from 'millwright';
import { loadIdocSchema, parseIdoc, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { content, fixture, fixtureText, outline } from './fixtures.js';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(IdocError);
    return (error as IdocError).code;
  }
  return 'no error';
}

const control =
  '<EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><IDOCTYP>LOIPRO01</IDOCTYP><MESTYP>LOIPRO</MESTYP></EDI_DC40>';
const wrap = (body: string): string => `<LOIPRO01><IDOC BEGIN="1">${control}${body}</IDOC></LOIPRO01>`;

describe('parseIdoc on IDoc-XML', () => {
  it('reads the same content as the flat twin', () => {
    const flat = content(parseIdoc(fixture('loipro01.lf.idoc')));
    const stripRaw = (segments: ReturnType<typeof content>[number]['segments']): typeof segments =>
      segments.map(({ unparsed: _raw, ...segment }) => ({
        ...segment,
        children: stripRaw(segment.children),
      }));
    const expected = flat.map((idoc) => ({ ...idoc, segments: stripRaw(idoc.segments) }));
    expect(content(parseIdoc(fixture('loipro01.xml')))).toEqual(expected);
  });

  it('keeps leading zeros, accepts empty elements and keeps unknown Z segments (SAP sample)', () => {
    const [idoc] = parseIdoc(fixture('matmas05.sap-recipes.xml'));
    const material = idoc?.segments[0];
    expect(material?.fields['MATNR']).toBe('000000000123456789');
    expect(material?.fields['SPART']).toBe('00');
    expect(idoc?.control.sndprt).toBe('');
    expect(outline(idoc?.segments ?? []).filter((line) => line.includes('Z1'))).toEqual([
      '    Z1EXTEND_ITEM',
    ]);
    expect(idoc?.warnings?.map((warning) => warning.code)).toContain('UNKNOWN_SEGMENT');
  });

  it('reads UTF-8 text of an IDoc type it has no schema for (SAP sample)', () => {
    const [idoc] = parseIdoc(fixture('delvry07-desadv.sap-recipes.xml'));
    expect(idoc?.control.idoctyp).toBe('DELVRY07');
    expect(JSON.stringify(idoc)).toContain('střed');
    expect(idoc?.warnings?.[0]?.code).toBe('NO_SCHEMA');
  });

  it('goes flat → XML → flat keeping every field, byte for byte', () => {
    const schema = loadIdocSchema(fixtureText('zmini01.parser.txt'));
    for (const [name, schemas] of [
      ['matmas05.utf8.idoc', undefined],
      ['zmini01.hlevel.idoc', [schema]],
    ] as const) {
      const bytes = fixture(name);
      const flat = parseIdoc(bytes, { schemas });
      const xml = writeIdoc(flat, { format: 'xml', schemas });
      const back = parseIdoc(xml, { schemas });
      expect(content(back)).toEqual(content(flat));
      const layout = flat.map((idoc, index) => ({ ...(back[index] ?? idoc), flat: idoc.flat }));
      const rewritten = writeIdoc(layout, { schemas, recordLength: 'full' });
      const expected = writeIdoc(flat, {
        schemas,
        recordLength: 'full',
        numbering: 'renumber',
        segmentNames: 'type',
      });
      expect(rewritten).toBe(expected);
    }
  });

  it('decodes the XML entities and character references, and CDATA verbatim', () => {
    const [idoc] = parseIdoc(
      wrap(
        '<E1AFKOL SEGMENT="1"><AUFNR>A&amp;B &lt;1&gt; &#x41;&#66;</AUFNR><AUART><![CDATA[&amp;]]></AUART></E1AFKOL>',
      ),
    );
    expect(idoc?.segments[0]?.fields).toEqual({ AUFNR: 'A&B <1> AB', AUART: '&amp;' });
  });

  it('writes text that XML must escape and reads it back unchanged', () => {
    const [idoc] = parseIdoc(wrap('<E1AFKOL SEGMENT="1"><AUFNR>  "5" &lt; 7 &amp; 8</AUFNR></E1AFKOL>'));
    const again = parseIdoc(writeIdoc(idoc ?? [], { format: 'xml', indent: '' }));
    expect(again[0]?.segments[0]?.fields['AUFNR']).toBe('  "5" < 7 & 8');
  });

  it.each([
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "b">]>${wrap('')}`, 'INVALID_XML'],
    ['an unknown entity', wrap('<E1AFKOL SEGMENT="1"><AUFNR>&nbsp;</AUFNR></E1AFKOL>'), 'INVALID_XML'],
    ['malformed XML', '<LOIPRO01><IDOC></LOIPRO01>', 'INVALID_XML'],
    ['a __proto__ field', wrap('<E1AFKOL SEGMENT="1"><__proto__>x</__proto__></E1AFKOL>'), 'INVALID_XML'],
    [
      'an IDOC without control record',
      '<LOIPRO01><IDOC BEGIN="1"><E1AFKOL SEGMENT="1"/></IDOC></LOIPRO01>',
      'MISSING_CONTROL_RECORD',
    ],
    ['text outside fields', wrap('<E1AFKOL SEGMENT="1">stray<AUFNR>1</AUFNR></E1AFKOL>'), 'INVALID_XML'],
    ['another element than IDOC', '<LOIPRO01><FOO/></LOIPRO01>', 'INVALID_XML'],
    ['a field twice', wrap('<E1AFKOL SEGMENT="1"><AUFNR>1</AUFNR><AUFNR>2</AUFNR></E1AFKOL>'), 'INVALID_XML'],
  ])('rejects %s', (_name, xml, code) => {
    expect(codeOf(() => parseIdoc(xml))).toBe(code);
  });
});
