import { MappingError } from '../../../src/errors/mapping-error.js';
import { isMillwrightError } from '../../../src/errors/millwright-error.js';
import { ValidationError } from '../../../src/errors/validation-error.js';
import { describeInput } from '../../../src/internal/describe-input.js';
import { isArraySafely } from '../../../src/internal/is-array-safely.js';
import { BillOfMaterials } from '../../../src/model/bill-of-materials.js';
import { InventoryMovement } from '../../../src/model/inventory-movement.js';
import { Material } from '../../../src/model/material.js';
import { ProductionConfirmation } from '../../../src/model/production-confirmation.js';
import { WorkOrder } from '../../../src/model/work-order.js';
import { validate } from '../../../src/validate/validate.js';
import type { Idoc } from '../idoc.js';
import { assertSegmentDepth } from '../read/segment-tree-builder.js';
import { MBGMCR_LAYOUT, WMMBXY_LAYOUT } from './goods-movement-layouts.js';
import {
  type IdocMappingOptions,
  type ResolvedIdocMappingOptions,
  resolveIdocMappingOptions,
} from './idoc-mapping-options.js';
import { mapBillsOfMaterials } from './map-bill-of-materials.js';
import { mapInventoryMovements } from './map-inventory-movement.js';
import { mapMaterials } from './map-material.js';
import { mapProductionConfirmations } from './map-production-confirmation.js';
import { mapWorkOrders } from './map-work-order.js';
import { type Mapped, MappingContext } from './mapping-context.js';
import type { Origins } from './origins.js';
import { thrownName } from './thrown-name.js';

/** A canonical object made from an IDoc, tagged with its kind. */
export type CanonicalRecord =
  | { readonly kind: 'Material'; readonly value: Material }
  | { readonly kind: 'BillOfMaterials'; readonly value: BillOfMaterials }
  | { readonly kind: 'WorkOrder'; readonly value: WorkOrder }
  | { readonly kind: 'InventoryMovement'; readonly value: InventoryMovement }
  | { readonly kind: 'ProductionConfirmation'; readonly value: ProductionConfirmation };

interface MappedRecord {
  readonly record: CanonicalRecord;
  readonly origins: Origins;
}

type Mapper = (context: MappingContext) => MappedRecord[];

const tagged =
  <K extends CanonicalRecord['kind']>(
    kind: K,
    map: (context: MappingContext) => Mapped<Extract<CanonicalRecord, { kind: K }>['value']>[],
  ): Mapper =>
  (context) =>
    map(context).map(({ value, origins }) => ({ record: { kind, value } as CanonicalRecord, origins }));

/**
 * The mapping of each message type; the basic type decides when the message type is blank. Maps,
 * not plain objects: MESTYP comes from the IDoc, and `constructor` or `__proto__` is no mapping.
 */
const MAPPERS: ReadonlyMap<string, Mapper> = new Map([
  ['MATMAS', tagged('Material', mapMaterials)],
  ['BOMMAT', tagged('BillOfMaterials', mapBillsOfMaterials)],
  ['LOIPRO', tagged('WorkOrder', mapWorkOrders)],
  ['WMMBXY', tagged('InventoryMovement', (context) => mapInventoryMovements(context, WMMBXY_LAYOUT))],
  ['MBGMCR', tagged('InventoryMovement', (context) => mapInventoryMovements(context, MBGMCR_LAYOUT))],
  ['PPCC2PRETTICKET', tagged('ProductionConfirmation', mapProductionConfirmations)],
]);
/** Basic-type prefixes → the message type whose mapping they take. */
const BY_BASIC_TYPE: ReadonlyMap<string, string> = new Map([
  ['MATMAS', 'MATMAS'],
  ['BOMMAT', 'BOMMAT'],
  ['LOIPRO', 'LOIPRO'],
  ['WMMBID', 'WMMBXY'],
  ['MBGMCR', 'MBGMCR'],
  ['PPCC2PRETTICKET', 'PPCC2PRETTICKET'],
]);
/** The segment each message type's objects are made from, named when an IDoc has none. */
const ROOTS: ReadonlyMap<string, string> = new Map([
  ['MATMAS', 'E1MARAM'],
  ['BOMMAT', 'E1STZUM'],
  ['LOIPRO', 'E1AFKOL'],
  ['WMMBXY', 'E1MBXYI'],
  ['MBGMCR', 'E1BP2017_GM_ITEM_CREATE'],
  ['PPCC2PRETTICKET', 'E1BP_PP_TIMETICKET'],
]);

const SCHEMAS = {
  Material,
  BillOfMaterials,
  WorkOrder,
  InventoryMovement,
  ProductionConfirmation,
};

/**
 * Maps a manufacturing IDoc to canonical objects: MATMAS → Material (with E1MARMM alternative
 * units), BOMMAT → BillOfMaterials, LOIPRO → WorkOrder (operations, components, status),
 * WMMBXY and MBGMCR → InventoryMovement, PPCC2PRETTICKET (PP-PDC) time tickets →
 * ProductionConfirmation. SAP dates and times carry no zone: they are read in `options.timeZone`,
 * which is required. The plant comes from the IDoc (WERKS, PLANT) and `options.plant` stands in
 * only where the IDoc names none or a flat file's layout does not reach it. Signed and
 * trailing-minus numbers become exact decimal strings, units canonical codes through the unit
 * registry; material numbers keep their leading zeros unless `stripLeadingZeros` is set.
 *
 * No business value is decided from a field that could not be read: a flat file's fields are
 * known only as far as its field layout reaches, or where the data past the layout is blank
 * (see data/idoc/SOURCE.md). A required value that cannot be read is a MappingError naming the
 * field and asking for your WE60 export; an optional one is left out and named in the object's
 * `extensions` (`sap:unreadFields`, `sap:unparsedSegments`). Every object is validated before it
 * is returned.
 *
 * @returns the objects, in IDoc order, each tagged with its kind.
 * @throws {MappingError} `INVALID_SOURCE_DATA` with `location` = `SEGMENT/FIELD` for a missing,
 *   malformed or unreadable value, an IDoc without the segment its objects are made from, or an
 *   object that fails validation (the source field of the first issue's JSON Pointer, e.g.
 *   `/operations/0/workCenter` → `E1AFVOL/ARBPL`; the ValidationError is the cause);
 *   `INVALID_SOURCE_DATA` with `location` = `control` or `segments` for a value that is not an
 *   IDoc as parseIdoc makes it;
 *   `UNMAPPED_CODE` for an unknown message type, material type, movement type or order status.
 * @throws {MillwrightError} `INVALID_OPTIONS` for a missing `timeZone`, an unknown time zone, an
 *   option of the wrong type or one that cannot be read, or an option function that throws.
 * @example
 * const units = createUnitRegistry();
 * for await (const idoc of parseIdocStream(file)) {
 *   for (const record of idocToCanonical(idoc, { units, timeZone: 'Europe/Berlin' })) {
 *     if (record.kind === 'WorkOrder') console.log(record.value.id, record.value.status);
 *   }
 * }
 */
export function idocToCanonical(idoc: Idoc, options: IdocMappingOptions): CanonicalRecord[] {
  const resolved = resolveIdocMappingOptions(options);
  try {
    checkIdocShape(idoc);
    return mapIdoc(idoc, resolved);
  } catch (error) {
    if (isMillwrightError(error)) throw error;
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `the IDoc could not be read (${thrownName(error)})`,
      {},
      { cause: error },
    );
  }
}

function mapIdoc(idoc: Idoc, options: ResolvedIdocMappingOptions): CanonicalRecord[] {
  const { mestyp, idoctyp } = idoc.control;
  const messageType = findMessageType(mestyp, idoctyp);
  const mapper = messageType === undefined ? undefined : MAPPERS.get(messageType);
  if (messageType === undefined || mapper === undefined) {
    throw new MappingError(
      'UNMAPPED_CODE',
      `no canonical mapping for message type ${mestyp || '(blank)'} / ${idoctyp || '(blank)'}`,
      {
        domain: 'idoc-message-type',
        system: 'sap',
        value: mestyp || idoctyp,
      },
    );
  }
  const mapped = mapper(new MappingContext(idoc, options));
  if (mapped.length === 0) {
    const root = ROOTS.get(messageType) as string;
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `IDoc ${idoc.control.docnum || '(no number)'} (${messageType}) has no ${root} segment to map`,
      { location: root },
    );
  }
  for (const { record, origins } of mapped) {
    const result = validate(SCHEMAS[record.kind], record.value);
    if (!result.ok) {
      const cause = new ValidationError(result.issues, { schema: record.kind });
      const path = result.issues[0]?.path ?? '';
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `IDoc ${idoc.control.docnum || '(no number)'} maps to an invalid ${record.kind}: ${cause.message}`,
        { value: record.value.id, location: origins.locate(path) },
        { cause },
      );
    }
  }
  return mapped.map(({ record }) => record);
}

/**
 * Refuses what is not an IDoc as parseIdoc makes it, naming what is wrong, before a mapping reads
 * it (a TypeError deep in a mapping would say nothing useful).
 * @throws {MappingError} `INVALID_SOURCE_DATA` naming the part that is missing or of the wrong type.
 */
function checkIdocShape(idoc: unknown): asserts idoc is Idoc {
  const expected = 'idocToCanonical maps an IDoc as parseIdoc or parseIdocStream return it';
  if (typeof idoc !== 'object' || idoc === null || isArraySafely(idoc)) {
    const hint = isArraySafely(idoc) ? ' (map the IDocs of a file one by one)' : '';
    throw new MappingError('INVALID_SOURCE_DATA', `${expected}, not ${describeInput(idoc)}${hint}`);
  }
  const { control, segments } = idoc as { control?: unknown; segments?: unknown };
  if (typeof control !== 'object' || control === null) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${expected}: its control is ${describeInput(control)}, not an object`,
      {
        location: 'control',
      },
    );
  }
  for (const field of ['mestyp', 'idoctyp'] as const) {
    const value: unknown = (control as Record<string, unknown>)[field];
    if (typeof value !== 'string') {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `${expected}: its control.${field} is ${describeInput(value)}, not text`,
        { location: `control/${field.toUpperCase()}` },
      );
    }
  }
  if (!isArraySafely(segments)) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${expected}: its segments are ${describeInput(segments)}, not an array`,
      {
        location: 'segments',
      },
    );
  }
  checkSegmentDepth(segments as readonly unknown[]);
}

/**
 * Checks that no segment sits deeper than an IDoc can nest, with the check the readers and
 * writers use: a tree built in code that holds a segment among its own descendants (a cycle) or
 * nests without end would otherwise overflow the stack of the mapping's walks, and the error would
 * say neither what nor where. The walk keeps its own stack, so it cannot overflow itself.
 * @throws {MappingError} `INVALID_SOURCE_DATA` at the segment that sits too deep.
 */
function checkSegmentDepth(segments: readonly unknown[]): void {
  const open: [unknown, number][] = segments.map((segment) => [segment, 1]);
  for (let next = open.pop(); next !== undefined; next = open.pop()) {
    const [segment, depth] = next;
    if (typeof segment !== 'object' || segment === null) continue;
    const { name, children } = segment as { name?: unknown; children?: unknown };
    const location = typeof name === 'string' ? name : 'segments';
    try {
      assertSegmentDepth(depth, { segment: typeof name === 'string' ? name : '' });
    } catch (error) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `${(error as Error).message}: the segment tree nests without end (does a segment hold itself, or an ancestor, among its children?)`,
        { location },
        { cause: error },
      );
    }
    if (!isArraySafely(children)) continue;
    for (const child of children as readonly unknown[]) open.push([child, depth + 1]);
  }
}

/** The message type whose mapping applies, else the basic type's by its prefix; undefined when neither has one. */
function findMessageType(mestyp: string, idoctyp: string): string | undefined {
  if (MAPPERS.has(mestyp)) return mestyp;
  for (const [prefix, messageType] of BY_BASIC_TYPE) {
    if (idoctyp.startsWith(prefix)) return messageType;
  }
  return undefined;
}
