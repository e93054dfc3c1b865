// Cuts an IDoc-XML text stream into its <IDOC> elements, so that each one is parsed on its own
// and a document of any size is read with the memory of one IDoc. Markup is found as the reader
// (xml-reader.ts) finds it: comments, CDATA sections and processing instructions are skipped,
// never searched for tags, and quoted attribute values may hold ">". Everything outside the IDOC
// elements (prolog, root tags, the text between elements, what follows the root) is checked here
// by the reader's rules, in the reader's order, so a stream accepts and refuses what parseIdoc
// does. The text is read once: between pieces only the state and the few characters of an
// unfinished token are kept, and only the IDOC element being read (or the root start tag) is held.
import { IdocError } from '../../../src/errors/idoc-error.js';
import {
  APOSTROPHE,
  BANG,
  BOM,
  DASH,
  endsName,
  GT,
  indexOfNonXmlChar,
  isSpace,
  LT,
  QUESTION,
  QUOTE,
  SLASH,
  startsName,
} from './xml-char-codes.js';
import { decodeEntities, describeNonXmlChar, isBlankText, readXml } from './xml-reader.js';

/** Receives each complete `<IDOC>...</IDOC>` element with the name of the document's root element. */
export type IdocElementSink = (element: string, root: string) => void;

/** Where the scan is in the document. */
type Phase = 'prolog' | 'root' | 'element' | 'epilog';
/** What the scan is inside of: character data, a tag, a comment, CDATA, a PI, or the root end tag after its name. */
type Mode = 'text' | 'tag' | 'comment' | 'cdata' | 'pi' | 'rootEnd';

/** What ends or interrupts a tag outside quoted values. */
const TAG_STOP = /[<>"']/g;
/** An unfinished entity reference longer than this is no reference the reader would decode. */
const MAX_REFERENCE = 16;

/** Cuts an IDoc-XML text stream into its `<IDOC>` elements (see the file comment). */
export class XmlIdocSplitter {
  private phase: Phase = 'prolog';
  private mode: Mode = 'text';
  /** The start of an unfinished token, read again with the next piece. */
  private carry = '';
  /** Characters read before the current piece (a leading BOM not counted), to place the XML declaration. */
  private consumed = 0;
  private started = false;
  private root: string | undefined;
  /** The pieces of the IDOC element (or root start tag) being gathered. */
  private parts: string[] = [];
  private partsLength = 0;
  /** Where the IDOC element or root start tag begins in the current piece; -1 when none is gathered. */
  private captureFrom = -1;
  /** Elements open in the IDOC element, itself included. */
  private depth = 0;
  /** Whether the tag being read is an end tag. */
  private closing = false;
  /** The quote of the attribute value being read, or 0. */
  private quote = 0;
  /** The last character of the previous piece, read inside a tag (`/` before `>` closes the element). */
  private tagPrevious = 0;
  /** Whether the root has had an IDOC element. */
  private rootHasChildren = false;
  /** Whether the root holds text or CDATA beside its elements: refused at the end, as `parseIdoc` does. */
  private stray = false;
  /** The root's character data before its first element: an unfinished entity reference. */
  private reference = '';
  /** The last two characters of that character data, where a "]]>" split between pieces begins. */
  private textTail = '';
  /** A high surrogate that ended the last piece, read with the next one (see checkCharacters). */
  private heldSurrogate = '';

  /**
   * @param sink - receives each IDOC element.
   * @param maxLength - the largest IDOC element (or root start tag) accepted, in characters.
   */
  constructor(
    private readonly sink: IdocElementSink,
    private readonly maxLength: number,
  ) {}

  /**
   * Reads the next piece of the document and passes on each IDOC element it completes.
   * @throws {IdocError} `INVALID_XML` for markup that `parseIdoc` refuses outside the IDOC elements
   *   (text or another element beside the root, a DOCTYPE, a malformed comment, content after the
   *   root end tag...); `IDOC_TOO_LARGE` for an element past `maxLength`; whatever the sink throws.
   */
  push(text: string): void {
    let piece = this.carry + this.checkCharacters(text);
    this.carry = '';
    if (!this.started && piece !== '') {
      this.started = true;
      if (piece.charCodeAt(0) === BOM) piece = piece.slice(1);
    }
    let at = 0;
    while (at < piece.length) at = this.step(piece, at);
    this.capture(piece, piece.length - this.carry.length);
    this.consumed += piece.length - this.carry.length;
  }

  /**
   * The document ended.
   * @throws {IdocError} `INVALID_XML` when it ends before its root element is closed or inside a
   *   token, or when the root holds text beside its IDOC elements.
   */
  end(): void {
    if (this.heldSurrogate !== '') this.fail(describeNonXmlChar(this.heldSurrogate, 0));
    if (this.carry !== '' || this.mode !== 'text')
      this.fail('the document ends inside a tag, comment or CDATA section');
    if (this.phase === 'prolog') this.fail('the document has no root element');
    if (this.phase !== 'epilog') this.fail(`the document ends inside <${this.root}>`);
    if (this.stray) this.fail(`<${this.root}> holds text outside its fields`);
  }

  /**
   * `text` checked for characters XML 1.0 does not allow, as the reader checks a whole document,
   * so that the stream refuses them also outside the IDOC elements. A high surrogate at the end
   * is held back until the next piece, which may hold the other half of its pair.
   * @returns the text to read now.
   */
  private checkCharacters(text: string): string {
    let checked = this.heldSurrogate + text;
    this.heldSurrogate = '';
    const last = checked.charCodeAt(checked.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.heldSurrogate = checked.slice(-1);
      checked = checked.slice(0, -1);
    }
    const bad = indexOfNonXmlChar(checked);
    if (bad >= 0) this.fail(describeNonXmlChar(checked, bad));
    return checked;
  }

  /** Reads from `at` by the current mode; returns where reading goes on. */
  private step(piece: string, at: number): number {
    switch (this.mode) {
      case 'text':
        return this.phase === 'element' ? this.elementTags(piece, at) : this.text(piece, at);
      case 'tag':
        return this.tag(piece, at);
      case 'comment':
        return this.comment(piece, at);
      case 'cdata':
        return this.skipTo(piece, at, ']]>');
      case 'pi':
        return this.skipTo(piece, at, '?>');
      case 'rootEnd':
        return this.rootEnd(piece, at);
    }
  }

  /**
   * Inside an IDOC element, where most of the text is: plain tags (no quote, all in this piece)
   * are counted here; anything else goes to the general path from its `<`.
   */
  private elementTags(piece: string, at: number): number {
    const length = piece.length;
    let position = at;
    for (;;) {
      const lt = piece.indexOf('<', position);
      if (lt < 0) return length;
      const closing = piece.charCodeAt(lt + 1) === SLASH;
      if (!closing && !startsName(piece.charCodeAt(lt + 1))) return this.text(piece, lt);
      let gt = lt + 2;
      let code = piece.charCodeAt(gt);
      while (gt < length && code !== GT && code !== QUOTE && code !== APOSTROPHE && code !== LT) {
        gt += 1;
        code = piece.charCodeAt(gt);
      }
      if (code !== GT) return this.text(piece, lt);
      if (closing) this.depth -= 1;
      else if (piece.charCodeAt(gt - 1) !== SLASH) this.depth += 1;
      if (this.depth === 0) {
        this.elementEnded(piece, gt + 1);
        return gt + 1;
      }
      position = gt + 1;
    }
  }

  /** Character data up to the next `<`, then the markup it starts. */
  private text(piece: string, at: number): number {
    const lt = piece.indexOf('<', at);
    const end = lt < 0 ? piece.length : lt;
    if (end > at && this.phase !== 'element') this.characters(piece, at, end);
    if (lt < 0) return piece.length;
    const next = piece.charCodeAt(lt + 1);
    if (Number.isNaN(next)) return this.wait(piece, lt);
    if (this.phase === 'root') this.endRootText();
    if (next === SLASH) return this.endTag(piece, lt);
    if (next === BANG) return this.declaration(piece, lt);
    if (next === QUESTION) return this.instruction(piece, lt);
    return this.startTag(piece, lt);
  }

  /** Character data outside the IDOC elements: white space only, but for the root's (checked at the end). */
  private characters(piece: string, start: number, end: number): void {
    if (this.phase === 'root') {
      this.rootText(piece, start, end);
      return;
    }
    if (!isBlankRange(piece, start, end)) this.fail('text outside the root element');
  }

  /**
   * The root's character data. Before its first element it is decoded as the reader decodes it
   * (a bad reference or "]]>" fails at once); any that is not white space fails at the end.
   */
  private rootText(piece: string, start: number, end: number): void {
    if (this.rootHasChildren) {
      if (!isBlankRange(piece, start, end)) this.stray = true;
      return;
    }
    const raw = piece.slice(start, end);
    const tail = this.textTail + raw;
    if (tail.includes(']]>')) this.fail('"]]>" in character data');
    this.textTail = tail.slice(-2);
    const text = this.reference + raw;
    const amp = text.lastIndexOf('&');
    const open = amp >= 0 && text.length - amp <= MAX_REFERENCE && !/[;&\s]/.test(text.slice(amp + 1));
    const cut = open ? amp : text.length;
    if (!isBlankText(decodeEntities(text.slice(0, cut), this.root as string))) this.stray = true;
    this.reference = text.slice(cut);
  }

  /** The root's character data ends at markup: an unfinished reference is a bare "&". */
  private endRootText(): void {
    if (this.reference !== '') decodeEntities(this.reference, this.root as string);
    this.reference = '';
    this.textTail = '';
  }

  /** `<name`: an element inside the IDOC element, an IDOC element, or the root. */
  private startTag(piece: string, lt: number): number {
    if (!startsName(piece.charCodeAt(lt + 1))) this.fail('expected a name after "<"');
    if (this.phase === 'epilog') this.fail('an XML document has exactly one root element');
    if (this.phase === 'root') {
      if (piece.length < lt + 6) return this.wait(piece, lt);
      if (!piece.startsWith('IDOC', lt + 1) || !endsName(piece.charCodeAt(lt + 5))) {
        this.fail(
          `expected <IDOC> under <${this.root}>, found <${piece.slice(lt + 1, nameEnd(piece, lt + 1))}>`,
        );
      }
      this.rootHasChildren = true;
      this.phase = 'element';
      this.beginCapture(lt);
    } else if (this.phase === 'prolog') this.beginCapture(lt);
    return this.beginTag(lt + 1, false);
  }

  /** `</`: an end tag inside the IDOC element, or the root's end tag. */
  private endTag(piece: string, lt: number): number {
    if (this.phase === 'element') return this.beginTag(lt + 2, true);
    if (this.phase !== 'root') this.fail('an end tag closes no element');
    const root = this.root as string;
    const after = lt + 2 + root.length;
    if (piece.length <= after) return this.wait(piece, lt);
    if (!piece.startsWith(root, lt + 2) || !endsName(piece.charCodeAt(after))) {
      this.fail(`an end tag closes <${root}>`);
    }
    this.mode = 'rootEnd';
    return after;
  }

  /** White space after the root's end tag name, then `>`. */
  private rootEnd(piece: string, at: number): number {
    let position = at;
    while (position < piece.length && isSpace(piece.charCodeAt(position))) position += 1;
    if (position === piece.length) return position;
    if (piece.charCodeAt(position) !== GT) this.fail(`the end tag </${this.root}> is not closed`);
    this.mode = 'text';
    this.phase = 'epilog';
    return position + 1;
  }

  private beginTag(at: number, closing: boolean): number {
    this.mode = 'tag';
    this.closing = closing;
    this.quote = 0;
    return at;
  }

  /** Reads a tag up to its `>`, skipping quoted attribute values; a `<` in a tag is an error. */
  private tag(piece: string, at: number): number {
    let position = at;
    for (;;) {
      if (this.quote !== 0) {
        const close = piece.indexOf(this.quote === QUOTE ? '"' : "'", position);
        const end = close < 0 ? piece.length : close;
        if (piece.slice(position, end).includes('<')) this.fail('"<" in an attribute value');
        if (close < 0) return this.tagPieceEnd(piece);
        this.quote = 0;
        position = close + 1;
      }
      TAG_STOP.lastIndex = position;
      const stop = TAG_STOP.exec(piece);
      if (stop === null) return this.tagPieceEnd(piece);
      const code = piece.charCodeAt(stop.index);
      if (code === LT) this.fail('"<" inside a tag');
      if (code === GT) {
        const previous = stop.index > 0 ? piece.charCodeAt(stop.index - 1) : this.tagPrevious;
        this.mode = 'text';
        return this.tagEnd(piece, stop.index + 1, !this.closing && previous === SLASH);
      }
      this.quote = code;
      position = stop.index + 1;
    }
  }

  private tagPieceEnd(piece: string): number {
    this.tagPrevious = piece.charCodeAt(piece.length - 1);
    return piece.length;
  }

  /** A tag ended at `end`: counts the nesting, and completes the IDOC element or the root start tag. */
  private tagEnd(piece: string, end: number, selfClosing: boolean): number {
    if (this.phase === 'prolog') return this.rootStarted(piece, end, selfClosing);
    if (this.closing) this.depth -= 1;
    else if (!selfClosing) this.depth += 1;
    if (this.depth === 0) this.elementEnded(piece, end);
    return end;
  }

  /** The root start tag is complete: checked by the reader, as `parseIdoc` checks it. */
  private rootStarted(piece: string, end: number, selfClosing: boolean): number {
    const tag = this.endCapture(piece, end);
    const name = tag.slice(1, nameEnd(tag, 1));
    readXml(selfClosing ? tag : `${tag}</${name}>`, () => {});
    this.root = name;
    this.phase = selfClosing ? 'epilog' : 'root';
    return end;
  }

  private elementEnded(piece: string, end: number): void {
    const element = this.endCapture(piece, end);
    this.phase = 'root';
    this.sink(element, this.root as string);
  }

  /** `<!--` or `<![CDATA[`; a DOCTYPE or anything else after `<!` is refused. */
  private declaration(piece: string, lt: number): number {
    if (piece.startsWith('<!--', lt)) {
      this.mode = 'comment';
      return lt + 4;
    }
    if (piece.startsWith('<![CDATA[', lt)) {
      if (this.phase === 'prolog' || this.phase === 'epilog')
        this.fail('a CDATA section outside the root element');
      if (this.phase === 'root') this.stray = true;
      this.mode = 'cdata';
      return lt + 9;
    }
    const head = piece.slice(lt, lt + 9);
    const prefix = head.toUpperCase();
    const partial = '<!--'.startsWith(head) || '<![CDATA['.startsWith(head) || '<!DOCTYPE'.startsWith(prefix);
    if (head.length < 9 && partial) return this.wait(piece, lt);
    if (prefix === '<!DOCTYPE') {
      throw new IdocError('INVALID_XML', 'IDoc-XML must not contain a DOCTYPE (entities are never expanded)');
    }
    return this.fail('unexpected "<!"');
  }

  /**
   * A comment's text up to `-->`; "--" inside is an error, as in the reader (which ends a
   * comment at the first `-->` and then refuses "--" before it).
   */
  private comment(piece: string, at: number): number {
    const dashes = piece.indexOf('--', at);
    if (dashes < 0)
      return this.wait(piece, Math.max(at, piece.endsWith('-') ? piece.length - 1 : piece.length));
    // "-->" ends the comment; so does "--->", whose first "-" is text.
    const after = piece.charCodeAt(dashes + 2);
    const last = after === GT ? after : after === DASH ? piece.charCodeAt(dashes + 3) : after;
    if (Number.isNaN(last)) return this.wait(piece, dashes);
    if (last !== GT) this.fail('"--" inside a comment');
    this.mode = 'text';
    return after === GT ? dashes + 3 : dashes + 4;
  }

  /** A CDATA section or processing instruction, up to its `terminator`. */
  private skipTo(piece: string, at: number, terminator: string): number {
    const found = piece.indexOf(terminator, at);
    if (found >= 0) {
      this.mode = 'text';
      return found + terminator.length;
    }
    return this.wait(piece, Math.max(at, piece.length - terminator.length + 1));
  }

  /** `<?target`: the XML declaration only at the very start of the document. */
  private instruction(piece: string, lt: number): number {
    if (piece.length < lt + 3) return this.wait(piece, lt);
    if (!startsName(piece.charCodeAt(lt + 2))) this.fail('expected a name after "<?"');
    const probe = piece.slice(lt + 2, lt + 6).toLowerCase();
    if (probe.length < 4 && 'xml'.startsWith(probe)) return this.wait(piece, lt);
    const declaration = probe.startsWith('xml') && endsName(probe.charCodeAt(3));
    if (declaration && this.consumed + lt !== 0) this.fail('the XML declaration is not at the start');
    this.mode = 'pi';
    return lt + 2;
  }

  /** Keeps the piece from `from` on for the next piece; the rest of this piece is done. */
  private wait(piece: string, from: number): number {
    this.carry = piece.slice(from);
    return piece.length;
  }

  private beginCapture(at: number): void {
    this.captureFrom = at;
    this.parts = [];
    this.partsLength = 0;
  }

  /** Adds the gathered text of this piece up to `end` to the element or root start tag. */
  private capture(piece: string, end: number): void {
    if (this.captureFrom < 0) return;
    if (end > this.captureFrom) {
      this.parts.push(piece.slice(this.captureFrom, end));
      this.partsLength += end - this.captureFrom;
    }
    this.captureFrom = 0;
    if (this.partsLength > this.maxLength) {
      throw new IdocError('IDOC_TOO_LARGE', `an IDOC element exceeds ${this.maxLength} characters`);
    }
  }

  private endCapture(piece: string, end: number): string {
    this.capture(piece, end);
    this.captureFrom = -1;
    const text = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    return text;
  }

  private fail(message: string): never {
    throw new IdocError('INVALID_XML', `malformed XML: ${message}`);
  }
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (!isSpace(text.charCodeAt(index))) return false;
  return true;
}

/** Where the name that starts at `start` ends. */
function nameEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && !endsName(text.charCodeAt(end))) end += 1;
  return end;
}
