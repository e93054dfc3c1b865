import { builtinIdocSchemas } from './builtin-idoc-schemas.js';
import { createSchemaRegistry, type SchemaRegistry } from './compile-schema.js';
import type { IdocSchema } from './idoc-schema.js';
import type { FramingOption } from './record-splitter.js';
import type { IdocEncoding } from './text-decoder.js';

/** Options of `parseIdoc` and `parseIdocStream`. */
export interface ParseIdocOptions {
  /**
   * The schemas to read segments with, searched in order (put your own before the built-ins to
   * override them). An IDoc whose type none describes is still read, its segments kept as raw
   * text with a `NO_SCHEMA` warning.
   * @default builtinIdocSchemas
   */
  readonly schemas?: readonly IdocSchema[];
  /** The character encoding of byte input; ignored for strings. @default 'utf-8' */
  readonly encoding?: IdocEncoding;
  /** `flat` (EDI_DC40/EDI_DD40 records), `xml` (IDoc-XML) or `auto` (XML when the text starts with `<`). @default 'auto' */
  readonly format?: 'auto' | 'flat' | 'xml';
  /** The framing of flat records: `auto` detects fixed, LF, CRLF and right-trimmed lines. @default 'auto' */
  readonly framing?: FramingOption;
}

/** {@link ParseIdocOptions} with every default filled in. */
export interface ResolvedParseIdocOptions {
  readonly registry: SchemaRegistry;
  readonly encoding: IdocEncoding;
  readonly format: 'auto' | 'flat' | 'xml';
  readonly framing: FramingOption;
}

/** Fills every default of {@link ParseIdocOptions} in one place. */
export function resolveParseIdocOptions(options: ParseIdocOptions = {}): ResolvedParseIdocOptions {
  return {
    registry: createSchemaRegistry(options.schemas ?? builtinIdocSchemas),
    encoding: options.encoding ?? 'utf-8',
    format: options.format ?? 'auto',
    framing: options.framing ?? 'auto',
  };
}
