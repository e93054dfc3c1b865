import { IdocError } from '../../../src/errors/idoc-error.js';
import { SDATA_LENGTH, SDATA_OFFSET } from '../flat/record-layout.js';
import { assertTextOrBytes, decodeTextOrBytes } from '../read/idoc-input.js';
import { OptionIssues } from '../read/read-caller-options.js';
import { MAX_SEGMENT_DEPTH } from '../read/segment-tree-builder.js';
import { IDOC_ENCODINGS, type IdocEncoding } from '../read/text-decoder.js';
import { isSapFieldName } from './copy-idoc-schema.js';
import type { IdocFieldDefinition, IdocSchema, IdocSegmentDefinition } from './idoc-schema.js';
import { fail, type Line, LineReader, quoted, readNumber } from './we60-line-reader.js';

/** A group or segment read from the export, before groups are folded into their head segment. */
type Member =
  | { readonly kind: 'segment'; readonly segment: SegmentBuilder }
  | {
      readonly kind: 'group';
      readonly attributes: Occurrence;
      readonly members: Member[];
      readonly line: Line;
    };

interface Occurrence {
  level: number;
  /** The LEVEL line, when there is one. */
  levelLine: Line | undefined;
  mandatory: boolean;
  minOccurs: number;
  maxOccurs: number;
}

interface SegmentBuilder extends Occurrence {
  definition: string;
  type: string;
  qualified: boolean;
  fields: IdocFieldDefinition[];
  line: Line;
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
    if (schema !== undefined) {
      fail(
        `${quoted(line)} after END_SEGMENT_SECTION: an export describes one IDoc type, so expected nothing after END_SEGMENT_SECTION`,
        line,
      );
    }
    if (line.keyword === 'BEGIN_RECORD_SECTION') skipRecordSection(reader, line);
    else if (line.keyword === 'BEGIN_SEGMENT_SECTION') schema = readSegmentSection(reader, line);
    else fail(`expected BEGIN_RECORD_SECTION or BEGIN_SEGMENT_SECTION, found ${quoted(line)}`, line);
  }
  if (schema === undefined) {
    throw new IdocError(
      'INVALID_SCHEMA',
      'no segment section: a WE60/WE63 parser export has a line "BEGIN_SEGMENT_SECTION", then "BEGIN_IDOC <basic type>" and the segments (see the sample export in the README)',
    );
  }
  return schema;
}

/** The record section repeats the standard EDI_DC40/EDI_DD40/EDI_DS40 layouts; it is checked for syntax only. */
function skipRecordSection(reader: LineReader, start: Line): void {
  for (;;) {
    const line = reader.inside(start, 'END_RECORD_SECTION');
    if (line.keyword === 'END_RECORD_SECTION') return;
    if (/^(BEGIN|END)_(CONTROL|DATA|STATUS)_RECORD$/.test(line.keyword)) continue;
    if (line.keyword === 'BEGIN_FIELDS') readFields(reader, line);
    else {
      fail(
        `expected BEGIN_CONTROL_RECORD, BEGIN_DATA_RECORD, BEGIN_STATUS_RECORD (or their END_), BEGIN_FIELDS or END_RECORD_SECTION in the record section, found ${quoted(line)}`,
        line,
      );
    }
  }
}

function readSegmentSection(reader: LineReader, start: Line): IdocSchema {
  const begin = reader.inside(start, 'BEGIN_IDOC <basic type>');
  if (begin.keyword !== 'BEGIN_IDOC' || begin.value === '') {
    fail(`expected "BEGIN_IDOC <basic type>", e.g. "BEGIN_IDOC ZPLANT01", found ${quoted(begin)}`, begin);
  }
  let extension = '';
  const members: Member[] = [];
  for (;;) {
    const line = reader.inside(begin, 'END_IDOC');
    if (line.keyword === 'EXTENSION') extension = line.value;
    else if (line.keyword === 'END_IDOC') {
      if (members.length === 0) {
        fail(
          `BEGIN_IDOC ${begin.value} lists no segment: expected BEGIN_SEGMENT or BEGIN_GROUP before END_IDOC`,
          begin,
        );
      }
      break;
    } else if (line.keyword === 'BEGIN_SEGMENT' || line.keyword === 'BEGIN_GROUP') {
      members.push(readMember(reader, line, 1));
    } else {
      fail(`expected BEGIN_SEGMENT, BEGIN_GROUP, EXTENSION or END_IDOC, found ${quoted(line)}`, line);
    }
  }
  const end = reader.inside(start, 'END_SEGMENT_SECTION');
  if (end.keyword !== 'END_SEGMENT_SECTION') {
    fail(`expected END_SEGMENT_SECTION after END_IDOC, found ${quoted(end)}`, end);
  }
  checkLevels(members, undefined);
  return { basicType: begin.value, extension, segments: members.map(toDefinition) };
}

/**
 * Checks that each LEVEL agrees with where its segment or group stands, as in SAP's exports:
 * outside any group a segment or group is top-level, at LEVEL 01 or 02 (ORDERS05 has E2EDK01005
 * at 01 and E2EDK14 at 02 side by side, and real files give both PSGNUM 000000); a group's head
 * segment has the group's LEVEL and its other members one more. A segment cannot have children
 * outside a group, so a deeper LEVEL there is an error, never a guess at the parent.
 * @param group - the group the members belong to, or undefined at the top.
 * @throws {IdocError} `INVALID_SCHEMA` at the LEVEL line, naming the segment and what was expected.
 */
function checkLevels(
  members: readonly Member[],
  group: Extract<Member, { kind: 'group' }> | undefined,
): void {
  members.forEach((member, index) => {
    const occurrence = member.kind === 'group' ? member.attributes : member.segment;
    const name =
      member.kind === 'group' ? `group ${member.line.value}` : `segment ${member.segment.definition}`;
    const line = occurrence.levelLine;
    const details = member.kind === 'segment' ? { segment: member.segment.definition } : {};
    if (line !== undefined) {
      const level = String(occurrence.level).padStart(2, '0');
      if (group === undefined) {
        if (occurrence.level !== 1 && occurrence.level !== 2) {
          fail(
            `${name} has LEVEL ${level} but stands outside any group, at the top of the IDoc, where segments have LEVEL 01 or 02 (as E2EDK01005 and E2EDK14 in ORDERS05); only a group gives a segment children: put the segment after its parent inside a BEGIN_GROUP whose first segment is the parent`,
            line,
            details,
          );
        }
      } else if (group.attributes.levelLine !== undefined) {
        const expected = group.attributes.level + (index === 0 ? 0 : 1);
        if (occurrence.level !== expected) {
          const role =
            index === 0 ? `the head of group ${group.line.value}` : `a member of group ${group.line.value}`;
          fail(
            `${name} has LEVEL ${level}; as ${role} at LEVEL ${String(group.attributes.level).padStart(2, '0')} it needs its group's LEVEL${index === 0 ? '' : ' plus one'}: expected LEVEL ${String(expected).padStart(2, '0')}`,
            line,
            details,
          );
        }
      }
    }
    if (member.kind === 'group') checkLevels(member.members, member);
  });
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
  return readGroup(reader, line, depth);
}

function newOccurrence(): Occurrence {
  return { level: 0, levelLine: undefined, mandatory: false, minOccurs: 0, maxOccurs: 1 };
}

/** Applies LEVEL/STATUS/LOOPMIN/LOOPMAX; returns false for any other keyword. */
function readOccurrence(target: Occurrence, line: Line): boolean {
  switch (line.keyword) {
    case 'LEVEL':
      target.level = readNumber(line);
      target.levelLine = line;
      return true;
    case 'STATUS':
      if (line.value !== 'MANDATORY' && line.value !== 'OPTIONAL') {
        fail(
          `expected STATUS MANDATORY or STATUS OPTIONAL, found ${JSON.stringify(line.value.slice(0, 40))}`,
          line,
        );
      }
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

/** Reads a group whose head segment sits `depth` levels deep; its other members sit one deeper. */
function readGroup(reader: LineReader, start: Line, depth: number): Member {
  const attributes = newOccurrence();
  const members: Member[] = [];
  const head =
    "expected BEGIN_SEGMENT (the group's head segment) after the group's LEVEL, STATUS, LOOPMIN and LOOPMAX lines";
  for (;;) {
    const line = reader.inside(start, 'END_GROUP');
    if (line.keyword === 'END_GROUP') break;
    if (readOccurrence(attributes, line)) continue;
    // Checked before reading the member, so that groups nested as heads cannot recurse unbounded.
    if (members.length === 0 && line.keyword === 'BEGIN_GROUP') fail(`${head}, found "BEGIN_GROUP"`, line);
    if (line.keyword !== 'BEGIN_SEGMENT' && line.keyword !== 'BEGIN_GROUP') {
      fail(
        `expected BEGIN_SEGMENT, BEGIN_GROUP, LEVEL, STATUS, LOOPMIN, LOOPMAX or END_GROUP, found ${quoted(line)}`,
        line,
      );
    }
    members.push(readMember(reader, line, members.length === 0 ? depth : depth + 1));
  }
  if (members[0]?.kind !== 'segment') fail(`${head}, found "END_GROUP"`, start);
  return { kind: 'group', attributes, members, line: start };
}

function readSegment(reader: LineReader, start: Line): SegmentBuilder {
  if (start.value === '') {
    fail('expected "BEGIN_SEGMENT <segment definition>", e.g. "BEGIN_SEGMENT Z2MYSEG000"', start);
  }
  const segment: SegmentBuilder = {
    ...newOccurrence(),
    definition: start.value,
    type: '',
    qualified: false,
    fields: [],
    line: start,
  };
  for (;;) {
    const line = reader.inside(start, 'END_SEGMENT');
    if (line.keyword === 'END_SEGMENT') break;
    if (readOccurrence(segment, line)) continue;
    if (line.keyword === 'SEGMENTTYPE') segment.type = line.value;
    else if (line.keyword === 'QUALIFIED') segment.qualified = true;
    else if (line.keyword === 'BEGIN_FIELDS')
      segment.fields = toSegmentFields(readFields(reader, line), segment.definition);
    else {
      fail(
        `expected SEGMENTTYPE, QUALIFIED, LEVEL, STATUS, LOOPMIN, LOOPMAX, BEGIN_FIELDS or END_SEGMENT in segment ${segment.definition}, found ${quoted(line)}`,
        line,
      );
    }
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
    const line = reader.inside(start, 'END_FIELDS');
    if (line.keyword === 'END_FIELDS') break;
    if (line.keyword === 'NAME') {
      current = { name: line.value, text: '', type: 'CHARACTER', length: 0, first: undefined, line };
      builders.push(current);
      continue;
    }
    if (current === undefined)
      fail(`each field starts with "NAME <field name>", found ${quoted(line)}`, line);
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
        fail(
          `expected TEXT, TYPE, LENGTH, FIELD_POS, CHARACTER_FIRST, CHARACTER_LAST, BYTE_FIRST, BYTE_LAST, VALUE, VALUE_TEXT, the next field's NAME or END_FIELDS in field ${current.name}, found ${quoted(line)}`,
          line,
        );
    }
  }
  if (builders.length === 0) fail('expected at least one "NAME <field name>" block before END_FIELDS', start);
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
      fail(
        `field name ${JSON.stringify(builder.name.slice(0, 40))} is not an SAP field name: expected letters, digits, "_" or "/"`,
        builder.line,
      );
    }
    if (names.has(builder.name)) {
      fail(
        `field ${builder.name} is defined twice in segment ${segment}: expected each NAME once`,
        builder.line,
      );
    }
    names.add(builder.name);
    if (builder.length < 1) {
      fail(
        `field ${builder.name} of segment ${segment}: expected a line "LENGTH <characters>" of at least 1, e.g. "LENGTH 000010"`,
        builder.line,
        { segment, field: builder.name },
      );
    }
    const offset = builder.first === undefined ? next : builder.first - SDATA_OFFSET - 1;
    if (offset !== next) failPosition(builder, segment, offset, next);
    if (offset + builder.length > SDATA_LENGTH) {
      fail(
        `field ${builder.name} ends after the 1000 characters of segment data (at most character 1063)`,
        builder.line,
        {
          segment,
          field: builder.name,
        },
      );
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
    level: head.segment.levelLine === undefined ? member.attributes.level : head.segment.level,
    levelLine: undefined,
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
