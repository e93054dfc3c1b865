import { builtinIdocSchemas } from '../schema/builtin-idoc-schemas.js';
import { createSchemaRegistry, type SchemaRegistry } from '../schema/compile-schema.js';
import type { IdocSchema } from '../schema/idoc-schema.js';

/** Options of `writeIdoc`. Flat-file defaults follow how each IDoc was read, so a parsed file is written back byte for byte. */
export interface WriteIdocOptions {
  /** `flat` (EDI_DC40/EDI_DD40 records) or `xml` (IDoc-XML). @default 'flat' */
  readonly format?: 'flat' | 'xml';
  /** `newline`: one record per line; `fixed`: records end to end. @default as read, else 'newline' */
  readonly framing?: 'newline' | 'fixed';
  /** The line break. @default as read, else '\n' */
  readonly lineEnding?: '\n' | '\r\n';
  /**
   * The length of each line in `newline` framing: `as-read` keeps the length each record had in
   * the file it came from (full length for new records), `full` pads to 524/1063 characters,
   * `trimmed` removes trailing blanks.
   * @default 'as-read'
   */
  readonly recordLength?: 'as-read' | 'full' | 'trimmed';
  /**
   * `keep` writes SEGNUM, PSGNUM, HLEVEL, MANDT and DOCNUM of each data record as read (and
   * numbers segments that were not read from a file); `renumber` numbers every segment 1...n,
   * sets PSGNUM to the parent's SEGNUM and HLEVEL to the definition level, and copies MANDT and
   * DOCNUM from the control record. Renumber after adding or removing segments.
   * @default 'keep'
   */
  readonly numbering?: 'keep' | 'renumber';
  /**
   * SEGNAM in flat files: `as-read` keeps the name each record was read with (E1 type or E2
   * definition), `type` writes E1/Z1 type names, `definition` E2/Z2 definition names with version.
   * @default 'as-read' (type names for new segments)
   */
  readonly segmentNames?: 'as-read' | 'type' | 'definition';
  /** The schemas that give each segment's field layout. @default builtinIdocSchemas */
  readonly schemas?: readonly IdocSchema[];
  /** XML indentation per level; `''` writes the document on one line. @default '  ' */
  readonly indent?: string;
}

/** {@link WriteIdocOptions} with every default filled in; `undefined` framing means "as read". */
export interface ResolvedWriteIdocOptions {
  readonly format: 'flat' | 'xml';
  readonly framing: 'newline' | 'fixed' | undefined;
  readonly lineEnding: '\n' | '\r\n' | undefined;
  readonly recordLength: 'as-read' | 'full' | 'trimmed';
  readonly numbering: 'keep' | 'renumber';
  readonly segmentNames: 'as-read' | 'type' | 'definition';
  readonly registry: SchemaRegistry;
  readonly indent: string;
}

/** Fills every default of {@link WriteIdocOptions} in one place. */
export function resolveWriteIdocOptions(options: WriteIdocOptions = {}): ResolvedWriteIdocOptions {
  return {
    format: options.format ?? 'flat',
    framing: options.framing,
    lineEnding: options.lineEnding,
    recordLength: options.recordLength ?? 'as-read',
    numbering: options.numbering ?? 'keep',
    segmentNames: options.segmentNames ?? 'as-read',
    registry: createSchemaRegistry(options.schemas ?? builtinIdocSchemas),
    indent: options.indent ?? '  ',
  };
}
