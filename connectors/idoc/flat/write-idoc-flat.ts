import { IdocError } from '../../../src/errors/idoc-error.js';
import { assertSegmentDepth, MAX_SEGMENT_DEPTH } from '../read/segment-tree-builder.js';
import type { CompiledSchema, CompiledSegment } from '../schema/compile-schema.js';
import type { IdocFieldDefinition } from '../schema/idoc-schema.js';
import { assertFieldText, assertSingleLine } from '../write/field-text.js';
import {
  type IdocToWrite,
  readFieldValues,
  readItem,
  readSegmentToWrite,
  type SegmentToWrite,
} from '../write/read-idoc-object.js';
import type { ResolvedWriteIdocOptions } from '../write/write-idoc-options.js';
import { countSegment, type WritePlan } from '../write/write-plan.js';
import { blanks, trimBlanks } from './fixed-text.js';
import {
  CONTROL_RECORD_LENGTH,
  CONTROL_TAG,
  controlLayout,
  DATA_RECORD_LENGTH,
  dataHeaderLayout,
  SDATA_LENGTH,
  SDATA_OFFSET,
} from './record-layout.js';

const NO_NAMES: readonly string[] = [];
/** The values of one segment's defined fields, reused from segment to segment. */
const scratch: unknown[] = [];
const NO_FIELDS: ReadonlySet<string> = new Set();

/** The per-IDoc choices: options first, then how the IDoc was read, then the defaults. */
interface Plan extends WritePlan {
  readonly framing: 'newline' | 'fixed';
  readonly lineEnding: '\n' | '\r\n';
  /** Whether records keep the length they were read with. */
  readonly asRead: boolean;
  readonly trimmed: boolean;
  readonly renumber: boolean;
  readonly segmentNames: ResolvedWriteIdocOptions['segmentNames'];
}

/** Writes IDocs (each read once by readIdocToWrite, with the schema it is written with) as one flat file. */
export function writeFlatIdocs(
  idocs: readonly (readonly [IdocToWrite, CompiledSchema | undefined])[],
  options: ResolvedWriteIdocOptions,
): string {
  let output = '';
  idocs.forEach(([idoc, schema], index) => {
    const flat = idoc.flat;
    const framing = options.framing ?? flat?.framing ?? 'newline';
    const plan: Plan = {
      idoc,
      schema,
      framing,
      lineEnding: options.lineEnding ?? flat?.lineEnding ?? '\n',
      asRead: framing === 'newline' && options.recordLength === 'as-read' && flat?.framing === 'newline',
      trimmed: framing === 'newline' && options.recordLength === 'trimmed',
      renumber: options.numbering === 'renumber',
      segmentNames: options.segmentNames,
      counter: 0,
    };
    const records: string[] = [controlRecord(plan)];
    writeSegments(plan, idoc.segments, idoc.segmentCount, undefined, '000000', 1, records);
    const separator = framing === 'newline' ? plan.lineEnding : '';
    output += records.join(separator);
    const last = index === idocs.length - 1;
    const finalLineEnding = last ? (flat?.finalLineEnding ?? framing === 'newline') : framing === 'newline';
    if (finalLineEnding) output += plan.lineEnding;
  });
  return output;
}

function controlRecord(plan: Plan): string {
  const { control, docnum } = plan.idoc;
  const where = { docnum };
  let line = '';
  for (const field of controlLayout) {
    const value: unknown = control[field.key] ?? '';
    // IDoc-XML may leave TABNAM out; a flat control record is recognised by it.
    const text = field.key === 'tabnam' && value === '' ? CONTROL_TAG : value;
    line += fieldText(plan, text, field.length, `control field ${field.name}`, field.name, where);
  }
  return fitLength(line, CONTROL_RECORD_LENGTH, plan, plan.idoc.flat?.controlLength);
}

function writeSegments(
  plan: Plan,
  segments: readonly unknown[],
  count: number,
  parent: CompiledSegment | undefined,
  parentSegnum: string,
  depth: number,
  records: string[],
): void {
  const docnum = plan.idoc.docnum;
  const where = { docnum };
  for (let index = 0; index < count; index += 1) {
    const segment = readSegmentToWrite(readItem(segments, index, where), where);
    countSegment(plan, segment.name);
    if (depth > MAX_SEGMENT_DEPTH) assertSegmentDepth(depth, { docnum, segment: segment.name });
    const compiled = definitionOf(plan.schema, parent, segment.name, depth);
    const keep = !plan.renumber && segment.record !== undefined;
    const segnum = keep ? segment.segnum : String(plan.counter).padStart(6, '0');
    records.push(dataRecord(plan, segment, compiled, segnum, parentSegnum, depth, keep));
    writeSegments(plan, segment.children, segment.childCount, compiled, segnum, depth + 1, records);
  }
}

function definitionOf(
  schema: CompiledSchema | undefined,
  parent: CompiledSegment | undefined,
  type: string,
  depth: number,
): CompiledSegment | undefined {
  if (schema === undefined) return undefined;
  const positioned = depth === 1 ? schema.roots.get(type) : parent?.children.get(type);
  return positioned ?? schema.anyOf(type);
}

function dataRecord(
  plan: Plan,
  segment: SegmentToWrite,
  compiled: CompiledSegment | undefined,
  segnum: string,
  parentSegnum: string,
  depth: number,
  keep: boolean,
): string {
  const { control, docnum } = plan.idoc;
  const record = segment.record;
  const where = { docnum, segnum, segment: segment.name };
  const header =
    headerField('segnam', segmentName(plan, segment, compiled), where) +
    headerField('mandt', keep && record !== undefined ? record.mandt : control.mandt, where) +
    headerField('docnum', keep && record !== undefined ? record.docnum : control.docnum, where) +
    headerField('segnum', segnum, where) +
    headerField('psgnum', keep && record !== undefined ? record.psgnum : parentSegnum, where) +
    headerField(
      'hlevel',
      keep && record !== undefined ? record.hlevel : (compiled?.hlevel ?? String(depth).padStart(2, '0')),
      where,
    );
  return fitLength(
    header + segmentData(plan, segment, compiled, where),
    DATA_RECORD_LENGTH,
    plan,
    record?.length,
  );
}

function segmentName(plan: Plan, segment: SegmentToWrite, compiled: CompiledSegment | undefined): string {
  const written = segment.record?.segnam;
  if (plan.segmentNames === 'as-read' && written !== undefined) {
    const sameType = written === segment.name || plan.schema?.typeOf(written) === segment.name;
    if (sameType) return written;
  }
  if (plan.segmentNames === 'definition' && compiled !== undefined) return compiled.definition.definition;
  return segment.name;
}

type Where = { readonly docnum: string; readonly segnum: string; readonly segment: string };

function headerField(key: keyof typeof dataHeaderLayout, value: unknown, where: Where): string {
  const { name, length } = dataHeaderLayout[key];
  return fieldText(undefined, value, length, name, name, where);
}

/** SDATA: each defined field at its offset, then any unparsed text where the layout it was read with ended. */
function segmentData(
  plan: Plan,
  segment: SegmentToWrite,
  compiled: CompiledSegment | undefined,
  where: Where,
): string {
  let data = '';
  const names = compiled?.fieldNames ?? NO_NAMES;
  const known = scratch;
  const unknown = readFieldValues(segment, names, compiled?.fieldSet ?? NO_FIELDS, known, where)?.[0];
  if (compiled === undefined) {
    if (unknown !== undefined) {
      throw new IdocError(
        'UNKNOWN_SEGMENT',
        `segment ${segment.name} has fields but no schema gives its layout; pass its schema in options.schemas`,
        { ...where, field: unknown[0] },
      );
    }
  } else {
    if (unknown !== undefined) {
      throw new IdocError(
        'UNKNOWN_FIELD',
        `segment ${segment.name} has no field ${unknown[0]} in the schema it is written with (${schemaName(plan.schema)}); pass a schema that has it in options.schemas`,
        { ...where, field: unknown[0] },
      );
    }
    const definitions = compiled.definition.fields;
    for (let index = 0; index < definitions.length; index += 1) {
      const { name, length } = definitions[index] as IdocFieldDefinition;
      const value = known[index];
      data += fieldText(plan, value === undefined ? '' : value, length, name, name, where);
    }
  }
  const unparsed = segment.unparsed;
  if (unparsed !== undefined && unparsed !== '') {
    const what = `the unparsed text of ${segment.name}`;
    assertFieldText(unparsed, what, where);
    if (plan.framing === 'newline') assertSingleLine(unparsed, what, where);
    data = placeRaw(data, segment, where);
    if (data.length + unparsed.length > SDATA_LENGTH) {
      throw new IdocError('VALUE_TOO_LONG', `${what} does not fit in 1000 characters`, where);
    }
    data += unparsed;
  }
  return data;
}

/**
 * The segment data padded to where the raw rest of a segment read from a flat file belongs: the
 * end of the layout it was read with. A layout with fields past that point would overwrite the
 * raw text, which holds those fields' values as read.
 * @throws {IdocError} `INVALID_RECORD` in that case.
 */
function placeRaw(data: string, segment: SegmentToWrite, where: Where): string {
  const start = segment.rawStart === undefined ? data.length : segment.rawStart - SDATA_OFFSET;
  if (data.length <= start) return data + blanks(start - data.length);
  throw new IdocError(
    'INVALID_RECORD',
    `segment ${segment.name} was read with a layout that ends at character ${segment.rawStart ?? 0}; the schema it is written with has fields up to character ${data.length + SDATA_OFFSET}, over its raw text: parse the file with that schema, or write it with the one it was read with`,
    where,
  );
}

function schemaName(schema: CompiledSchema | undefined): string {
  if (schema === undefined) return 'none';
  const { basicType, extension } = schema.schema;
  return extension === '' ? basicType : `${basicType}/${extension}`;
}

/**
 * A field's value padded to its length, after checking that it is text, that it fits, and, when
 * the plan writes one record per line, that it holds no line break. `plan` is undefined for the
 * record header, whose values come from the reader or from counters.
 */
function fieldText(
  plan: Plan | undefined,
  value: unknown,
  length: number,
  what: string,
  field: string,
  where: Partial<Where>,
): string {
  if (typeof value !== 'string') assertFieldText(value, what, { ...where, field });
  if (plan?.framing === 'newline' && (value.includes('\n') || value.includes('\r')))
    assertSingleLine(value, what, { ...where, field });
  if (value.length > length)
    throw new IdocError('VALUE_TOO_LONG', `the value of ${what} is longer than the field`, {
      ...where,
      field,
    });
  return value.length === length ? value : value + blanks(length - value.length);
}

/** Pads or trims a record to the length the plan asks for. */
function fitLength(line: string, full: number, plan: Plan, lengthAsRead: number | undefined): string {
  if (plan.trimmed) return trimBlanks(line);
  if (plan.asRead && lengthAsRead !== undefined) {
    const trimmed = trimBlanks(line);
    return trimmed.length >= lengthAsRead ? trimmed : trimmed + blanks(lengthAsRead - trimmed.length);
  }
  return line.length >= full ? line : line + blanks(full - line.length);
}
