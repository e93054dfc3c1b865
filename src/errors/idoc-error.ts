import { MillwrightError } from './millwright-error.js';

/**
 * Why an IDoc, an IDoc file or an IDoc schema was rejected:
 * - `TRUNCATED_RECORD`: a fixed-length record (524/1063 characters, no line breaks) ends early.
 * - `BAD_RECORD_LENGTH`: a record is longer than its record type allows, or the text between
 *   records is not a line break.
 * - `INVALID_RECORD`: a record is malformed, e.g. a data record without a segment name.
 * - `MISSING_CONTROL_RECORD`: data records come before any EDI_DC40 control record.
 * - `UNSUPPORTED_RECORD`: a record of a type the adapter does not read (record version 2
 *   `EDI_DC`/`EDI_DD`, status records `EDI_DS40`).
 * - `UNKNOWN_SEGMENT`: a segment cannot be written because no schema describes it.
 * - `UNKNOWN_FIELD`: a segment to be written holds a field its definition does not have.
 * - `VALUE_TOO_LONG`: a field value to be written is longer than the field.
 * - `BAD_HIERARCHY`: the segments cannot form the tree the schema or PSGNUM describes.
 * - `DOCNUM_MISMATCH`: a data record names another IDoc than its control record.
 * - `INVALID_NUMBER`: a numeric record field (SEGNUM, PSGNUM, HLEVEL, DOCNUM) is not numeric.
 * - `INVALID_ENCODING`: the bytes are not valid in the chosen encoding (UTF-8 by default).
 * - `INVALID_XML`: IDoc-XML is malformed, has a DOCTYPE or an unknown entity, or lacks the
 *   IDoc structure.
 * - `INVALID_SCHEMA`: a WE60/WE63 parser export cannot be read.
 * - `IDOC_TOO_LARGE`: one IDoc in a stream exceeds the configured size limit.
 * - `INVALID_INPUT`: the input is not an IDoc file at all: neither text nor bytes (or, for a
 *   stream, no stream or iterable of chunks).
 */
export type IdocErrorCode =
  | 'TRUNCATED_RECORD'
  | 'BAD_RECORD_LENGTH'
  | 'INVALID_RECORD'
  | 'MISSING_CONTROL_RECORD'
  | 'UNSUPPORTED_RECORD'
  | 'UNKNOWN_SEGMENT'
  | 'UNKNOWN_FIELD'
  | 'VALUE_TOO_LONG'
  | 'BAD_HIERARCHY'
  | 'DOCNUM_MISMATCH'
  | 'INVALID_NUMBER'
  | 'INVALID_ENCODING'
  | 'INVALID_XML'
  | 'INVALID_SCHEMA'
  | 'IDOC_TOO_LARGE'
  | 'INVALID_INPUT';

/** Where in an IDoc file the problem is; every field is optional and none is secret. */
export interface IdocErrorDetails {
  /** The IDoc number (DOCNUM) of the IDoc concerned, as written (may be blank). */
  readonly docnum?: string;
  /** The segment number (SEGNUM) of the record concerned. */
  readonly segnum?: string;
  /** The segment name as written in the record (E1/E2/Z1/Z2 name). */
  readonly segment?: string;
  /** The field concerned, e.g. `PSGNUM` or `MATNR`. */
  readonly field?: string;
  /** The byte offset in the input where the record (or XML token) starts. */
  readonly offset?: number;
  /** The line number (1-based) in a schema text or XML document. */
  readonly line?: number;
}

/**
 * An IDoc flat file, IDoc-XML document or WE60/WE63 schema text was rejected, or an IDoc could
 * not be written. It carries the IDoc number, segment number, segment name, field and byte
 * offset where they apply. Part of the "data was rejected" family, like {@link MappingError}.
 *
 * @example
 * try { parseIdoc(buffer); } catch (error) {
 *   if (error instanceof IdocError) console.error(error.code, error.segment, error.offset);
 * }
 */
export class IdocError extends MillwrightError<IdocErrorCode> {
  /** The IDoc number (DOCNUM) concerned. */
  readonly docnum: string | undefined;
  /** The segment number (SEGNUM) concerned. */
  readonly segnum: string | undefined;
  /** The segment name concerned, as written. */
  readonly segment: string | undefined;
  /** The field concerned. */
  readonly field: string | undefined;
  /** The byte offset in the input. */
  readonly offset: number | undefined;
  /** The 1-based line in a schema text or XML document. */
  readonly line: number | undefined;

  /**
   * @param code - why the IDoc was rejected.
   * @param message - human-readable text; it must not contain a secret.
   * @param details - where the problem is.
   * @param options - `cause`: a wrapped lower error.
   */
  constructor(
    code: IdocErrorCode,
    message: string,
    details: IdocErrorDetails = {},
    options?: { readonly cause?: unknown },
  ) {
    super(code, message, options);
    this.docnum = details.docnum;
    this.segnum = details.segnum;
    this.segment = details.segment;
    this.field = details.field;
    this.offset = details.offset;
    this.line = details.line;
  }

  override get name(): string {
    return 'IdocError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { docnum, segnum, segment, field, offset, line } = this;
    return { docnum, segnum, segment, field, offset, line };
  }
}
