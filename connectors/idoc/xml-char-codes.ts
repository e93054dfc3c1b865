// The character codes the IDoc-XML reader and the stream's IDOC splitter compare against.

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
