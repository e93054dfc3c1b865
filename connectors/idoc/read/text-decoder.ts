// Decodes IDoc file bytes to text before any slicing: SAP counts field positions in characters
// (UTF-16 code units), so a UTF-8 'střed' must become 5 characters before the fields are cut.
import { isAscii } from 'node:buffer';
import { IdocError } from '../../../src/errors/idoc-error.js';

/**
 * The character encoding of an IDoc file: `utf-8` (Unicode systems, SAP code page 4110) or
 * `latin1` (ISO-8859-1, non-Unicode systems, SAP code page 1100).
 */
export type IdocEncoding = 'utf-8' | 'latin1';

/** Every {@link IdocEncoding}, for checking options. */
export const IDOC_ENCODINGS: readonly IdocEncoding[] = ['utf-8', 'latin1'];

/** Decodes a byte stream piece by piece; a multi-byte character may span two pieces. */
export interface ChunkDecoder {
  /** The text of `bytes`, holding back an incomplete character until the next call. */
  decode(bytes: Uint8Array): string;
  /**
   * Whether the text of the last `decode` has one character per byte of its input, character
   * `i` being byte `i` (ASCII input, or latin-1): the bytes can then stand for the text.
   */
  oneToOne: boolean;
  /** How many bytes are held back: the start of a character whose rest has not arrived yet. */
  readonly held: number;
  /** The text of any bytes held back; throws if they are an incomplete character. */
  flush(): string;
}

/**
 * A decoder for the encoding. Invalid UTF-8 is an error, never a silent U+FFFD: a wrong
 * encoding would shift every later field.
 * @throws {IdocError} code `INVALID_ENCODING`, with the byte `offset`, on invalid input.
 */
export function createChunkDecoder(encoding: IdocEncoding): ChunkDecoder {
  if (encoding === 'latin1') {
    return {
      decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
      oneToOne: true,
      held: 0,
      flush: () => '',
    };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let consumed = 0;
  let held: Uint8Array = new Uint8Array(0);
  return {
    oneToOne: false,
    get held() {
      return held.byteLength;
    },
    decode(bytes) {
      // Pure ASCII (most IDoc data) is decoded by copying; only other bytes need the UTF-8 decoder.
      if (held.byteLength === 0 && isAscii(bytes)) {
        consumed += bytes.byteLength;
        this.oneToOne = true;
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      }
      this.oneToOne = false;
      try {
        const text = decoder.decode(bytes, { stream: true });
        held = heldBytes(held, bytes);
        consumed += bytes.byteLength;
        return text;
      } catch (error) {
        throw invalidUtf8(concat(held, bytes), consumed - held.byteLength, error);
      }
    },
    flush() {
      try {
        return decoder.decode();
      } catch (error) {
        throw invalidUtf8(held, consumed - held.byteLength, error);
      }
    },
  };
}

/** The bytes of an incomplete character at the end of `previous` + `bytes` (at most 3). */
function heldBytes(previous: Uint8Array, bytes: Uint8Array): Uint8Array {
  const all = previous.byteLength === 0 ? bytes : concat(previous, bytes);
  const start = incompleteTail(all);
  return start === all.byteLength ? new Uint8Array(0) : all.slice(start);
}

/** Where an incomplete UTF-8 sequence at the end of `bytes` starts; the length if there is none. */
function incompleteTail(bytes: Uint8Array): number {
  const length = bytes.byteLength;
  for (let back = 1; back <= 3 && back <= length; back += 1) {
    const byte = bytes[length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? length - back : length;
  }
  return length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}

function invalidUtf8(bytes: Uint8Array, base: number, cause: unknown): IdocError {
  const offset = base + firstInvalidUtf8(bytes);
  return new IdocError(
    'INVALID_ENCODING',
    `the input is not valid UTF-8 at byte ${offset}; pass { encoding: 'latin1' } for files from non-Unicode systems`,
    { offset },
    { cause },
  );
}

/** The index of the first byte that starts an invalid or incomplete UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.byteLength) {
    const byte = bytes[index] as number;
    const needed =
      byte < 0x80
        ? 0
        : byte >= 0xc2 && byte < 0xe0
          ? 1
          : byte >= 0xe0 && byte < 0xf0
            ? 2
            : byte >= 0xf0 && byte < 0xf5
              ? 3
              : -1;
    if (needed < 0 || (needed > 0 && index + needed >= bytes.byteLength)) return index;
    for (let k = 1; k <= needed; k += 1) if (((bytes[index + k] as number) & 0xc0) !== 0x80) return index;
    if (needed === 2 || needed === 3) {
      const second = bytes[index + 1] as number;
      if (byte === 0xe0 && second < 0xa0) return index;
      if (byte === 0xed && second > 0x9f) return index;
      if (byte === 0xf0 && second < 0x90) return index;
      if (byte === 0xf4 && second > 0x8f) return index;
    }
    index += needed + 1;
  }
  return index;
}
