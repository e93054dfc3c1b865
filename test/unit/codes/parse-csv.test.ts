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

  it('rejects malformed quoting with the line and column', () => {
    const after = failure(() => parseCsv('a,b\r\n"c"x,d'));
    expect(after.code).toBe('INVALID_CODE_MAP');
    expect(after.location).toBe('2:4');
    expect(failure(() => parseCsv('a,b"c')).location).toBe('1:4');
    expect(failure(() => parseCsv('a\r\n"never closed')).location).toBe('2:1');
  });

  it('writes what it reads: quotes where needed, CRLF, a lone empty field as ""', () => {
    const records = [['system', 'code'], ['a,b', 'say "hi"'], [''], ['line\nbreak', '']];
    const text = formatCsv(records);
    expect(text).toBe('system,code\r\n"a,b","say ""hi"""\r\n""\r\n"line\nbreak",\r\n');
    expect(fields(text)).toEqual(records);
  });
});
