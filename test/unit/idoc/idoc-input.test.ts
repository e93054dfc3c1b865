// What the public functions of millwright/idoc do with input of the wrong kind (null, numbers,
// plain objects) and with bytes where text is expected (issue 9, item 19): a typed error that
// says what was expected, never a TypeError; a Buffer or Uint8Array is read as the text it
// holds, decoded as the `encoding` option says.
import { IdocError, ValidationError } from 'millwright';
import { type Idoc, loadIdocSchema, parseIdoc, parseIdocStream, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixture, fixtureText, plain } from './fixtures.js';

async function collect(input: unknown, options?: unknown): Promise<Idoc[]> {
  const idocs: Idoc[] = [];
  for await (const idoc of parseIdocStream(input as Iterable<Uint8Array>, options as undefined))
    idocs.push(idoc);
  return idocs;
}

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

const WRONG = [null, undefined, 42, true, {}, [], Symbol('s'), () => 'text', new Date(0)] as const;

describe('parseIdoc given something that is not an IDoc file', () => {
  it.each(WRONG.map((value) => [String(typeof value === 'symbol' ? 'a symbol' : value), value]))(
    'refuses %s with IdocError INVALID_INPUT naming what it expects',
    (_name, value) => {
      const error = catchError(IdocError, () => parseIdoc(value as string));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/string, a Buffer or a Uint8Array/);
    },
  );

  it('reads a Uint8Array that is not a Buffer like the Buffer of the same bytes', () => {
    const bytes = fixture('loipro01.lf.idoc');
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(plain(parseIdoc(view))).toEqual(plain(parseIdoc(bytes)));
  });
});

describe('parseIdocStream given something that is not a stream', () => {
  // An empty array is an iterable of no chunks: an empty stream.
  it.each(
    WRONG.filter((value) => value !== undefined && !Array.isArray(value)).map((value) => [
      String(typeof value === 'symbol' ? 'a symbol' : value),
      value,
    ]),
  )('refuses %s with IdocError INVALID_INPUT at the first next()', async (_name, value) => {
    const error = await rejection(() => collect(value));
    expect(error).toBeInstanceOf(IdocError);
    expect((error as IdocError).code).toBe('INVALID_INPUT');
    expect((error as IdocError).message).toMatch(/stream|iterable/);
  });

  it('refuses undefined with INVALID_INPUT too', async () => {
    expect(await rejection(() => collect(undefined))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reads a whole file given as a Buffer, a Uint8Array or a string as one chunk', async () => {
    const bytes = fixture('loipro01.lf.idoc');
    const expected = plain(parseIdoc(bytes));
    expect(plain(await collect(bytes))).toEqual(expected);
    expect(plain(await collect(new Uint8Array(bytes)))).toEqual(expected);
    expect(plain(await collect(bytes.toString('utf8')))).toEqual(expected);
    const latin1 = fixture('matmas05.latin1.idoc');
    expect(plain(await collect(latin1, { encoding: 'latin1' }))).toEqual(
      plain(parseIdoc(latin1, { encoding: 'latin1' })),
    );
  });
});

describe('loadIdocSchema given something that is not a parser export', () => {
  it.each(WRONG.map((value) => [String(typeof value === 'symbol' ? 'a symbol' : value), value]))(
    'refuses %s with IdocError INVALID_SCHEMA naming what it expects',
    (_name, value) => {
      const error = catchError(IdocError, () => loadIdocSchema(value as string));
      expect(error.code).toBe('INVALID_SCHEMA');
      expect(error.message).toMatch(/string, a Buffer or a Uint8Array/);
    },
  );

  it('reads the export from a Buffer or a Uint8Array, decoded as UTF-8 or as options.encoding says', () => {
    const text = fixtureText('zmatmas05.parser.txt');
    const expected = loadIdocSchema(text);
    expect(loadIdocSchema(Buffer.from(text, 'utf8'))).toEqual(expected);
    expect(loadIdocSchema(new Uint8Array(Buffer.from(text, 'utf8')))).toEqual(expected);
    const withUmlaut = text.replace('Function', 'Funktionsschlüssel');
    const latin1 = Buffer.from(withUmlaut, 'latin1');
    expect(loadIdocSchema(latin1, { encoding: 'latin1' })).toEqual(loadIdocSchema(withUmlaut));
    const error = catchError(IdocError, () => loadIdocSchema(latin1));
    expect(error.code).toBe('INVALID_ENCODING');
    expect(error.message).toContain("encoding: 'latin1'");
  });

  it('refuses options that are not an object, or an unknown encoding, with a ValidationError', () => {
    const text = fixtureText('zmini01.parser.txt');
    expect(catchError(ValidationError, () => loadIdocSchema(text, null as never)).issues[0]?.path).toBe('');
    expect(
      catchError(ValidationError, () => loadIdocSchema(text, { encoding: 'ebcdic' as never })).issues[0]
        ?.path,
    ).toBe('/encoding');
  });
});

describe('options that are not an object', () => {
  const bytes = fixture('loipro01.lf.idoc');
  it.each([null, 42, 'flat', true])(
    'parseIdoc, parseIdocStream and writeIdoc refuse %s at the root',
    async (options) => {
      expect(catchError(ValidationError, () => parseIdoc(bytes, options as never)).issues[0]).toMatchObject({
        path: '',
        code: 'invalid_type',
      });
      expect(await rejection(() => collect([bytes], options))).toBeInstanceOf(ValidationError);
      const idocs = parseIdoc(bytes);
      expect(catchError(ValidationError, () => writeIdoc(idocs, options as never)).issues[0]).toMatchObject({
        path: '',
        code: 'invalid_type',
      });
    },
  );

  it('writeIdoc refuses unknown option values with their JSON Pointers', () => {
    const idocs = parseIdoc(bytes);
    const error = catchError(ValidationError, () =>
      writeIdoc(idocs, {
        format: 'json',
        framing: 'lines',
        lineEnding: '\r',
        recordLength: 'short',
        numbering: 'random',
        segmentNames: 'E3',
        schemas: 'LOIPRO01',
        indent: 2,
      } as never),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      '/format',
      '/framing',
      '/lineEnding',
      '/recordLength',
      '/numbering',
      '/segmentNames',
      '/schemas',
      '/indent',
    ]);
    expect(error.schema).toBe('WriteIdocOptions');
  });
});
