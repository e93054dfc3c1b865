import { IdocError } from 'millwright';
import { loadIdocSchema, parseIdoc, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { content, fixture, fixtureText, outline } from './fixtures.js';
import { loipro01Site } from './site-schemas.js';

const codeOf = (action: () => unknown): string => catchError(IdocError, action).code;

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
    // Raw text past the end of a layout has no field name, so IDoc-XML cannot carry it.
    expect(() => writeIdoc(parseIdoc(fixture('matmas05.utf8.idoc')), { format: 'xml' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SEGMENT', segment: 'E1MARMM' }),
    );
    for (const [name, schemas] of [
      ['loipro01.site.idoc', [loipro01Site()]],
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
    [
      'an inherited name as entity',
      wrap('<E1AFKOL SEGMENT="1"><AUFNR>&constructor;</AUFNR></E1AFKOL>'),
      'INVALID_XML',
    ],
    [
      'a reference to a non-XML character',
      wrap('<E1AFKOL SEGMENT="1"><AUFNR>&#0;</AUFNR></E1AFKOL>'),
      'INVALID_XML',
    ],
    ['malformed XML', '<LOIPRO01><IDOC></LOIPRO01>', 'INVALID_XML'],
    ['a __proto__ field', wrap('<E1AFKOL SEGMENT="1"><__proto__>x</__proto__></E1AFKOL>'), 'INVALID_XML'],
    [
      'an IDOC without control record',
      '<LOIPRO01><IDOC BEGIN="1"><E1AFKOL SEGMENT="1"/></IDOC></LOIPRO01>',
      'MISSING_CONTROL_RECORD',
    ],
    ['text outside fields', wrap('<E1AFKOL SEGMENT="1">stray<AUFNR>1</AUFNR></E1AFKOL>'), 'INVALID_XML'],
    ['text after a field', wrap('<E1AFKOL SEGMENT="1"><AUFNR>1</AUFNR>stray</E1AFKOL>'), 'INVALID_XML'],
    ['text between IDocs', `${wrap('').replace('</LOIPRO01>', '')}stray</LOIPRO01>`, 'INVALID_XML'],
    ['another element than IDOC', '<LOIPRO01><FOO/></LOIPRO01>', 'INVALID_XML'],
    ['a field twice', wrap('<E1AFKOL SEGMENT="1"><AUFNR>1</AUFNR><AUFNR>2</AUFNR></E1AFKOL>'), 'INVALID_XML'],
    [
      'an end tag that closes another element',
      wrap('<E1AFKOL SEGMENT="1"><AUFNR>1</AUART></E1AFKOL>'),
      'INVALID_XML',
    ],
    ['a document that ends inside its root', '<LOIPRO01><IDOC BEGIN="1">', 'INVALID_XML'],
    ['an attribute twice', '<LOIPRO01><IDOC BEGIN="1" BEGIN="1"></IDOC></LOIPRO01>', 'INVALID_XML'],
    ['an unquoted attribute', '<LOIPRO01><IDOC BEGIN=1></IDOC></LOIPRO01>', 'INVALID_XML'],
    ['"--" in a comment', '<LOIPRO01><!-- a -- b --></LOIPRO01>', 'INVALID_XML'],
    ['text after the root', '<LOIPRO01></LOIPRO01>junk', 'INVALID_XML'],
    ['a second root', '<LOIPRO01></LOIPRO01><LOIPRO01/>', 'INVALID_XML'],
    ['an XML declaration after the start', ' <?xml version="1.0"?><LOIPRO01/>', 'INVALID_XML'],
    ['CDATA in a segment', wrap('<E1AFKOL SEGMENT="1"><![CDATA[x]]></E1AFKOL>'), 'INVALID_XML'],
    ['"]]>" in text', wrap('<E1AFKOL SEGMENT="1"><AUFNR>a]]>b</AUFNR></E1AFKOL>'), 'INVALID_XML'],
    ['"<" in an attribute', '<LOIPRO01><IDOC BEGIN="<"></IDOC></LOIPRO01>', 'INVALID_XML'],
    ['a document cut off inside a field', `${wrap('').slice(0, 60)}`, 'INVALID_XML'],
    [
      'a document cut off inside an open IDoc',
      '<LOIPRO01><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><TABNAM>EDI',
      'INVALID_XML',
    ],
    [
      'nesting deeper than 256 levels',
      `<LOIPRO01>${'<A>'.repeat(300)}${'</A>'.repeat(300)}</LOIPRO01>`,
      'INVALID_XML',
    ],
  ])('rejects %s', (_name, xml, code) => {
    expect(codeOf(() => parseIdoc(xml))).toBe(code);
  });

  it('names the line of malformed XML, and skips comments and processing instructions', () => {
    const error = catchError(IdocError, () =>
      parseIdoc('<?xml version="1.0"?>\n<LOIPRO01>\n  <IDOC BEGIN="1">\n  </IDOK>\n</LOIPRO01>'),
    );
    expect(error).toMatchObject({ code: 'INVALID_XML', line: 4 });
    expect(error.message).toContain('</IDOK> closes <IDOC>');
    const [idoc] = parseIdoc(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?><!-- exported --><?sap x?>${wrap('<!-- c --><E1AFKOL SEGMENT="1"><AUFNR>1<!-- in -->2</AUFNR></E1AFKOL>')}<!-- end -->\n`,
    );
    expect(idoc?.segments[0]?.fields).toEqual({ AUFNR: '12' });
  });
});
