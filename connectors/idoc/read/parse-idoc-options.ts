import { ValidationError, type ValidationIssue } from '../../../src/errors/validation-error.js';
import type { FramingOption } from '../flat/record-splitter.js';
import { builtinIdocSchemas } from '../schema/builtin-idoc-schemas.js';
import { createSchemaRegistry, type SchemaRegistry } from '../schema/compile-schema.js';
import type { IdocSchema } from '../schema/idoc-schema.js';
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

const ENCODINGS: readonly unknown[] = ['utf-8', 'latin1'];
const FORMATS: readonly unknown[] = ['auto', 'flat', 'xml'];
const FRAMINGS: readonly unknown[] = ['auto', 'fixed', 'newline'];

/**
 * Checks {@link ParseIdocOptions} and fills every default, in one place.
 * @returns the resolved options.
 * @throws {ValidationError} listing each invalid option by JSON Pointer (`/encoding`,
 *   `/schemas/1`...), for callers without TypeScript or with options from a configuration file.
 */
export function resolveParseIdocOptions(options: ParseIdocOptions = {}): ResolvedParseIdocOptions {
  const issues: ValidationIssue[] = [];
  const oneOf = (value: unknown, allowed: readonly unknown[], path: string): void => {
    if (value !== undefined && !allowed.includes(value))
      issues.push({ path, code: 'invalid_value', message: `must be one of ${allowed.join(', ')}` });
  };
  oneOf(options.encoding, ENCODINGS, '/encoding');
  oneOf(options.format, FORMATS, '/format');
  oneOf(options.framing, FRAMINGS, '/framing');
  const schemas: unknown = options.schemas;
  if (schemas !== undefined && !Array.isArray(schemas)) {
    issues.push({ path: '/schemas', code: 'invalid_type', message: 'must be an array of IDoc schemas' });
  } else {
    (schemas ?? []).forEach((schema: unknown, index: number) => {
      if (!isIdocSchema(schema))
        issues.push({
          path: `/schemas/${index}`,
          code: 'invalid_type',
          message: 'must be an IDoc schema from loadIdocSchema() or builtinIdocSchemas',
        });
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, { schema: 'ParseIdocOptions' });
  return {
    registry: createSchemaRegistry(options.schemas ?? builtinIdocSchemas),
    encoding: options.encoding ?? 'utf-8',
    format: options.format ?? 'auto',
    framing: options.framing ?? 'auto',
  };
}

/** Whether a value has the shape of an {@link IdocSchema}. */
function isIdocSchema(value: unknown): value is IdocSchema {
  if (typeof value !== 'object' || value === null) return false;
  const schema = value as Partial<IdocSchema>;
  return (
    typeof schema.basicType === 'string' &&
    typeof schema.extension === 'string' &&
    Array.isArray(schema.segments)
  );
}

/** The default of {@link ParseIdocStreamOptions.maxIdocLength}: 64 Mi characters. */
const DEFAULT_MAX_IDOC_LENGTH = 64 * 1024 * 1024;

/**
 * Checks `maxIdocLength` of {@link ParseIdocStreamOptions} and fills its default.
 * @returns the limit in characters.
 * @throws {ValidationError} at `/maxIdocLength` unless it is an integer >= 1.
 */
export function resolveMaxIdocLength(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_IDOC_LENGTH;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw new ValidationError(
    [{ path: '/maxIdocLength', code: 'invalid_value', message: 'must be an integer >= 1' }],
    { schema: 'ParseIdocStreamOptions' },
  );
}
