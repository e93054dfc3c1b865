// Warnings say what a user can act on, once (issue 9, item 14): a field unknown to a schema the
// user gave is reported once per IDoc type, segment type and field, not in every IDoc; the
// built-in layouts are knowingly partial (data/idoc/SOURCE.md), so IDoc-XML fields past their end
// are no warning at all. Segments and IDoc types no schema knows are reported once too.
import {
  type Idoc,
  type IdocWarning,
  loadIdocSchema,
  type ParseIdocOptions,
  parseIdoc,
  parseIdocStream,
} from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from './fixtures.js';

const mini = loadIdocSchema(fixtureText('zmini01.parser.txt'));

const summary = (idocs: readonly Idoc[]): string[][] =>
  idocs.map((idoc) =>
    (idoc.warnings ?? []).map((warning: IdocWarning) =>
      [warning.code, warning.segment, warning.field].filter((part) => part !== undefined).join(' '),
    ),
  );

async function streamed(
  input: string | Buffer,
  options: ParseIdocOptions = { schemas: [mini] },
): Promise<Idoc[]> {
  const idocs: Idoc[] = [];
  const text = typeof input === 'string' ? input : input.toString('latin1');
  const pieces = Array.from({ length: Math.ceil(text.length / 97) }, (_, index) =>
    text.slice(index * 97, index * 97 + 97),
  );
  for await (const idoc of parseIdocStream(pieces, options)) idocs.push(idoc);
  return idocs;
}

/** A ZMINI01 IDoc-XML document of IDocs, each with the given extra fields in its header segment. */
function miniXml(extras: readonly (readonly string[])[]): string {
  const idocs = extras.map(
    (fields, index) =>
      `<IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><DOCNUM>${index + 1}</DOCNUM><IDOCTYP>ZMINI01</IDOCTYP></EDI_DC40><E1ZHDR SEGMENT="1"><DOCNO>PO-${index}</DOCNO>${fields.map((field) => `<${field}>x</${field}>`).join('')}</E1ZHDR></IDOC>`,
  );
  return `<ZMINI01>${idocs.join('')}</ZMINI01>`;
}

describe('UNKNOWN_FIELD', () => {
  it('is not raised for IDoc-XML fields past the end of a built-in layout (standard LOIPRO01 maps completely)', () => {
    const idocs = parseIdoc(fixture('loipro01.full.xml'));
    expect(idocs[0]?.segments[0]?.fields['WERKS']).toBe('DE01');
    expect(summary(idocs)).toEqual([[]]);
    expect(summary(parseIdoc(fixture('wmmbid02.xml')))).toEqual([[]]);
  });

  it('is raised once per segment type and field for a schema the user gave, in the first IDoc that has it', async () => {
    const xml = miniXml([['ZZONE'], ['ZZONE', 'ZZTWO'], ['ZZTWO', 'ZZONE'], []]);
    const expected = [['UNKNOWN_FIELD E1ZHDR ZZONE'], ['UNKNOWN_FIELD E1ZHDR ZZTWO'], [], []];
    const idocs = parseIdoc(xml, { schemas: [mini] });
    expect(summary(idocs)).toEqual(expected);
    expect(idocs[2]?.segments[0]?.fields).toMatchObject({ ZZONE: 'x', ZZTWO: 'x' });
    expect(summary(await streamed(xml))).toEqual(expected);
    expect(idocs[0]?.warnings?.[0]?.message).toMatch(/ZMINI01.*flat file/);
  });

  it('is raised again by the next parse', () => {
    const xml = miniXml([['ZZONE']]);
    expect(summary(parseIdoc(xml, { schemas: [mini] }))).toEqual([['UNKNOWN_FIELD E1ZHDR ZZONE']]);
    expect(summary(parseIdoc(xml, { schemas: [mini] }))).toEqual([['UNKNOWN_FIELD E1ZHDR ZZONE']]);
  });
});

describe('NO_SCHEMA and UNKNOWN_SEGMENT', () => {
  it('are raised once per IDoc type and segment, not in every IDoc of a file', async () => {
    // ZMATMAS05 read with the built-ins only: MATMAS05 describes it, but not its Z1MARA_PLM segment.
    const z = fixtureText('matmas05.z-segment.idoc');
    const twice = `${z}${z}`;
    const expected = [['UNKNOWN_SEGMENT Z1MARA_PLM'], []];
    expect(summary(parseIdoc(twice))).toEqual(expected);
    expect(summary(await streamed(twice, {}))).toEqual(expected);
    // Without any schema: NO_SCHEMA once for the type, in the first IDoc; every IDoc says it has
    // no schema through idoc.schema.
    const idocs = parseIdoc(twice, { schemas: [] });
    expect(summary(idocs).map((codes) => codes.filter((code) => code === 'NO_SCHEMA'))).toEqual([
      ['NO_SCHEMA'],
      [],
    ]);
    expect(idocs.map((idoc) => idoc.schema)).toEqual([undefined, undefined]);
  });
});
