import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { IdocError, MillwrightError } from 'millwright';
import {
  builtinIdocSchemas,
  type Idoc,
  type IdocControl,
  type IdocSchema,
  type IdocSegmentDefinition,
  loadIdocSchema,
  parseIdoc,
  parseIdocStream,
  type Segment,
  writeIdoc,
} from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import {
  type Hostility,
  hostileAt,
  hostility,
  objectPaths,
  resultOrError,
  revokedProxy,
  thrownValue,
} from '../support/hostile-values.js';

const fixtures = new URL('../fixtures/idoc/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, fixtures));
const mini = loadIdocSchema(read('zmini01.parser.txt').toString('utf8'));
const schemaOf = (type: string): IdocSchema =>
  builtinIdocSchemas.find((schema) => schema.basicType === type) as IdocSchema;
const SCHEMAS = [
  mini,
  schemaOf('LOIPRO01'),
  schemaOf('MATMAS05'),
  schemaOf('MBGMCR03'),
  schemaOf('PPCC2PRETTICKET01'),
];

// Field text as SAP systems write it: letters, digits, punctuation and non-ASCII letters; no line
// breaks or control characters. Trailing blanks are padding, so a value never ends with one.
const CHARS = [...'ABCXYZabcz0123456789 .,-/+#&<>"\'éüßřčŘØ—中€'];
const value = (length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: Math.min(length, 12) })
    .map((chars) => chars.join('').replace(/ +$/, ''))
    .filter((text) => text !== '');

function segmentOf(definition: IdocSegmentDefinition, depth: number): fc.Arbitrary<Segment> {
  const fields = fc.record(
    Object.fromEntries(definition.fields.map((field) => [field.name, value(field.length)])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const children =
    depth >= 4
      ? fc.constant<Segment[]>([])
      : fc
          .tuple(
            ...definition.children.map((child) =>
              fc.array(segmentOf(child, depth + 1), { maxLength: Math.min(child.maxOccurs, 2) }),
            ),
          )
          .map((lists) => lists.flat());
  return fc.record({ name: fc.constant(definition.type), segnum: fc.constant(''), fields, children });
}

const controlOf = (schema: IdocSchema): fc.Arbitrary<IdocControl> =>
  fc
    .record({
      docnum: fc.stringMatching(/^\d{16}$/),
      sndprn: fc.stringMatching(/^[A-Z0-9]{1,10}$/),
      credat: fc.constantFrom('20260512', '00000000'),
    })
    .map(({ docnum, sndprn, credat }) => ({
      ...(Object.fromEntries(
        [
          'mandt',
          'docrel',
          'status',
          'direct',
          'outmod',
          'exprss',
          'test',
          'cimtyp',
          'mescod',
          'mesfct',
          'std',
          'stdvrs',
          'stdmes',
          'sndpor',
          'sndprt',
          'sndpfc',
          'sndsad',
          'sndlad',
          'rcvpor',
          'rcvprt',
          'rcvpfc',
          'rcvprn',
          'rcvsad',
          'rcvlad',
          'cretim',
          'refint',
          'refgrp',
          'refmes',
          'arckey',
          'serial',
        ].map((key) => [key, '']),
      ) as unknown as IdocControl),
      tabnam: 'EDI_DC40',
      idoctyp: schema.basicType,
      mestyp: schema.basicType.replace(/\d+$/, ''),
      docnum,
      sndprn,
      credat,
    }));

const idocOf = (schema: IdocSchema): fc.Arbitrary<Idoc> =>
  fc.record({
    control: controlOf(schema),
    segments: fc
      .tuple(
        ...schema.segments.map((definition) =>
          fc.array(segmentOf(definition, 1), { minLength: 1, maxLength: Math.min(definition.maxOccurs, 2) }),
        ),
      )
      .map((lists) => lists.flat()),
  });

const anyIdocs = fc
  .constantFrom(...SCHEMAS)
  .chain((schema) => fc.array(idocOf(schema), { minLength: 1, maxLength: 3 }));

type Content = { name: string; fields: Record<string, string>; children: Content[] };
const contentOf = (segments: readonly Segment[]): Content[] =>
  segments.map((segment) => ({
    name: segment.name,
    fields: { ...segment.fields },
    children: contentOf(segment.children),
  }));
const same = (idocs: readonly Idoc[]) =>
  idocs.map((idoc) => ({ control: idoc.control, segments: contentOf(idoc.segments) }));

describe('IDoc round trips (property)', () => {
  it('random IDocs from a schema → flat file in any framing → parse → equal', () => {
    fc.assert(
      fc.property(
        anyIdocs,
        fc.constantFrom('newline', 'fixed') as fc.Arbitrary<'newline' | 'fixed'>,
        fc.constantFrom('\n', '\r\n') as fc.Arbitrary<'\n' | '\r\n'>,
        fc.constantFrom('full', 'trimmed') as fc.Arbitrary<'full' | 'trimmed'>,
        fc.constantFrom('type', 'definition') as fc.Arbitrary<'type' | 'definition'>,
        (idocs, framing, lineEnding, recordLength, segmentNames) => {
          const text = writeIdoc(idocs, {
            schemas: SCHEMAS,
            framing,
            lineEnding,
            recordLength,
            segmentNames,
          });
          const parsed = parseIdoc(Buffer.from(text, 'utf8'), { schemas: SCHEMAS });
          expect(same(parsed)).toEqual(same(idocs));
          // Bytes are split without decoding each record; text takes the string path: same result.
          expect(JSON.stringify(parseIdoc(text, { schemas: SCHEMAS }))).toBe(JSON.stringify(parsed));
          expect(parsed.every((idoc) => idoc.warnings === undefined)).toBe(true);
          expect(writeIdoc(parsed, { schemas: SCHEMAS })).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random IDocs → IDoc-XML → parse → equal', () => {
    fc.assert(
      fc.property(anyIdocs, fc.constantFrom('  ', ''), (idocs, indent) => {
        const xml = writeIdoc(idocs, { format: 'xml', schemas: SCHEMAS, indent });
        expect(same(parseIdoc(xml, { schemas: SCHEMAS }))).toEqual(same(idocs));
      }),
      { numRuns: 150 },
    );
  });
});

const SAMPLES = [
  'loipro01.lf.idoc',
  'loipro01.fixed.idoc',
  'loipro01.crlf.idoc',
  'loipro01.translator.idoc',
  'loipro01.e2-names.idoc',
  'matmas05.utf8.idoc',
  'zmini01.hlevel.idoc',
  'loipro01.xml',
  'matmas05.sap-recipes.xml',
].map(read);

/** A valid file with random damage: bytes replaced, removed, inserted or duplicated, or the file cut. */
const damaged = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(
      fc.record({
        kind: fc.constantFrom('replace', 'delete', 'insert', 'duplicate', 'cut'),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.integer({ min: 1, max: 80 }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([sample, edits]) => {
    let bytes = Buffer.from(sample);
    for (const edit of edits) {
      const at = Math.floor(edit.at * bytes.length);
      const tail = bytes.subarray(Math.min(bytes.length, at + edit.length));
      if (edit.kind === 'replace')
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.bytes), tail]);
      else if (edit.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), tail]);
      else if (edit.kind === 'insert')
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.bytes), bytes.subarray(at)]);
      else if (edit.kind === 'duplicate')
        bytes = Buffer.concat([bytes.subarray(0, at + edit.length), bytes.subarray(at)]);
      else bytes = bytes.subarray(0, at);
    }
    return bytes;
  });

function onlyIdocErrors(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof IdocError)) throw error;
  }
}

describe('damaged input ends in an IdocError, never another exception or a hang (property)', () => {
  it('parseIdoc', () => {
    fc.assert(
      fc.property(
        damaged,
        fc.constantFrom('utf-8', 'latin1') as fc.Arbitrary<'utf-8' | 'latin1'>,
        (bytes, encoding) => {
          onlyIdocErrors(() => {
            const idocs = parseIdoc(bytes, { encoding, schemas: SCHEMAS });
            writeIdoc(idocs, { schemas: SCHEMAS });
          });
        },
      ),
      { numRuns: 600 },
    );
  });

  it('parseIdocStream', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, fc.integer({ min: 1, max: 2000 }), async (bytes, size) => {
        const chunks: Buffer[] = [];
        for (let start = 0; start < bytes.length; start += size)
          chunks.push(bytes.subarray(start, start + size));
        try {
          for await (const _idoc of parseIdocStream(chunks as AsyncIterable<Uint8Array> & Buffer[], {
            schemas: SCHEMAS,
          })) {
            // consume
          }
        } catch (error) {
          if (!(error instanceof IdocError)) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('loadIdocSchema', () => {
    const text = read('zmini01.parser.txt').toString('utf8');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: text.length }),
        fc.integer({ min: 0, max: 40 }),
        fc.string(),
        (at, cut, insert) => {
          onlyIdocErrors(() => loadIdocSchema(text.slice(0, at) + insert + text.slice(at + cut)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the IDoc-XML reader accepts a value exactly when the writer can write it (property)', () => {
  const control = parseIdoc(read('loipro01.xml'))[0]?.control as IdocControl;
  /** Characters around every edge of XML 1.0's Char production, and ordinary text. */
  const char = fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0008',
      '\t',
      '\n',
      '\u000B',
      '\u000C',
      '\r',
      '\u001F',
      ' ',
      '&',
      '<',
      '>',
      '"',
      "'",
      ']',
      '\uD7FF',
      '\uD800',
      '\uDBFF',
      '\uDC00',
      '\uDFFF',
      '\uE000',
      '\uFFFD',
      '\uFFFE',
      '\uFFFF',
      '\uD83D\uDE00',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom(...'AZaz09-é中'),
  );
  const text = fc.array(char, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
  /** The value as a hand-written document holds it: markup characters escaped, nothing else changed. */
  const escapeMarkup = (value: string): string =>
    value.replace(
      /[&<>\r]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c] as string,
    );
  const idocWith = (value: string): Idoc => ({
    control,
    segments: [{ name: 'Z1A', segnum: '', fields: { F: value }, children: [] }],
  });

  it('for any string: parseIdoc reads it iff writeIdoc writes it, and reads back what was written', () => {
    fc.assert(
      fc.property(text, (value) => {
        let written: string | undefined;
        try {
          written = writeIdoc(idocWith(value), { format: 'xml', schemas: [] });
        } catch (error) {
          expect(error).toBeInstanceOf(IdocError);
        }
        const document = `<LOIPRO01><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM></EDI_DC40><Z1A SEGMENT="1"><F>${escapeMarkup(value)}</F></Z1A></IDOC></LOIPRO01>`;
        let read: Idoc[] | undefined;
        try {
          read = parseIdoc(document, { schemas: [] });
        } catch (error) {
          expect(error).toBeInstanceOf(IdocError);
        }
        expect(read !== undefined).toBe(written !== undefined);
        if (written === undefined || read === undefined) return;
        const expected = value.replace(/ +$/, '');
        expect(read[0]?.segments[0]?.fields['F']).toBe(expected === '' ? undefined : expected);
        expect(parseIdoc(written, { schemas: [] })[0]?.segments[0]?.fields['F']).toBe(
          expected === '' ? undefined : expected,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hostile callers: options, schemas and IDocs are read once, errors are MillwrightErrors (property)', () => {
  const flatFile = read('loipro01.lf.idoc');
  const site = loadIdocSchema(read('zmatmas05.parser.txt').toString('utf8'));
  const zFile = read('matmas05.z-segment.idoc');
  /** What a changing getter answers after its first read: anything, and values that look almost right. */
  const later = fc.oneof(
    fc.anything().map((value) => () => value),
    fc
      .constantFrom('latin1', 'xml', 'fixed', 'flat', 7, null, {}, [], '', 'E1MARAM', [site])
      .map((value) => () => value),
    fc.constant(revokedProxy),
  );
  const how = hostility(later);
  const plainJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
  const parsedZ = plainJson(parseIdoc(zFile, { schemas: [site] })) as Idoc[];
  const expectedParse = plainJson(parseIdoc(zFile, { schemas: [site], encoding: 'utf-8', framing: 'auto' }));
  const expectedWrite = zFile.toString('utf8');
  const parseOptions = { schemas: [site], encoding: 'utf-8', format: 'auto', framing: 'auto' };
  /**
   * What a library that reads each value once sees of `base` made hostile at `path`: `base`
   * itself, except that a throwing iterator replaces an object by one without keys (an iterator
   * is never called: objects are read by key, arrays by index).
   */
  const seenOnce = (base: unknown, path: readonly string[], how: Hostility): unknown => {
    if (how.kind !== 'throwing-iterator') return base;
    let target: unknown = base;
    for (const key of path) target = (target as Record<string, unknown>)[key];
    return Array.isArray(target) ? undefined : hostileAt(base, path, how, () => new Error('unused'));
  };
  const writeOptions = { schemas: [site], format: 'flat', recordLength: 'as-read', numbering: 'keep' };

  it('parseIdoc and parseIdocStream: hostile options, schema lists and schemas', async () => {
    const schemaPaths = objectPaths(plainJson(site)).map((path) => ['schemas', '0', ...path]);
    const paths = [[], ['schemas'], ...schemaPaths];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), how, thrownValue, async (path, hostile, thrown) => {
        const base = { ...parseOptions, schemas: [plainJson(site)] };
        const seen = seenOnce(base, path, hostile);
        const expected =
          seen === base
            ? expectedParse
            : resultOrError(MillwrightError, () => plainJson(parseIdoc(zFile, seen as never)));
        const options = hostileAt(base, path, hostile, thrown) as never;
        const parsed = resultOrError(MillwrightError, () => parseIdoc(zFile, options));
        if (parsed !== undefined) expect(plainJson(parsed)).toEqual(expected);
        const options2 = hostileAt(base, path, hostile, thrown) as never;
        try {
          const streamed: Idoc[] = [];
          for await (const idoc of parseIdocStream([zFile], options2)) streamed.push(idoc);
          expect(plainJson(streamed)).toEqual(expected);
        } catch (error) {
          expect(error).toBeInstanceOf(MillwrightError);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('writeIdoc: hostile options, and IDocs hostile anywhere (control, segments, fields, records, layout)', () => {
    const idocPaths = objectPaths(parsedZ).map((path) => ['idocs', ...path]);
    const optionPaths = objectPaths(writeOptions).map((path) => ['options', ...path]);
    fc.assert(
      fc.property(
        fc.constantFrom(...idocPaths, ...optionPaths),
        how,
        thrownValue,
        (path, hostile, thrown) => {
          const base = { idocs: parsedZ, options: writeOptions };
          const seen = seenOnce(base, path, hostile) as typeof base | undefined;
          const expected =
            seen === base
              ? expectedWrite
              : seen && resultOrError(MillwrightError, () => writeIdoc(seen.idocs, seen.options as never));
          const hostileInput = hostileAt(base, path, hostile, thrown) as typeof base;
          const written = resultOrError(MillwrightError, () =>
            writeIdoc(hostileInput.idocs, hostileInput.options as never),
          );
          if (written !== undefined) expect(written).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('loadIdocSchema: hostile options', () => {
    const text = read('zmini01.parser.txt');
    fc.assert(
      fc.property(how, thrownValue, (hostile, thrown) => {
        const options = hostileAt({ encoding: 'utf-8' }, [], hostile, thrown) as never;
        const schema = resultOrError(MillwrightError, () => loadIdocSchema(text, options));
        if (schema !== undefined) expect(schema).toEqual(mini);
      }),
      { numRuns: 300 },
    );
  });

  it('parseIdoc refuses options that are a revoked Proxy with a MillwrightError', () => {
    expect(
      resultOrError(MillwrightError, () => parseIdoc(flatFile, revokedProxy() as never)),
    ).toBeUndefined();
  });
});
