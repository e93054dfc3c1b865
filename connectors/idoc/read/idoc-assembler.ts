// Turns flat records (EDI_DC40 control and EDI_DD40 data records, each a stretch of the text
// being read) into IDocs: reads the control record, checks each data record's header, resolves
// its segment definition and places it in the segment tree; the fields are cut later, when read
// (FlatSegment). Shared by parseIdoc and parseIdocStream; holds one IDoc at a time.
import { IdocError } from '../../../src/errors/idoc-error.js';
import {
  checkDataHeader,
  type HeaderExpectation,
  isNumericOrBlank,
  type RecordText,
  startsWithName,
} from '../flat/data-record-header.js';
import { isBlank, sliceField, trimBlanks } from '../flat/fixed-text.js';
import { FlatSegment } from '../flat/flat-segment.js';
import { readControlRecord } from '../flat/read-control-record.js';
import {
  CONTROL_RECORD_LENGTH,
  CONTROL_TAG,
  DATA_RECORD_LENGTH,
  dataHeaderLayout,
} from '../flat/record-layout.js';
import type { Idoc, IdocControl, IdocWarning, IdocWarningCode } from '../idoc.js';
import type { CompiledSchema, CompiledSegment, SchemaRegistry } from '../schema/compile-schema.js';
import { ParsedIdoc } from './parsed-idoc.js';
import { type RecordContext, SegmentTreeBuilder, type WarningSink } from './segment-tree-builder.js';
import { WarningLog } from './warning-log.js';

/** Receives records from a record splitter. */
export interface RecordSink {
  /** Called once, before the first record, with the framing found. */
  layout(framing: 'fixed' | 'newline', lineEnding: '\n' | '\r\n'): void;
  /**
   * One record: the characters `start` to `end` of `text` (without the line break); `offset` is
   * the byte offset where it starts in the input. `codes`, when given, holds the code of each
   * character of `text` as a byte (the input bytes of ASCII or latin-1 text).
   */
  record(text: string, codes: Uint8Array | undefined, start: number, end: number, offset: number): void;
  /** The input ended; `finalLineEnding` tells whether the last record had a line break after it. */
  end(finalLineEnding: boolean): void;
  /** The DOCNUM of the IDoc being read, for errors raised while splitting. */
  currentDocnum(): string | undefined;
}

const BLANK = 32;
const { segnam: SEGNAM, segnum: SEGNUM } = dataHeaderLayout;

/** How many segment names {@link IdocAssembler} keeps for reuse. */
const RECENT_NAMES = 16;

/** A segment name seen in the file and what it stands for in the schema it was last looked up in. */
interface KnownName {
  readonly segnam: string;
  /** The character codes of `segnam`, for comparing with the bytes of a record (see nameCodes). */
  readonly codes: Uint8Array | undefined;
  /** The schema `type` and `compiled` come from; `null` before the first lookup. */
  schema: CompiledSchema | undefined | null;
  type: string;
  compiled: CompiledSegment | undefined;
  /** The name that followed this one last time: the likeliest name of the next record. */
  next: KnownName | undefined;
}

/** The IDoc being read: its control record, schema, tree and warnings. */
class OpenIdoc implements HeaderExpectation, WarningSink {
  readonly docnum: string;
  readonly docnumCodes: Uint8Array | undefined;
  readonly warnings: IdocWarning[] = [];
  private readonly warned = new Set<string>();
  readonly tree: SegmentTreeBuilder;

  constructor(
    readonly control: IdocControl,
    readonly controlLength: number,
    readonly schema: CompiledSchema | undefined,
    private readonly log: WarningLog,
  ) {
    this.docnum = control.docnum;
    this.docnumCodes = digitCodes(control.docnum);
    this.tree = new SegmentTreeBuilder(schema, control.docnum, this);
  }

  /**
   * Records a warning; segment warnings are given once per segment type, the others once per
   * IDoc, and the schema-gap warnings once per parse (see WarningLog).
   */
  warn(code: IdocWarningCode, message: string, context: RecordContext): void {
    const perSegment =
      code === 'UNKNOWN_SEGMENT' || code === 'LOOP_MAX_EXCEEDED' || code === 'SCHEMA_MISMATCH';
    const key = perSegment ? `${code}:${context.segnam}` : code;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    if (!this.log.shouldGive(code, this.control, context.segnam)) return;
    const warning: { -readonly [K in keyof IdocWarning]: IdocWarning[K] } = { code, message };
    if (context.docnum !== '') warning.docnum = context.docnum;
    if (context.segnum !== '') warning.segnum = context.segnum;
    if (context.segnam !== '') warning.segment = context.segnam;
    if (context.offset >= 0) warning.offset = context.offset;
    this.warnings.push(warning);
  }
}

/** Turns the records of a flat file into IDocs: control records open them, data records become their segment trees. */
export class IdocAssembler implements RecordSink {
  private framing: 'fixed' | 'newline' = 'newline';
  private lineEnding: '\n' | '\r\n' = '\n';
  private current: OpenIdoc | undefined;
  /** Segment names seen last, most recent first, with what they stand for (see nameOf). */
  private readonly recentNames: KnownName[] = [];
  /** The name of the last data record. */
  private lastName: KnownName | undefined;
  /** The record being read (one object, moved from record to record). */
  private readonly cursor: RecordText = { text: '', codes: undefined, start: 0, end: 0 };
  /** The size of the IDoc being read, its records counted at full length. */
  private idocLength = 0;
  /** The schema-gap warnings given so far. */
  private readonly log = new WarningLog();

  /**
   * @param registry - the schemas to read segments with.
   * @param completed - receives each IDoc when its last record has been read; a stream empties it.
   * @param maxIdocLength - the largest IDoc accepted, in characters, each record counted at its
   *   full length (524 or 1063 characters) however it was framed: a stream holds one IDoc at a
   *   time, so this bounds its memory, also for right-trimmed lines.
   */
  constructor(
    private readonly registry: SchemaRegistry,
    readonly completed: Idoc[] = [],
    private readonly maxIdocLength = Number.POSITIVE_INFINITY,
  ) {}

  layout(framing: 'fixed' | 'newline', lineEnding: '\n' | '\r\n'): void {
    this.framing = framing;
    this.lineEnding = lineEnding;
  }

  record(text: string, codes: Uint8Array | undefined, start: number, end: number, offset: number): void {
    const cursor = this.cursor;
    cursor.text = text;
    cursor.codes = codes;
    cursor.start = start;
    cursor.end = end;
    // 'ED' starts a record-type tag such as EDI_DC40; segment names start E1, E2, Z1, Z2 or /.
    if (text.charCodeAt(start) === 69 && text.charCodeAt(start + 1) === 68) {
      if (text.startsWith(CONTROL_TAG, start)) {
        this.startIdoc(cursor, offset);
        return;
      }
      const line = text.slice(start, end);
      if (/^EDI_D[CDS]/.test(line)) {
        throw new IdocError(
          'UNSUPPORTED_RECORD',
          `record type ${sliceField(line, 0, 10)} is not supported: only EDI_DC40 control and EDI_DD40 data records are read`,
          { offset, docnum: this.current?.control.docnum },
        );
      }
    }
    const open = this.current;
    if (open === undefined) {
      throw new IdocError(
        'MISSING_CONTROL_RECORD',
        'a data record comes before any EDI_DC40 control record',
        {
          offset,
          segment: sliceField(text.slice(start, end), 0, 30),
        },
      );
    }
    this.addData(open, cursor, offset);
  }

  end(finalLineEnding: boolean): void {
    this.finishIdoc(finalLineEnding);
  }

  currentDocnum(): string | undefined {
    return this.current?.control.docnum;
  }

  private startIdoc(record: RecordText, offset: number): void {
    this.finishIdoc(this.framing === 'newline');
    this.idocLength = 0;
    this.count(CONTROL_RECORD_LENGTH, undefined, offset);
    const length = record.end - record.start;
    if (length > CONTROL_RECORD_LENGTH)
      checkLength(record.text.slice(record.start, record.end), CONTROL_RECORD_LENGTH, offset, 'control');
    const control = readControlRecord(record);
    if (!isNumericOrBlank(control.docnum)) {
      throw new IdocError('INVALID_NUMBER', `DOCNUM ${JSON.stringify(control.docnum)} is not a number`, {
        field: 'DOCNUM',
        offset,
      });
    }
    const schema = this.registry.find(control.idoctyp, control.cimtyp);
    const open = new OpenIdoc(control, length, schema, this.log);
    this.current = open;
    if (schema === undefined) {
      const type = control.cimtyp === '' ? control.idoctyp : `${control.idoctyp}/${control.cimtyp}`;
      const message = `no schema for IDoc type ${type || '(blank)'}; segments are kept as raw text`;
      open.warn('NO_SCHEMA', message, { docnum: control.docnum, segnum: '', segnam: '', offset });
    }
  }

  private finishIdoc(finalLineEnding: boolean): void {
    const open = this.current;
    if (open === undefined) return;
    this.current = undefined;
    const flat = {
      framing: this.framing,
      lineEnding: this.lineEnding,
      finalLineEnding,
      controlLength: open.controlLength,
    };
    this.completed.push(
      new ParsedIdoc(open.control, open.tree.roots, open.schema?.source, flat, open.warnings),
    );
  }

  private addData(open: OpenIdoc, record: RecordText, offset: number): void {
    this.count(DATA_RECORD_LENGTH, open.docnum, offset);
    const { text, start, end } = record;
    if (end - start > DATA_RECORD_LENGTH)
      checkLength(text.slice(start, end), DATA_RECORD_LENGTH, offset, 'data');
    const schema = open.schema;
    const known = this.nameOf(record, schema);
    const segnam = known.segnam;
    if (!isSegmentName(segnam)) {
      const message =
        segnam === ''
          ? 'a data record has no segment name (SEGNAM)'
          : `SEGNAM ${JSON.stringify(segnam)} contains a blank; segment names have none`;
      throw new IdocError('INVALID_RECORD', message, {
        docnum: open.docnum,
        segnum: sliceField(text.slice(start, end), SEGNUM.offset, SEGNUM.offset + SEGNUM.length),
        segment: segnam === '' ? undefined : segnam,
        offset,
        field: 'SEGNAM',
      });
    }
    checkDataHeader(record, open, segnam, offset);
    const compiled = known.compiled;
    const segment = new FlatSegment(text, start, end, segnam, known.type, compiled);
    if (compiled === undefined && schema !== undefined) {
      const message = `segment ${segnam} is not in schema ${schemaName(schema)}; kept as raw text`;
      open.warn('UNKNOWN_SEGMENT', message, { docnum: open.docnum, segnum: segment.segnum, segnam, offset });
    }
    open.tree.place(segment, compiled, offset);
  }

  /**
   * Adds a record to the size of the IDoc being read.
   * @throws {IdocError} `IDOC_TOO_LARGE` with the offset of the record that takes it past the limit.
   */
  private count(length: number, docnum: string | undefined, offset: number): void {
    this.idocLength += length;
    if (this.idocLength > this.maxIdocLength) {
      throw new IdocError(
        'IDOC_TOO_LARGE',
        `IDoc ${docnum ?? ''} exceeds maxIdocLength, ${this.maxIdocLength} characters (flat records count 524 or 1063 characters each, however they are framed)`,
        { docnum, offset },
      );
    }
  }

  /**
   * SEGNAM as written (its 30 characters, trailing blanks removed), its segment type and a
   * definition of it. Files repeat a handful of names, so the names seen last are compared in
   * place and reused, with their lookups, instead of cutting a new string from every record. A
   * SEGNAM with a blank inside is returned as such (and not kept) for the caller to reject.
   */
  private nameOf(record: RecordText, schema: CompiledSchema | undefined): KnownName {
    const last = this.lastName;
    const predicted = last?.next;
    let known: KnownName | undefined;
    if (predicted !== undefined && isNamed(record, predicted)) known = predicted;
    else if (last !== undefined && isNamed(record, last)) known = last;
    const names = this.recentNames;
    for (let index = 0; known === undefined && index < names.length; index += 1) {
      const candidate = names[index] as KnownName;
      if (isNamed(record, candidate)) known = candidate;
    }
    if (known === undefined) {
      const { text, start, end } = record;
      const segnam = trimBlanks(text.slice(start, Math.min(end, start + SEGNAM.length)));
      known = {
        segnam,
        codes: nameCodes(segnam),
        schema: null,
        type: segnam,
        compiled: undefined,
        next: undefined,
      };
      // An invalid name is rejected by the caller, not kept.
      if (!isSegmentName(segnam)) return known;
      if (names.length === RECENT_NAMES) names.pop();
      names.unshift(known);
    }
    if (known.schema !== schema) {
      const type = schema?.typeOf(known.segnam);
      known.schema = schema;
      known.type = type ?? known.segnam;
      known.compiled = type === undefined ? undefined : resolveDefinition(schema as CompiledSchema, type);
    }
    if (last !== undefined && known.segnam !== '') last.next = known;
    this.lastName = known;
    return known;
  }
}

/** Whether a SEGNAM (trailing blanks removed) can name a segment: not empty, no blank inside. */
function isSegmentName(segnam: string): boolean {
  return segnam !== '' && !segnam.includes(' ');
}

/**
 * Whether the record's SEGNAM is the known name: the name, then blanks to the end of the
 * 30-character field (or of the record, when it is cut short).
 */
function isNamed(record: RecordText, known: KnownName): boolean {
  const { segnam, codes } = known;
  if (!startsWithName(record, segnam, codes)) return false;
  const { text, codes: bytes, start, end } = record;
  const stop = Math.min(end, start + SEGNAM.length);
  if (bytes !== undefined) {
    for (let index = start + segnam.length + 1; index < stop; index += 1)
      if (bytes[index] !== BLANK) return false;
    return true;
  }
  for (let index = start + segnam.length + 1; index < stop; index += 1)
    if (text.charCodeAt(index) !== BLANK) return false;
  return true;
}

/** The codes of a name's characters as bytes; undefined when a character is past 255 (no byte matches it). */
function nameCodes(name: string): Uint8Array | undefined {
  for (let index = 0; index < name.length; index += 1) if (name.charCodeAt(index) > 255) return undefined;
  return Buffer.from(name, 'latin1');
}

/** DOCNUM's 16 digits as bytes; undefined for any other DOCNUM (checked character by character). */
function digitCodes(docnum: string): Uint8Array | undefined {
  if (docnum.length !== 16) return undefined;
  const codes = new Uint8Array(16);
  for (let index = 0; index < 16; index += 1) {
    const code = docnum.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
    codes[index] = code;
  }
  return codes;
}

/** Some definition of the type, for slicing; the tree builder picks the one at the segment's position. */
function resolveDefinition(schema: CompiledSchema, type: string): CompiledSegment | undefined {
  return schema.roots.get(type) ?? schema.anyOf(type);
}

function checkLength(line: string, length: number, offset: number, kind: string): void {
  if (line.length > length && !isBlank(line.slice(length))) {
    throw new IdocError(
      'BAD_RECORD_LENGTH',
      `a ${kind} record has ${line.length} characters; at most ${length} are allowed`,
      { offset, segment: kind === 'data' ? sliceField(line, 0, 30) : undefined },
    );
  }
}

function schemaName(schema: CompiledSchema): string {
  const { basicType, extension } = schema.schema;
  return extension === '' ? basicType : `${basicType}/${extension}`;
}
