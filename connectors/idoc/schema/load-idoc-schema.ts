import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';
import { SDATA_LENGTH, SDATA_OFFSET } from '../flat/record-layout.js';
import { assertTextOrBytes, decodeTextOrBytes } from '../read/idoc-input.js';
import { OptionIssues } from '../read/read-caller-options.js';
import { MAX_SEGMENT_DEPTH } from '../read/segment-tree-builder.js';
import { IDOC_ENCODINGS, type IdocEncoding } from '../read/text-decoder.js';
import { isSapFieldName } from './copy-idoc-schema.js';
import type { IdocFieldDefinition, IdocSchema, IdocSegmentDefinition } from './idoc-schema.js';

/** One `KEYWORD value` line of the export. */
interface Line {
  readonly keyword: string;
  readonly value: string;
  readonly number: number;
}

/** A group or segment read from the export, before groups are folded into their head segment. */
type Member =
  | { readonly kind: 'segment'; readonly segment: SegmentBuilder }
  | { readonly kind: 'group'; readonly attributes: Occurrence; readonly members: Member[] };

interface Occurrence {
  level: number;
  mandatory: boolean;
  minOccurs: number;
  maxOccurs: number;
}

interface SegmentBuilder extends Occurrence {
  definition: string;
  type: string;
  qualified: boolean;
  fields: IdocFieldDefinition[];
  line: number;
}

/** Options of {@link loadIdocSchema}. */
export interface LoadIdocSchemaOptions {
  /** The character encoding of byte input; ignored for strings. @default 'utf-8' */
  readonly encoding?: IdocEncoding;
}

/**
 * Reads a WE60/WE63 "IDoc documentation, parser" export (the `BEGIN_RECORD_SECTION` /
 * `BEGIN_SEGMENT_SECTION` text SAP writes for a basic type or an extension) into an
 * {@link IdocSchema}: segment definitions with their fields, offsets and lengths, levels,
 * occurrence limits and the group hierarchy. This is how any IDoc type, including custom Z
 * segments of an extension, becomes readable. Both Unicode (`CHARACTER_FIRST`) and non-Unicode
 * (`BYTE_FIRST`) exports are accepted; the record section is optional.
 *
 * @param input - the export as text, or as its bytes (a Buffer or Uint8Array, decoded as
 *   `options.encoding` says: exports are written in the front-end code page, often ISO-8859-1).
 * @param options - `encoding` of byte input: `utf-8` (default) or `latin1`.
 * @returns the schema, to pass to `parseIdoc`, `parseIdocStream` and `writeIdoc`.
 * @throws {IdocError} code `INVALID_SCHEMA`, with the `line`, when the text is not a parser export:
 *   each message says what was expected there (a keyword, a value and its form). Among others
 *   when the fields of a segment overlap or leave a gap (they must follow each other from
 *   character 64, as in every WE60 export; `segment` and `field` name the field), when a LEVEL
 *   contradicts where the segment stands (see the README), or when groups and segments nest
 *   deeper than `MAX_SEGMENT_DEPTH` (99) levels; also for input that is neither text nor bytes.
 *   Code `INVALID_ENCODING` for bytes that are not valid UTF-8 (pass `{ encoding: 'latin1' }`).
 * @throws {ValidationError} for options that are not an object or an unknown `/encoding`.
 * @example
 * const schema = loadIdocSchema(readFileSync('zloipro01.txt'), { encoding: 'latin1' });
 * const idocs = parseIdoc(file, { schemas: [schema, ...builtinIdocSchemas] });
 */
export function loadIdocSchema(input: string | Uint8Array, options?: LoadIdocSchemaOptions): IdocSchema {
  assertTextOrBytes(input, 'loadIdocSchema reads a WE60/WE63 parser export', 'INVALID_SCHEMA');
  const issues = new OptionIssues('LoadIdocSchemaOptions');
  const { encoding } = issues.read(options, ['encoding']);
  issues.oneOf(encoding, IDOC_ENCODINGS, '/encoding');
  issues.throwIfAny();
  const text = decodeTextOrBytes(input, (encoding as IdocEncoding | undefined) ?? 'utf-8');
  const reader = new LineReader(text);
  let schema: IdocSchema | undefined;
  for (let line = reader.next(); line !== undefined; line = reader.next()) {
    if (line.keyword === 'BEGIN_RECORD_SECTION') skipRecordSection(reader);
    else if (line.keyword === 'BEGIN_SEGMENT_SECTION') {
      if (schema !== undefined) fail('a second BEGIN_SEGMENT_SECTION: one IDoc type per export', line);
      schema = readSegmentSection(reader, line);
    } else fail(`unexpected ${describe(line)} outside a section`, line);
  }
  if (schema === undefined) throw new IdocError('INVALID_SCHEMA', 'no BEGIN_SEGMENT_SECTION found');
  return schema;
}

class LineReader {
  private readonly lines: string[];
  private index = 0;

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  /** The next non-blank line, or undefined at the end. */
  next(): Line | undefined {
    while (this.index < this.lines.length) {
      const raw = (this.lines[this.index] as string).trim();
      this.index += 1;
      if (raw === '') continue;
      const space = raw.search(/\s/);
      return space < 0
        ? { keyword: raw, value: '', number: this.index }
        : { keyword: raw.slice(0, space), value: raw.slice(space).trim(), number: this.index };
    }
    return undefined;
  }

  /** The next line; the end of the text here is an error. */
  expect(context: string): Line {
    const line = this.next();
    if (line === undefined) {
      throw new IdocError('INVALID_SCHEMA', `the text ends inside ${context}`, { line: this.lines.length });
    }
    return line;
  }
}

function fail(message: string, line: Line, details: Omit<IdocErrorDetails, 'line'> = {}): never {
  throw new IdocError('INVALID_SCHEMA', `line ${line.number}: ${message}`, { ...details, line: line.number });
}

function describe(line: Line): string {
  return JSON.stringify(line.keyword.length > 40 ? `${line.keyword.slice(0, 40)}...` : line.keyword);
}

/** The record section repeats the standard EDI_DC40/EDI_DD40/EDI_DS40 layouts; it is checked for syntax only. */
function skipRecordSection(reader: LineReader): void {
  for (;;) {
    const line = reader.expect('BEGIN_RECORD_SECTION');
    if (line.keyword === 'END_RECORD_SECTION') return;
    if (/^(BEGIN|END)_(CONTROL|DATA|STATUS)_RECORD$/.test(line.keyword)) continue;
    if (line.keyword === 'BEGIN_FIELDS') readFields(reader, line);
    else fail(`unexpected ${describe(line)} in the record section`, line);
  }
}

function readSegmentSection(reader: LineReader, start: Line): IdocSchema {
  const begin = reader.expect('BEGIN_SEGMENT_SECTION');
  if (begin.keyword !== 'BEGIN_IDOC' || begin.value === '') fail('expected BEGIN_IDOC <basic type>', begin);
  let extension = '';
  const members: Member[] = [];
  for (;;) {
    const line = reader.expect('BEGIN_IDOC');
    if (line.keyword === 'EXTENSION') extension = line.value;
    else if (line.keyword === 'END_IDOC') break;
    else members.push(readMember(reader, line, 1));
  }
  const end = reader.expect('BEGIN_SEGMENT_SECTION');
  if (end.keyword !== 'END_SEGMENT_SECTION') fail('expected END_SEGMENT_SECTION', end);
  if (members.length === 0) fail('the IDoc type has no segments', start);
  return { basicType: begin.value, extension, segments: members.map(toDefinition) };
}

/**
 * Reads a segment or a group whose (head) segment sits `depth` levels deep, top-level segments
 * being at depth 1. The depth is limited as in the tree of an IDoc, which also bounds the
 * recursion here.
 */
function readMember(reader: LineReader, line: Line, depth: number): Member {
  if (depth > MAX_SEGMENT_DEPTH && (line.keyword === 'BEGIN_SEGMENT' || line.keyword === 'BEGIN_GROUP')) {
    fail(`groups and segments nest more than ${MAX_SEGMENT_DEPTH} levels deep`, line);
  }
  if (line.keyword === 'BEGIN_SEGMENT') return { kind: 'segment', segment: readSegment(reader, line) };
  if (line.keyword === 'BEGIN_GROUP') return readGroup(reader, line, depth);
  return fail(`expected BEGIN_SEGMENT or BEGIN_GROUP, found ${describe(line)}`, line);
}

function newOccurrence(): Occurrence {
  return { level: 0, mandatory: false, minOccurs: 0, maxOccurs: 1 };
}

/** Applies LEVEL/STATUS/LOOPMIN/LOOPMAX; returns false for any other keyword. */
function readOccurrence(target: Occurrence, line: Line): boolean {
  switch (line.keyword) {
    case 'LEVEL':
      target.level = readNumber(line);
      return true;
    case 'STATUS':
      if (line.value !== 'MANDATORY' && line.value !== 'OPTIONAL')
        fail('STATUS must be MANDATORY or OPTIONAL', line);
      target.mandatory = line.value === 'MANDATORY';
      return true;
    case 'LOOPMIN':
      target.minOccurs = readNumber(line);
      return true;
    case 'LOOPMAX':
      target.maxOccurs = readNumber(line);
      return true;
    default:
      return false;
  }
}

function readNumber(line: Line): number {
  if (!/^\d{1,10}$/.test(line.value))
    fail(`${line.keyword} must be a number, found ${JSON.stringify(line.value)}`, line);
  return Number(line.value);
}

/** Reads a group whose head segment sits `depth` levels deep; its other members sit one deeper. */
function readGroup(reader: LineReader, start: Line, depth: number): Member {
  const attributes = newOccurrence();
  const members: Member[] = [];
  for (;;) {
    const line = reader.expect('BEGIN_GROUP');
    if (line.keyword === 'END_GROUP') break;
    if (readOccurrence(attributes, line)) continue;
    // Checked before reading the member, so that groups nested as heads cannot recurse unbounded.
    if (members.length === 0 && line.keyword === 'BEGIN_GROUP') {
      fail('a group must start with a segment (its head)', start);
    }
    members.push(readMember(reader, line, members.length === 0 ? depth : depth + 1));
  }
  if (members[0]?.kind !== 'segment') fail('a group must start with a segment (its head)', start);
  return { kind: 'group', attributes, members };
}

function readSegment(reader: LineReader, start: Line): SegmentBuilder {
  if (start.value === '') fail('BEGIN_SEGMENT needs a segment name', start);
  const segment: SegmentBuilder = {
    ...newOccurrence(),
    definition: start.value,
    type: '',
    qualified: false,
    fields: [],
    line: start.number,
  };
  for (;;) {
    const line = reader.expect('BEGIN_SEGMENT');
    if (line.keyword === 'END_SEGMENT') break;
    if (readOccurrence(segment, line)) continue;
    if (line.keyword === 'SEGMENTTYPE') segment.type = line.value;
    else if (line.keyword === 'QUALIFIED') segment.qualified = true;
    else if (line.keyword === 'BEGIN_FIELDS')
      segment.fields = toSegmentFields(readFields(reader, line), segment.definition);
    else fail(`unexpected ${describe(line)} in segment ${segment.definition}`, line);
  }
  if (segment.type === '') segment.type = segment.definition;
  return segment;
}

interface FieldBuilder {
  name: string;
  text: string;
  type: string;
  length: number;
  first: number | undefined;
  line: Line;
}

/** Reads the fields up to END_FIELDS. */
function readFields(reader: LineReader, start: Line): FieldBuilder[] {
  const builders: FieldBuilder[] = [];
  let current: FieldBuilder | undefined;
  for (;;) {
    const line = reader.expect('BEGIN_FIELDS');
    if (line.keyword === 'END_FIELDS') break;
    if (line.keyword === 'NAME') {
      current = { name: line.value, text: '', type: 'CHARACTER', length: 0, first: undefined, line };
      builders.push(current);
      continue;
    }
    if (current === undefined) fail(`expected NAME, found ${describe(line)}`, line);
    switch (line.keyword) {
      case 'TEXT':
        current.text = line.value;
        break;
      case 'TYPE':
        current.type = line.value;
        break;
      case 'LENGTH':
        current.length = readNumber(line);
        break;
      case 'CHARACTER_FIRST':
      case 'BYTE_FIRST':
        current.first = readNumber(line);
        break;
      case 'FIELD_POS':
      case 'CHARACTER_LAST':
      case 'BYTE_LAST':
        readNumber(line);
        break;
      case 'VALUE':
      case 'VALUE_TEXT':
        break;
      default:
        fail(`unexpected ${describe(line)} in field ${current.name}`, line);
    }
  }
  if (builders.length === 0) fail('BEGIN_FIELDS lists no field', start);
  return builders;
}

/**
 * The fields of a segment, with absolute positions turned into SDATA offsets. They must follow
 * each other from character 64 (the start of SDATA) without overlap or gap: text in a gap would
 * be neither a field nor `unparsed`, and would be lost when the IDoc is written.
 */
function toSegmentFields(builders: readonly FieldBuilder[], segment: string): IdocFieldDefinition[] {
  const fields: IdocFieldDefinition[] = [];
  let next = 0;
  const names = new Set<string>();
  for (const builder of builders) {
    if (!isSapFieldName(builder.name)) {
      fail(`field name ${JSON.stringify(builder.name)} is not an SAP field name`, builder.line);
    }
    if (names.has(builder.name)) fail(`field ${builder.name} is defined twice`, builder.line);
    names.add(builder.name);
    if (builder.length < 1) fail(`field ${builder.name} needs a LENGTH of at least 1`, builder.line);
    const offset = builder.first === undefined ? next : builder.first - SDATA_OFFSET - 1;
    if (offset !== next) failPosition(builder, segment, offset, next);
    if (offset + builder.length > SDATA_LENGTH) {
      fail(`field ${builder.name} ends after the 1000 characters of segment data`, builder.line, {
        segment,
        field: builder.name,
      });
    }
    fields.push({
      name: builder.name,
      text: builder.text,
      type: builder.type,
      offset,
      length: builder.length,
    });
    next = offset + builder.length;
  }
  return fields;
}

/** Rejects a field that does not start at `next`, the SDATA offset where the field before it ends. */
function failPosition(builder: FieldBuilder, segment: string, offset: number, next: number): never {
  const first = SDATA_OFFSET + 1 + offset;
  const expected = SDATA_OFFSET + 1 + next;
  const before =
    next === 0
      ? `the first field must start at character ${expected}`
      : `the field before it ends at character ${expected - 1}`;
  const problem = offset < next ? 'overlaps the field before it' : 'leaves a gap';
  return fail(
    `field ${builder.name} of segment ${segment} starts at character ${first}; ${before}: it ${problem} (fields must follow each other from character ${SDATA_OFFSET + 1})`,
    builder.line,
    { segment, field: builder.name },
  );
}

/** Folds a group into its head segment: the head takes the group's limits and the rest as children. */
function toDefinition(member: Member): IdocSegmentDefinition {
  if (member.kind === 'segment') return freeze(member.segment, member.segment, []);
  const [head, ...rest] = member.members as [Extract<Member, { kind: 'segment' }>, ...Member[]];
  const occurrence: Occurrence = {
    level: head.segment.level,
    mandatory: member.attributes.mandatory,
    minOccurs: member.attributes.minOccurs,
    maxOccurs: member.attributes.maxOccurs,
  };
  return freeze(head.segment, occurrence, rest.map(toDefinition));
}

function freeze(
  segment: SegmentBuilder,
  occurrence: Occurrence,
  children: IdocSegmentDefinition[],
): IdocSegmentDefinition {
  return {
    type: segment.type,
    definition: segment.definition,
    level: occurrence.level,
    mandatory: occurrence.mandatory,
    minOccurs: occurrence.minOccurs,
    maxOccurs: occurrence.maxOccurs,
    qualified: segment.qualified,
    fields: segment.fields,
    children,
  };
}
