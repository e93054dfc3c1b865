import { RecordSplitter } from '../flat/record-splitter.js';
import type { Idoc } from '../idoc.js';
import { checkDeclaredEncoding } from '../xml/declared-encoding.js';
import { parseIdocXml } from '../xml/parse-idoc-xml.js';
import { IdocAssembler } from './idoc-assembler.js';
import { assertTextOrBytes } from './idoc-input.js';
import {
  type ParseIdocOptions,
  type ResolvedParseIdocOptions,
  resolveParseIdocOptions,
} from './parse-idoc-options.js';
import { createChunkDecoder } from './text-decoder.js';

/**
 * Parses an IDoc flat file (EDI_DC40 control + EDI_DD40 data records) or an IDoc-XML document
 * into IDocs. Flat files may use any framing seen in real systems: fixed 524/1063-character
 * records without line breaks, LF or CRLF lines, right-trimmed lines; E1 type or E2 definition
 * segment names; blank DOCNUM/SEGNUM/PSGNUM/HLEVEL from EDI translators; several IDocs per file.
 * Bytes are decoded first and fields are cut by characters, as SAP counts them. The segment tree
 * is rebuilt from the schema first, then PSGNUM, then HLEVEL. Segments no schema describes are
 * kept as raw text (`unparsed`) with a warning, never dropped. For files of any size use
 * `parseIdocStream`.
 *
 * @param input - the file as bytes (a Buffer or Uint8Array, decoded with `options.encoding`) or
 *   as text.
 * @returns every IDoc in the input, in order; `[]` for empty input.
 * @throws {IdocError} for bad input, with the IDoc number, segment number, segment name, field
 *   and byte offset where they apply (codes `TRUNCATED_RECORD`, `BAD_RECORD_LENGTH`,
 *   `MISSING_CONTROL_RECORD`, `BAD_HIERARCHY`, `INVALID_NUMBER`, `INVALID_ENCODING`, `INVALID_XML`...;
 *   `INVALID_ENCODING` also for IDoc-XML bytes whose declaration names an encoding other than
 *   `options.encoding`);
 *   `INVALID_INPUT` for input that is neither text nor bytes (null, a number, an object);
 *   `INVALID_SCHEMA` for a schema in `options.schemas` whose content is invalid.
 * @throws {ValidationError} for invalid options (`/encoding`, `/format`, `/framing`, `/schemas/0`...),
 *   options that are not an object, or options that cannot be read.
 * @example
 * const [idoc] = parseIdoc(readFileSync('LOIPRO_4711.idoc'));
 * console.log(idoc.control.mestyp, idoc.segments[0]?.fields['AUFNR']);
 */
export function parseIdoc(input: string | Uint8Array, options?: ParseIdocOptions): Idoc[] {
  assertTextOrBytes(input, 'parseIdoc reads an IDoc file', 'INVALID_INPUT');
  const resolved = resolveParseIdocOptions(options);
  let text: string;
  let codes: Uint8Array | undefined;
  if (typeof input === 'string') text = input;
  else {
    const decoder = createChunkDecoder(resolved.encoding);
    text = decoder.decode(input);
    if (decoder.oneToOne) codes = input;
    text += decoder.flush();
  }
  if (isXml(text, resolved)) {
    if (typeof input !== 'string') checkDeclaredEncoding(text, resolved.encoding);
    return parseIdocXml(text, resolved.registry);
  }
  return parseFlat(text, codes, resolved);
}

function isXml(text: string, options: ResolvedParseIdocOptions): boolean {
  if (options.format !== 'auto') return options.format === 'xml';
  return /^\uFEFF?\s*</.test(text.slice(0, 1024));
}

function parseFlat(text: string, codes: Uint8Array | undefined, options: ResolvedParseIdocOptions): Idoc[] {
  const assembler = new IdocAssembler(options.registry);
  const splitter = new RecordSplitter(assembler, options.framing, options.encoding === 'latin1');
  const bytes = options.encoding === 'latin1' ? text.length : Buffer.byteLength(text, 'utf8');
  splitter.push(text, bytes, codes);
  splitter.end();
  return assembler.completed;
}
