import { MappingError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../src/codes/parse-csv.js';
import { catchError } from '../../support/catch-error.js';

const fields = (text: string, delimiter?: ',' | ';' | '\t') =>
  parseCsv(text, delimiter === undefined ? {} : { delimiter }).map((record) => record.fields);

const failure = (run: () => unknown): MappingError => catchError(MappingError, run);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, escaped quotes and embedded line breaks', () => {
    expect(fields('system,code,text\r\nmes,A1,"say ""hi"", then\r\nleave"\r\n')).toEqual([
      ['system', 'code', 'text'],
      ['mes', 'A1', 'say "hi", then\r\nleave'],
    ]);
    expect(fields('a,"b\nc",d')).toEqual([['a', 'b\nc', 'd']]);
  });

  it('accepts CRLF, LF and CR line breaks, with or without a final one', () => {
    expect(fields('a,b\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty fields and reads an empty line as one empty field', () => {
    expect(fields(',,\r\n\r\nx')).toEqual([['', '', ''], [''], ['x']]);
    expect(fields('a,""')).toEqual([['a', '']]);
    expect(fields('')).toEqual([]);
  });

  it('skips a byte order mark, reads other delimiters and reports the line of each record', () => {
    expect(fields('\ufeffa;b\r\n"c;d";e', ';')).toEqual([
      ['a', 'b'],
      ['c;d', 'e'],
    ]);
    expect(fields('a\tb', '\t')).toEqual([['a', 'b']]);
    expect(parseCsv('a\r\n"b\r\nc"\r\nd').map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('rejects malformed quoting with the line and column, in one style', () => {
    const after = failure(() => parseCsv('a,b\r\n"c"x,d'));
    expect(after.code).toBe('INVALID_CODE_MAP');
    expect(after.location).toBe('2:4');
    expect(after.message).toBe('CSV line 2 column 4: text after a closing quote');
    expect(failure(() => parseCsv('a,b"c')).location).toBe('1:4');
    expect(failure(() => parseCsv('a\r\n"never closed')).location).toBe('2:1');
    expect(failure(() => parseCsv('a\r\n"never closed', {}, 'code map uom')).message).toBe(
      'code map uom line 2 column 1: a quote that is never closed',
    );
  });

  it('ignores whitespace around fields outside quotes, as around the header, and keeps it inside', () => {
    expect(fields(' a ,  " b " ,c \t\r\n\t x\u00a0,,"y"  ')).toEqual([
      ['a', ' b ', 'c'],
      ['x', '', 'y'],
    ]);
    expect(fields(' a \t b ', '\t')).toEqual([['a', 'b']]);
    expect(fields('a b , c  d')).toEqual([['a b', 'c  d']]);
    expect(failure(() => parseCsv('a, x "b"')).location).toBe('1:6');
  });

  it('gives the line and column where each field starts', () => {
    const [header, record] = parseCsv('a, b\r\n"x\ny",  z');
    expect(header?.positions).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 4 },
    ]);
    expect(record?.positions).toEqual([
      { line: 2, column: 1 },
      { line: 3, column: 6 },
    ]);
    expect(record?.end).toEqual({ line: 3, column: 7 });
  });

  it('refuses a field longer than maxFieldLength with its line and column, before reading it all', () => {
    const long = failure(() => parseCsv(`a,b\r\nc,${'x'.repeat(65_537)}`));
    expect(long).toMatchObject({ code: 'INVALID_CODE_MAP', location: '2:3' });
    expect(long.message).toBe('CSV line 2 column 3: a field longer than 65536 characters');
    expect(parseCsv(`a,${'x'.repeat(65_536)}`)[0]?.fields[1]).toHaveLength(65_536);
    expect(failure(() => parseCsv('a,"12345\n678"', { maxFieldLength: 8 })).location).toBe('1:3');
    expect(parseCsv('a,"1234""5678"', { maxFieldLength: 9 })[0]?.fields).toEqual(['a', '1234"5678']);
    expect(parseCsv('abc', { maxFieldLength: 3 })[0]?.fields).toEqual(['abc']);
    for (const maxFieldLength of [0, -1, 1.5, '10', Number.NaN]) {
      expect(failure(() => parseCsv('a', { maxFieldLength: maxFieldLength as never })).code).toBe(
        'INVALID_CODE_MAP',
      );
    }
  });

  it('reads a large field as one piece', () => {
    const big = 'x'.repeat(1_000_000);
    const [record] = parseCsv(`a,"${big}""y",z`, { maxFieldLength: 2_000_000 });
    expect(record?.fields).toEqual(['a', `${big}"y`, 'z']);
  });

  it('writes what it reads: quotes where needed, CRLF, a lone empty field as ""', () => {
    const records = [
      ['system', 'code'],
      ['a,b', 'say "hi"'],
      [''],
      ['line\nbreak', ''],
      [' lead', 'trail\t'],
    ];
    const text = formatCsv(records);
    expect(text).toBe('system,code\r\n"a,b","say ""hi"""\r\n""\r\n"line\nbreak",\r\n" lead","trail\t"\r\n');
    expect(fields(text)).toEqual(records);
  });
});
