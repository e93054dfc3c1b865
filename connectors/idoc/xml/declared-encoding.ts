// IDoc-XML read from bytes names its own encoding in the XML declaration. The bytes are decoded
// with the `encoding` option before the declaration is seen, so a declaration that names another
// encoding means the text was decoded wrongly (UTF-8 read as latin-1 turns "ü" into "Ã¼"): that
// input is refused, never read as mojibake.
import { IdocError } from '../../../src/errors/idoc-error.js';
import type { IdocEncoding } from '../read/text-decoder.js';

/** How many characters at the start of a document are searched for the declaration's encoding. */
export const DECLARATION_SPAN = 512;

/** The declaration's encoding name, at the very start of the document (after a BOM). */
const DECLARATION = /^\uFEFF?<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/;

/** The names XML documents use for each encoding the reader decodes (IANA names and aliases). */
const NAMES: Readonly<Record<string, IdocEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'latin1',
  iso8859_1: 'latin1',
  'iso_8859-1': 'latin1',
  'iso8859-1': 'latin1',
  latin1: 'latin1',
  'latin-1': 'latin1',
  l1: 'latin1',
  'iso-ir-100': 'latin1',
  cp819: 'latin1',
  ibm819: 'latin1',
  csisolatin1: 'latin1',
};

const SHOWN: Readonly<Record<IdocEncoding, string>> = { 'utf-8': 'UTF-8', latin1: 'ISO-8859-1' };

/**
 * Checks the start of IDoc-XML decoded from bytes against the XML declaration's encoding, if it
 * names one (without one, the bytes are read as the option says).
 * @param head - the start of the decoded text (the declaration is in its first characters).
 * @param encoding - the encoding the bytes were decoded with (`options.encoding`).
 * @throws {IdocError} `INVALID_ENCODING` when the declaration names another encoding, or one the
 *   reader does not decode; the message says both.
 */
export function checkDeclaredEncoding(head: string, encoding: IdocEncoding): void {
  const match = DECLARATION.exec(head.slice(0, DECLARATION_SPAN));
  if (match === null) return;
  const declared = match[2] as string;
  const meant = NAMES[declared.trim().toLowerCase()];
  if (meant === encoding) return;
  const read = `the bytes were decoded as ${SHOWN[encoding]} (options.encoding '${encoding}')`;
  const message =
    meant === undefined
      ? `the XML declaration says encoding="${declared}", which the IDoc reader does not decode (it reads UTF-8 and ISO-8859-1), and ${read}; convert the file to UTF-8`
      : `the XML declaration says encoding="${declared}", but ${read}; pass { encoding: '${meant}' } for this file, or leave encoding out for UTF-8`;
  throw new IdocError('INVALID_ENCODING', message, { offset: 0 });
}
