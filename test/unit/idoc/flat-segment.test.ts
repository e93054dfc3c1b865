// Segments read from flat files cut their values out of the record on first access (see
// connectors/idoc/flat/flat-segment.ts); to a caller they must behave like plain `Segment` objects.
import { parseIdoc, type Segment, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from './fixtures.js';

function header(): Segment {
  const segment = parseIdoc(fixture('loipro01.lf.idoc'))[0]?.segments[0];
  if (segment === undefined) throw new Error('no segment');
  return segment;
}

describe('segments read from flat files', () => {
  it('give the same values on every access, and the same object', () => {
    const segment = header();
    expect(segment.name).toBe('E1AFKOL');
    expect(segment.segnum).toBe('000001');
    expect(segment.fields['AUFNR']).toBe('000001004711');
    expect(segment.fields).toBe(segment.fields);
    expect('fields' in segment && 'segnum' in segment).toBe(true);
    expect(segment.record).toMatchObject({ segnam: 'E1AFKOL', mandt: '100', psgnum: '000000', hlevel: '01' });
    // GSTRS, past the built-in E1AFKOL layout (which ends at GSTRP), stays raw text.
    expect(segment.unparsed).toBe('20260513');
    // The built-in LOIPRO01 lists E1AFVOL without fields: its data is raw text.
    const operation = segment.children.find((child) => child.name === 'E1AFFLL')?.children[0];
    expect(operation?.name).toBe('E1AFVOL');
    expect(operation?.fields).toEqual({});
    expect(operation?.unparsed).toMatch(/^0010WC-LATHE1 /);
  });

  it('serialise every property with JSON.stringify', () => {
    const json = JSON.parse(JSON.stringify(header()));
    expect(Object.keys(json).sort()).toEqual(['children', 'fields', 'name', 'record', 'segnum', 'unparsed']);
    expect(json.fields.AUART).toBe('PP01');
    expect(json.children[0]).toMatchObject({ name: 'E1JSTKL', fields: { STAT: 'I0002' } });
  });

  it('take assignments and edits like plain objects, and are written as changed', () => {
    const idocs = parseIdoc(fixture('loipro01.lf.idoc'));
    const segment = idocs[0]?.segments[0] as Segment;
    segment.fields['AUART'] = 'PP02';
    segment.segnum = '000001';
    const status = segment.children[0] as Segment;
    status.fields = { STAT: 'I0045' };
    const written = writeIdoc(idocs);
    expect(written).not.toBe(fixtureText('loipro01.lf.idoc'));
    const back = parseIdoc(written);
    expect(back[0]?.segments[0]?.fields['AUART']).toBe('PP02');
    expect(back[0]?.segments[0]?.children[0]?.fields).toEqual({ STAT: 'I0045' });
    // Everything not edited is written back as read.
    expect(writeIdoc(back)).toBe(written);
  });

  it('can drop their raw text and record header', () => {
    const segment = header().children.find((child) => child.name === 'E1AFFLL')?.children[0] as Segment;
    expect(JSON.parse(JSON.stringify(segment))).toHaveProperty('unparsed');
    segment.unparsed = undefined;
    segment.record = undefined;
    expect(JSON.parse(JSON.stringify(segment))).not.toHaveProperty('unparsed');
    expect(segment.record).toBeUndefined();
  });
});
