import { isUint8Array } from 'node:util/types';
import { IdocError } from '../../../src/errors/idoc-error.js';
import { RecordSplitter } from '../flat/record-splitter.js';
import type { Idoc } from '../idoc.js';
import { checkDeclaredEncoding, DECLARATION_SPAN } from '../xml/declared-encoding.js';
import { parseIdocXml } from '../xml/parse-idoc-xml.js';
import { XmlIdocSplitter } from '../xml/xml-idoc-splitter.js';
import { IdocAssembler } from './idoc-assembler.js';
import { chunksOf } from './idoc-input.js';
import { type ParseIdocOptions, resolveParseIdocOptions } from './parse-idoc-options.js';
import { createChunkDecoder } from './text-decoder.js';
import { WarningLog } from './warning-log.js';

/** Options of {@link parseIdocStream}. */
export interface ParseIdocStreamOptions extends ParseIdocOptions {
  /**
   * The largest single IDoc accepted, in characters: an IDoc-XML `<IDOC>` element, or the
   * records of a flat IDoc, each counted at its full length (524 characters for the control
   * record, 1063 for a data record) however it was framed, so the default allows 63,130 data
   * records. A stream holds one IDoc at a time, so this bounds its memory; an IDoc past it ends
   * the stream with an `IDOC_TOO_LARGE` IdocError (with the IDoc number and the byte offset of
   * the record, for flat files).
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
 * @param input - the byte stream, e.g. `createReadStream(path)` or an SFTP read stream; a whole
 *   file given as a string, Buffer or Uint8Array is read as one chunk.
 * @returns an async iterable of IDocs, in file order.
 * @throws {IdocError} during iteration, for bad input (see `parseIdoc`); `INVALID_INPUT` at the
 *   first `next()` for input that is no stream or iterable (null, a number, a plain object);
 *   `INVALID_ENCODING` with the byte `offset` for a chunk that is neither a `Uint8Array` nor a
 *   string, or for a string chunk that arrives while a UTF-8 character split between byte
 *   chunks is incomplete. An error of the input stream itself (a read error) is passed on as it is.
 * @throws {ValidationError} at the first `next()`, for invalid options (as `parseIdoc`, and
 *   `/maxIdocLength` unless it is an integer >= 1).
 * @example
 * for await (const idoc of parseIdocStream(createReadStream('LOIPRO_batch.idoc'))) {
 *   await publish(idocToCanonical(idoc, { units, timeZone: 'Europe/Berlin' }));
 * }
 */
export async function* parseIdocStream(
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | string | Uint8Array,
  options?: ParseIdocStreamOptions,
): AsyncGenerator<Idoc, void, undefined> {
  const source = chunksOf(input);
  const resolved = resolveParseIdocOptions(options, true);
  const { maxIdocLength } = resolved;
  const decoder = createChunkDecoder(resolved.encoding);
  const ready: Idoc[] = [];
  let feed: Feed | undefined;
  let head = '';
  let headBytes = 0;
  /** The byte offset in the input of the next chunk. */
  let offset = 0;
  /** Whether the input's first chunk was bytes: only decoded text has an encoding to check. */
  let fromBytes: boolean | undefined;

  const choose = (text: string): Feed => {
    const xml = resolved.format === 'auto' ? XML_START.test(text) : resolved.format === 'xml';
    if (xml) {
      const log = new WarningLog();
      const splitter = new XmlIdocSplitter((element, root) => {
        ready.push(...parseIdocXml(`<${root}>${element}</${root}>`, resolved.registry, log));
      }, maxIdocLength);
      // The declaration is checked once it has arrived whole (or cannot be in what has).
      let declaration = fromBytes === true ? '' : undefined;
      const check = (piece: string, last: boolean): void => {
        if (declaration === undefined) return;
        declaration += piece;
        if (!last && !declaration.includes('?>') && declaration.length < DECLARATION_SPAN) return;
        checkDeclaredEncoding(declaration, resolved.encoding);
        declaration = undefined;
      };
      return {
        push: (piece) => {
          check(piece, false);
          splitter.push(piece);
        },
        end: () => {
          check('', true);
          splitter.end();
        },
      };
    }
    const assembler = new IdocAssembler(resolved.registry, ready, maxIdocLength);
    const splitter = new RecordSplitter(assembler, resolved.framing, resolved.encoding === 'latin1');
    return { push: (piece, bytes, codes) => splitter.push(piece, bytes, codes), end: () => splitter.end() };
  };

  // Like parseIdoc, the format is decided from the first 1024 characters: white space is held
  // only until a character that is not white space arrives or 1024 characters have, so a long
  // blank start costs neither memory nor repeated scans.
  const push = (text: string, bytes: number, codes?: Uint8Array): void => {
    if (feed !== undefined) {
      feed.push(text, bytes, codes);
      return;
    }
    head += text;
    headBytes += bytes;
    if (resolved.format === 'auto' && head.length < DETECT_LENGTH && BLANK.test(text)) return;
    feed = choose(head.slice(0, DETECT_LENGTH));
    feed.push(head, headBytes);
    head = '';
  };

  for await (const chunk of source) {
    fromBytes ??= typeof chunk !== 'string';
    if (typeof chunk === 'string') {
      if (decoder.held > 0) throw splitByText(offset - decoder.held);
      const bytes = Buffer.byteLength(chunk, resolved.encoding === 'latin1' ? 'latin1' : 'utf8');
      push(chunk, bytes);
      offset += bytes;
    } else if (isUint8Array(chunk)) {
      const held = decoder.held;
      const text = decoder.decode(chunk);
      // The bytes this text came from: those held back from the last chunk, less those held now.
      push(text, chunk.byteLength + held - decoder.held, decoder.oneToOne ? chunk : undefined);
      offset += chunk.byteLength;
    } else throw notAChunk(chunk, offset);
    yield* drain(ready);
  }
  push(decoder.flush(), 0);
  if (feed === undefined) {
    feed = choose(head);
    feed.push(head, headBytes);
  }
  feed.end();
  yield* drain(ready);
}

/** How many characters decide between flat file and IDoc-XML, as in `parseIdoc`. */
const DETECT_LENGTH = 1024;
const XML_START = /^\uFEFF?\s*</;
const BLANK = /^\s*$/;

/** A string chunk arrived while the bytes of a character were held back, waiting for the rest. */
function splitByText(offset: number): IdocError {
  return new IdocError(
    'INVALID_ENCODING',
    `a text chunk arrived inside the UTF-8 character that starts at byte ${offset}; a character split between byte chunks cannot be completed by text`,
    { offset },
  );
}

/** A chunk that is neither bytes (`Uint8Array`, `Buffer`) nor text, e.g. an object-mode stream's objects. */
function notAChunk(chunk: unknown, offset: number): IdocError {
  const kind = chunk === null ? 'null' : typeof chunk === 'object' ? chunk.constructor?.name : typeof chunk;
  return new IdocError(
    'INVALID_ENCODING',
    `a stream chunk at byte ${offset} is ${kind ?? 'an object'}, not a Uint8Array or a string`,
    { offset },
  );
}

function* drain(ready: Idoc[]): Generator<Idoc> {
  while (ready.length > 0) {
    const batch = ready.splice(0, ready.length);
    yield* batch;
  }
}
