// The character codes and classes the IDoc-XML reader and the stream's IDOC splitter share.

/** `<` */
export const LT = 60;
/** `>` */
export const GT = 62;
/** `/` */
export const SLASH = 47;
/** `!` */
export const BANG = 33;
/** `?` */
export const QUESTION = 63;
/** `=` */
export const EQUALS = 61;
/** `-` */
export const DASH = 45;
/** `"` */
export const QUOTE = 34;
/** `'` */
export const APOSTROPHE = 39;
/** The byte order mark U+FEFF. */
export const BOM = 0xfeff;

/** `&` */
const AMPERSAND = 38;

/** Whether a character is XML white space (space, LF, CR, tab). */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Whether a character may start a name. */
export function startsName(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 58 || code >= 0x80
  );
}

/** Whether a character ends a name (or may not be in one); `NaN`, past the end of the text, does too. */
export function endsName(code: number): boolean {
  return (
    isSpace(code) ||
    code === SLASH ||
    code === GT ||
    code === EQUALS ||
    code === LT ||
    code === QUOTE ||
    code === APOSTROPHE ||
    code === BANG ||
    code === QUESTION ||
    code === AMPERSAND ||
    Number.isNaN(code)
  );
}

/**
 * The candidates for a character XML 1.0 does not allow: C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF and surrogates (a surrogate is allowed only as half of a pair).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;

/**
 * Where the first character that XML 1.0 does not allow (outside its Char production) is in
 * `text`: a C0 control other than tab, LF and CR, U+FFFE, U+FFFF, or a lone surrogate. The one
 * definition the IDoc-XML reader and writer share, so that the writer can write exactly what the
 * reader reads.
 * @returns the index, or -1 when every character is allowed.
 */
export function indexOfNonXmlChar(text: string): number {
  SUSPECT.lastIndex = 0;
  for (let match = SUSPECT.exec(text); match !== null; match = SUSPECT.exec(text)) {
    const index = match.index;
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      SUSPECT.lastIndex = index + 2;
      continue;
    }
    return index;
  }
  return -1;
}

/** Whether a code point is an XML 1.0 character (the Char production), for character references. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** XML 1.0 (fifth edition) NameStartChar, without the code points past U+FFFF. */
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
/** The XML 1.0 Name production. */
const XML_NAME = new RegExp(
  `^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*$`,
  'u',
);

/**
 * Whether `name` is an XML 1.0 Name, as element and attribute names must be: the one definition
 * the IDoc-XML reader and writer share. SAP names with a namespace (`/ABC/E1SEG`) are not.
 */
export function isXmlName(name: string): boolean {
  // Most names are ASCII letters, digits and `_`: checked without the regular expression.
  const first = name.charCodeAt(0);
  let ascii = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95 || first === 58;
  for (let index = 1; ascii && index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    ascii =
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 58) ||
      code === 95 ||
      code === 45 ||
      code === 46;
  }
  return ascii || XML_NAME.test(name);
}
