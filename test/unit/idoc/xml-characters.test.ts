// The IDoc-XML reader and writer agree on what XML 1.0 allows (issue 9, item 23): characters
// outside its Char production (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; lone
// surrogates), raw or as character references, and names outside its Name production are
// refused by the reader, in parseIdoc and in parseIdocStream, as the writer refuses to write them.
import { IdocError } from 'millwright';
import { type Idoc, parseIdoc, parseIdocStream, writeIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const control =
  '<EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><IDOCTYP>ZNONE01</IDOCTYP><MESTYP>ZT</MESTYP></EDI_DC40>';
const wrap = (body: string, prolog = ''): string =>
  `${prolog}<ZNONE01><IDOC BEGIN="1">${control}${body}</IDOC></ZNONE01>`;
const field = (value: string): string => wrap(`<Z1A SEGMENT="1"><F>${value}</F></Z1A>`);

async function streamCode(text: string, size: number): Promise<string> {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  try {
    for await (const _idoc of parseIdocStream(pieces)) {
      // consume
    }
  } catch (error) {
    if (error instanceof IdocError) return error.code;
    throw error;
  }
  return 'no error';
}

const FORBIDDEN: readonly (readonly [string, string])[] = [
  ['NUL', '\u0000'],
  ['U+0001', '\u0001'],
  ['vertical tab', '\u000B'],
  ['form feed', '\u000C'],
  ['U+001F', '\u001F'],
  ['U+FFFE', '\uFFFE'],
  ['U+FFFF', '\uFFFF'],
  ['a lone high surrogate', '\uD83D'],
  ['a lone low surrogate', '\uDE00'],
  ['two high surrogates', '\uD83D\uD83D'],
];

describe('characters XML 1.0 does not allow', () => {
  it.each(FORBIDDEN)(
    'refuses %s in a field, an attribute, a comment and a name, as the stream does',
    async (_name, char) => {
      const documents = [
        field(`a${char}b`),
        wrap(`<Z1A SEGMENT="1${char}"/>`),
        wrap('', `<!-- ${char} -->`),
        wrap(`<Z1A${char} SEGMENT="1"/>`),
        wrap(`<Z1A SEGMENT="1"><![CDATA[${char}]]></Z1A>`),
      ];
      for (const text of documents) {
        const error = catchError(IdocError, () => parseIdoc(text));
        expect(error.code).toBe('INVALID_XML');
        expect(error.line).toBe(1);
        for (const size of [1, 3, 1024]) expect(await streamCode(text, size)).toBe('INVALID_XML');
      }
      const idoc: Idoc = {
        control: parseIdoc(field('x'))[0]?.control as Idoc['control'],
        segments: [{ name: 'Z1A', segnum: '', fields: { F: `a${char}b` }, children: [] }],
      };
      expect(() => writeIdoc(idoc, { format: 'xml' })).toThrow(IdocError);
    },
  );

  it.each(['&#0;', '&#x1;', '&#xB;', '&#xFFFE;', '&#xFFFF;', '&#xD800;', '&#56320;', '&#x110000;'])(
    'refuses the character reference %s',
    async (reference) => {
      const error = catchError(IdocError, () => parseIdoc(field(reference)));
      expect(error.code).toBe('INVALID_XML');
      expect(error.message).toContain(`the character reference ${reference}`);
      expect(error.message).toContain('a character XML 1.0 does not allow');
      expect(error.message).not.toContain('unknown entity');
      expect(await streamCode(field(reference), 2)).toBe('INVALID_XML');
    },
  );

  it('reads what the writer writes: tab, LF, CR, a surrogate pair and U+FFFD', () => {
    const value = 'a\tb\nc\rd\uD83D\uDE00e\uFFFDf';
    const idoc: Idoc = {
      control: parseIdoc(field('x'))[0]?.control as Idoc['control'],
      segments: [{ name: 'Z1A', segnum: '', fields: { F: value }, children: [] }],
    };
    expect(parseIdoc(writeIdoc(idoc, { format: 'xml' }))[0]?.segments[0]?.fields['F']).toBe(value);
    expect(parseIdoc(field('&#x1F600;&#9;'))[0]?.segments[0]?.fields['F']).toBe('\uD83D\uDE00\t');
  });

  it('accepts a surrogate pair split between two text chunks of a stream', async () => {
    const text = field('x\uD83D\uDE00y');
    const at = text.indexOf('\uDE00');
    const idocs: Idoc[] = [];
    for await (const idoc of parseIdocStream([text.slice(0, at), text.slice(at)])) idocs.push(idoc);
    expect(idocs[0]?.segments[0]?.fields['F']).toBe('x\uD83D\uDE00y');
  });
});

describe('names XML 1.0 does not allow', () => {
  it.each(['Z1A#B', 'Z1A%', 'Z1A(1)', 'Z1A/B', 'Z1A\u00D7'])(
    'the reader refuses the element name %s',
    (name) => {
      expect(catchError(IdocError, () => parseIdoc(wrap(`<${name} SEGMENT="1"/>`))).code).toBe('INVALID_XML');
    },
  );

  it('the writer refuses a segment or field name the reader would refuse, such as /ABC/E1SEG', () => {
    const control = parseIdoc(field('x'))[0]?.control as Idoc['control'];
    for (const [segment, fields] of [
      ['/ABC/E1SEG', {}],
      ['Z1A', { 'F#1': 'x' }],
    ] as const) {
      const idoc: Idoc = { control, segments: [{ name: segment, segnum: '', fields, children: [] }] };
      expect(catchError(IdocError, () => writeIdoc(idoc, { format: 'xml', schemas: [] })).code).toBe(
        'INVALID_XML',
      );
    }
  });

  it('reads and writes names with letters beyond ASCII, dots, hyphens and digits', () => {
    const text = wrap('<Z1Ä.B-2 SEGMENT="1"><FÉLD_1>x</FÉLD_1></Z1Ä.B-2>');
    const [idoc] = parseIdoc(text) as [Idoc];
    expect(idoc.segments[0]?.name).toBe('Z1Ä.B-2');
    expect(parseIdoc(writeIdoc(idoc, { format: 'xml' }))[0]?.segments[0]?.fields).toEqual({ FÉLD_1: 'x' });
  });
});
