// The public API of `millwright/idoc`: SAP IDoc flat files and IDoc-XML, any IDoc type through
// WE60/WE63 parser exports, streaming, and mappings to the canonical objects. Named exports only;
// IdocError is exported by `millwright` itself, like every error class.

export { builtinIdocSchemas } from './builtin-idoc-schemas.js';
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
export type { IdocFieldDefinition, IdocSchema, IdocSegmentDefinition } from './idoc-schema.js';
export { loadIdocSchema } from './load-idoc-schema.js';
export type { CanonicalIdocInput, CanonicalToIdocOptions, IdocPartner } from './mapping/canonical-to-idoc.js';
export { canonicalToIdoc } from './mapping/canonical-to-idoc.js';
export type { IdocCodeMaps, IdocMappingOptions } from './mapping/idoc-mapping-options.js';
export type { CanonicalRecord } from './mapping/idoc-to-canonical.js';
export { idocToCanonical } from './mapping/idoc-to-canonical.js';
export { parseIdoc } from './parse-idoc.js';
export type { ParseIdocOptions } from './parse-idoc-options.js';
export type { ParseIdocStreamOptions } from './parse-idoc-stream.js';
export { parseIdocStream } from './parse-idoc-stream.js';
export type { FramingOption } from './record-splitter.js';
export type { IdocEncoding } from './text-decoder.js';
export { writeIdoc } from './write-idoc.js';
export type { WriteIdocOptions } from './write-idoc-options.js';
