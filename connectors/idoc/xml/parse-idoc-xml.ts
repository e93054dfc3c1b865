// Reads IDoc-XML (root = basic type or extension, one or more <IDOC BEGIN="1"> elements, an
// EDI_DC40 control segment, then nested E1/Z1 segments) from the elements of xml-reader.ts.
// Field values are never converted (leading zeros in MATNR, WERKS, CHARG survive); trailing
// blanks are removed as in flat files.
import { IdocError } from '../../../src/errors/idoc-error.js';
import { isNumericOrBlank } from '../flat/data-record-header.js';
import { trimBlanks } from '../flat/fixed-text.js';
import { CONTROL_TAG, controlLayout } from '../flat/record-layout.js';
import type { Idoc, IdocControl, IdocWarning, IdocWarningCode, Segment } from '../idoc.js';
import { ParsedIdoc } from '../read/parsed-idoc.js';
import { assertSegmentDepth } from '../read/segment-tree-builder.js';
import { WarningLog } from '../read/warning-log.js';
import { builtinIdocSchemas } from '../schema/builtin-idoc-schemas.js';
import type { CompiledSchema, CompiledSegment, SchemaRegistry } from '../schema/compile-schema.js';
import { isBlankText, readXml, type XmlElement } from './xml-reader.js';

const CONTROL_KEYS = new Set<string>(controlLayout.map((field) => field.name));

/**
 * Parses an IDoc-XML document into IDocs.
 * The control record gets the checks of a flat file's: DOCNUM blank or digits, TABNAM
 * `EDI_DC40` (filled in when the element is left out, as IDoc-XML leaves out empty fields).
 * Fields not in a schema the caller gave are kept by name with an `UNKNOWN_FIELD` warning; the
 * built-in layouts are knowingly partial, so fields past their end are no warning. `log` keeps
 * the schema-gap warnings to once per parse or stream.
 * @throws {IdocError} code `INVALID_XML` for malformed XML, a DOCTYPE, an unknown entity, a field
 *   that occurs twice in the control record or in a segment, or a document that is not IDoc-XML;
 *   `MISSING_CONTROL_RECORD` for an IDOC without EDI_DC40; `INVALID_NUMBER` for a DOCNUM that is
 *   not a number; `UNSUPPORTED_RECORD` for a TABNAM other than `EDI_DC40`.
 */
export function parseIdocXml(text: string, registry: SchemaRegistry, log = new WarningLog()): Idoc[] {
  const idocs: Idoc[] = [];
  const root = readXml(text, (node, parent) => {
    if (node.name !== 'IDOC') {
      throw new IdocError('INVALID_XML', `expected <IDOC> under <${parent.name}>, found <${node.name}>`);
    }
    idocs.push(readIdoc(node, registry, log));
  });
  childElements(root);
  return idocs;
}

/** The children of an element that may hold no text of its own. */
function childElements(element: XmlElement): readonly XmlElement[] {
  const stray = element.mixed || element.cdata || !isBlankText(element.text);
  if (stray) throw new IdocError('INVALID_XML', `<${element.name}> holds text outside its fields`);
  return element.children;
}

/** A field element: no SEGMENT attribute and no element children. */
function isField(element: XmlElement): boolean {
  return element.children.length === 0 && element.attributes?.['SEGMENT'] === undefined;
}

interface Context {
  readonly control: IdocControl;
  readonly schema: CompiledSchema | undefined;
  /** Whether unknown fields are worth a warning: the schema is not a (knowingly partial) built-in one. */
  readonly complete: boolean;
  readonly warnings: IdocWarning[];
  readonly warned: Set<string>;
  readonly log: WarningLog;
  segnum: number;
}

/** The built-in schemas, whose layouts stop where the public field lists stopped. */
const PARTIAL: ReadonlySet<object> = new Set<object>(builtinIdocSchemas);

function readIdoc(node: XmlElement, registry: SchemaRegistry, log: WarningLog): Idoc {
  const [first, ...rest] = childElements(node);
  if (first === undefined || first.name !== 'EDI_DC40') {
    throw new IdocError('MISSING_CONTROL_RECORD', 'an <IDOC> must start with its <EDI_DC40> control record');
  }
  const control = readControl(first);
  const schema = registry.find(control.idoctyp, control.cimtyp);
  const context: Context = {
    control,
    schema,
    complete: schema !== undefined && !PARTIAL.has(schema.source),
    warnings: [],
    warned: new Set(),
    log,
    segnum: 0,
  };
  if (schema === undefined) {
    warn(context, 'NO_SCHEMA', `no schema for IDoc type ${typeName(control) || '(blank)'}`, '', '');
  }
  const segments = rest.map((element) => readSegment(element, undefined, 1, context));
  return new ParsedIdoc(control, segments, schema?.source, undefined, context.warnings);
}

function readControl(node: XmlElement): IdocControl {
  const values = new Map<string, string>();
  for (const child of childElements(node)) {
    const name = child.name;
    if (!CONTROL_KEYS.has(name) || !isField(child)) {
      throw new IdocError('INVALID_XML', `<EDI_DC40> has no field <${name}>`, { field: name });
    }
    if (values.has(name)) {
      throw new IdocError('INVALID_XML', `field <${name}> occurs twice in <EDI_DC40>`, {
        segment: 'EDI_DC40',
        field: name,
      });
    }
    values.set(name, trimBlanks(child.text));
  }
  const control: Record<string, string> = {};
  for (const field of controlLayout) control[field.key] = values.get(field.name) ?? '';
  return checkControl(control as unknown as IdocControl);
}

/** The control record as a flat file's would be: TABNAM filled in, DOCNUM checked. */
function checkControl(control: IdocControl): IdocControl {
  if (!isNumericOrBlank(control.docnum)) {
    throw new IdocError('INVALID_NUMBER', `DOCNUM ${JSON.stringify(control.docnum)} is not a number`, {
      field: 'DOCNUM',
    });
  }
  if (control.tabnam === '') return { ...control, tabnam: CONTROL_TAG };
  if (!control.tabnam.startsWith(CONTROL_TAG)) {
    throw new IdocError(
      'UNSUPPORTED_RECORD',
      `record type ${control.tabnam} is not supported: only EDI_DC40 control records are read`,
      { docnum: control.docnum, field: 'TABNAM' },
    );
  }
  return control;
}

function readSegment(
  node: XmlElement,
  parent: CompiledSegment | undefined,
  depth: number,
  context: Context,
): Segment {
  const name = node.name;
  const docnum = context.control.docnum;
  context.segnum += 1;
  const segnum = String(context.segnum).padStart(6, '0');
  assertSegmentDepth(depth, { docnum, segment: name, segnum });
  const compiled =
    context.schema === undefined
      ? undefined
      : ((parent === undefined ? context.schema.roots.get(name) : parent.children.get(name)) ??
        context.schema.anyOf(name));
  if (context.schema !== undefined && compiled === undefined) {
    warn(context, 'UNKNOWN_SEGMENT', `segment ${name} is not in the schema`, name, segnum);
  }
  const known = context.complete ? compiled?.fieldSet : undefined;
  const segment: Segment = { name, segnum, fields: {}, children: [] };
  // Empty fields are not kept, so the fields object alone would miss `<F/><F>1</F>`.
  const seen = new Set<string>();
  for (const child of childElements(node)) {
    if (!isField(child)) {
      segment.children.push(readSegment(child, compiled, depth + 1, context));
      continue;
    }
    const field = child.name;
    if (field === '__proto__' || seen.has(field)) {
      throw new IdocError('INVALID_XML', `field <${field}> occurs twice in <${name}> or is reserved`, {
        docnum,
        segment: name,
        field,
        segnum,
      });
    }
    seen.add(field);
    if (known !== undefined && !known.has(field)) {
      const message = `${name} field ${field} is not in schema ${typeName(context.control)} that was given: it is kept by name, but a flat file cannot carry it (load a WE60 export that has it)`;
      warn(context, 'UNKNOWN_FIELD', message, name, segnum, field);
    }
    const value = trimBlanks(child.text);
    if (value !== '') segment.fields[field] = value;
  }
  return segment;
}

function typeName(control: IdocControl): string {
  return control.cimtyp === '' ? control.idoctyp : `${control.idoctyp}/${control.cimtyp}`;
}

/** Records a warning once per IDoc, segment type and field; schema gaps once per parse (see WarningLog). */
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
  if (!context.log.shouldGive(code, context.control, `${segment}\u0000${field ?? ''}`)) return;
  const warning: { -readonly [K in keyof IdocWarning]: IdocWarning[K] } = { code, message };
  const docnum = context.control.docnum;
  if (docnum !== '') warning.docnum = docnum;
  if (segnum !== '') warning.segnum = segnum;
  if (segment !== '') warning.segment = segment;
  if (field !== undefined) warning.field = field;
  context.warnings.push(warning);
}
