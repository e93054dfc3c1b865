// A hand-written WE60/WE63 parser export that is wrong gets an error that says what was expected
// at that line (issue 9, item 14): the keyword, the form of its value, an example. LEVEL must agree
// with where a segment stands: outside a group a segment is top-level (LEVEL 01 or 02, as
// E2EDK01005 and E2EDK14 in SAP's ORDERS05 export); only a group gives a segment children, one
// level below the group's. The sample export in the README is read by loadIdocSchema.
import { readFileSync } from 'node:fs';
import { IdocError } from 'millwright';
import { loadIdocSchema, parseIdoc, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { outline } from './fixtures.js';

const error = (text: string): IdocError => catchError(IdocError, () => loadIdocSchema(text));

/** A segment block with the given LEVEL and one 4-character field. */
const segment = (name: string, level: string, fields = 'NAME F\nLENGTH 000004'): string =>
  `BEGIN_SEGMENT ${name}\nSEGMENTTYPE ${name.replace(/^Z2/, 'Z1')}\nLEVEL ${level}\nBEGIN_FIELDS\n${fields}\nEND_FIELDS\nEND_SEGMENT\n`;
const group = (level: string, body: string): string => `BEGIN_GROUP 1\nLEVEL ${level}\n${body}END_GROUP\n`;
const idoc = (body: string): string =>
  `BEGIN_SEGMENT_SECTION\nBEGIN_IDOC ZT01\n${body}END_IDOC\nEND_SEGMENT_SECTION\n`;

describe('loadIdocSchema errors say what was expected', () => {
  it.each([
    ['an empty text', '', undefined, /BEGIN_SEGMENT_SECTION.*BEGIN_IDOC/],
    [
      'text before the first section',
      'HELLO\n',
      1,
      /expected BEGIN_RECORD_SECTION or BEGIN_SEGMENT_SECTION, found "HELLO"/,
    ],
    [
      'a section without BEGIN_IDOC',
      'BEGIN_SEGMENT_SECTION\nBEGIN_SEGMENT Z2A\n',
      2,
      /expected "BEGIN_IDOC <basic type>".*found "BEGIN_SEGMENT"/,
    ],
    [
      'BEGIN_IDOC without a type',
      'BEGIN_SEGMENT_SECTION\nBEGIN_IDOC\n',
      2,
      /expected "BEGIN_IDOC <basic type>"/,
    ],
    [
      'a text that ends inside BEGIN_IDOC',
      'BEGIN_SEGMENT_SECTION\nBEGIN_IDOC ZT01\n',
      3,
      /line 3: the text ends inside BEGIN_IDOC ZT01 \(line 2\): expected END_IDOC/,
    ],
    ['an IDoc type without segments', idoc(''), 2, /expected BEGIN_SEGMENT or BEGIN_GROUP/],
    [
      'a stray keyword between segments',
      idoc('LEVEL 01\n'),
      3,
      /expected BEGIN_SEGMENT, BEGIN_GROUP, EXTENSION or END_IDOC, found "LEVEL"/,
    ],
    [
      'BEGIN_SEGMENT without a name',
      idoc('BEGIN_SEGMENT\nEND_SEGMENT\n'),
      3,
      /expected "BEGIN_SEGMENT <segment definition>", e\.g\. "BEGIN_SEGMENT Z2MYSEG000"/,
    ],
    [
      'an unknown keyword in a segment',
      idoc('BEGIN_SEGMENT Z2A\nLEVLE 01\nEND_SEGMENT\n'),
      4,
      /expected SEGMENTTYPE, QUALIFIED, LEVEL, STATUS, LOOPMIN, LOOPMAX, BEGIN_FIELDS or END_SEGMENT in segment Z2A, found "LEVLE"/,
    ],
    [
      'a LEVEL that is no number',
      idoc(segment('Z2A', 'one')),
      5,
      /LEVEL.*expected a number of up to 10 digits.*"LEVEL 02".*found "one"/,
    ],
    [
      'a STATUS that is neither',
      idoc('BEGIN_SEGMENT Z2A\nSTATUS MUST\nEND_SEGMENT\n'),
      4,
      /expected STATUS MANDATORY or STATUS OPTIONAL, found "MUST"/,
    ],
    [
      'a field block without NAME',
      idoc(segment('Z2A', '01', 'LENGTH 000004')),
      7,
      /each field starts with "NAME <field name>", found "LENGTH"/,
    ],
    [
      'a field without LENGTH',
      idoc(segment('Z2A', '01', 'NAME F')),
      7,
      /field F.*expected a line "LENGTH <characters>"/,
    ],
    [
      'an unknown keyword in a field',
      idoc(segment('Z2A', '01', 'NAME F\nLENGHT 4')),
      8,
      /expected TEXT, TYPE, LENGTH.*END_FIELDS in field F, found "LENGHT"/,
    ],
    [
      'BEGIN_FIELDS without fields',
      idoc(segment('Z2A', '01', '')),
      6,
      /expected at least one "NAME <field name>" block before END_FIELDS/,
    ],
    [
      'a field name with a blank',
      idoc(segment('Z2A', '01', 'NAME F 1\nLENGTH 1')),
      7,
      /expected letters, digits, "_" or "\/"/,
    ],
    [
      'a group that starts with a group',
      idoc('BEGIN_GROUP 1\nLEVEL 02\nBEGIN_GROUP 2\n'),
      5,
      /expected BEGIN_SEGMENT \(the group's head segment\)/,
    ],
    [
      'an unknown keyword in a group',
      idoc(`BEGIN_GROUP 1\nLEVEL 02\n${segment('Z2A', '02')}SEGMENTTYPE Z1A\n`),
      13,
      /expected BEGIN_SEGMENT, BEGIN_GROUP, LEVEL, STATUS, LOOPMIN, LOOPMAX or END_GROUP, found "SEGMENTTYPE"/,
    ],
    [
      'a second segment section',
      `${idoc(segment('Z2A', '01'))}BEGIN_SEGMENT_SECTION\n`,
      13,
      /one IDoc type.*expected nothing after END_SEGMENT_SECTION/,
    ],
  ])('%s', (_name, text, line, message) => {
    const caught = error(text);
    expect(caught.code).toBe('INVALID_SCHEMA');
    expect(caught.line).toBe(line);
    expect(caught.message).toMatch(message);
  });
});

describe('LEVEL and where a segment stands', () => {
  it('keeps segments at LEVEL 01 and 02 outside any group at the top, as SAP exports ORDERS05', () => {
    const schema = loadIdocSchema(
      idoc(
        `${segment('Z2K01', '01')}${segment('Z2K14', '02')}${group('02', segment('Z2KA1', '02') + segment('Z2KA3', '03'))}`,
      ),
    );
    expect(schema.segments.map((definition) => [definition.type, definition.level])).toEqual([
      ['Z1K01', 1],
      ['Z1K14', 2],
      ['Z1KA1', 2],
    ]);
    expect(schema.segments[2]?.children.map((definition) => [definition.type, definition.level])).toEqual([
      ['Z1KA3', 3],
    ]);
  });

  it.each(['03', '04'])(
    'refuses a segment at LEVEL %s outside any group, with its line, instead of flattening it',
    (level) => {
      const caught = error(idoc(`${segment('Z2A', '01')}${segment('Z2B', '02')}${segment('Z2C', level)}`));
      expect(caught).toMatchObject({ code: 'INVALID_SCHEMA', line: 21, segment: 'Z2C' });
      expect(caught.message).toMatch(
        new RegExp(`LEVEL ${level} .*outside any group.*LEVEL 01 or 02.*BEGIN_GROUP`),
      );
    },
  );

  it("refuses a group member one level too deep, a head whose LEVEL is not the group's, and a group too deep", () => {
    const tooDeep = error(idoc(group('02', segment('Z2A', '02') + segment('Z2B', '04'))));
    expect(tooDeep).toMatchObject({ code: 'INVALID_SCHEMA', segment: 'Z2B', line: 15 });
    expect(tooDeep.message).toMatch(/LEVEL 04; as a member of group 1 at LEVEL 02.*expected LEVEL 03/);
    const head = error(idoc(group('02', segment('Z2A', '03'))));
    expect(head).toMatchObject({ segment: 'Z2A', line: 7 });
    expect(head.message).toMatch(/head.*expected LEVEL 02/);
    const nested = error(idoc(group('02', segment('Z2A', '02') + group('02', segment('Z2B', '02')))));
    expect(nested.line).toBe(14);
    expect(nested.message).toMatch(/group 1 .*LEVEL 02.*expected LEVEL 03/);
    const topGroup = error(idoc(group('03', segment('Z2A', '03'))));
    expect(topGroup.line).toBe(4);
  });
});

describe('the sample export in the README', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const sample = /```text\n(BEGIN_SEGMENT_SECTION\n[\s\S]*?END_SEGMENT_SECTION\n)```/.exec(readme)?.[1];

  it('is read by loadIdocSchema, and reads and writes a flat IDoc with its Z-segments', () => {
    expect(sample).toBeDefined();
    const schema = loadIdocSchema(sample as string);
    expect(schema.basicType).toBe('ZPLANT01');
    const file = [
      `${'EDI_DC40'.padEnd(10)}100${'1'.padStart(16, '0')}758 3012  ${'ZPLANT01'.padEnd(30)}`,
      `${'Z2PLHDR000'.padEnd(30)}100${'1'.padStart(16, '0')}00000100000001DE01A1`,
      `${'Z2PLORD000'.padEnd(30)}100${'1'.padStart(16, '0')}00000200000002000001004711120.000`,
      `${'Z2PLSTA000'.padEnd(30)}100${'1'.padStart(16, '0')}00000300000203I0002`,
    ].join('\n');
    const [parsed] = parseIdoc(`${file}\n`, { schemas: [schema] });
    expect(parsed?.warnings).toBeUndefined();
    expect(outline(parsed?.segments ?? [])).toEqual(['Z1PLHDR', 'Z1PLORD', '  Z1PLSTA']);
    expect(parsed?.segments[1]?.fields).toEqual({ AUFNR: '000001004711', GAMNG: '120.000' });
    expect(writeIdoc(parsed ?? [])).toBe(`${file}\n`);
  });
});
