// Turns flat records (one string per EDI_DC40 or EDI_DD40 record) into IDocs: slices the
// control record and each data record by characters, resolves segment definitions and builds
// the segment tree. Shared by parseIdoc and parseIdocStream; holds one IDoc at a time.
import { IdocError } from '../../src/errors/idoc-error.js';
import type { CompiledSchema, CompiledSegment, SchemaRegistry } from './compile-schema.js';
import { contentEnd, isBlank, isBlankFrom, isDigits, sliceField } from './fixed-text.js';
import type { Idoc, IdocControl, IdocControlField, IdocWarning, IdocWarningCode, Segment } from './idoc.js';
import {
  CONTROL_RECORD_LENGTH,
  CONTROL_TAG,
  controlLayout,
  DATA_RECORD_LENGTH,
  dataHeaderLayout,
  SDATA_OFFSET,
} from './record-layout.js';
import { type RecordContext, SegmentTreeBuilder } from './segment-tree-builder.js';

/** Receives records from a record splitter. */
export interface RecordSink {
  /** Called once, before the first record, with the framing found. */
  layout(framing: 'fixed' | 'newline', lineEnding: '\n' | '\r\n'): void;
  /** One record, without its line break; `offset` is the byte offset where it starts. */
  record(line: string, offset: number): void;
  /** The input ended; `finalLineEnding` tells whether the last record had a line break after it. */
  end(finalLineEnding: boolean): void;
  /** The DOCNUM of the IDoc being read, for errors raised while splitting. */
  currentDocnum(): string | undefined;
}

interface OpenIdoc {
  readonly control: IdocControl;
  readonly controlLength: number;
  readonly schema: CompiledSchema | undefined;
  readonly tree: SegmentTreeBuilder;
  readonly warnings: IdocWarning[];
  readonly warned: Set<string>;
}

export class IdocAssembler implements RecordSink {
  private framing: 'fixed' | 'newline' = 'newline';
  private lineEnding: '\n' | '\r\n' = '\n';
  private current: OpenIdoc | undefined;

  /**
   * @param registry - the schemas to read segments with.
   * @param completed - receives each IDoc when its last record has been read; a stream empties it.
   */
  constructor(
    private readonly registry: SchemaRegistry,
    readonly completed: Idoc[] = [],
  ) {}

  layout(framing: 'fixed' | 'newline', lineEnding: '\n' | '\r\n'): void {
    this.framing = framing;
    this.lineEnding = lineEnding;
  }

  record(line: string, offset: number): void {
    // 'ED' starts a record-type tag such as EDI_DC40; segment names start E1, E2, Z1, Z2 or /.
    if (line.charCodeAt(0) === 69 && line.charCodeAt(1) === 68 && line.startsWith('EDI_D')) {
      if (line.startsWith(CONTROL_TAG)) {
        this.startIdoc(line, offset);
        return;
      }
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
          segment: sliceField(line, 0, 30),
        },
      );
    }
    this.addData(open, line, offset);
  }

  end(finalLineEnding: boolean): void {
    this.finishIdoc(finalLineEnding);
  }

  currentDocnum(): string | undefined {
    return this.current?.control.docnum;
  }

  private startIdoc(line: string, offset: number): void {
    this.finishIdoc(this.framing === 'newline');
    checkLength(line, CONTROL_RECORD_LENGTH, offset, 'control');
    const typed = readControl(line);
    if (!isNumericOrBlank(typed.docnum)) {
      throw new IdocError('INVALID_NUMBER', `DOCNUM ${JSON.stringify(typed.docnum)} is not a number`, {
        field: 'DOCNUM',
        offset,
      });
    }
    const schema = this.registry.find(typed.idoctyp, typed.cimtyp);
    const warnings: IdocWarning[] = [];
    const warned = new Set<string>();
    const open: OpenIdoc = {
      control: typed,
      controlLength: line.length,
      schema,
      warnings,
      warned,
      tree: new SegmentTreeBuilder(schema, typed.docnum, (code, message, context) =>
        addWarning(open, code, message, context),
      ),
    };
    this.current = open;
    if (schema === undefined) {
      const type = typed.cimtyp === '' ? typed.idoctyp : `${typed.idoctyp}/${typed.cimtyp}`;
      addWarning(
        open,
        'NO_SCHEMA',
        `no schema for IDoc type ${type || '(blank)'}; segments are kept as raw text`,
        {
          docnum: typed.docnum,
          segnum: '',
          segnam: '',
          offset,
        },
      );
    }
  }

  private finishIdoc(finalLineEnding: boolean): void {
    const open = this.current;
    if (open === undefined) return;
    this.current = undefined;
    const idoc: Idoc = {
      control: open.control,
      segments: open.tree.roots,
      flat: {
        framing: this.framing,
        lineEnding: this.lineEnding,
        finalLineEnding,
        controlLength: open.controlLength,
      },
    };
    if (open.warnings.length > 0) idoc.warnings = open.warnings;
    this.completed.push(idoc);
  }

  private addData(open: OpenIdoc, line: string, offset: number): void {
    if (line.length > DATA_RECORD_LENGTH) checkLength(line, DATA_RECORD_LENGTH, offset, 'data');
    const schema = open.schema;
    const space = line.indexOf(' ');
    const segnam = space >= 0 && space < 30 ? line.slice(0, space) : sliceField(line, 0, 30);
    const type = schema?.typeOf(segnam);
    const compiled = type === undefined ? undefined : resolveDefinition(schema as CompiledSchema, type);
    const dataEnd = compiled === undefined ? SDATA_OFFSET : compiled.dataEnd;
    // Where the content ends; a known segment whose padding starts at its last field needs no search.
    const limit = isBlankFrom(line, dataEnd)
      ? Math.min(line.length, dataEnd)
      : contentEnd(line, SDATA_OFFSET);
    const docnum = sliceField(line, 33, 49, limit);
    const segnum = sliceField(line, 49, 55, limit);
    const psgnum = sliceField(line, 55, 61, limit);
    const hlevel = sliceField(line, 61, 63, limit);
    if (segnam === '') {
      throw new IdocError('INVALID_RECORD', 'a data record has no segment name (SEGNAM)', {
        docnum: open.control.docnum,
        segnum,
        offset,
        field: 'SEGNAM',
      });
    }
    // The control record's DOCNUM is checked once; a data record repeating it needs no check.
    const sameDocnum = docnum === open.control.docnum;
    const numeric =
      isNumericOrBlank(segnum) &&
      isNumericOrBlank(psgnum) &&
      isNumericOrBlank(hlevel) &&
      (sameDocnum || isNumericOrBlank(docnum));
    if (!numeric) throwNotNumeric(open, { docnum, segnum, psgnum, hlevel }, segnam, offset);
    if (!sameDocnum && docnum !== '' && open.control.docnum !== '') {
      throw new IdocError(
        'DOCNUM_MISMATCH',
        `data record DOCNUM ${docnum} differs from the control record's ${open.control.docnum}`,
        { docnum: open.control.docnum, segnum, segment: segnam, field: 'DOCNUM', offset },
      );
    }
    const name = type ?? segnam;
    const fields = compiled === undefined ? {} : sliceFields(line, compiled, limit);
    const unparsed = sliceField(line, dataEnd, DATA_RECORD_LENGTH, limit);
    const record = {
      segnam,
      mandt: sliceField(line, 30, 33, limit),
      docnum,
      psgnum,
      hlevel,
      length: line.length,
    };
    // One literal per shape, so that all segments of a shape share one hidden class.
    const segment: Segment =
      unparsed === ''
        ? { name, segnum, fields, children: [], record }
        : { name, segnum, fields, children: [], unparsed, record };
    if (compiled === undefined && schema !== undefined) {
      const message = `segment ${segnam} is not in schema ${schemaName(schema)}; kept as raw text`;
      addWarning(open, 'UNKNOWN_SEGMENT', message, { docnum: open.control.docnum, segnum, segnam, offset });
    }
    open.tree.place(segment, compiled, offset);
  }
}

/** The 36 fields of a control record (one object literal: a fixed shape, no dictionary). */
function readControl(line: string): IdocControl {
  const limit = contentEnd(line);
  const field = (key: IdocControlField): string => {
    const layout = CONTROL_FIELDS[key];
    return sliceField(line, layout.offset, layout.offset + layout.length, limit);
  };
  return {
    tabnam: field('tabnam'),
    mandt: field('mandt'),
    docnum: field('docnum'),
    docrel: field('docrel'),
    status: field('status'),
    direct: field('direct'),
    outmod: field('outmod'),
    exprss: field('exprss'),
    test: field('test'),
    idoctyp: field('idoctyp'),
    cimtyp: field('cimtyp'),
    mestyp: field('mestyp'),
    mescod: field('mescod'),
    mesfct: field('mesfct'),
    std: field('std'),
    stdvrs: field('stdvrs'),
    stdmes: field('stdmes'),
    sndpor: field('sndpor'),
    sndprt: field('sndprt'),
    sndpfc: field('sndpfc'),
    sndprn: field('sndprn'),
    sndsad: field('sndsad'),
    sndlad: field('sndlad'),
    rcvpor: field('rcvpor'),
    rcvprt: field('rcvprt'),
    rcvpfc: field('rcvpfc'),
    rcvprn: field('rcvprn'),
    rcvsad: field('rcvsad'),
    rcvlad: field('rcvlad'),
    credat: field('credat'),
    cretim: field('cretim'),
    refint: field('refint'),
    refgrp: field('refgrp'),
    refmes: field('refmes'),
    arckey: field('arckey'),
    serial: field('serial'),
  };
}

const CONTROL_FIELDS = Object.fromEntries(controlLayout.map((layout) => [layout.key, layout])) as Record<
  IdocControlField,
  (typeof controlLayout)[number]
>;

/** Some definition of the type, for slicing; the tree builder picks the one at the segment's position. */
function resolveDefinition(schema: CompiledSchema, type: string): CompiledSegment | undefined {
  return schema.roots.get(type) ?? schema.anyOf(type);
}

function sliceFields(line: string, compiled: CompiledSegment, limit: number): Record<string, string> {
  const fields: Record<string, string> = {};
  const { fieldNames, fieldStarts, fieldEnds } = compiled;
  for (let index = 0; index < fieldNames.length; index += 1) {
    const start = fieldStarts[index] as number;
    if (start >= limit) break;
    const value = sliceField(line, start, fieldEnds[index] as number, limit);
    if (value !== '') fields[fieldNames[index] as string] = value;
  }
  return fields;
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

function isNumericOrBlank(value: string): boolean {
  return value === '' || isDigits(value);
}

function throwNotNumeric(
  open: OpenIdoc,
  values: Readonly<Record<'docnum' | 'segnum' | 'psgnum' | 'hlevel', string>>,
  segnam: string,
  offset: number,
): never {
  const key = (['docnum', 'segnum', 'psgnum', 'hlevel'] as const).find(
    (name) => !isNumericOrBlank(values[name]),
  );
  const field = dataHeaderLayout[key ?? 'segnum'].name;
  throw new IdocError(
    'INVALID_NUMBER',
    `${field} ${JSON.stringify(values[key ?? 'segnum'])} is not a number`,
    {
      docnum: open.control.docnum,
      segnum: isNumericOrBlank(values.segnum) ? values.segnum : undefined,
      segment: segnam,
      field,
      offset,
    },
  );
}

function schemaName(schema: CompiledSchema): string {
  const { basicType, extension } = schema.schema;
  return extension === '' ? basicType : `${basicType}/${extension}`;
}

function addWarning(open: OpenIdoc, code: IdocWarningCode, message: string, context: RecordContext): void {
  // Tree warnings concern the whole IDoc; segment warnings are given once per segment type.
  const perSegment = code === 'UNKNOWN_SEGMENT' || code === 'LOOP_MAX_EXCEEDED' || code === 'SCHEMA_MISMATCH';
  const key = perSegment ? `${code}:${context.segnam}` : code;
  if (open.warned.has(key)) return;
  open.warned.add(key);
  const warning: { -readonly [K in keyof IdocWarning]: IdocWarning[K] } = { code, message };
  if (context.docnum !== '') warning.docnum = context.docnum;
  if (context.segnum !== '') warning.segnum = context.segnum;
  if (context.segnam !== '') warning.segment = context.segnam;
  if (context.offset >= 0) warning.offset = context.offset;
  open.warnings.push(warning);
}
