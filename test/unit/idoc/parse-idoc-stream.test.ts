import { Readable } from 'node:stream';
import { IdocError } from 'millwright';
import { type Idoc, parseIdoc, parseIdocStream } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { fixture, plain } from './fixtures.js';

async function collect(iterable: AsyncIterable<Idoc>): Promise<Idoc[]> {
  const idocs: Idoc[] = [];
  for await (const idoc of iterable) idocs.push(idoc);
  return idocs;
}

function chunks(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) parts.push(bytes.subarray(start, start + size));
  return Readable.from(parts);
}

const FILES = [
  ['loipro01.lf.idoc', 'utf-8'],
  ['loipro01.fixed.idoc', 'utf-8'],
  ['loipro01.crlf.idoc', 'utf-8'],
  ['loipro01.translator.idoc', 'utf-8'],
  ['matmas05.utf8.idoc', 'utf-8'],
  ['matmas05.latin1.idoc', 'latin1'],
  ['loipro01.xml', 'utf-8'],
  ['delvry07-desadv.sap-recipes.xml', 'utf-8'],
] as const;

describe('parseIdocStream', () => {
  it.each(FILES.flatMap(([name, encoding]) => [1, 7, 4096].map((size) => [name, encoding, size] as const)))(
    'reads %s (%s) in chunks of %i bytes like parseIdoc',
    async (name, encoding, size) => {
      const bytes = fixture(name);
      const streamed = await collect(parseIdocStream(chunks(bytes, size), { encoding }));
      expect(plain(streamed)).toEqual(plain(parseIdoc(bytes, { encoding })));
    },
  );

  it('reads a web ReadableStream', async () => {
    const bytes = fixture('loipro01.lf.idoc');
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
    expect(await collect(parseIdocStream(web as unknown as AsyncIterable<Uint8Array>))).toHaveLength(2);
  });

  it('yields each IDoc as soon as the next control record has arrived', async () => {
    const bytes = fixture('loipro01.lf.idoc');
    const second = bytes.indexOf('EDI_DC40', 10) + 525;
    let released: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      released = resolve;
    });
    async function* source(): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, second);
      await gate;
      yield bytes.subarray(second);
    }
    const iterator = parseIdocStream(source())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.control.docnum).toBe('0000000000481516');
    released();
    expect((await iterator.next()).value?.control.docnum).toBe('0000000000481517');
    expect((await iterator.next()).done).toBe(true);
  });

  it('throws an IdocError with the offset for a truncated stream', async () => {
    await expect(
      collect(parseIdocStream(chunks(fixture('loipro01.truncated.idoc'), 100))),
    ).rejects.toMatchObject({
      code: 'TRUNCATED_RECORD',
      offset: 1587,
    });
  });

  it('reports the byte offset of invalid UTF-8 across chunk borders', async () => {
    const bytes = Buffer.concat([fixture('loipro01.lf.idoc').subarray(0, 600), Buffer.from([0xc3, 0x28])]);
    const error = await collect(parseIdocStream(chunks(bytes, 601))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdocError);
    expect(error).toMatchObject({ code: 'INVALID_ENCODING', offset: 600 });
  });

  it('limits the size of one IDoc-XML element', async () => {
    const xml = Buffer.from(`<LOIPRO01><IDOC BEGIN="1">${'<X/>'.repeat(100)}`);
    await expect(collect(parseIdocStream(chunks(xml, 64), { maxIdocLength: 200 }))).rejects.toMatchObject({
      code: 'IDOC_TOO_LARGE',
    });
  });

  describe('limits the size of one flat IDoc (maxIdocLength), so an endless IDoc cannot fill memory', () => {
    const pad = (value: string, length: number): string => value.padEnd(length, ' ');
    const docnum = (n: number): string => String(n).padStart(16, '0');
    const control = (n: number): string =>
      pad(`${pad('EDI_DC40', 10)}100${docnum(n)}758 3012  ${pad('ZNONE01', 30)}`, 524);
    const data = (n: number): string => pad(`${pad('Z1A', 30)}100${docnum(n)}`, 63) + pad('X', 1000);
    /** IDoc `n` with `records` data records, each line full length or right-trimmed. */
    const idoc = (n: number, records: number, trim = false): string =>
      [control(n), ...Array.from({ length: records }, () => data(n))]
        .map((line) => `${trim ? line.trimEnd() : line}\n`)
        .join('');

    it('refuses the record that takes an IDoc past the limit, counting records at full length', async () => {
      // A right-trimmed record is short in the file, but counts as the 1063 characters it stands for.
      for (const trim of [false, true]) {
        const text = idoc(1, 20, trim);
        const limit = 524 + 10 * 1063;
        const records = text.split('\n');
        const offset = Buffer.byteLength(`${records.slice(0, 11).join('\n')}\n`);
        await expect(collect(parseIdocStream([text], { maxIdocLength: limit }))).rejects.toMatchObject({
          code: 'IDOC_TOO_LARGE',
          docnum: docnum(1),
          offset,
        });
        const fits = await collect(parseIdocStream([idoc(1, 10, trim)], { maxIdocLength: limit }));
        expect(fits[0]?.segments).toHaveLength(10);
      }
    });

    it('counts each IDoc of a file on its own', async () => {
      const text = `${idoc(1, 10)}${idoc(2, 10)}${idoc(3, 10)}`;
      const idocs = await collect(
        parseIdocStream(chunks(Buffer.from(text), 4096), { maxIdocLength: 524 + 10 * 1063 }),
      );
      expect(idocs.map((read) => read.segments.length)).toEqual([10, 10, 10]);
    });

    it('stops a stream of one control record and endless data records at the default 64 Mi characters', async () => {
      const record = Buffer.from(`${data(1)}\n`.repeat(1000));
      let sent = 0;
      // 100,000 records (106 MB) without another control record: far past the default limit.
      function* endless(): Generator<Buffer> {
        yield Buffer.from(`${control(1)}\n`);
        while (sent < 100_000) {
          sent += 1000;
          yield record;
        }
      }
      const error = await collect(parseIdocStream(endless())).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'IDOC_TOO_LARGE', docnum: docnum(1) });
      expect((error as IdocError).message).toContain('maxIdocLength');
      // 64 Mi characters hold 63,130 full-length data records after the control record.
      expect(sent).toBe(64_000);
    });

    it('leaves parseIdoc, which holds the whole input anyway, without a limit', () => {
      expect(parseIdoc(idoc(1, 70))[0]?.segments).toHaveLength(70);
    });
  });

  it('rejects an XML stream that ends inside its root', async () => {
    await expect(
      collect(parseIdocStream(chunks(fixture('loipro01.xml').subarray(0, 100), 10))),
    ).rejects.toMatchObject({
      code: 'INVALID_XML',
    });
  });
});
