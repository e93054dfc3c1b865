import { OptionIssues } from '../read/read-caller-options.js';
import {
  builtinSchemaRegistry,
  createSchemaRegistry,
  type SchemaRegistry,
} from '../schema/compile-schema.js';
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
  /**
   * The schemas that give each segment's field layout, searched first. An IDoc that `parseIdoc`
   * or `parseIdocStream` read keeps the schema it was read with (`idoc.schema`), which is used
   * when none of these describes its type, so a parsed IDoc is written back without passing its
   * schema again.
   * @default the IDoc's own `schema`, then builtinIdocSchemas
   */
  readonly schemas?: readonly IdocSchema[];
  /** XML indentation per level, blanks and tabs only; `''` writes the document on one line. @default '  ' */
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
  /** The schemas given in the options; undefined when left out. */
  readonly registry: SchemaRegistry | undefined;
  /** The built-in schemas, for IDocs that neither the options nor their own schema describe. */
  readonly builtins: SchemaRegistry;
  readonly indent: string;
}

const KEYS = [
  'format',
  'framing',
  'lineEnding',
  'recordLength',
  'numbering',
  'segmentNames',
  'schemas',
  'indent',
] as const;

/**
 * Checks {@link WriteIdocOptions} and fills every default, in one place. Each option is read once.
 * @throws {ValidationError} listing each invalid option by JSON Pointer (`/format`, `/schemas/0`...),
 *   or the root for options that are not an object, also for an option that cannot be read.
 * @throws {IdocError} `INVALID_SCHEMA` for a schema whose content is invalid.
 */
export function resolveWriteIdocOptions(options: unknown): ResolvedWriteIdocOptions {
  const issues = new OptionIssues('WriteIdocOptions');
  const values = issues.read(options, KEYS);
  const { format, framing, lineEnding, recordLength, numbering, segmentNames, indent } = values;
  issues.oneOf(format, ['flat', 'xml'], '/format');
  issues.oneOf(framing, ['newline', 'fixed'], '/framing');
  issues.oneOf(lineEnding, ['\n', '\r\n'], '/lineEnding');
  issues.oneOf(recordLength, ['as-read', 'full', 'trimmed'], '/recordLength');
  issues.oneOf(numbering, ['keep', 'renumber'], '/numbering');
  issues.oneOf(segmentNames, ['as-read', 'type', 'definition'], '/segmentNames');
  const schemas = issues.schemas(values.schemas);
  if (indent !== undefined && (typeof indent !== 'string' || !/^[ \t]*$/.test(indent))) {
    issues.add('/indent', 'invalid_value', 'must be a string of blanks and tabs');
  }
  issues.throwIfAny();
  const resolved = values as WriteIdocOptions;
  return {
    format: resolved.format ?? 'flat',
    framing: resolved.framing,
    lineEnding: resolved.lineEnding,
    recordLength: resolved.recordLength ?? 'as-read',
    numbering: resolved.numbering ?? 'keep',
    segmentNames: resolved.segmentNames ?? 'as-read',
    registry: schemas === undefined ? undefined : createSchemaRegistry(schemas),
    builtins: builtinSchemaRegistry(),
    indent: resolved.indent ?? '  ',
  };
}
