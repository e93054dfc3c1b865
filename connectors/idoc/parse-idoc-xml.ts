// Reads IDoc-XML (root = basic type or extension, one or more <IDOC BEGIN="1"> elements, an
// EDI_DC40 control segment, then nested E1/Z1 segments) with fast-xml-parser, an optional peer.
// Tag values are never parsed (leading zeros in MATNR, WERKS, CHARG survive) and entities are
// never expanded by the parser: only the five XML entities and character references are decoded
// here, and a DOCTYPE is refused.
import type * as FastXmlParser from 'fast-xml-parser';
import { IdocError } from '../../src/errors/idoc-error.js';
import { loadPeer } from '../../src/internal/load-peer.js';
import type { CompiledSchema, CompiledSegment, SchemaRegistry } from './compile-schema.js';
import { trimBlanks } from './fixed-text.js';
import type { Idoc, IdocControl, IdocWarning, IdocWarningCode, Segment } from './idoc.js';
import { controlLayout } from './record-layout.js';

/** A node of fast-xml-parser's `preserveOrder` output. */
type XmlNode = { readonly [name: string]: XmlNode[] | string | Readonly<Record<string, string>> | undefined };

const ATTRIBUTES = ':@';
const TEXT = '#text';
const CDATA = '#cdata';
const CONTROL_KEYS = new Set<string>(controlLayout.map((field) => field.name));

let parser: FastXmlParser.XMLParser | undefined;
let validator: typeof FastXmlParser.XMLValidator | undefined;

function loadParser(): { parser: FastXmlParser.XMLParser; validator: typeof FastXmlParser.XMLValidator } {
  if (parser === undefined || validator === undefined) {
    const library = loadPeer<typeof FastXmlParser>('fast-xml-parser', 'millwright/idoc (IDoc-XML)');
    parser = new library.XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: false,
      htmlEntities: false,
      trimValues: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      cdataPropName: CDATA,
    });
    validator = library.XMLValidator;
  }
  return { parser, validator };
}

/**
 * Parses an IDoc-XML document into IDocs.
 * @throws {IdocError} code `INVALID_XML` for malformed XML, a DOCTYPE, an unknown entity or a
 *   document that is not IDoc-XML; `MISSING_CONTROL_RECORD` for an IDOC without EDI_DC40.
 */
export function parseIdocXml(text: string, registry: SchemaRegistry): Idoc[] {
  const nodes = parseDocument(text);
  const root = singleElement(nodes);
  const idocs: Idoc[] = [];
  for (const node of childElements(root)) {
    if (elementName(node) !== 'IDOC') {
      throw new IdocError(
        'INVALID_XML',
        `expected <IDOC> under <${elementName(root)}>, found <${elementName(node)}>`,
      );
    }
    idocs.push(readIdoc(node, registry));
  }
  return idocs;
}

function parseDocument(text: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(text)) {
    throw new IdocError('INVALID_XML', 'IDoc-XML must not contain a DOCTYPE (entities are never expanded)');
  }
  const { parser: xml, validator: check } = loadParser();
  const result = check.validate(text);
  if (result !== true) {
    const { msg, line } = result.err;
    throw new IdocError('INVALID_XML', `malformed XML at line ${line}: ${msg}`, { line });
  }
  try {
    return xml.parse(text) as XmlNode[];
  } catch (error) {
    throw new IdocError('INVALID_XML', 'the XML could not be parsed', {}, { cause: error });
  }
}

function elementName(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ATTRIBUTES) return key;
  return '';
}

function isElement(node: XmlNode): boolean {
  const name = elementName(node);
  return name !== TEXT && name !== CDATA && name !== '';
}

function childElements(node: XmlNode): XmlNode[] {
  const children = node[elementName(node)] as XmlNode[];
  const elements: XmlNode[] = [];
  for (const child of children) {
    if (isElement(child)) elements.push(child);
    else if (elementName(child) === CDATA || (child[TEXT] as string).trim() !== '') {
      throw new IdocError('INVALID_XML', `<${elementName(node)}> holds text outside its fields`);
    }
  }
  return elements;
}

function singleElement(nodes: readonly XmlNode[]): XmlNode {
  const elements = nodes.filter(isElement);
  if (elements.length !== 1)
    throw new IdocError('INVALID_XML', 'an IDoc-XML document has exactly one root element');
  return elements[0] as XmlNode;
}

function attributes(node: XmlNode): Readonly<Record<string, string>> {
  return (node[ATTRIBUTES] as Readonly<Record<string, string>> | undefined) ?? {};
}

/** A field element: no SEGMENT attribute and no element children. */
function isField(node: XmlNode): boolean {
  if (attributes(node)['SEGMENT'] !== undefined) return false;
  return (node[elementName(node)] as XmlNode[]).every((child) => !isElement(child));
}

function fieldText(node: XmlNode): string {
  let text = '';
  for (const child of node[elementName(node)] as XmlNode[]) {
    if (elementName(child) === CDATA) {
      for (const part of child[CDATA] as XmlNode[]) text += part[TEXT] as string;
    } else text += decodeEntities(child[TEXT] as string, elementName(node));
  }
  return trimBlanks(text);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; any other entity is an error. */
export function decodeEntities(text: string, field: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new IdocError('INVALID_XML', `a bare "&" in <${field}>`, { field });
    const named = ENTITIES[name];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(name)
        ? Number(name.slice(1))
        : -1;
    if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new IdocError(
        'INVALID_XML',
        `unknown entity ${match} in <${field}> (entities are not expanded)`,
        { field },
      );
    }
    return String.fromCodePoint(code);
  });
}

interface Context {
  readonly docnum: string;
  readonly schema: CompiledSchema | undefined;
  readonly warnings: IdocWarning[];
  readonly warned: Set<string>;
  /** Fields not in their segment's definition, by segment type, reported once per IDoc. */
  readonly unknownFields: Map<string, Set<string>>;
  segnum: number;
}

function readIdoc(node: XmlNode, registry: SchemaRegistry): Idoc {
  const [first, ...rest] = childElements(node);
  if (first === undefined || elementName(first) !== 'EDI_DC40') {
    throw new IdocError('MISSING_CONTROL_RECORD', 'an <IDOC> must start with its <EDI_DC40> control record');
  }
  const control = readControl(first);
  const schema = registry.find(control.idoctyp, control.cimtyp);
  const context: Context = {
    docnum: control.docnum,
    schema,
    warnings: [],
    warned: new Set(),
    unknownFields: new Map(),
    segnum: 0,
  };
  if (schema === undefined) {
    const type = control.cimtyp === '' ? control.idoctyp : `${control.idoctyp}/${control.cimtyp}`;
    warn(context, 'NO_SCHEMA', `no schema for IDoc type ${type || '(blank)'}`, '', '');
  }
  const segments = rest.map((element) => readSegment(element, undefined, context));
  for (const [type, fields] of context.unknownFields) {
    const names = [...fields].join(', ');
    const message = `${type} fields not in its definition are kept by name, but a flat file cannot carry them: ${names}`;
    warn(context, 'UNKNOWN_FIELD', message, type, '', names);
  }
  const idoc: Idoc = { control, segments };
  if (context.warnings.length > 0) idoc.warnings = context.warnings;
  return idoc;
}

function readControl(node: XmlNode): IdocControl {
  const control: Record<string, string> = {};
  for (const field of controlLayout) control[field.key] = '';
  for (const child of childElements(node)) {
    const name = elementName(child);
    if (!CONTROL_KEYS.has(name) || !isField(child)) {
      throw new IdocError('INVALID_XML', `<EDI_DC40> has no field <${name}>`, { field: name });
    }
    control[name.toLowerCase()] = fieldText(child);
  }
  return control as unknown as IdocControl;
}

function readSegment(node: XmlNode, parent: CompiledSegment | undefined, context: Context): Segment {
  const name = elementName(node);
  context.segnum += 1;
  const segnum = String(context.segnum).padStart(6, '0');
  const compiled =
    context.schema === undefined
      ? undefined
      : ((parent === undefined ? context.schema.roots.get(name) : parent.children.get(name)) ??
        context.schema.anyOf(name));
  if (context.schema !== undefined && compiled === undefined) {
    warn(context, 'UNKNOWN_SEGMENT', `segment ${name} is not in the schema`, name, segnum);
  }
  const known = compiled === undefined ? undefined : new Set(compiled.fieldNames);
  const segment: Segment = { name, segnum, fields: {}, children: [] };
  for (const child of childElements(node)) {
    const childName = elementName(child);
    if (!isField(child)) {
      segment.children.push(readSegment(child, compiled, context));
      continue;
    }
    if (childName === '__proto__' || Object.hasOwn(segment.fields, childName)) {
      throw new IdocError('INVALID_XML', `field <${childName}> occurs twice in <${name}> or is reserved`, {
        segment: name,
        field: childName,
        segnum,
      });
    }
    if (known !== undefined && !known.has(childName)) {
      const fields = context.unknownFields.get(name) ?? new Set<string>();
      context.unknownFields.set(name, fields.add(childName));
    }
    const value = fieldText(child);
    if (value !== '') segment.fields[childName] = value;
  }
  return segment;
}

function warn(
  context: Context,
  code: IdocWarningCode,
  message: string,
  segment: string,
  segnum: string,
  field?: string,
): void {
  const key = `${code}:${segment}:${field ?? ''}`;
  if (context.warned.has(key)) return;
  context.warned.add(key);
  const warning: { -readonly [K in keyof IdocWarning]: IdocWarning[K] } = { code, message };
  if (context.docnum !== '') warning.docnum = context.docnum;
  if (segnum !== '') warning.segnum = segnum;
  if (segment !== '') warning.segment = segment;
  if (field !== undefined) warning.field = field;
  context.warnings.push(warning);
}
