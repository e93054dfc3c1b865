// Hostile streams: long blank starts and gaps, IDoc-XML whose markup hides "<IDOC" or "</IDOC>",
// mixed line endings, characters split between chunks, and chunks that are not bytes or text.
// parseIdocStream must read each exactly as parseIdoc reads the whole input, in memory that does
// not grow with the blank text, and refuse what it cannot read with an IdocError.
import { Readable } from 'node:stream';
import { IdocError, ValidationError } from 'millwright';
import { type Idoc, parseIdoc, parseIdocStream } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixture, fixtureText, plain } from './fixtures.js';

type Chunk = Uint8Array | string;

async function collect(input: AsyncIterable<Chunk> | Iterable<Chunk>): Promise<Idoc[]> {
  const idocs: Idoc[] = [];
  for await (const idoc of parseIdocStream(input)) idocs.push(idoc);
  return idocs;
}

async function streamError(input: AsyncIterable<Chunk> | Iterable<Chunk>): Promise<IdocError> {
  const error = await collect(input).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof IdocError) return error;
  throw new Error(`expected an IdocError, got ${String(error)}`);
}

function pieces(bytes: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) parts.push(bytes.subarray(start, start + size));
  return parts;
}

/** What a reader made of an input: the IDocs as plain data, or the code of its IdocError. */
type Outcome = { idocs: unknown } | { code: string };

function outcomeOf(read: () => Idoc[]): Outcome {
  try {
    return { idocs: plain(read()) };
  } catch (error) {
    if (error instanceof IdocError) return { code: error.code };
    throw error;
  }
}

async function streamOutcome(input: Chunk[]): Promise<Outcome> {
  try {
    return { idocs: plain(await collect(input)) };
  } catch (error) {
    if (error instanceof IdocError) return { code: error.code };
    throw error;
  }
}

const DOCNUM = '0000000000000001';
const pad = (value: string, length: number): string => value.padEnd(length, ' ').slice(0, length);

function controlRecord(): string {
  return pad(`${pad('EDI_DC40', 10)}100${DOCNUM}${pad('758', 4)}3012  ${pad('ZNONE01', 30)}`, 524);
}

function dataRecord(segnam: string, segnum: string, sdata = ''): string {
  return `${pad(segnam, 30)}100${DOCNUM}${pad(segnum, 6)}${pad('', 8)}${sdata}`;
}

describe('parseIdocStream with a long blank start', () => {
  it('passes blank text on as it arrives instead of holding it until a non-blank character', async () => {
    // A mixed line ending right at the start, then nothing but line breaks: the stream must stop
    // after about 1024 characters (where parseIdoc decides the format), not gather them all.
    let pulled = 0;
    function* source(): Generator<string> {
      yield '\r\n';
      for (pulled = 1; pulled < 4000; pulled += 1) yield '\n'.repeat(512);
    }
    const error = await streamError(source());
    expect(error).toMatchObject({ code: 'INVALID_RECORD', offset: 2, line: 2 });
    expect(pulled).toBeLessThan(5);
  });

  it('reads a flat file after megabytes of blank lines', async () => {
    const file = fixture('loipro01.lf.idoc');
    const blank = Buffer.alloc(64 * 1024, 0x0a);
    const chunks = [...Array.from({ length: 64 }, () => blank), ...pieces(file, 4096)];
    expect(plain(await collect(chunks))).toEqual(plain(parseIdoc(Buffer.concat(chunks))));
  });

  it.each([
    ['line breaks only', '\n\n\n'],
    ['CRLF line breaks only', '\r\n\r\n'],
    ['LF then CRLF, blank', '\n\r\n'],
    ['CRLF then LF, blank', '\r\n\n'],
    ['blanks and tabs', ' \t \n'],
    ['1100 blanks before IDoc-XML', `${' '.repeat(1100)}<WMMBID02/>`],
  ])('gives what parseIdoc gives for %s', async (_label, text) => {
    const expected = outcomeOf(() => parseIdoc(text));
    expect(await streamOutcome([text])).toEqual(expected);
    expect(await streamOutcome([...text])).toEqual(expected);
  });
});

const CONTROL =
  '<EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><DOCNUM>1</DOCNUM><IDOCTYP>WMMBID02</IDOCTYP><MESTYP>WMMBXY</MESTYP></EDI_DC40>';
const IDOC = `<IDOC BEGIN="1">${CONTROL}</IDOC>`;
const HEADER = (text: string): string => `<E1MBXYH SEGMENT="1"><BKTXT>${text}</BKTXT></E1MBXYH>`;

/** IDoc-XML documents, well-formed or not, whose markup a literal search for IDOC tags misreads. */
const XML_DOCUMENTS: readonly (readonly [string, string])[] = [
  [
    'CDATA holding </IDOC>',
    `<WMMBID02><IDOC BEGIN="1">${CONTROL}${HEADER('<![CDATA[a</IDOC>b]]>')}</IDOC></WMMBID02>`,
  ],
  [
    'comment holding </IDOC> in an IDOC',
    `<WMMBID02><IDOC BEGIN="1">${CONTROL}<!-- </IDOC> --></IDOC></WMMBID02>`,
  ],
  ['comment holding <IDOC> between IDOCs', `<WMMBID02><!-- <IDOC> -->${IDOC}</WMMBID02>`],
  ['comment holding </WMMBID02>', `<WMMBID02>${IDOC}<!-- </WMMBID02> -->${IDOC}</WMMBID02>`],
  ['PI holding <IDOC>', `<WMMBID02><?pi <IDOC> ?>${IDOC}</WMMBID02>`],
  [
    'xml-stylesheet PI before the root',
    `<?xml version="1.0"?><?xml-stylesheet href="a"?><WMMBID02>${IDOC}</WMMBID02>`,
  ],
  ['long comment before the root', `<!--${' x'.repeat(5000)} --><WMMBID02>${IDOC}</WMMBID02>`],
  [
    'attribute value holding ">"',
    `<WMMBID02 NOTE="a>b">${IDOC.replace('BEGIN="1"', 'BEGIN="1>"')}</WMMBID02>`,
  ],
  [
    'nested element named IDOC',
    `<WMMBID02><IDOC BEGIN="1">${CONTROL}<E1MBXYH SEGMENT="1"><IDOC>x</IDOC></E1MBXYH></IDOC></WMMBID02>`,
  ],
  ['self-closing root', '<?xml version="1.0"?><WMMBID02/>'],
  ['comment after the root', `<WMMBID02>${IDOC}</WMMBID02><!-- end -->\n`],
  ['end tag with blanks', `<WMMBID02>${IDOC}</WMMBID02 >`],
  ['IDOC after the root end tag', `<WMMBID02>${IDOC}</WMMBID02>${IDOC}</WMMBID02>`],
  ['junk after the root end tag', `<WMMBID02>${IDOC}</WMMBID02> junk ${IDOC}</WMMBID02>`],
  ['CDATA after the root', `<WMMBID02>${IDOC}</WMMBID02><![CDATA[x]]>`],
  ['text between IDOCs', `<WMMBID02>${IDOC} x ${IDOC}</WMMBID02>`],
  [
    'text between IDOCs, then an IDOC without control record',
    `<WMMBID02>x<IDOC BEGIN="1"></IDOC></WMMBID02>`,
  ],
  ['CDATA between IDOCs', `<WMMBID02>${IDOC}<![CDATA[ ]]>${IDOC}</WMMBID02>`],
  ['reference to a blank before the first IDOC', `<WMMBID02>&#32;${IDOC}</WMMBID02>`],
  ['reference to a blank after an IDOC', `<WMMBID02>${IDOC}&#32;</WMMBID02>`],
  ['bare & before the first IDOC', `<WMMBID02>&amp ${IDOC}</WMMBID02>`],
  ['"]]>" before the first IDOC', `<WMMBID02>]]>${IDOC}</WMMBID02>`],
  ['element other than IDOC', `<WMMBID02>${IDOC}<E1MBXYH/></WMMBID02>`],
  ['IDOCX element', `<WMMBID02><IDOCX/></WMMBID02>`],
  ['"--" in a comment', `<WMMBID02><!-- a -- b -->${IDOC}</WMMBID02>`],
  ['comment ending in "--->"', `<WMMBID02><!-- a --->${IDOC}</WMMBID02>`],
  ['XML declaration after white space', ` <?xml version="1.0"?><WMMBID02>${IDOC}</WMMBID02>`],
  ['XML declaration after the BOM', `\uFEFF<?xml version="1.0"?><WMMBID02>${IDOC}</WMMBID02>`],
  ['DOCTYPE in a comment', `<!-- <!DOCTYPE x> --><WMMBID02>${IDOC}</WMMBID02>`],
  ['DOCTYPE', `<!DOCTYPE WMMBID02><WMMBID02>${IDOC}</WMMBID02>`],
  ['unquoted root attribute', `<WMMBID02 A=1>${IDOC}</WMMBID02>`],
  ['unknown entity in a root attribute', `<WMMBID02 A="&x;">${IDOC}</WMMBID02>`],
  ['wrong root end tag', `<WMMBID02>${IDOC}</WMMBID03>`],
  ['unclosed comment', `<WMMBID02>${IDOC}<!-- </WMMBID02>`],
  ['no root end tag', `<WMMBID02>${IDOC}`],
  ['"<" in an attribute value', `<WMMBID02><IDOC BEGIN="<">${CONTROL}</IDOC></WMMBID02>`],
];

describe('parseIdocStream on IDoc-XML', () => {
  it.each(XML_DOCUMENTS)('reads "%s" as parseIdoc does, in any chunks', async (_label, xml) => {
    const expected = outcomeOf(() => parseIdoc(xml));
    const bytes = Buffer.from(xml, 'utf8');
    for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) {
      expect(await streamOutcome(pieces(bytes, size))).toEqual(expected);
    }
  });

  it('keeps no white space between IDOC elements', async () => {
    // Text between elements is checked and dropped as it arrives: a gap far beyond the largest
    // IDOC accepted is no IDOC too large.
    const chunks = [
      `<WMMBID02>${IDOC}`,
      ...Array.from({ length: 64 }, () => ' '.repeat(1024)),
      `${IDOC}</WMMBID02>`,
    ];
    const idocs: Idoc[] = [];
    for await (const idoc of parseIdocStream(chunks, { maxIdocLength: 1000 })) idocs.push(idoc);
    expect(idocs).toHaveLength(2);
  });

  it('reads the IDoc-XML fixtures in chunks of every small size', async () => {
    const bytes = fixture('wmmbid02.xml');
    const expected = plain(parseIdoc(bytes));
    for (let size = 1; size <= 12; size += 1)
      expect(plain(await collect(pieces(bytes, size)))).toEqual(expected);
  });
});

describe('mixed line endings', () => {
  const trimmed = fixtureText('loipro01.trimmed.idoc').split('\n');
  const lfThenCrlf = `${trimmed[0]}\n${trimmed.slice(1, -1).join('\r\n')}\r\n`;
  const lf = fixtureText('loipro01.lf.idoc').split('\n');
  const crlfThenLf = `${lf[0]}\r\n${lf.slice(1, -1).join('\n')}\n`;

  it.each([
    ['LF, then CRLF', lfThenCrlf, `${trimmed[0]}\n`],
    ['CRLF, then LF', crlfThenLf, `${lf[0]}\r\n`],
  ])('%s is an INVALID_RECORD naming the line, in parseIdoc and parseIdocStream', async (_l, text, first) => {
    const where = { code: 'INVALID_RECORD', line: 2, offset: Buffer.byteLength(first ?? '') };
    expect(catchError(IdocError, () => parseIdoc(text))).toMatchObject(where);
    expect(catchError(IdocError, () => parseIdoc(text, { framing: 'newline' }))).toMatchObject(where);
    for (const size of [1, 2, 100, 4096]) {
      expect(await streamError(pieces(Buffer.from(text), size))).toMatchObject(where);
    }
  });

  it('refuses a CR at the end of the last line of an LF file', () => {
    const text = `${lf.slice(0, -1).join('\n')}\r`;
    expect(catchError(IdocError, () => parseIdoc(text))).toMatchObject({ code: 'INVALID_RECORD' });
  });

  it('finds no mixed line ending where a chunk ends between CR and LF', async () => {
    const bytes = fixture('loipro01.crlf.idoc');
    const expected = plain(parseIdoc(bytes));
    let at = bytes.indexOf('\r\n');
    const cuts: number[] = [];
    for (; at >= 0; at = bytes.indexOf('\r\n', at + 2)) cuts.push(at + 1);
    const chunks = cuts.map((cut, index) => bytes.subarray(cuts[index - 1] ?? 0, cut));
    chunks.push(bytes.subarray(cuts[cuts.length - 1] ?? 0));
    expect(plain(await collect(chunks))).toEqual(expected);
  });

  it('reads a CRLF file with newline framing given without putting CR in values', () => {
    const bytes = fixture('loipro01.crlf.idoc');
    expect(plain(parseIdoc(bytes, { framing: 'newline' }))).toEqual(plain(parseIdoc(bytes)));
  });
});

describe('byte offsets across chunks', () => {
  it('counts a UTF-8 character split between two chunks in full', async () => {
    const text = `${[controlRecord(), dataRecord('Z1A', '000001', 'é'), dataRecord('Z1B', '00000X')].join('\n')}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const offset = bytes.indexOf('Z1B');
    expect(catchError(IdocError, () => parseIdoc(bytes))).toMatchObject({ code: 'INVALID_NUMBER', offset });
    const cut = bytes.indexOf(Buffer.from('é')) + 1;
    for (const chunks of [
      [bytes.subarray(0, cut), bytes.subarray(cut)],
      [bytes.subarray(0, cut), bytes.subarray(cut, cut + 5), bytes.subarray(cut + 5)],
      pieces(bytes, 1),
    ]) {
      expect(await streamError(chunks)).toMatchObject({ code: 'INVALID_NUMBER', offset });
    }
  });
});

describe('chunks that are neither bytes nor text', () => {
  const lf = fixture('loipro01.lf.idoc');

  it.each([
    ['a DataView', new DataView(lf.buffer, lf.byteOffset, 16)],
    ['null', null],
    ['a number', 42],
    ['an object', { a: 1 }],
    ['a Uint16Array', new Uint16Array([0x4445])],
  ])('refuses %s with INVALID_ENCODING and its byte offset', async (_label, chunk) => {
    const chunks = [lf.subarray(0, 10), chunk] as unknown as Chunk[];
    expect(await streamError(chunks)).toMatchObject({ code: 'INVALID_ENCODING', offset: 10 });
  });

  it('refuses the objects of an object-mode stream', async () => {
    const input = Readable.from([{ a: 1 }]) as unknown as AsyncIterable<Chunk>;
    expect(await streamError(input)).toMatchObject({ code: 'INVALID_ENCODING', offset: 0 });
  });

  it('refuses text that arrives between the two halves of a UTF-8 character', async () => {
    const bytes = Buffer.from(`${[controlRecord(), dataRecord('Z1A', '000001', 'aé')].join('\n')}\n`);
    const cut = bytes.indexOf(Buffer.from('é')) + 1;
    const error = await streamError([bytes.subarray(0, cut), 'XY', bytes.subarray(cut)]);
    expect(error).toMatchObject({ code: 'INVALID_ENCODING', offset: cut - 1 });
  });

  it('still reads text chunks between whole characters', async () => {
    const text = `${[controlRecord(), dataRecord('Z1A', '000001', 'aé')].join('\n')}\n`;
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('é')) + 2;
    const idocs = await collect([bytes.subarray(0, cut), text.slice(cut - 1)]);
    expect(plain(idocs)).toEqual(plain(parseIdoc(text)));
  });
});

describe('parseIdocStream and parseIdoc agree (second review)', () => {
  it('give every IDoc of a fixed-length file ending in CRLF the same line ending', async () => {
    const lf = fixtureText('loipro01.lf.idoc');
    const input = Buffer.from(`${lf.split('\n').join('')}\r\n`);
    const whole = parseIdoc(input);
    expect(whole.length).toBeGreaterThan(1);
    for (const size of [64, 4096]) {
      const streamed = await collect(pieces(input, size));
      expect(streamed.map((idoc) => idoc.flat?.lineEnding)).toEqual(
        whole.map((idoc) => idoc.flat?.lineEnding),
      );
      expect(plain(streamed)).toEqual(plain(whole));
    }
  });

  it('refuse IDoc-XML nested deeper than 99 segments, as flat files are', async () => {
    const nested = (depth: number): string =>
      `<?xml version="1.0"?><ZNONE01>${IDOC.replace('</IDOC>', `${'<Z1X SEGMENT="1">'.repeat(depth)}${'</Z1X>'.repeat(depth)}</IDOC>`)}</ZNONE01>`;
    expect(parseIdoc(nested(99))[0]?.segments).toHaveLength(1);
    expect(catchError(IdocError, () => parseIdoc(nested(100))).code).toBe('BAD_HIERARCHY');
    expect((await streamError(pieces(Buffer.from(nested(100)), 7))).code).toBe('BAD_HIERARCHY');
  });

  it('find a line far too long in one-character pieces as parseIdoc does', async () => {
    const text = `${controlRecord()}\n${dataRecord('E1ZNONE', '000001')}${'x'.repeat(70_000)}`;
    const expected = catchError(IdocError, () => parseIdoc(text));
    const streamed = await streamError(text.split(''));
    expect(streamed.code).toBe(expected.code);
    expect(streamed.code).toBe('BAD_RECORD_LENGTH');
  });
});

describe('invalid reader options', () => {
  it('are a ValidationError naming each option, never a TypeError or a silently lifted limit', async () => {
    const paths = (action: () => unknown): string[] =>
      catchError(ValidationError, action).issues.map((issue) => issue.path);
    const text = controlRecord();
    expect(paths(() => parseIdoc(text, { encoding: 'cp1252' as never, format: 'csv' as never }))).toEqual([
      '/encoding',
      '/format',
    ]);
    expect(paths(() => parseIdoc(text, { framing: 'lines' as never }))).toEqual(['/framing']);
    expect(paths(() => parseIdoc(text, { schemas: 'LOIPRO01' as never }))).toEqual(['/schemas']);
    expect(paths(() => parseIdoc(text, { schemas: [null as never] }))).toEqual(['/schemas/0']);
    for (const maxIdocLength of [Number.NaN, 0, -1, 1.5, '10' as never]) {
      const iterator = parseIdocStream([text], { maxIdocLength })[Symbol.asyncIterator]();
      const error = await iterator.next().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe('/maxIdocLength');
    }
  });
});
