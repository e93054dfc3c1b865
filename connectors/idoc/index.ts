// The public API of `millwright/idoc`: SAP IDoc flat files and IDoc-XML, any IDoc type through
// WE60/WE63 parser exports, streaming, and mappings to the canonical objects. Named exports only;
// IdocError is exported by `millwright` itself, like every error class.

export type { FramingOption } from './flat/record-splitter.js';
export type {
  Idoc,
  IdocControl,
  IdocControlField,
  IdocFlatLayout,
  IdocWarning,
  IdocWarningCode,
  Segment,
  SegmentRecord,
} from './idoc.js';
export type { CanonicalIdocInput, CanonicalToIdocOptions, IdocPartner } from './mapping/canonical-to-idoc.js';
export { canonicalToIdoc } from './mapping/canonical-to-idoc.js';
export type { IdocCodeMaps, IdocMappingOptions } from './mapping/idoc-mapping-options.js';
export type { CanonicalRecord } from './mapping/idoc-to-canonical.js';
export { idocToCanonical } from './mapping/idoc-to-canonical.js';
export { parseIdoc } from './read/parse-idoc.js';
export type { ParseIdocOptions } from './read/parse-idoc-options.js';
export type { ParseIdocStreamOptions } from './read/parse-idoc-stream.js';
export { parseIdocStream } from './read/parse-idoc-stream.js';
export type { IdocEncoding } from './read/text-decoder.js';
export { builtinIdocSchemas } from './schema/builtin-idoc-schemas.js';
export type { IdocFieldDefinition, IdocSchema, IdocSegmentDefinition } from './schema/idoc-schema.js';
export type { LoadIdocSchemaOptions } from './schema/load-idoc-schema.js';
export { loadIdocSchema } from './schema/load-idoc-schema.js';
export { writeIdoc } from './write/write-idoc.js';
export type { WriteIdocOptions } from './write/write-idoc-options.js';
