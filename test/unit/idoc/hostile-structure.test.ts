// Hostile structure in flat files and WE60 parser exports: segment names with text after a
// blank, PSGNUM chains and group nesting deeper than any IDoc, fields with gaps between them.
// Each is refused with an IdocError that says where, instead of losing text or overflowing the
// call stack later.
import { IdocError } from 'millwright';
import {
  type IdocSchema,
  type IdocSegmentDefinition,
  loadIdocSchema,
  parseIdoc,
  type Segment,
} from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_DEPTH } from '../../../connectors/idoc/read/segment-tree-builder.js';
import { catchError } from '../../support/catch-error.js';
import { type Framing, fixtureText, reframe } from './fixtures.js';

const thrown = (action: () => unknown): IdocError => catchError(IdocError, action);

const DOCNUM = '0000000000000001';
const pad = (value: string, length: number): string => value.padEnd(length, ' ').slice(0, length);
const n6 = (value: number): string => String(value).padStart(6, '0');

/** An EDI_DC40 control record (524 characters) for an IDoc of type `idoctyp`. */
function controlRecord(idoctyp: string): string {
  const head = `${pad('EDI_DC40', 10)}100${DOCNUM}${pad('758', 4)}3012  ${pad(idoctyp, 30)}${pad('', 30)}${pad('ZT', 30)}`;
  return pad(head, 524);
}

/** An EDI_DD40 data record (1063 characters). */
function dataRecord(segnam: string, segnum: string, psgnum: string, hlevel: string, sdata = ''): string {
  const head = `${pad(segnam, 30)}100${DOCNUM}${pad(segnum, 6)}${pad(psgnum, 6)}${pad(hlevel, 2)}`;
  return pad(`${head}${sdata}`, 1063);
}

/** An LF-framed flat file of one IDoc. */
function flatFile(idoctyp: string, records: readonly string[]): string {
  return `${[controlRecord(idoctyp), ...records].join('\n')}\n`;
}

/** The byte offset where `record` starts in `text`. */
function offsetOf(text: string, record: string): number {
  const index = text.indexOf(record);
  expect(index).toBeGreaterThanOrEqual(0);
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/** How deep the deepest segment sits, top-level segments being at depth 1 (without recursion). */
function depthOf(segments: readonly Segment[]): number {
  let deepest = 0;
  const pending = segments.map((segment) => ({ segment, depth: 1 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    deepest = Math.max(deepest, next.depth);
    for (const child of next.segment.children) pending.push({ segment: child, depth: next.depth + 1 });
  }
  return deepest;
}

describe('SEGNAM with text after a blank', () => {
  const FRAMINGS: readonly Framing[] = ['lf', 'crlf', 'fixed', 'trimmed'];
  const lf = fixtureText('loipro01.lf.idoc');
  const records = lf.split('\n');
  const positions = records.flatMap((record, index) => (record.startsWith('E1AFPOL ') ? [index] : []));

  /** loipro01.lf.idoc with a 'G' in column 20 of the SEGNAM of one E1AFPOL record. */
  function spoiled(which: 'first' | 'last'): { text: string; record: string } {
    const index = (which === 'first' ? positions[0] : positions[positions.length - 1]) as number;
    const copy = [...records];
    const record = `${(copy[index] as string).slice(0, 19)}G${(copy[index] as string).slice(20)}`;
    copy[index] = record;
    return { text: copy.join('\n'), record };
  }

  it.each(
    FRAMINGS.flatMap((framing) => [
      [framing, 'first'],
      [framing, 'last'],
    ]) as [Framing, 'first' | 'last'][],
  )(
    'is refused as INVALID_RECORD with its position in %s framing (%s E1AFPOL, new or known name)',
    (framing, which) => {
      expect(positions.length).toBeGreaterThan(1);
      const { text, record } = spoiled(which);
      const framed = reframe(text, framing);
      const error = thrown(() => parseIdoc(framed));
      expect(error.code).toBe('INVALID_RECORD');
      expect(error.field).toBe('SEGNAM');
      expect(error.segment).toBe('E1AFPOL            G');
      expect(error.segnum).toBe(record.slice(49, 55).trimEnd());
      expect(error.docnum).toBe(record.slice(33, 49).trimEnd());
      expect(error.offset).toBe(offsetOf(framed, framing === 'trimmed' ? record.trimEnd() : record));
    },
  );

  it('is refused when the name ends the record (right-trimmed) and when the name starts with a blank', () => {
    const short = flatFile('ZNONE01', [dataRecord('Z1A', '000001', '', '01'), 'Z1A   X']);
    expect(thrown(() => parseIdoc(short))).toMatchObject({ code: 'INVALID_RECORD', segment: 'Z1A   X' });
    const leading = flatFile('ZNONE01', [dataRecord(' Z1A', '000001', '', '01')]);
    expect(thrown(() => parseIdoc(leading))).toMatchObject({ code: 'INVALID_RECORD', segment: ' Z1A' });
  });

  it('still reads a name padded with blanks to 30 characters, or cut short by the line end', () => {
    const text = flatFile('ZNONE01', [dataRecord('Z1A', '000001', '', '01'), 'Z1A', 'Z1A  ']);
    expect(parseIdoc(text)[0]?.segments.map((segment) => segment.name)).toEqual(['Z1A', 'Z1A', 'Z1A']);
  });
});

describe('segment depth', () => {
  /** Records Z1A 1..count, each with PSGNUM naming the one before it. */
  function chain(count: number): string[] {
    return Array.from({ length: count }, (_, index) =>
      dataRecord('Z1A', n6(index + 1), index === 0 ? '' : n6(index), ''),
    );
  }

  it(`accepts a PSGNUM chain ${MAX_SEGMENT_DEPTH} segments deep`, () => {
    expect(MAX_SEGMENT_DEPTH).toBe(99);
    const idoc = parseIdoc(flatFile('ZNONE01', chain(MAX_SEGMENT_DEPTH)))[0];
    expect(depthOf(idoc?.segments ?? [])).toBe(MAX_SEGMENT_DEPTH);
  });

  it('refuses a PSGNUM chain one segment deeper with BAD_HIERARCHY and its position', () => {
    const records = chain(MAX_SEGMENT_DEPTH + 1);
    const text = flatFile('ZNONE01', records);
    const error = thrown(() => parseIdoc(text));
    expect(error).toMatchObject({
      code: 'BAD_HIERARCHY',
      docnum: DOCNUM,
      segnum: n6(MAX_SEGMENT_DEPTH + 1),
      segment: 'Z1A',
      offset: offsetOf(text, records[MAX_SEGMENT_DEPTH] as string),
    });
  });

  it('refuses a 10,000-deep PSGNUM chain with BAD_HIERARCHY instead of a tree too deep to write', () => {
    const error = thrown(() => parseIdoc(flatFile('ZNONE01', chain(10_000))));
    expect(error.code).toBe('BAD_HIERARCHY');
    expect(error.segnum).toBe(n6(MAX_SEGMENT_DEPTH + 1));
  });

  it('counts depth for siblings and for PSGNUM naming an earlier, not the last, segment', () => {
    const deep = chain(MAX_SEGMENT_DEPTH);
    const sibling = dataRecord('Z1A', n6(200), n6(MAX_SEGMENT_DEPTH - 1), '');
    const underEarlier = dataRecord('Z1A', n6(201), n6(MAX_SEGMENT_DEPTH - 2), '');
    const back = dataRecord('Z1A', n6(202), n6(MAX_SEGMENT_DEPTH), '');
    expect(depthOf(parseIdoc(flatFile('ZNONE01', [...deep, sibling, underEarlier]))[0]?.segments ?? [])).toBe(
      MAX_SEGMENT_DEPTH,
    );
    const error = thrown(() => parseIdoc(flatFile('ZNONE01', [...deep, sibling, underEarlier, back])));
    expect(error).toMatchObject({ code: 'BAD_HIERARCHY', segnum: n6(202) });
  });
});

/** A WE60 parser export of one segment Z1GAP with the given field lines. */
function gapSchema(fields: string): string {
  return `BEGIN_SEGMENT_SECTION
BEGIN_IDOC ZGAP01
BEGIN_SEGMENT Z1GAP
LEVEL 01
BEGIN_FIELDS
${fields}
END_FIELDS
END_SEGMENT
END_IDOC
END_SEGMENT_SECTION
`;
}

describe('field positions in a parser export', () => {
  it('refuses a gap between two fields with INVALID_SCHEMA naming segment, field, positions and line', () => {
    const text = gapSchema('NAME A\nLENGTH 6\nCHARACTER_FIRST 64\nNAME B\nLENGTH 2\nCHARACTER_FIRST 71');
    const error = thrown(() => loadIdocSchema(text));
    expect(error).toMatchObject({ code: 'INVALID_SCHEMA', segment: 'Z1GAP', field: 'B', line: 9 });
    expect(error.message).toContain('71');
    expect(error.message).toContain('69');
  });

  it('refuses a first field that does not start at character 64 with INVALID_SCHEMA', () => {
    const error = thrown(() => loadIdocSchema(gapSchema('NAME A\nLENGTH 2\nCHARACTER_FIRST 66')));
    expect(error).toMatchObject({ code: 'INVALID_SCHEMA', segment: 'Z1GAP', field: 'A', line: 6 });
    expect(error.message).toContain('64');
  });

  it('accepts contiguous fields with explicit positions', () => {
    const text = gapSchema('NAME A\nLENGTH 6\nCHARACTER_FIRST 64\nNAME B\nLENGTH 2\nCHARACTER_FIRST 70');
    const fields = loadIdocSchema(text).segments[0]?.fields;
    expect(fields?.map((field) => [field.name, field.offset, field.length])).toEqual([
      ['A', 0, 6],
      ['B', 6, 2],
    ]);
  });
});

describe('group nesting in a parser export', () => {
  const segment = (name: string): string =>
    `BEGIN_SEGMENT ${name}\nLEVEL 01\nBEGIN_FIELDS\nNAME A\nLENGTH 000005\nEND_FIELDS\nEND_SEGMENT\n`;

  /** `count` groups, each nested in the one before it after its head segment Z1A<n>. */
  function nested(count: number): string {
    let body = '';
    for (let index = 0; index < count; index += 1) body += `BEGIN_GROUP 1\n${segment(`Z1A${index}`)}`;
    body += 'END_GROUP\n'.repeat(count);
    return `BEGIN_SEGMENT_SECTION\nBEGIN_IDOC ZT01\n${body}END_IDOC\nEND_SEGMENT_SECTION\n`;
  }

  it(`accepts groups nested ${MAX_SEGMENT_DEPTH} deep and places segments by them`, () => {
    const schema = loadIdocSchema(nested(MAX_SEGMENT_DEPTH));
    const records = Array.from({ length: MAX_SEGMENT_DEPTH }, (_, index) =>
      dataRecord(`Z1A${index}`, n6(index + 1), '', '01'),
    );
    const idoc = parseIdoc(flatFile('ZT01', records), { schemas: [schema] })[0];
    expect(idoc?.warnings).toBeUndefined();
    expect(depthOf(idoc?.segments ?? [])).toBe(MAX_SEGMENT_DEPTH);
  });

  it.each([MAX_SEGMENT_DEPTH + 1, 3_000])(
    'refuses %i nested groups with INVALID_SCHEMA and the line of the first group too deep',
    (count) => {
      const error = thrown(() => loadIdocSchema(nested(count)));
      expect(error.code).toBe('INVALID_SCHEMA');
      // Two header lines, then eight lines per group.
      expect(error.line).toBe(2 + MAX_SEGMENT_DEPTH * 8 + 1);
    },
  );

  it('refuses 3,000 groups nested as each other heads with INVALID_SCHEMA and the line of the second', () => {
    const text = `BEGIN_SEGMENT_SECTION\nBEGIN_IDOC ZT01\n${'BEGIN_GROUP 1\n'.repeat(3_000)}`;
    expect(thrown(() => loadIdocSchema(text))).toMatchObject({ code: 'INVALID_SCHEMA', line: 4 });
  });

  it('refuses a schema built in code that nests deeper than the limit with INVALID_SCHEMA', () => {
    let definition: IdocSegmentDefinition | undefined;
    for (let index = 3_000; index >= 0; index -= 1) {
      definition = {
        type: `Z1A${index}`,
        definition: `Z1A${index}`,
        level: 1,
        mandatory: false,
        minOccurs: 0,
        maxOccurs: 1,
        qualified: false,
        fields: [],
        children: definition === undefined ? [] : [definition],
      };
    }
    const schema: IdocSchema = { basicType: 'ZT01', extension: '', segments: definition ? [definition] : [] };
    const text = flatFile('ZT01', [dataRecord('Z1A0', n6(1), '', '01')]);
    expect(thrown(() => parseIdoc(text, { schemas: [schema] }))).toMatchObject({
      code: 'INVALID_SCHEMA',
      segment: `Z1A${MAX_SEGMENT_DEPTH}`,
    });
  });
});
