// What the IDoc readers accept as input: text, or bytes to decode (a Buffer is a Uint8Array), and
// for a stream any (async) iterable of such chunks. Anything else is refused with an IdocError
// that says what was expected, before any of it is used.
import { isUint8Array } from 'node:util/types';
import { IdocError, type IdocErrorCode } from '../../../src/errors/idoc-error.js';
import { describeInput } from '../../../src/internal/describe-input.js';
import { createChunkDecoder, type IdocEncoding } from './text-decoder.js';

/** Text, or bytes decoded as the `encoding` option says. */
export type TextOrBytes = string | Uint8Array;

/**
 * Checks that `input` is text or bytes.
 * @param what - what the function reads, e.g. `parseIdoc reads an IDoc file`.
 * @throws {IdocError} with `code`, saying what was expected and what was given.
 */
export function assertTextOrBytes(
  input: unknown,
  what: string,
  code: IdocErrorCode,
): asserts input is TextOrBytes {
  if (typeof input === 'string' || isUint8Array(input)) return;
  throw new IdocError(
    code,
    `${what} given as a string, a Buffer or a Uint8Array, not ${describeInput(input)}`,
  );
}

/**
 * The text of `input`: a string as it is, bytes decoded with `encoding` (invalid UTF-8 is an error).
 * @throws {IdocError} `INVALID_ENCODING` with the byte offset.
 */
export function decodeTextOrBytes(input: TextOrBytes, encoding: IdocEncoding): string {
  if (typeof input === 'string') return input;
  const decoder = createChunkDecoder(encoding);
  return decoder.decode(input) + decoder.flush();
}

/**
 * The chunks of a stream input: a Node `Readable`, a web `ReadableStream` or any (async) iterable
 * of chunks as it is; a whole file given as one string or byte array, as its only chunk.
 * @throws {IdocError} `INVALID_INPUT` for anything else.
 */
export function chunksOf(input: unknown): AsyncIterable<unknown> | Iterable<unknown> {
  if (typeof input === 'string' || isUint8Array(input)) return [input];
  if (typeof input === 'object' && input !== null) {
    let iterate: unknown;
    try {
      const source = input as Partial<AsyncIterable<unknown> & Iterable<unknown>>;
      iterate = source[Symbol.asyncIterator] ?? source[Symbol.iterator];
    } catch {
      iterate = undefined;
    }
    if (typeof iterate === 'function') return input as AsyncIterable<unknown> | Iterable<unknown>;
  }
  throw new IdocError(
    'INVALID_INPUT',
    `parseIdocStream reads a stream (a Node Readable, a web ReadableStream, or an iterable or async iterable of Uint8Array or string chunks), or a whole file as a string or Uint8Array, not ${describeInput(input)}`,
  );
}
