import { writeFlatIdocs } from '../flat/write-idoc-flat.js';
import type { Idoc } from '../idoc.js';
import { writeIdocXml } from '../xml/write-idoc-xml.js';
import { assertIdocShape } from './idoc-shape.js';
import { resolveWriteIdocOptions, type WriteIdocOptions } from './write-idoc-options.js';

/**
 * Writes IDocs as a flat file or as IDoc-XML. A flat file read with `parseIdoc` is written back
 * byte for byte in its own framing (record lengths, line breaks, segment names and numbering as
 * read); segments added by hand are numbered and laid out from the schema. IDoc-XML uses E1/Z1
 * type names, leaves empty fields out and escapes text.
 *
 * @param idocs - one IDoc or several (several IDocs share one file, or one XML root).
 * @returns the file content as text; encode it with the target system's code page
 *   (`Buffer.from(text, 'latin1')` for non-Unicode systems).
 * @throws {IdocError} `UNKNOWN_SEGMENT` when no schema gives a segment's layout (or an XML segment
 *   would lose raw text), `UNKNOWN_FIELD` for a field the definition lacks, `VALUE_TOO_LONG`
 *   when a value does not fit its field, `INVALID_RECORD` for an object that is not an IDoc or
 *   segment, a value that is not a string or a line break in a value of a line-framed file,
 *   `BAD_HIERARCHY` for segments nested deeper than 99 levels, `INVALID_ENCODING` for half a
 *   character in IDoc-XML.
 * @example
 * const idocs = parseIdoc(input);
 * idocs[0]!.segments[0]!.fields['GAMNG'] = '250.000';
 * writeFileSync('out.idoc', writeIdoc(idocs));                   // same framing as the input
 * writeFileSync('out.xml', writeIdoc(idocs, { format: 'xml' }));  // IDoc-XML
 */
export function writeIdoc(idocs: Idoc | readonly Idoc[], options?: WriteIdocOptions): string {
  const resolved = resolveWriteIdocOptions(options);
  const list = isIdocList(idocs) ? idocs : [idocs];
  list.forEach((idoc: unknown, index) => {
    assertIdocShape(idoc, index);
  });
  return resolved.format === 'xml' ? writeIdocXml(list, resolved) : writeFlatIdocs(list, resolved);
}

function isIdocList(value: Idoc | readonly Idoc[]): value is readonly Idoc[] {
  return Array.isArray(value);
}
