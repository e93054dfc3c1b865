/** One field of a segment definition, as a WE60/WE63 parser export describes it. */
export interface IdocFieldDefinition {
  /** The field name, e.g. `MATNR`. */
  readonly name: string;
  /** The field's short text from the export, e.g. `Material Number`. */
  readonly text: string;
  /** The export's data type, e.g. `CHARACTER` (every field of an E1/E2 segment is character data). */
  readonly type: string;
  /** The 0-based position of the field in the segment data (SDATA), in characters. */
  readonly offset: number;
  /** The field length in characters. */
  readonly length: number;
}

/**
 * One segment of an IDoc type: its fields, where it may occur and its children. A WE60 group is
 * expressed as its first segment (the group head) holding the rest of the group as children,
 * with the group's occurrence limits.
 */
export interface IdocSegmentDefinition {
  /** The segment type, e.g. `E1EDK01` or `Z1MYSEG`; IDoc-XML element names use it. */
  readonly type: string;
  /** The segment definition with version, e.g. `E2EDK01005`; older flat files use it as SEGNAM. */
  readonly definition: string;
  /** The hierarchy level (HLEVEL) of the definition; not the nesting depth. */
  readonly level: number;
  /** Whether the segment (or its group) must occur. */
  readonly mandatory: boolean;
  /** The minimum number of occurrences (LOOPMIN). */
  readonly minOccurs: number;
  /** The maximum number of occurrences (LOOPMAX). */
  readonly maxOccurs: number;
  /** Whether the first field is a qualifier that says what the segment means. */
  readonly qualified: boolean;
  /** The fields, in position order. */
  readonly fields: readonly IdocFieldDefinition[];
  /** The segments that may occur under this one. */
  readonly children: readonly IdocSegmentDefinition[];
}

/**
 * The definition of an IDoc type (a basic type, or a basic type with an extension): the tree of
 * its segments and their fields. Load one from a WE60/WE63 parser export with
 * `loadIdocSchema`, or use one of `builtinIdocSchemas`.
 */
export interface IdocSchema {
  /** The basic type, e.g. `LOIPRO01`. */
  readonly basicType: string;
  /** The extension type (CIMTYP), e.g. `ZLOIPRO01`, or `''` for a basic type. */
  readonly extension: string;
  /** The top-level segments. */
  readonly segments: readonly IdocSegmentDefinition[];
}
