import { readdirSync, readFileSync } from 'node:fs';
import { IdocError } from 'millwright';
import { builtinIdocSchemas, loadIdocSchema } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { fixtureText } from './fixtures.js';

function errorOf(text: string): IdocError {
  try {
    loadIdocSchema(text);
  } catch (error) {
    expect(error).toBeInstanceOf(IdocError);
    return error as IdocError;
  }
  throw new Error('expected an IdocError');
}

const segment = (fields: string, extra = ''): string => `BEGIN_SEGMENT_SECTION
  BEGIN_IDOC          ZT01
    BEGIN_SEGMENT       E2ZT
      SEGMENTTYPE         E1ZT
      LEVEL               01
      STATUS              OPTIONAL
      LOOPMIN             0000000001
      LOOPMAX             0000000005${extra}
      BEGIN_FIELDS
${fields}
      END_FIELDS
    END_SEGMENT
  END_IDOC
END_SEGMENT_SECTION
`;

describe('loadIdocSchema', () => {
  it('folds WE60 groups into their head segment', () => {
    const schema = loadIdocSchema(fixtureText('zmini01.parser.txt'));
    expect(schema.basicType).toBe('ZMINI01');
    expect(
      schema.segments.map((definition) => [definition.type, definition.level, definition.maxOccurs]),
    ).toEqual([
      ['E1ZHDR', 1, 1],
      ['E1ZORG', 2, 9],
      ['E1ZITM', 2, 9999],
    ]);
    const item = schema.segments[2];
    expect(item?.children.map((child) => child.type)).toEqual(['E1ZSCH']);
    expect(item?.fields.map((field) => [field.name, field.offset, field.length])).toEqual([
      ['POSNR', 0, 6],
      ['MATNR', 6, 18],
    ]);
    expect(schema.segments[1]?.qualified).toBe(true);
  });

  it('reads extensions and their Z segments', () => {
    const schema = loadIdocSchema(fixtureText('zmatmas05.parser.txt'));
    expect(schema.extension).toBe('ZMATMAS05');
    expect(schema.segments[0]?.children.some((child) => child.type === 'Z1MARA_PLM')).toBe(true);
  });

  it('accepts BYTE_FIRST positions, positions left out, VALUE lines, CRLF and a record section', () => {
    const fields = `        NAME                A
        TEXT                First
        TYPE                CHARACTER
        LENGTH              000002
        BYTE_FIRST          000064
        BYTE_LAST           000065
        VALUE               'X'
        VALUE_TEXT          Something

        NAME                B
        LENGTH              000003`;
    const text = `BEGIN_RECORD_SECTION\r\n  BEGIN_CONTROL_RECORD\r\n    BEGIN_FIELDS\r\n      NAME TABNAM\r\n      LENGTH 000010\r\n    END_FIELDS\r\n  END_CONTROL_RECORD\r\nEND_RECORD_SECTION\r\n${segment(fields).replaceAll('\n', '\r\n')}`;
    expect(
      loadIdocSchema(text).segments[0]?.fields.map((field) => [field.name, field.offset, field.length]),
    ).toEqual([
      ['A', 0, 2],
      ['B', 2, 3],
    ]);
  });

  it.each([
    ['no segment section', 'hello', undefined],
    ['text outside a section', 'BEGIN_IDOC X', 1],
    ['a missing END', 'BEGIN_SEGMENT_SECTION\n  BEGIN_IDOC ZT01\n', 3],
    ['a bad number', segment('        NAME A\n        LENGTH 0x10'), 11],
    ['a field without LENGTH', segment('        NAME A'), 10],
    [
      'overlapping fields',
      segment(
        '        NAME A\n        LENGTH 000005\n        CHARACTER_FIRST 000064\n        NAME B\n        LENGTH 000002\n        CHARACTER_FIRST 000066',
      ),
      13,
    ],
    [
      'a field past 1000 characters',
      segment('        NAME A\n        LENGTH 000999\n        CHARACTER_FIRST 000070'),
      10,
    ],
    ['a __proto__ field', segment('        NAME __proto__\n        LENGTH 000001'), 10],
    [
      'a duplicate field',
      segment('        NAME A\n        LENGTH 000001\n        NAME A\n        LENGTH 000001'),
      12,
    ],
    ['a bad STATUS', segment('        NAME A\n        LENGTH 000001', '\n      STATUS MAYBE'), 9],
    [
      'a group without head segment',
      'BEGIN_SEGMENT_SECTION\n BEGIN_IDOC Z\n  BEGIN_GROUP 1\n  END_GROUP\n END_IDOC\nEND_SEGMENT_SECTION',
      3,
    ],
  ])('rejects %s with INVALID_SCHEMA and the line', (_name, text, line) => {
    const error = errorOf(text);
    expect(error.code).toBe('INVALID_SCHEMA');
    if (line !== undefined) expect(error.line).toBe(line);
  });

  it('generated built-in schemas match the parser texts under data/idoc', () => {
    const directory = new URL('../../../data/idoc/', import.meta.url);
    const loaded = readdirSync(directory)
      .filter((file) => file.endsWith('.parser.txt'))
      .sort()
      .map((file) => loadIdocSchema(readFileSync(new URL(file, directory), 'latin1')));
    expect(builtinIdocSchemas).toEqual(loaded);
    expect(builtinIdocSchemas.map((schema) => schema.basicType)).toEqual([
      'BOMMAT04',
      'LOIPRO01',
      'MATMAS05',
      'MBGMCR03',
      'PPCC2PRETTICKET01',
      'WMMBID02',
    ]);
    expect(Object.isFrozen(builtinIdocSchemas[0]?.segments[0])).toBe(true);
  });
});
