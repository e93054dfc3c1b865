import type { Idoc } from './idoc.js';
import { IdocAssembler } from './idoc-assembler.js';
import { type ParseIdocOptions, resolveParseIdocOptions } from './parse-idoc-options.js';
import { parseIdocXml } from './parse-idoc-xml.js';
import { RecordSplitter } from './record-splitter.js';
import { createChunkDecoder } from './text-decoder.js';
import { XmlIdocSplitter } from './xml-idoc-splitter.js';

/** Options of {@link parseIdocStream}. */
export interface ParseIdocStreamOptions extends ParseIdocOptions {
  /**
   * The largest single IDoc-XML `<IDOC>` element accepted, in characters; a stream holds one IDoc
   * at a time, so this bounds its memory.
   * @default 67108864 (64 Mi characters)
   */
  readonly maxIdocLength?: number;
}

/** Where the input is in its format detection and which splitter feeds it. */
interface Feed {
  /** `codes`: the bytes of `text`, when they map one to one onto its characters. */
  push(text: string, bytes: number, codes?: Uint8Array): void;
  end(): void;
}

/**
 * Parses IDocs from a stream (a Node `Readable`, a web `ReadableStream`, or any iterable or async
 * iterable of byte or text chunks), yielding each IDoc as soon as its last record has arrived. Memory stays
 * constant whatever the file size: only the unfinished record and the current IDoc are held.
 * Reads flat files in every framing and IDoc-XML, exactly like `parseIdoc`.
 *
 * @param input - the byte stream, e.g. `createReadStream(path)` or an SFTP read stream.
 * @returns an async iterable of IDocs, in file order.
 * @throws {IdocError} during iteration, for bad input (see `parseIdoc`).
 * @example
 * for await (const idoc of parseIdocStream(createReadStream('LOIPRO_batch.idoc'))) {
 *   await publish(idocToCanonical(idoc, { units }));
 * }
 */
export async function* parseIdocStream(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: ParseIdocStreamOptions,
): AsyncGenerator<Idoc, void, undefined> {
  const resolved = resolveParseIdocOptions(options);
  const maxIdocLength = options?.maxIdocLength ?? 64 * 1024 * 1024;
  const decoder = createChunkDecoder(resolved.encoding);
  const ready: Idoc[] = [];
  let feed: Feed | undefined;
  let head = '';
  let headBytes = 0;

  const choose = (text: string): Feed => {
    const xml = resolved.format === 'auto' ? /^\uFEFF?\s*</.test(text) : resolved.format === 'xml';
    if (xml) {
      const splitter = new XmlIdocSplitter((element, root) => {
        ready.push(...parseIdocXml(`<${root}>${element}</${root}>`, resolved.registry));
      }, maxIdocLength);
      return { push: (piece) => splitter.push(piece), end: () => splitter.end() };
    }
    const assembler = new IdocAssembler(resolved.registry, ready);
    const splitter = new RecordSplitter(assembler, resolved.framing, resolved.encoding === 'latin1');
    return { push: (piece, bytes, codes) => splitter.push(piece, bytes, codes), end: () => splitter.end() };
  };

  const push = (text: string, bytes: number, codes?: Uint8Array): void => {
    if (feed === undefined) {
      head += text;
      headBytes += bytes;
      if (head.trim() === '' && resolved.format === 'auto') return;
      feed = choose(head);
      feed.push(head, headBytes);
      return;
    }
    feed.push(text, bytes, codes);
  };

  for await (const chunk of input) {
    if (typeof chunk === 'string')
      push(chunk, Buffer.byteLength(chunk, resolved.encoding === 'latin1' ? 'latin1' : 'utf8'));
    else {
      const text = decoder.decode(chunk);
      push(text, chunk.byteLength, decoder.oneToOne ? chunk : undefined);
    }
    yield* drain(ready);
  }
  push(decoder.flush(), 0);
  (feed ?? choose(head)).end();
  yield* drain(ready);
}

function* drain(ready: Idoc[]): Generator<Idoc> {
  while (ready.length > 0) {
    const batch = ready.splice(0, ready.length);
    yield* batch;
  }
}
