// Splits decoded flat-file text into records, whatever the framing: fixed 524/1063-character
// records end to end, LF or CRLF lines, right-trimmed lines of any length. Text arrives in
// pieces (stream chunks) and only the unfinished record is kept, so memory stays constant.
import { IdocError } from '../../src/errors/idoc-error.js';
import type { RecordSink } from './idoc-assembler.js';
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

export class RecordSplitter {
  private pending = '';
  /** The byte offset in the input of `pending[0]`. */
  private pendingOffset = 0;
  /** Whether every character of `pending` took one byte in the input (ASCII or latin-1). */
  private pendingSingleByte = true;
  private mode: FramingOption;
  private lineEnding: '\n' | '\r\n' = '\n';
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

  /** Adds decoded text; `byteLength` is how many input bytes it came from. */
  push(text: string, byteLength: number): void {
    if (text === '') return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) {
        text = text.slice(1);
        this.pendingOffset = this.singleByteEncoding ? 2 : 3;
        byteLength -= this.pendingOffset;
      }
    }
    this.pendingSingleByte &&= this.singleByteEncoding || text.length === byteLength;
    this.pending = this.pending === '' ? text : this.pending + text;
    this.drain(false);
  }

  /** The input ended: emits the last record and tells the sink. */
  end(): void {
    this.drain(true);
    const rest = this.pending;
    if (this.mode === 'fixed') {
      if (!isLineBreaks(rest)) {
        throw new IdocError(
          'TRUNCATED_RECORD',
          `the last record has ${rest.length} characters; fixed records have ${CONTROL_RECORD_LENGTH} or ${DATA_RECORD_LENGTH}`,
          { offset: this.pendingOffset, docnum: this.sink.currentDocnum() },
        );
      }
      if (rest.startsWith('\r\n')) this.sink.layout('fixed', '\r\n');
      this.sink.end(rest !== '');
      return;
    }
    const line = stripCarriageReturn(rest, this.lineEnding);
    if (line.trim() !== '') this.emit(line, rest.length);
    this.sink.end(rest === '');
  }

  private drain(ended: boolean): void {
    if (this.mode === 'auto' && !this.detect(ended)) return;
    if (this.mode === 'fixed') this.drainFixed();
    else this.drainLines();
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
    if (framing === 'newline' && newline > 0 && text.charCodeAt(newline - 1) === CR) this.lineEnding = '\r\n';
    if (framing === 'fixed') {
      const after = text.indexOf('\n');
      if (after > 0 && text.charCodeAt(after - 1) === CR) this.lineEnding = '\r\n';
    }
    this.mode = framing;
    this.sink.layout(framing, this.lineEnding);
    return true;
  }

  private drainLines(): void {
    const text = this.pending;
    let position = 0;
    for (;;) {
      const newline = text.indexOf('\n', position);
      if (newline < 0) break;
      const raw = text.slice(position, newline);
      const line = stripCarriageReturn(raw, this.lineEnding);
      if (line !== '' && !isOnlyBlanks(line)) this.emit(line, raw.length + 1);
      else this.advance(raw.length + 1, raw);
      position = newline + 1;
    }
    this.keep(position);
    // A line this long is no record (at most 1063 characters and some padding): stop here rather
    // than keep gathering text that never ends in a line break.
    if (this.pending.length > MAX_LINE_LENGTH) {
      throw new IdocError('BAD_RECORD_LENGTH', `no line break within ${MAX_LINE_LENGTH} characters`, {
        offset: this.pendingOffset,
        docnum: this.sink.currentDocnum(),
      });
    }
  }

  private drainFixed(): void {
    const text = this.pending;
    let position = 0;
    for (;;) {
      const first = text.charCodeAt(position);
      if (first === CR || first === LF) {
        // Only a final line break may follow fixed records; anything after it is an error.
        const rest = text.slice(position);
        if (!isLineBreaks(rest)) {
          throw new IdocError('BAD_RECORD_LENGTH', 'a line break between fixed-length records', {
            offset: this.pendingOffset,
            docnum: this.sink.currentDocnum(),
          });
        }
        break;
      }
      const length =
        first === 69 && text.startsWith('EDI_DC', position) ? CONTROL_RECORD_LENGTH : DATA_RECORD_LENGTH;
      if (text.length - position < length) break;
      this.emit(text.slice(position, position + length), length);
      position += length;
    }
    this.keep(position);
  }

  /** Passes a record to the sink, then moves the offset past it and its line break. */
  private emit(line: string, consumed: number): void {
    this.sink.record(line, this.pendingOffset);
    this.advance(consumed, line);
  }

  private advance(consumed: number, text: string): void {
    if (this.pendingSingleByte) this.pendingOffset += consumed;
    else this.pendingOffset += Buffer.byteLength(text, 'utf8') + (consumed - text.length);
  }

  /** Drops what was consumed; the rest (an unfinished record) waits for more text. */
  private keep(position: number): void {
    if (position === 0) return;
    this.pending = this.pending.slice(position);
    if (!this.pendingSingleByte && !this.singleByteEncoding) this.pendingSingleByte = isAscii(this.pending);
  }
}

function stripCarriageReturn(line: string, lineEnding: '\n' | '\r\n'): string {
  return lineEnding === '\r\n' && line.charCodeAt(line.length - 1) === CR ? line.slice(0, -1) : line;
}

function isLineBreaks(text: string): boolean {
  return /^[\r\n]*$/.test(text);
}

function isOnlyBlanks(line: string): boolean {
  return line.charCodeAt(0) === 32 && line.trim() === '';
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 127) return false;
  return true;
}
