import { writeFlatIdocs } from '../flat/write-idoc-flat.js';
import type { Idoc } from '../idoc.js';
import { type CompiledSchema, compileSchema } from '../schema/compile-schema.js';
import type { IdocSchema } from '../schema/idoc-schema.js';
import { writeIdocXml } from '../xml/write-idoc-xml.js';
import { type IdocToWrite, readIdocList, readIdocToWrite } from './read-idoc-object.js';
import {
  type ResolvedWriteIdocOptions,
  resolveWriteIdocOptions,
  type WriteIdocOptions,
} from './write-idoc-options.js';

/**
 * Writes IDocs as a flat file or as IDoc-XML. A flat file read with `parseIdoc` is written back
 * byte for byte in its own framing (record lengths, line breaks, segment names and numbering as
 * read); segments added by hand are numbered and laid out from the schema. IDoc-XML uses E1/Z1
 * type names, leaves empty fields out and escapes text.
 *
 * Each IDoc is written with the first schema for its type in `options.schemas`, else with the
 * schema it was read with (`idoc.schema`, set by the parsers), else with the built-in one
 * (unless `options.schemas` is given). So an IDoc parsed with a custom WE60 schema is written
 * back without passing the schema again; a copy made with `JSON.stringify`, `structuredClone`
 * or object spread does not carry `schema` and needs `options.schemas`.
 *
 * Every value of the IDocs is read once; an IDoc built in code may hold at most 999,999
 * segments (SEGNUM has six digits) nested at most 99 levels deep.
 *
 * @param idocs - one IDoc or several (several IDocs share one file, or one XML root).
 * @param options - see {@link WriteIdocOptions}.
 * @returns the file content as text; encode it with the target system's code page
 *   (`Buffer.from(text, 'latin1')` for non-Unicode systems).
 * @throws {IdocError} `UNKNOWN_SEGMENT` when no schema gives a segment's layout (or an XML segment
 *   would lose raw text), `UNKNOWN_FIELD` for a field the definition lacks, `VALUE_TOO_LONG`
 *   when a value does not fit its field, `INVALID_RECORD` for an object that is not an IDoc or
 *   segment (or cannot be read), a value that is not a string, a line break in a value of a
 *   line-framed file, or the raw rest of a segment read from a flat file that the layout it is
 *   written with would overwrite; `BAD_HIERARCHY` for segments nested deeper than 99 levels or
 *   more than 999,999 of them; `INVALID_ENCODING` for half a character in IDoc-XML;
 *   `INVALID_XML` for a character or name XML 1.0 cannot carry; `INVALID_SCHEMA` for an invalid
 *   schema in `options.schemas` or `idoc.schema`.
 * @throws {ValidationError} for invalid options (`/format`, `/schemas/0`...).
 * @example
 * const idocs = parseIdoc(input, { schemas: [siteSchema, ...builtinIdocSchemas] });
 * idocs[0]!.segments[0]!.fields['GAMNG'] = '250.000';
 * writeFileSync('out.idoc', writeIdoc(idocs));                   // same framing and layout as read
 * writeFileSync('out.xml', writeIdoc(idocs, { format: 'xml' }));  // IDoc-XML
 */
export function writeIdoc(idocs: Idoc | readonly Idoc[], options?: WriteIdocOptions): string {
  const resolved = resolveWriteIdocOptions(options);
  const list = readIdocList(idocs).map((value, index) => {
    const idoc = readIdocToWrite(value, index);
    return [idoc, schemaFor(idoc, resolved)] as const;
  });
  return resolved.format === 'xml' ? writeIdocXml(list, resolved) : writeFlatIdocs(list, resolved);
}

/** The schema an IDoc is written with: the options', else its own, else the built-in one. */
function schemaFor(idoc: IdocToWrite, options: ResolvedWriteIdocOptions): CompiledSchema | undefined {
  const { idoctyp, cimtyp } = idoc.control;
  const basicType = typeof idoctyp === 'string' ? idoctyp : '';
  const extension = typeof cimtyp === 'string' ? cimtyp : '';
  const given = options.registry?.find(basicType, extension);
  if (given !== undefined) return given;
  if (idoc.schema !== undefined) return compileSchema(idoc.schema as IdocSchema);
  return options.registry === undefined ? options.builtins.find(basicType, extension) : undefined;
}
