import { IdocError } from '../../../src/errors/idoc-error.js';
import { controlLayout } from '../flat/record-layout.js';
import { assertSegmentDepth } from '../read/segment-tree-builder.js';
import type { CompiledSchema, CompiledSegment } from '../schema/compile-schema.js';
import { assertFieldText } from '../write/field-text.js';
import {
  type IdocToWrite,
  readFieldValues,
  readItem,
  readSegmentToWrite,
} from '../write/read-idoc-object.js';
import type { ResolvedWriteIdocOptions } from '../write/write-idoc-options.js';
import { countSegment, type WritePlan } from '../write/write-plan.js';
import { indexOfNonXmlChar, isXmlName } from './xml-char-codes.js';
import { describeNonXmlChar } from './xml-reader.js';

const NO_NAMES: readonly string[] = [];
const NO_FIELDS: ReadonlySet<string> = new Set();

type Where = {
  readonly docnum: string;
  readonly field?: string;
  readonly segment?: string;
  readonly segnum?: string;
};

/**
 * Writes IDocs (each read once by readIdocToWrite, with the schema it is written with) as one
 * IDoc-XML document; the root element is the first IDoc's extension or basic type.
 */
export function writeIdocXml(
  idocs: readonly (readonly [IdocToWrite, CompiledSchema | undefined])[],
  options: ResolvedWriteIdocOptions,
): string {
  const first = idocs[0]?.[0].control;
  const root = first === undefined ? 'IDOC_LIST' : first.cimtyp || first.idoctyp;
  if (typeof root !== 'string' || !isXmlName(root)) {
    throw new IdocError('INVALID_XML', `${JSON.stringify(String(root))} cannot be an XML element name`, {
      field: 'IDOCTYP',
    });
  }
  const newline = options.indent === '' ? '' : '\n';
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<${root}>`];
  for (const [idoc, schema] of idocs) {
    const writer = new XmlLines(lines, options.indent, { idoc, schema, counter: 0 });
    writer.open('IDOC BEGIN="1"', 1);
    writer.open('EDI_DC40 SEGMENT="1"', 2);
    for (const field of controlLayout) {
      writer.field(field.name, idoc.control[field.key] ?? '', 3, { docnum: idoc.docnum, field: field.name });
    }
    writer.close('EDI_DC40', 2);
    for (let index = 0; index < idoc.segmentCount; index += 1) {
      writeSegment(writer, readItem(idoc.segments, index, { docnum: idoc.docnum }), undefined, 2);
    }
    writer.close('IDOC', 1);
  }
  lines.push(`</${root}>`);
  return lines.join(newline) + newline;
}

class XmlLines {
  constructor(
    private readonly lines: string[],
    private readonly indent: string,
    readonly plan: WritePlan,
  ) {}

  open(tag: string, depth: number): void {
    this.lines.push(`${this.indent.repeat(depth)}<${tag}>`);
  }

  close(name: string, depth: number): void {
    this.lines.push(`${this.indent.repeat(depth)}</${name}>`);
  }

  field(name: string, value: unknown, depth: number, where: Where): void {
    assertFieldText(value, name, where);
    if (value === '') return;
    this.lines.push(`${this.indent.repeat(depth)}<${name}>${escapeXml(value, where)}</${name}>`);
  }
}

function writeSegment(
  writer: XmlLines,
  value: unknown,
  parent: CompiledSegment | undefined,
  depth: number,
): void {
  const { docnum } = writer.plan.idoc;
  const segment = readSegmentToWrite(value, { docnum });
  countSegment(writer.plan, segment.name);
  const where = { docnum, segment: segment.name, segnum: segment.segnum };
  // `depth` counts XML elements: the root, IDOC, then the top-level segments at 2.
  assertSegmentDepth(depth - 1, where);
  if (segment.unparsed !== undefined && segment.unparsed !== '') {
    throw new IdocError(
      'UNKNOWN_SEGMENT',
      `segment ${segment.name} holds raw text no field definition covers; IDoc-XML cannot carry it (load its schema)`,
      where,
    );
  }
  assertXmlName(segment.name, 'segment', where);
  const schema = writer.plan.schema;
  const compiled =
    schema === undefined
      ? undefined
      : ((parent === undefined ? schema.roots.get(segment.name) : parent.children.get(segment.name)) ??
        schema.anyOf(segment.name));
  writer.open(`${segment.name} SEGMENT="1"`, depth);
  const names = compiled?.fieldNames ?? NO_NAMES;
  const known: unknown[] = [];
  const others = readFieldValues(segment, names, compiled?.fieldSet ?? NO_FIELDS, known, where) ?? [];
  names.forEach((name, index) => {
    const field = known[index];
    if (field !== undefined) writer.field(name, field, depth + 1, { ...where, field: name });
  });
  for (const [name, field] of others) {
    assertXmlName(name, 'field', { ...where, field: name });
    writer.field(name, field, depth + 1, { ...where, field: name });
  }
  for (let index = 0; index < segment.childCount; index += 1) {
    writeSegment(writer, readItem(segment.children, index, where), compiled, depth + 1);
  }
  writer.close(segment.name, depth);
}

/** @throws {IdocError} `INVALID_XML` unless `name` is an XML Name (`/ABC/E1SEG` is not). */
function assertXmlName(name: string, what: string, where: Where): void {
  if (!isXmlName(name)) {
    throw new IdocError(
      'INVALID_XML',
      `the ${what} name ${JSON.stringify(name.slice(0, 40))} cannot be an XML element name`,
      where,
    );
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/**
 * Escapes text for an element. A character the IDoc-XML reader would refuse (see
 * indexOfNonXmlChar) is an error: a lone surrogate, which UTF-8 cannot encode either, is
 * `INVALID_ENCODING`; a control character, U+FFFE or U+FFFF is `INVALID_XML`.
 */
function escapeXml(value: string, where: Where): string {
  const bad = indexOfNonXmlChar(value);
  if (bad >= 0) {
    const code = value.charCodeAt(bad);
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    throw new IdocError(
      surrogate ? 'INVALID_ENCODING' : 'INVALID_XML',
      `field ${where.field} cannot be written: ${describeNonXmlChar(value, bad)}${surrogate ? ' and UTF-8 cannot encode (e.g. a character cut at a field boundary)' : ''}`,
      where,
    );
  }
  return /[&<>"\r]/.test(value) ? value.replace(/[&<>"\r]/g, (char) => ESCAPES[char] as string) : value;
}
