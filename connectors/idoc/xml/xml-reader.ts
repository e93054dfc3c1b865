// A strict reader for the XML that IDoc-XML uses: elements, attributes, character data, CDATA
// sections, comments and processing instructions. It checks well-formedness as it goes (one root,
// matching end tags, quoted and unique attributes, nothing but white space, comments and PIs
// outside the root) in a single pass over the text, and refuses a DOCTYPE, so no entity is ever
// defined or expanded: only the five predefined entities and character references are decoded.
// A generic parser plus a separate validator read the text twice and build a node object for
// every piece of text; IDoc-XML needs neither. The children of the root (the IDOC elements) are
// handed over one by one as they close and are not kept, so a large document is never held as
// one tree; the white space between elements is checked and dropped, never gathered.
import { IdocError } from '../../../src/errors/idoc-error.js';
import {
  APOSTROPHE,
  BANG,
  BOM,
  EQUALS,
  endsName,
  GT,
  indexOfNonXmlChar,
  isSpace,
  isXmlChar,
  isXmlName,
  QUESTION,
  QUOTE,
  SLASH,
  startsName,
} from './xml-char-codes.js';

/** An element: its name, attributes, child elements and the character data directly inside it. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>> | undefined;
  /** The child elements (the root's are handed to the caller instead). */
  children: readonly XmlElement[];
  /** The character data of an element without child elements: entities decoded, pieces joined. */
  text: string;
  /** Whether the element holds a CDATA section. */
  cdata: boolean;
  /** Whether it holds child elements and, beside them, text other than white space or CDATA. */
  mixed: boolean;
}

/** The children of every element until its first child arrives. */
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/** Deeper nesting than this is refused (IDoc trees are a handful of levels deep). */
const MAX_DEPTH = 256;

/** The five predefined entities; a Map, so that no inherited name (`constructor`) is one. */
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the five predefined entities and character references; any other entity is an error. */
export function decodeEntities(text: string, field: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new IdocError('INVALID_XML', `a bare "&" in <${field}>`, { field });
    const named = ENTITIES.get(name);
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(name)
        ? Number(name.slice(1))
        : -1;
    if (code < 0) {
      throw new IdocError(
        'INVALID_XML',
        `unknown entity ${match} in <${field}> (entities are not expanded)`,
        { field },
      );
    }
    if (!isXmlChar(code)) {
      const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new IdocError(
        'INVALID_XML',
        `the character reference ${match} in <${field}> stands for ${hex}, a character XML 1.0 does not allow ` +
          '(control characters other than tab, LF and CR, surrogates, U+FFFE, U+FFFF and anything past U+10FFFF)',
        { field },
      );
    }
    return String.fromCodePoint(code);
  });
}

/**
 * The message for a character XML 1.0 does not allow, found at `index` of `text` by
 * `indexOfNonXmlChar`: its code, and what it is.
 */
export function describeNonXmlChar(text: string, index: number): string {
  const code = text.charCodeAt(index);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code >= 0xd800 && code <= 0xdfff
    ? `${hex} is half of a character (a lone UTF-16 surrogate), which XML 1.0 does not allow`
    : `the character ${hex} is not allowed in XML 1.0 (control characters other than tab, LF and CR, U+FFFE and U+FFFF)`;
}

/** Whether a string is XML white space only. */
export function isBlankText(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (!isSpace(text.charCodeAt(index))) return false;
  return true;
}

class Reader {
  private position = 0;
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;
  /** Whether the root has had a child element. */
  private rootHasChildren = false;

  constructor(
    private readonly text: string,
    private readonly onRootChild: (element: XmlElement, root: XmlElement) => void,
  ) {
    if (text.charCodeAt(0) === BOM) this.position = 1;
  }

  read(): XmlElement {
    const { text } = this;
    const bad = indexOfNonXmlChar(text);
    if (bad >= 0) this.fail(describeNonXmlChar(text, bad), bad);
    while (this.position < text.length) {
      const lt = text.indexOf('<', this.position);
      this.characters(lt < 0 ? text.length : lt);
      if (lt < 0) break;
      const next = text.charCodeAt(lt + 1);
      if (next === SLASH) this.endTag(lt);
      else if (next === BANG) this.declaration(lt);
      else if (next === QUESTION) this.instruction(lt);
      else this.startTag(lt);
    }
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) this.fail(`the document ends inside <${open.name}>`, text.length);
    if (this.root === undefined) this.fail('the document has no root element', text.length);
    return this.root as XmlElement;
  }

  /**
   * Character data up to `end`: the text of an element without children; beside child elements
   * only whether it is blank; outside the root only white space.
   */
  private characters(end: number): void {
    if (end === this.position) return;
    const piece = this.text.slice(this.position, end);
    const element = this.stack[this.stack.length - 1];
    if (element === undefined) {
      if (!isBlankText(piece)) this.fail('text outside the root element', this.position);
    } else if (this.hasChildren(element)) {
      if (!isBlankText(piece)) element.mixed = true;
    } else {
      if (piece.includes(']]>')) this.fail('"]]>" in character data', this.position);
      element.text += decodeEntities(piece, element.name);
    }
    this.position = end;
  }

  private hasChildren(element: XmlElement): boolean {
    return element === this.root ? this.rootHasChildren : element.children.length > 0;
  }

  /** Adds a child element: the first one turns the parent's text so far into the `mixed` flag. */
  private adopt(parent: XmlElement, child: XmlElement): void {
    if (!this.hasChildren(parent)) {
      if (parent.cdata || !isBlankText(parent.text)) parent.mixed = true;
      parent.text = '';
    }
    if (parent === this.root) {
      this.rootHasChildren = true;
      return;
    }
    if (parent.children === NO_CHILDREN) parent.children = [child];
    else (parent.children as XmlElement[]).push(child);
  }

  private startTag(lt: number): void {
    const { text } = this;
    const nameEnd = this.nameEnd(lt + 1);
    const name = this.xmlName(lt + 1, nameEnd);
    let attributes: Record<string, string> | undefined;
    let at = nameEnd;
    for (;;) {
      const spaced = at;
      while (isSpace(text.charCodeAt(at))) at += 1;
      const code = text.charCodeAt(at);
      if (code === GT || (code === SLASH && text.charCodeAt(at + 1) === GT)) break;
      if (at === spaced) this.fail(`expected white space, ">" or "/>" in <${name}>`, at);
      const attributeEnd = this.nameEnd(at);
      const attribute = this.xmlName(at, attributeEnd);
      at = attributeEnd;
      while (isSpace(text.charCodeAt(at))) at += 1;
      if (text.charCodeAt(at) !== EQUALS) this.fail(`attribute ${attribute} of <${name}> has no value`, at);
      at += 1;
      while (isSpace(text.charCodeAt(at))) at += 1;
      const quote = text.charCodeAt(at);
      if (quote !== QUOTE && quote !== APOSTROPHE)
        this.fail(`attribute ${attribute} of <${name}> is not quoted`, at);
      const close = text.indexOf(quote === QUOTE ? '"' : "'", at + 1);
      if (close < 0) this.fail(`attribute ${attribute} of <${name}> is not closed`, at);
      const raw = text.slice(at + 1, close);
      if (raw.includes('<')) this.fail(`"<" in attribute ${attribute} of <${name}>`, at);
      attributes ??= {};
      if (attribute === '__proto__' || Object.hasOwn(attributes, attribute)) {
        this.fail(`attribute ${attribute} occurs twice in <${name}> or is reserved`, at);
      }
      attributes[attribute] = decodeEntities(raw, name);
      at = close + 1;
    }
    const selfClosing = text.charCodeAt(at) === SLASH;
    this.position = at + (selfClosing ? 2 : 1);
    const element: XmlElement = {
      name,
      attributes,
      children: NO_CHILDREN,
      text: '',
      cdata: false,
      mixed: false,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent !== undefined) this.adopt(parent, element);
    else if (this.root !== undefined) this.fail('an XML document has exactly one root element', lt);
    else this.root = element;
    if (selfClosing) {
      if (parent !== undefined && parent === this.root) this.onRootChild(element, parent);
      return;
    }
    if (this.stack.length >= MAX_DEPTH) this.fail(`elements nested deeper than ${MAX_DEPTH} levels`, lt);
    this.stack.push(element);
  }

  private endTag(lt: number): void {
    const { text } = this;
    const nameEnd = this.nameEnd(lt + 2);
    const name = text.slice(lt + 2, nameEnd);
    let at = nameEnd;
    while (isSpace(text.charCodeAt(at))) at += 1;
    if (text.charCodeAt(at) !== GT) this.fail(`the end tag </${name}> is not closed`, at);
    const open = this.stack.pop();
    if (open === undefined || open.name !== name) {
      this.fail(open === undefined ? `</${name}> closes no element` : `</${name}> closes <${open.name}>`, lt);
    }
    this.position = at + 1;
    if (this.stack.length === 1) this.onRootChild(open, this.stack[0] as XmlElement);
  }

  /** `<!--...-->`, `<![CDATA[...]]>`; a DOCTYPE (or anything else after `<!`) is refused. */
  private declaration(lt: number): void {
    const { text } = this;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) this.fail('a comment is not closed', lt);
      if (text.slice(lt + 4, end).includes('--')) this.fail('"--" inside a comment', lt);
      this.position = end + 3;
      return;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const element = this.stack[this.stack.length - 1];
      if (element === undefined) this.fail('a CDATA section outside the root element', lt);
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) this.fail('a CDATA section is not closed', lt);
      const open = element as XmlElement;
      if (this.hasChildren(open)) open.mixed = true;
      else open.text += text.slice(lt + 9, end);
      open.cdata = true;
      this.position = end + 3;
      return;
    }
    if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
      throw new IdocError(
        'INVALID_XML',
        'IDoc-XML must not contain a DOCTYPE (entities are never expanded)',
        {
          line: this.lineAt(lt),
        },
      );
    }
    this.fail('unexpected "<!"', lt);
  }

  /** `<?target ...?>`: the XML declaration only at the very start; other instructions are skipped. */
  private instruction(lt: number): void {
    const end = this.text.indexOf('?>', lt + 2);
    if (end < 0) this.fail('a processing instruction is not closed', lt);
    const target = this.text.slice(lt + 2, this.nameEnd(lt + 2));
    const start = this.text.charCodeAt(0) === BOM ? 1 : 0;
    if (target.toLowerCase() === 'xml' && lt !== start)
      this.fail('the XML declaration is not at the start', lt);
    this.position = end + 2;
  }

  /** Where the name starting at `start` ends; fails when no name starts there. */
  private nameEnd(start: number): number {
    if (!startsName(this.text.charCodeAt(start))) this.fail('expected a name', start);
    let end = start + 1;
    while (!endsName(this.text.charCodeAt(end))) end += 1;
    return end;
  }

  /** The name from `start` to `end`, which must be an XML Name (as the writer writes them). */
  private xmlName(start: number, end: number): string {
    const name = this.text.slice(start, end);
    if (!isXmlName(name)) this.fail(`${JSON.stringify(name.slice(0, 40))} is not an XML name`, start);
    return name;
  }

  private lineAt(offset: number): number {
    let line = 1;
    for (let at = this.text.indexOf('\n'); at >= 0 && at < offset; at = this.text.indexOf('\n', at + 1))
      line += 1;
    return line;
  }

  private fail(message: string, offset: number): never {
    const line = this.lineAt(offset);
    throw new IdocError('INVALID_XML', `malformed XML at line ${line}: ${message}`, { line });
  }
}

/**
 * Reads an XML document: each child element of the root goes to `onRootChild` as soon as it is
 * complete (and is not kept); the root is returned at the end, without children.
 * @throws {IdocError} `INVALID_XML` with the line for anything that is not well-formed, a
 *   DOCTYPE, an entity other than the five predefined ones and character references, or
 *   elements nested deeper than 256 levels; and whatever `onRootChild` throws.
 */
export function readXml(
  text: string,
  onRootChild: (element: XmlElement, root: XmlElement) => void,
): XmlElement {
  return new Reader(text, onRootChild).read();
}
