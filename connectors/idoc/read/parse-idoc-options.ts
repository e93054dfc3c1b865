import type { FramingOption } from '../flat/record-splitter.js';
import {
  builtinSchemaRegistry,
  createSchemaRegistry,
  type SchemaRegistry,
} from '../schema/compile-schema.js';
import type { IdocSchema } from '../schema/idoc-schema.js';
import { OptionIssues } from './read-caller-options.js';
import { IDOC_ENCODINGS, type IdocEncoding } from './text-decoder.js';

/** Options of `parseIdoc` and `parseIdocStream`. */
export interface ParseIdocOptions {
  /**
   * The schemas to read segments with, searched in order (put your own before the built-ins to
   * override them). An IDoc whose type none describes is still read, its segments kept as raw
   * text with a `NO_SCHEMA` warning.
   * @default builtinIdocSchemas
   */
  readonly schemas?: readonly IdocSchema[];
  /**
   * The character encoding of byte input; ignored for strings. IDoc-XML bytes whose XML
   * declaration names another encoding are refused (`INVALID_ENCODING`), never decoded wrongly.
   * @default 'utf-8'
   */
  readonly encoding?: IdocEncoding;
  /** `flat` (EDI_DC40/EDI_DD40 records), `xml` (IDoc-XML) or `auto` (XML when the text starts with `<`). @default 'auto' */
  readonly format?: 'auto' | 'flat' | 'xml';
  /** The framing of flat records: `auto` detects fixed, LF, CRLF and right-trimmed lines. @default 'auto' */
  readonly framing?: FramingOption;
}

/** {@link ParseIdocOptions} (and the stream's options) with every default filled in. */
export interface ResolvedParseIdocOptions {
  readonly registry: SchemaRegistry;
  readonly encoding: IdocEncoding;
  readonly format: 'auto' | 'flat' | 'xml';
  readonly framing: FramingOption;
  /** The largest IDoc a stream accepts, in characters; unlimited for `parseIdoc`. */
  readonly maxIdocLength: number;
}

const FORMATS = ['auto', 'flat', 'xml'] as const;
const FRAMINGS: readonly FramingOption[] = ['auto', 'fixed', 'newline'];
const KEYS = ['schemas', 'encoding', 'format', 'framing'] as const;
const STREAM_KEYS = [...KEYS, 'maxIdocLength'] as const;

/** The default of `ParseIdocStreamOptions.maxIdocLength`: 64 Mi characters. */
const DEFAULT_MAX_IDOC_LENGTH = 64 * 1024 * 1024;

/**
 * Checks the options of `parseIdoc` (or, with `stream`, of `parseIdocStream`) and fills every
 * default, in one place. Each option is read once.
 * @returns the resolved options.
 * @throws {ValidationError} listing each invalid option by JSON Pointer (`/encoding`,
 *   `/schemas/1`, `/maxIdocLength`..., or the root for options that are not an object), also
 *   for an option whose getter or Proxy trap throws, for callers without TypeScript or with
 *   options from a configuration file.
 * @throws {IdocError} `INVALID_SCHEMA` for a schema whose content is invalid (see compileSchema).
 */
export function resolveParseIdocOptions(options: unknown, stream = false): ResolvedParseIdocOptions {
  const issues = new OptionIssues(stream ? 'ParseIdocStreamOptions' : 'ParseIdocOptions');
  const values = issues.read(options, stream ? STREAM_KEYS : KEYS);
  const { encoding, format, framing } = values;
  issues.oneOf(encoding, IDOC_ENCODINGS, '/encoding');
  issues.oneOf(format, FORMATS, '/format');
  issues.oneOf(framing, FRAMINGS, '/framing');
  const schemas = issues.schemas(values.schemas);
  const maxIdocLength = stream ? readMaxIdocLength(values.maxIdocLength, issues) : Number.POSITIVE_INFINITY;
  issues.throwIfAny();
  return {
    registry: schemas === undefined ? builtinSchemaRegistry() : createSchemaRegistry(schemas),
    encoding: (encoding as IdocEncoding | undefined) ?? 'utf-8',
    format: (format as ResolvedParseIdocOptions['format'] | undefined) ?? 'auto',
    framing: (framing as FramingOption | undefined) ?? 'auto',
    maxIdocLength,
  };
}

function readMaxIdocLength(value: unknown, issues: OptionIssues): number {
  if (value === undefined) return DEFAULT_MAX_IDOC_LENGTH;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  issues.add('/maxIdocLength', 'invalid_value', 'must be an integer >= 1');
  return DEFAULT_MAX_IDOC_LENGTH;
}
