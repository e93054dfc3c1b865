import { IdocError } from '../../../src/errors/idoc-error.js';
import { controlLayout } from '../flat/record-layout.js';
import type { Idoc, Segment } from '../idoc.js';
import { assertSegmentDepth } from '../read/segment-tree-builder.js';
import type { CompiledSchema, CompiledSegment } from '../schema/compile-schema.js';
import { assertFieldText } from '../write/field-text.js';
import { assertSegmentShape } from '../write/idoc-shape.js';
import type { ResolvedWriteIdocOptions } from '../write/write-idoc-options.js';

/** Writes IDocs as one IDoc-XML document; the root element is the first IDoc's extension or basic type. */
export function writeIdocXml(idocs: readonly Idoc[], options: ResolvedWriteIdocOptions): string {
  const first = idocs[0]?.control;
  const root = first === undefined ? 'IDOC_LIST' : first.cimtyp || first.idoctyp;
  if (!/^[A-Za-z_/][\w./-]*$/.test(root)) {
    throw new IdocError('INVALID_XML', `"${root}" cannot be an XML element name`, { field: 'IDOCTYP' });
  }
  const newline = options.indent === '' ? '' : '\n';
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<${root}>`];
  for (const idoc of idocs) {
    const schema = options.registry.find(idoc.control.idoctyp, idoc.control.cimtyp);
    const writer = new XmlLines(lines, options.indent);
    writer.open('IDOC BEGIN="1"', 1);
    writer.open('EDI_DC40 SEGMENT="1"', 2);
    for (const field of controlLayout) {
      writer.field(field.name, idoc.control[field.key] ?? '', 3, {
        docnum: idoc.control.docnum,
        field: field.name,
      });
    }
    writer.close('EDI_DC40', 2);
    for (const segment of idoc.segments)
      writeSegment(writer, segment, schema, undefined, 2, idoc.control.docnum);
    writer.close('IDOC', 1);
  }
  lines.push(`</${root}>`);
  return lines.join(newline) + newline;
}

class XmlLines {
  constructor(
    private readonly lines: string[],
    private readonly indent: string,
  ) {}

  open(tag: string, depth: number): void {
    this.lines.push(`${this.indent.repeat(depth)}<${tag}>`);
  }

  close(name: string, depth: number): void {
    this.lines.push(`${this.indent.repeat(depth)}</${name}>`);
  }

  field(
    name: string,
    value: unknown,
    depth: number,
    where: { docnum: string; field: string; segment?: string },
  ): void {
    assertFieldText(value, name, where);
    if (value === '') return;
    this.lines.push(`${this.indent.repeat(depth)}<${name}>${escapeXml(value, where)}</${name}>`);
  }
}

function writeSegment(
  writer: XmlLines,
  segment: Segment,
  schema: CompiledSchema | undefined,
  parent: CompiledSegment | undefined,
  depth: number,
  docnum: string,
): void {
  assertSegmentShape(segment, { docnum });
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
  if (!/^[A-Za-z_/][\w./-]*$/.test(segment.name)) {
    throw new IdocError('INVALID_XML', `"${segment.name}" cannot be an XML element name`, where);
  }
  const compiled =
    schema === undefined
      ? undefined
      : ((parent === undefined ? schema.roots.get(segment.name) : parent.children.get(segment.name)) ??
        schema.anyOf(segment.name));
  writer.open(`${segment.name} SEGMENT="1"`, depth);
  const written = new Set<string>();
  for (const name of compiled?.fieldNames ?? []) {
    const value = segment.fields[name];
    if (value === undefined) continue;
    written.add(name);
    writer.field(name, value, depth + 1, { ...where, field: name });
  }
  for (const [name, value] of Object.entries(segment.fields)) {
    if (written.has(name)) continue;
    if (!/^[A-Za-z_/][\w./-]*$/.test(name)) {
      throw new IdocError('INVALID_XML', `"${name}" cannot be an XML element name`, {
        ...where,
        field: name,
      });
    }
    writer.field(name, value, depth + 1, { ...where, field: name });
  }
  for (const child of segment.children) writeSegment(writer, child, schema, compiled, depth + 1, docnum);
  writer.close(segment.name, depth);
}

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/** Escapes text for an element; characters XML 1.0 or UTF-8 cannot hold are an error. */
function escapeXml(value: string, where: { docnum: string; field: string; segment?: string }): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(value)) {
    throw new IdocError(
      'INVALID_XML',
      `field ${where.field} holds a control character XML 1.0 cannot carry`,
      where,
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw new IdocError(
      'INVALID_ENCODING',
      `field ${where.field} holds half of a character (a lone UTF-16 surrogate, e.g. a character cut at a field boundary), which UTF-8 cannot encode`,
      where,
    );
  }
  return /[&<>"\r]/.test(value) ? value.replace(/[&<>"\r]/g, (char) => ESCAPES[char] as string) : value;
}
