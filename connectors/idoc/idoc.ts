import type { IdocSchema } from './schema/idoc-schema.js';

/**
 * The control record EDI_DC40 of an IDoc, every field by its lower-case SAP name. Values are as
 * written with trailing blanks removed (leading zeros and leading blanks are kept); an empty
 * field is `''`.
 */
export interface IdocControl {
  /** Record-type tag, `EDI_DC40`. */
  readonly tabnam: string;
  /** Client. */
  readonly mandt: string;
  /** IDoc number, zero-padded to 16 digits; blank in files made by EDI translators. */
  readonly docnum: string;
  /** SAP release of the IDoc, e.g. `758`. */
  readonly docrel: string;
  /** IDoc status, e.g. `30` (ready to send). */
  readonly status: string;
  /** Direction: `1` outbound, `2` inbound. */
  readonly direct: string;
  /** Output mode. */
  readonly outmod: string;
  /** Override in inbound processing. */
  readonly exprss: string;
  /** Test flag. */
  readonly test: string;
  /** Basic type, e.g. `LOIPRO01`. */
  readonly idoctyp: string;
  /** Extension type (customer), e.g. `ZLOIPRO01`. */
  readonly cimtyp: string;
  /** Message type, e.g. `LOIPRO`. */
  readonly mestyp: string;
  /** Message code. */
  readonly mescod: string;
  /** Message function. */
  readonly mesfct: string;
  /** EDI standard flag. */
  readonly std: string;
  /** EDI standard version. */
  readonly stdvrs: string;
  /** EDI message type. */
  readonly stdmes: string;
  /** Sender port. */
  readonly sndpor: string;
  /** Sender partner type (LS, KU, LI). */
  readonly sndprt: string;
  /** Sender partner function. */
  readonly sndpfc: string;
  /** Sender partner number. */
  readonly sndprn: string;
  /** Sender address (SADR). */
  readonly sndsad: string;
  /** Sender logical address. */
  readonly sndlad: string;
  /** Receiver port. */
  readonly rcvpor: string;
  /** Receiver partner type. */
  readonly rcvprt: string;
  /** Receiver partner function. */
  readonly rcvpfc: string;
  /** Receiver partner number. */
  readonly rcvprn: string;
  /** Receiver address (SADR). */
  readonly rcvsad: string;
  /** Receiver logical address. */
  readonly rcvlad: string;
  /** Creation date `YYYYMMDD`. */
  readonly credat: string;
  /** Creation time `HHMMSS`. */
  readonly cretim: string;
  /** EDI interchange reference. */
  readonly refint: string;
  /** EDI group reference. */
  readonly refgrp: string;
  /** EDI message reference. */
  readonly refmes: string;
  /** External archive key. */
  readonly arckey: string;
  /** Serialization key. */
  readonly serial: string;
}

/** The name of a control record field, e.g. `docnum`. */
export type IdocControlField = keyof IdocControl;

/**
 * How a data record was written in a flat file. The writer reuses it, so that a parsed file is
 * written back byte for byte; segments built by hand have none, and the writer numbers them.
 * Values are as written with trailing blanks removed.
 */
export interface SegmentRecord {
  /** SEGNAM as written: a type name (`E1EDK01`) or a definition name with version (`E2EDK01005`). */
  readonly segnam: string;
  /** MANDT of the data record. */
  readonly mandt: string;
  /** DOCNUM of the data record. */
  readonly docnum: string;
  /** PSGNUM: the SEGNUM of the parent segment, `000000` at the top, blank from some translators. */
  readonly psgnum: string;
  /** HLEVEL: the hierarchy level of the segment's definition (not its nesting depth). */
  readonly hlevel: string;
  /** The length of the record in characters, as read (lines may be right-trimmed or padded). */
  readonly length: number;
}

/** One segment of an IDoc: its fields and its child segments. */
export interface Segment {
  /** The segment type, e.g. `E1AFKOL` or `Z1MYSEG` (E2 definition names are normalised to it). */
  name: string;
  /** SEGNUM, the segment's number within its IDoc (`000001`...), or `''` when the file left it blank. */
  segnum: string;
  /** Field values by field name, trailing blanks removed; blank fields are left out. */
  fields: Record<string, string>;
  /** Child segments, in file order. */
  children: Segment[];
  /**
   * The part of the segment data (SDATA) that no field definition covers, trailing blanks
   * removed: all of it for a segment no schema describes, or what follows the last defined
   * field. Kept so that nothing is ever dropped.
   */
  unparsed?: string;
  /** How the record was written in a flat file, for byte-exact writing. */
  record?: SegmentRecord;
}

/** How a flat IDoc file was framed; the writer reuses it unless told otherwise. */
export interface IdocFlatLayout {
  /** `fixed`: records end to end with no line breaks; `newline`: one record per line. */
  readonly framing: 'fixed' | 'newline';
  /** The line break used (also after the last fixed record, when the file ends with one). */
  readonly lineEnding: '\n' | '\r\n';
  /** Whether the IDoc's last record is followed by a line break. */
  readonly finalLineEnding: boolean;
  /** The length of the control record in characters, as read. */
  readonly controlLength: number;
}

/** Something the parser tolerated but that a user may want to know; see {@link IdocWarningCode}. */
export interface IdocWarning {
  readonly code: IdocWarningCode;
  readonly message: string;
  readonly docnum?: string;
  readonly segnum?: string;
  readonly segment?: string;
  readonly field?: string;
  /** The byte offset of the record in the input, for flat files. */
  readonly offset?: number;
}

/**
 * Why a warning was raised:
 * - `NO_SCHEMA`: no schema describes the IDoc type; its segments are kept as raw text.
 * - `UNKNOWN_SEGMENT`: a segment is not in the schema; it is kept as raw text (`unparsed`).
 * - `UNKNOWN_FIELD`: an IDoc-XML field is not in its segment's definition in a schema the caller
 *   gave (`field` names it); it is kept by name, but a flat file cannot carry it. The built-in
 *   layouts are knowingly partial (they stop where the public field lists stop), so fields past
 *   their end are no warning.
 * - `LOOP_MAX_EXCEEDED`: a segment occurs more often than its definition allows.
 * - `HIERARCHY_FROM_HLEVEL`: the tree was rebuilt from HLEVEL alone, which is ambiguous.
 * - `HIERARCHY_GUESSED`: a segment had no schema position, PSGNUM or HLEVEL; it was attached to
 *   the segment before it.
 * - `SCHEMA_MISMATCH`: a segment's position contradicts the schema; PSGNUM was followed.
 *
 * The first three are about the schemas, the same for every IDoc of a type: a parse (or a
 * stream) gives each once per IDoc type, segment type and field, with the first IDoc that shows
 * it (`idoc.schema` tells of every IDoc whether a schema describes it). The others are about one
 * IDoc's data and are given with each IDoc, once per segment type.
 */
export type IdocWarningCode =
  | 'NO_SCHEMA'
  | 'UNKNOWN_SEGMENT'
  | 'UNKNOWN_FIELD'
  | 'LOOP_MAX_EXCEEDED'
  | 'HIERARCHY_FROM_HLEVEL'
  | 'HIERARCHY_GUESSED'
  | 'SCHEMA_MISMATCH';

/**
 * One IDoc: its control record and its segment tree.
 *
 * Segments read from a flat file are objects whose `segnum`, `fields`, `unparsed` and `record`
 * are cut from the record when first read: change them in place, or copy a segment with
 * `JSON.parse(JSON.stringify(segment))`; object spread and `structuredClone` copy only `name`
 * and `children` of such a segment (writeIdoc then refuses the copy for its missing `segnum`
 * or `fields`, rather than losing its raw text).
 */
export interface Idoc {
  /** The control record EDI_DC40. */
  control: IdocControl;
  /** The top-level segments, each with its children. */
  segments: Segment[];
  /** How the flat file was framed, when the IDoc was read from one. */
  flat?: IdocFlatLayout;
  /** What the parser tolerated in this IDoc, if anything. */
  warnings?: IdocWarning[];
  /**
   * The schema the IDoc was read with (the object given in `options.schemas`, or a built-in
   * one), set by `parseIdoc` and `parseIdocStream`; undefined when no schema describes the IDoc
   * type. `writeIdoc` lays the IDoc out with it when `options.schemas` has no schema for its
   * type, so a parsed IDoc is written back without passing its schema again.
   *
   * On the IDocs the parsers return it is an accessor of their class, not an own property:
   * `JSON.stringify`, `structuredClone`, object spread and equality checks leave it out (it can
   * be large, and shared by every IDoc of a file). Such a copy is written with
   * `options.schemas`, or carries the schema again when it is set explicitly
   * (`{ ...idoc, schema: idoc.schema }`). Set it on an IDoc built in code to name its layout.
   */
  schema?: IdocSchema;
}
