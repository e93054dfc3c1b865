// Cuts an IDoc-XML text stream into its <IDOC> elements, so that each one is parsed on its own
// and a document of any size is read with the memory of one IDoc. IDOC elements never nest.
import { IdocError } from '../../src/errors/idoc-error.js';

/** Receives each complete `<IDOC>...</IDOC>` element with the name of the document's root element. */
export type IdocElementSink = (element: string, root: string) => void;

const END_TAG = '</IDOC>';

/** Cuts an IDoc-XML text stream into its `<IDOC>` elements (see the file comment). */
export class XmlIdocSplitter {
  /** Text not yet part of an IDOC element (the prolog, white space between elements). */
  private pending = '';
  private root: string | undefined;
  /** The pieces of the IDOC element being gathered, or undefined between elements. */
  private parts: string[] | undefined;
  private partsLength = 0;
  /** The last characters gathered, where an end tag split between two pieces may begin. */
  private tail = '';

  /**
   * @param sink - receives each IDOC element.
   * @param maxLength - the largest IDOC element accepted, in characters.
   */
  constructor(
    private readonly sink: IdocElementSink,
    private readonly maxLength: number,
  ) {}

  push(text: string): void {
    if (this.parts !== undefined) {
      this.gather(text);
      return;
    }
    this.pending += text;
    if (this.root === undefined && !this.readProlog()) return;
    this.findElements();
  }

  end(): void {
    if (this.root === undefined) {
      if (this.pending.trim() === '') return;
      throw new IdocError('INVALID_XML', 'the document ends before its root element');
    }
    if (this.parts !== undefined)
      throw new IdocError('INVALID_XML', `the document ends inside an IDOC element`);
    const rest = stripComments(this.pending).trim();
    if (rest !== `</${this.root}>`) {
      throw new IdocError('INVALID_XML', `expected </${this.root}> at the end of the document`);
    }
  }

  /** Finds the root start tag; false until it has arrived. */
  private readProlog(): boolean {
    const text = this.pending;
    if (/<!DOCTYPE/i.test(text)) {
      throw new IdocError('INVALID_XML', 'IDoc-XML must not contain a DOCTYPE (entities are never expanded)');
    }
    const prolog =
      /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_/][\w./-]*)(?:\s[^>]*)?>/.exec(text);
    if (prolog === null) {
      if (text.length > 4096)
        throw new IdocError('INVALID_XML', 'no root element in the first 4096 characters');
      return false;
    }
    this.root = prolog[1] as string;
    this.pending = text.slice(prolog[0].length);
    return true;
  }

  /** Looks for the next IDOC start tag in the text between elements. */
  private findElements(): void {
    const root = this.root as string;
    const text = this.pending;
    const match = /<IDOC[\s>/]/.exec(text);
    if (match === null) {
      // Hold back a tail that may be the beginning of <IDOC or of the root's end tag.
      this.checkBetween(text.slice(0, Math.max(0, text.length - root.length - 8)));
      if (text.length > this.maxLength) {
        throw new IdocError('IDOC_TOO_LARGE', `no IDOC element within ${this.maxLength} characters`);
      }
      return;
    }
    this.checkBetween(text.slice(0, match.index));
    this.pending = '';
    this.parts = [];
    this.partsLength = 0;
    this.tail = '';
    this.gather(text.slice(match.index));
  }

  /** Adds text to the IDOC element; emits it when its end tag has arrived. */
  private gather(text: string): void {
    const parts = this.parts as string[];
    // Search only the new text and the few characters before it that may begin the end tag.
    const window = this.tail + text;
    const found = window.indexOf(END_TAG);
    if (found < 0) {
      parts.push(text);
      this.partsLength += text.length;
      this.tail = window.slice(-(END_TAG.length - 1));
      if (this.partsLength > this.maxLength) {
        throw new IdocError('IDOC_TOO_LARGE', `an IDOC element exceeds ${this.maxLength} characters`);
      }
      return;
    }
    const end = found + END_TAG.length - this.tail.length;
    parts.push(text.slice(0, end));
    this.parts = undefined;
    this.sink(parts.join(''), this.root as string);
    this.pending = '';
    this.push(text.slice(end));
  }

  /** Only white space and comments may stand between IDOC elements. */
  private checkBetween(text: string): void {
    const stripped = stripComments(text).trim();
    if (stripped !== '' && !stripped.startsWith(`</${this.root}>`) && !/^<!--/.test(stripped)) {
      throw new IdocError(
        'INVALID_XML',
        `unexpected content between IDOC elements: ${JSON.stringify(stripped.slice(0, 40))}`,
      );
    }
  }
}

function stripComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--[\s\S]*?-->/g, '') : text;
}
