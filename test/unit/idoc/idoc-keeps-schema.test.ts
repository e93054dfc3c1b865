// A parsed IDoc keeps the schema it was read with (issue 9, item 12): writeIdoc writes an IDoc
// read with a custom WE60 schema, Z-segments included, without being given the schema again.
// The schema is a non-enumerable property: JSON.stringify, structuredClone and object spread
// leave it out, and such a copy is written with the schemas passed to writeIdoc.
import { IdocError } from 'millwright';
import {
  builtinIdocSchemas,
  type Idoc,
  type IdocSchema,
  loadIdocSchema,
  parseIdoc,
  parseIdocStream,
  writeIdoc,
} from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { content, fixture, fixtureText } from './fixtures.js';
import { loipro01Site } from './site-schemas.js';

const zmatmas05 = loadIdocSchema(fixtureText('zmatmas05.parser.txt'));
const bytes = fixture('matmas05.z-segment.idoc');
const text = bytes.toString('utf8');
const parsed = (): Idoc[] => parseIdoc(bytes, { schemas: [zmatmas05] });

describe('a parsed IDoc keeps its schema', () => {
  it('parseIdoc, parseIdocStream and IDoc-XML set idoc.schema to the schema object that was given', async () => {
    const [flat] = parsed();
    expect(flat?.schema).toBe(zmatmas05);
    const streamed: Idoc[] = [];
    for await (const idoc of parseIdocStream([bytes], { schemas: [zmatmas05] })) streamed.push(idoc);
    expect(streamed[0]?.schema).toBe(zmatmas05);
    const xml = writeIdoc(parsed(), { format: 'xml' });
    expect(parseIdoc(xml, { schemas: [zmatmas05] })[0]?.schema).toBe(zmatmas05);
    const builtin = parseIdoc(fixture('loipro01.lf.idoc'))[0];
    expect(builtin?.schema).toBe(builtinIdocSchemas.find((schema) => schema.basicType === 'LOIPRO01'));
    expect(parseIdoc(fixture('delvry07-desadv.sap-recipes.xml'))[0]?.schema).toBeUndefined();
  });

  it('writes the flat file back byte for byte without the schema (Z-segment included)', () => {
    expect(writeIdoc(parsed())).toBe(text);
    expect(writeIdoc(parsed(), { format: 'flat' })).toBe(text);
    expect(writeIdoc(parsed()[0] as Idoc)).toBe(text);
  });

  it('goes flat → XML → flat without passing the schema to the writer', () => {
    const xml = writeIdoc(parsed(), { format: 'xml' });
    expect(xml).toContain('<Z1MARA_PLM SEGMENT="1">');
    expect(xml).toContain('<UMREZ>');
    const back = parseIdoc(xml, { schemas: [zmatmas05] });
    expect(content(back)).toEqual(content(parsed()));
    const rewritten = back.map((idoc, index) => {
      idoc.flat = parsed()[index]?.flat;
      return idoc;
    });
    expect(writeIdoc(rewritten)).toBe(text);
  });

  it('is not enumerable: JSON, structuredClone and spread leave it out; keys and equality ignore it', () => {
    const [idoc] = parsed() as [Idoc];
    expect(idoc.schema).toBe(zmatmas05);
    expect(Object.keys(idoc)).not.toContain('schema');
    expect(JSON.stringify(idoc)).not.toContain('basicType');
    expect({ ...idoc }.schema).toBeUndefined();
    const [fromXml] = parseIdoc(writeIdoc(idoc, { format: 'xml' }), { schemas: [zmatmas05] }) as [Idoc];
    expect(structuredClone(fromXml).schema).toBeUndefined();
  });

  it('a copy without it is written with the schemas given to writeIdoc, and says so when none fits', () => {
    const [idoc] = parsed() as [Idoc];
    const copy: Idoc = { ...idoc };
    const error = catchError(IdocError, () => writeIdoc(copy));
    expect(error.code).toBe('UNKNOWN_FIELD');
    expect(error.message).toMatch(/schemas/);
    expect(writeIdoc(copy, { schemas: [zmatmas05] })).toBe(text);
    const [fromXml] = parseIdoc(writeIdoc(idoc, { format: 'xml' }), { schemas: [zmatmas05] }) as [Idoc];
    const clone = structuredClone(fromXml);
    expect(catchError(IdocError, () => writeIdoc(clone)).code).toBe('UNKNOWN_FIELD');
    expect(content(parseIdoc(writeIdoc(clone, { schemas: [zmatmas05] }), { schemas: [zmatmas05] }))).toEqual(
      content([idoc]),
    );
  });

  it('can be given to a hand-built IDoc or carried over to a copy explicitly', () => {
    const [idoc] = parsed() as [Idoc];
    const copy: Idoc = { control: idoc.control, segments: idoc.segments, flat: idoc.flat, schema: zmatmas05 };
    expect(writeIdoc(copy)).toBe(text);
  });

  it('comes after the schemas given to writeIdoc, which describe an IDoc read without them (XML → site layout)', () => {
    const xml = fixture('loipro01.full.xml');
    const [idoc] = parseIdoc(xml) as [Idoc];
    const builtin = builtinIdocSchemas.find((schema) => schema.basicType === 'LOIPRO01') as IdocSchema;
    expect(idoc.schema).toBe(builtin);
    // The built-in LOIPRO01 layout stops before WERKS: the XML's fields do not fit it...
    expect(catchError(IdocError, () => writeIdoc(idoc)).code).toBe('UNKNOWN_FIELD');
    // ...but the site's complete layout, given explicitly, does.
    const site = loipro01Site();
    const flat = writeIdoc(idoc, { schemas: [site] });
    expect(content(parseIdoc(flat, { schemas: [site] }))).toEqual(content([idoc]));
  });

  it('refuses to write the raw rest of a flat segment with a layout that would overwrite it', () => {
    // Read with the built-in (partial) LOIPRO01 layout: E1AFKOL's fields after GSTRS are raw text.
    const [idoc] = parseIdoc(fixture('loipro01.site.idoc')) as [Idoc];
    expect(idoc.segments[0]?.unparsed).toBeDefined();
    const error = catchError(IdocError, () => writeIdoc(idoc, { schemas: [loipro01Site()] }));
    expect(error.code).toBe('INVALID_RECORD');
    expect(error.segment).toBe('E1AFKOL');
    expect(error.message).toMatch(/raw/);
    // With the layout it was read with, it is written back unchanged.
    expect(writeIdoc(idoc)).toBe(fixtureText('loipro01.site.idoc'));
  });
});
