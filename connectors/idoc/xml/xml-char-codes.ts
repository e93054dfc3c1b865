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
