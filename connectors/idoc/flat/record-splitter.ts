// Splits decoded flat-file text into records, whatever the framing: fixed 524/1063-character
// records end to end, LF or CRLF lines, right-trimmed lines of any length. Text arrives in
// pieces (stream chunks) and only the unfinished record is kept, so memory stays constant.
// Records are passed on as positions in the piece they came from: a piece is never copied, and
// only the record that straddles two pieces is joined into a string of its own. When the caller
// has the bytes of a piece and they map one to one onto its characters (ASCII or latin-1), they
// are passed on too: the record checks read bytes, which is cheaper than reading characters.
import { IdocError } from '../../../src/errors/idoc-error.js';
import type { RecordSink } from '../read/idoc-assembler.js';
import { CONTROL_RECORD_LENGTH, DATA_RECORD_LENGTH } from './record-layout.js';

/** How records are framed: found from the text (`auto`), or fixed by the caller. */
export type FramingOption = 'auto' | 'fixed' | 'newline';

const LF = 10;
const CR = 13;
const BOM = 0xfeff;
/** How far to look for the first line break before deciding the file has none. */
const DETECT_LIMIT = DATA_RECORD_LENGTH + 2;
/** The longest line accepted in newline framing (records are 1063 characters; the rest may be padding). */
const MAX_LINE_LENGTH = 64 * 1024;

/** Cuts decoded flat-file text, chunk by chunk, into control and data records in any framing, with their byte offsets. */
export class RecordSplitter {
  /** The unfinished record (or, before the framing is known, all text so far). */
  private pending = '';
  /** The byte offset in the input of the next character to read. */
  private byteOffset = 0;
  /** Whether every character of `pending` took one byte in the input (ASCII or latin-1). */
  private pendingSingleByte = true;
  /** Whether every character of the text being scanned took one byte. */
  private singleByte = true;
  /** The bytes of the text being scanned, when they map one to one onto its characters. */
  private codes: Uint8Array | undefined;
  private mode: FramingOption;
  private lineEnding: '\n' | '\r\n' = '\n';
  /** Whether lines end in CRLF: decided by the first line, which every other line must follow. */
  private crlf: boolean | undefined;
  /** How many lines have been read (newline framing). */
  private lines = 0;
  private started = false;

  /**
   * @param sink - receives the layout, the records and the end.
   * @param framing - the framing to use, or `auto` to detect it.
   * @param singleByteEncoding - true for latin-1, where every character is one byte.
   */
  constructor(
    private readonly sink: RecordSink,
    framing: FramingOption,
    private readonly singleByteEncoding: boolean,
  ) {
    this.mode = framing;
  }

  /**
   * Adds decoded text; `byteLength` is how many input bytes it came from.
   * @param codes - the input bytes, only when byte `i` is the code of character `i` of `text`.
   */
  push(text: string, byteLength: number, codes?: Uint8Array): void {
    if (text === '') return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) {
        text = text.slice(1);
        this.byteOffset = this.singleByteEncoding ? 2 : 3;
        byteLength -= this.byteOffset;
        codes = undefined;
      }
    }
    const singleByte = this.singleByteEncoding || text.length === byteLength;
    if (this.mode === 'auto') {
      const first = this.pending === '';
      this.pending += text;
      this.pendingSingleByte &&= singleByte;
      if (!this.detect(false)) return;
      const all = this.pending;
      this.pending = '';
      this.scanAndKeep(all, 0, this.pendingSingleByte, first ? codes : undefined);
      return;
    }
    let from = 0;
    if (this.pending !== '') {
      from = this.finishPending(text, singleByte);
      if (from < 0) return;
    }
    this.scanAndKeep(text, from, singleByte, codes);
  }

  /** The input ended: emits the last record and tells the sink. */
  end(): void {
    if (this.mode === 'auto') {
      this.detect(true);
      const all = this.pending;
      this.pending = '';
      this.scanAndKeep(all, 0, this.pendingSingleByte);
    }
    const rest = this.pending;
    if (this.mode === 'fixed') {
      if (!isLineBreaks(rest)) {
        throw new IdocError(
          'TRUNCATED_RECORD',
          `the last record has ${rest.length} characters; fixed records have ${CONTROL_RECORD_LENGTH} or ${DATA_RECORD_LENGTH}`,
          { offset: this.byteOffset, docnum: this.sink.currentDocnum() },
        );
      }
      if (rest.startsWith('\r\n')) this.sink.layout('fixed', '\r\n');
      this.sink.end(rest !== '');
      return;
    }
    this.singleByte = this.pendingSingleByte;
    if (this.crlf === false && rest.endsWith('\r')) this.lineEndingChanged(true);
    const end = this.lineEnd(rest, 0, rest.length);
    if (rest.slice(0, end).trim() !== '') this.emit(rest, 0, end, rest.length);
    this.sink.end(rest === '');
  }

  /**
   * Completes the unfinished record with the start of `text`. Only that record (and the few
   * characters after it) are joined into a new string.
   * @returns where scanning continues in `text`, or -1 when all of it went into `pending`.
   */
  private finishPending(text: string, singleByte: boolean): number {
    const pending = this.pending;
    let headLength: number;
    if (this.mode === 'fixed') headLength = Math.min(text.length, DATA_RECORD_LENGTH + 2);
    else {
      const newline = text.indexOf('\n');
      if (newline < 0) {
        // Still no end of the line: nothing to scan, so append without reading it all again
        // (small pieces of a long line would otherwise cost time quadratic in its length).
        this.pending = pending + text;
        this.pendingSingleByte &&= singleByte || isAsciiText(text);
        this.checkPendingLength();
        return -1;
      }
      headLength = newline + 1;
    }
    const joined = pending + text.slice(0, headLength);
    const joinedSingleByte = this.pendingSingleByte && singleByte;
    this.pending = '';
    const position = this.scan(joined, 0, joinedSingleByte, undefined);
    if (position <= pending.length) {
      // Not even the unfinished record is complete yet: keep everything and wait for more.
      this.keep(pending + text, position, joinedSingleByte);
      return -1;
    }
    if (position < joined.length) {
      // The head held the start of another record: scanning goes on from there in `text`.
      return position - pending.length;
    }
    return headLength;
  }

  /** Emits the records of `text` from `from` on and keeps the unfinished rest. */
  private scanAndKeep(text: string, from: number, singleByte: boolean, codes?: Uint8Array): void {
    this.keep(text, this.scan(text, from, singleByte, codes), singleByte);
  }

  /** Emits every complete record of `text` from `from` on; returns where the unfinished rest starts. */
  private scan(text: string, from: number, singleByte: boolean, codes: Uint8Array | undefined): number {
    this.singleByte = singleByte;
    this.codes = codes;
    const position = this.mode === 'fixed' ? this.scanFixed(text, from) : this.scanLines(text, from);
    this.codes = undefined;
    return position;
  }

  /** Decides the framing from what follows the first 524 characters; false while undecided. */
  private detect(ended: boolean): boolean {
    const text = this.pending;
    const newline = text.indexOf('\n');
    let framing: 'fixed' | 'newline';
    if (newline >= 0 && newline <= CONTROL_RECORD_LENGTH + 1) framing = 'newline';
    else if (newline < 0 && !ended && text.length < DETECT_LIMIT) return false;
    else {
      // A line longer than a control record is a padded line when only blanks follow character 524.
      const end = newline < 0 ? Math.min(text.length, DETECT_LIMIT) : newline;
      const tail = text.slice(CONTROL_RECORD_LENGTH, end).replace(/\r$/, '');
      framing = newline >= 0 && tail.trim() === '' ? 'newline' : 'fixed';
      if (text.trim() === '') framing = 'newline';
    }
    if (framing === 'newline') {
      this.crlf = newline > 0 && text.charCodeAt(newline - 1) === CR;
      if (this.crlf) this.lineEnding = '\r\n';
    }
    // A fixed file's only line break is the one after its last record: end() reports it, so
    // that parseIdoc and a stream (which sees only the start here) agree on every IDoc.
    this.mode = framing;
    this.sink.layout(framing, this.lineEnding);
    return true;
  }

  private scanLines(text: string, from: number): number {
    let position = from;
    for (;;) {
      const newline = text.indexOf('\n', position);
      if (newline < 0) break;
      const crlf = newline > position && text.charCodeAt(newline - 1) === CR;
      if (crlf !== this.crlf) this.lineEndingChanged(crlf);
      const end = crlf ? newline - 1 : newline;
      const consumed = newline + 1 - position;
      if (end > position && !isBlankLine(text, position, end)) this.emit(text, position, end, consumed);
      else this.advance(text, position, end, consumed);
      position = newline + 1;
      this.lines += 1;
    }
    return position;
  }

  /**
   * A line ends otherwise than the lines before it. The first line decides (with `newline`
   * framing given, it also tells the sink); after it, a CR left in a record would end up in its
   * last field, and a mixed file cannot be written back as it was read.
   * @throws {IdocError} `INVALID_RECORD` with the offset and line, unless this is the first line.
   */
  private lineEndingChanged(crlf: boolean): void {
    if (this.crlf === undefined) {
      this.crlf = crlf;
      this.lineEnding = crlf ? '\r\n' : '\n';
      this.sink.layout('newline', this.lineEnding);
      return;
    }
    throw new IdocError(
      'INVALID_RECORD',
      `mixed line endings: line ${this.lines + 1} does not end in ${this.crlf ? 'CRLF' : 'LF'} like the first line`,
      { offset: this.byteOffset, line: this.lines + 1, docnum: this.sink.currentDocnum() },
    );
  }

  /** Where the line from `start` to `newline` ends: before a CR in CRLF files. */
  private lineEnd(text: string, start: number, newline: number): number {
    return this.lineEnding === '\r\n' && newline > start && text.charCodeAt(newline - 1) === CR
      ? newline - 1
      : newline;
  }

  private scanFixed(text: string, from: number): number {
    let position = from;
    for (;;) {
      const first = text.charCodeAt(position);
      if (first === CR || first === LF) {
        // Only a final line break may follow fixed records; anything after it is an error.
        if (!isLineBreaks(text.slice(position))) {
          throw new IdocError('BAD_RECORD_LENGTH', 'a line break between fixed-length records', {
            offset: this.byteOffset,
            docnum: this.sink.currentDocnum(),
          });
        }
        break;
      }
      const length =
        first === 69 && text.startsWith('EDI_DC', position) ? CONTROL_RECORD_LENGTH : DATA_RECORD_LENGTH;
      if (text.length - position < length) break;
      this.emit(text, position, position + length, length);
      position += length;
    }
    return position;
  }

  /** Passes a record to the sink, then moves the offset past it and its line break. */
  private emit(text: string, start: number, end: number, consumed: number): void {
    this.sink.record(text, this.codes, start, end, this.byteOffset);
    this.advance(text, start, end, consumed);
  }

  /** Moves the byte offset past `consumed` characters, of which `start` to `end` may be multi-byte. */
  private advance(text: string, start: number, end: number, consumed: number): void {
    if (this.singleByte) this.byteOffset += consumed;
    else this.byteOffset += Buffer.byteLength(text.slice(start, end), 'utf8') + (consumed - (end - start));
  }

  /** Keeps the unfinished rest of `text` from `position` on, to be completed by the next piece. */
  private keep(text: string, position: number, singleByte: boolean): void {
    this.pending = position === 0 ? text : text.slice(position);
    this.pendingSingleByte = singleByte || isAsciiText(this.pending);
    this.checkPendingLength();
  }

  /**
   * A line this long is no record (at most 1063 characters and some padding): stop here rather
   * than keep gathering text that never ends in a line break.
   */
  private checkPendingLength(): void {
    if (this.mode === 'newline' && this.pending.length > MAX_LINE_LENGTH) {
      throw new IdocError('BAD_RECORD_LENGTH', `no line break within ${MAX_LINE_LENGTH} characters`, {
        offset: this.byteOffset,
        docnum: this.sink.currentDocnum(),
      });
    }
  }
}

function isLineBreaks(text: string): boolean {
  return /^[\r\n]*$/.test(text);
}

/** Whether the line from `start` to `end` is white space that starts with a blank (padding). */
function isBlankLine(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 32 && text.slice(start, end).trim() === '';
}

function isAsciiText(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 127) return false;
  return true;
}
