// The lookup structures the parser and the writer need for a schema, built once per schema
// object and cached: segment definitions by child type, field positions as absolute record
// offsets, and SEGNAM normalisation (E2 definition names with version suffix → E1 type). A
// schema is read once, into a checked copy (copy-idoc-schema.ts), on its first use.
import { SDATA_OFFSET } from '../flat/record-layout.js';
import { builtinIdocSchemas } from './builtin-idoc-schemas.js';
import { copyIdocSchema } from './copy-idoc-schema.js';
import type { IdocSchema, IdocSegmentDefinition } from './idoc-schema.js';

/** A segment definition prepared for slicing and placement. */
export interface CompiledSegment {
  readonly definition: IdocSegmentDefinition;
  readonly type: string;
  /** The definition level as written in HLEVEL, two digits. */
  readonly hlevel: string;
  readonly fieldNames: readonly string[];
  /** The field names, for membership tests. */
  readonly fieldSet: ReadonlySet<string>;
  /** Absolute start of each field in the data record. */
  readonly fieldStarts: readonly number[];
  /** Absolute end (exclusive) of each field in the data record. */
  readonly fieldEnds: readonly number[];
  /** Absolute end of the last field; what follows is kept as `unparsed`. */
  readonly dataEnd: number;
  /** The segments allowed under this one, by type. */
  readonly children: ReadonlyMap<string, CompiledSegment>;
}

/** A schema prepared for parsing and writing. */
export interface CompiledSchema {
  /** The checked copy of the schema that everything here was built from. */
  readonly schema: IdocSchema;
  /** The schema object as the caller gave it (what a parsed IDoc carries as `schema`). */
  readonly source: IdocSchema;
  /** The top-level segments, by type. */
  readonly roots: ReadonlyMap<string, CompiledSegment>;
  /** The segment type a SEGNAM stands for (E1 type, E2 definition, E2 with another version). */
  readonly typeOf: (segnam: string) => string | undefined;
  /** Any definition of a segment type, for segments found outside their schema position. */
  readonly anyOf: (type: string) => CompiledSegment | undefined;
}

const cache = new WeakMap<object, CompiledSchema>();

/**
 * The compiled form of a schema, built on first use from a checked copy that reads each of its
 * values once; later changes to the object are not seen.
 * @throws {IdocError} `INVALID_SCHEMA`, naming the JSON Pointer of the bad value and the segment
 *   and field, for a schema that cannot be read or breaks a layout rule (see copyIdocSchema),
 *   e.g. segment definitions nested deeper than `MAX_SEGMENT_DEPTH` (99) levels.
 */
export function compileSchema(schema: IdocSchema): CompiledSchema {
  let compiled = cache.get(schema);
  if (compiled === undefined) {
    compiled = build(copyIdocSchema(schema), schema);
    cache.set(schema, compiled);
  }
  return compiled;
}

function build(schema: IdocSchema, source: IdocSchema): CompiledSchema {
  const byType = new Map<string, CompiledSegment>();
  const names = new Map<string, string>();
  const compileAll = (definitions: readonly IdocSegmentDefinition[]): Map<string, CompiledSegment> => {
    const map = new Map<string, CompiledSegment>();
    for (const definition of definitions) {
      const segment = compileSegment(definition, compileAll(definition.children));
      if (!map.has(definition.type)) map.set(definition.type, segment);
      if (!byType.has(definition.type)) byType.set(definition.type, segment);
      names.set(definition.type, definition.type);
      names.set(definition.definition, definition.type);
      names.set(versionlessName(definition), definition.type);
    }
    return map;
  };
  const roots = compileAll(schema.segments);
  const resolved = new Map<string, string | null>();
  const typeOf = (segnam: string): string | undefined => {
    const known = resolved.get(segnam);
    if (known !== undefined) return known ?? undefined;
    let type = names.get(segnam);
    if (type === undefined && /\d{3}$/.test(segnam)) type = names.get(segnam.slice(0, -3));
    if (resolved.size < 10_000) resolved.set(segnam, type ?? null);
    return type;
  };
  return { schema, source, roots, typeOf, anyOf: (type) => byType.get(type) };
}

/** `E2EDK01005` → `E2EDK01`: the definition name without its 3-digit version (version 000 has none). */
function versionlessName(definition: IdocSegmentDefinition): string {
  const name = definition.definition;
  return name.length === definition.type.length + 3 && /\d{3}$/.test(name) ? name.slice(0, -3) : name;
}

function compileSegment(
  definition: IdocSegmentDefinition,
  children: ReadonlyMap<string, CompiledSegment>,
): CompiledSegment {
  const fieldStarts = definition.fields.map((field) => SDATA_OFFSET + field.offset);
  const fieldEnds = definition.fields.map((field) => SDATA_OFFSET + field.offset + field.length);
  return {
    definition,
    type: definition.type,
    hlevel: String(definition.level).padStart(2, '0'),
    fieldNames: definition.fields.map((field) => field.name),
    fieldSet: new Set(definition.fields.map((field) => field.name)),
    fieldStarts,
    fieldEnds,
    dataEnd: fieldEnds.length === 0 ? SDATA_OFFSET : Math.max(...fieldEnds),
    children,
  };
}

/** The schemas by IDoc type, for finding the one that describes an IDoc. */
export interface SchemaRegistry {
  /** The schema for a basic type and extension (CIMTYP); falls back to the basic type alone. */
  readonly find: (basicType: string, extension: string) => CompiledSchema | undefined;
}

/**
 * Indexes a list of schemas; the first schema for a type wins, so user schemas override built-ins.
 * @throws {IdocError} `INVALID_SCHEMA` from {@link compileSchema}.
 */
export function createSchemaRegistry(schemas: readonly IdocSchema[]): SchemaRegistry {
  const byKey = new Map<string, CompiledSchema>();
  const byExtension = new Map<string, CompiledSchema>();
  for (const schema of schemas) {
    const compiled = compileSchema(schema);
    const { basicType, extension } = compiled.schema;
    const key = `${basicType}/${extension}`;
    if (!byKey.has(key)) byKey.set(key, compiled);
    if (extension !== '' && !byExtension.has(extension)) byExtension.set(extension, compiled);
  }
  return {
    find: (basicType, extension) =>
      (extension === ''
        ? undefined
        : (byKey.get(`${basicType}/${extension}`) ?? byExtension.get(extension))) ??
      byKey.get(`${basicType}/`),
  };
}

let builtins: SchemaRegistry | undefined;

/** The registry of `builtinIdocSchemas`, built once. */
export function builtinSchemaRegistry(): SchemaRegistry {
  builtins ??= createSchemaRegistry(builtinIdocSchemas);
  return builtins;
}
