import type { BillOfMaterials } from '../model/bill-of-materials.js';
import type { CanonicalObjectName } from '../model/canonical-objects.js';
import type { InventoryMovement } from '../model/inventory-movement.js';
import type { Material } from '../model/material.js';
import type { MaterialLot } from '../model/material-lot.js';
import type { ProductionConfirmation } from '../model/production-confirmation.js';
import type { QualityEvent } from '../model/quality-event.js';
import type { Routing } from '../model/routing.js';
import type { WorkOrder } from '../model/work-order.js';

/**
 * A rule an event's data must meet beyond its object schema: `field` holds one of `values`, or
 * (with `present`) is present or absent. A `workorder.released` event carries a work order whose
 * status IS `released`, so a consumer can trust the type without reading the data.
 */
export type EventDataRule =
  | { readonly field: string; readonly values: readonly string[] }
  | { readonly field: string; readonly present: boolean };

/** One event type of the catalogue. */
export interface EventDefinition {
  /** The canonical object the event carries as `data`. */
  readonly object: CanonicalObjectName;
  /** What happened, for the AsyncAPI document and the JSON Schema. */
  readonly description: string;
  /** The rule the data meets, if any. */
  readonly rule?: EventDataRule;
}

const status = (...values: WorkOrder['status'][]): EventDataRule => ({ field: 'status', values });
const kind = (...values: QualityEvent['kind'][]): EventDataRule => ({ field: 'kind', values });

/**
 * Every event type millwright publishes, named `millwright.<object>.<happening>.v<major>`. Each
 * event carries the whole current object as `data` (event-carried state transfer), so a consumer
 * never has to call back for it.
 * @example
 * eventCatalog['millwright.workorder.released.v1'].rule; // { field: 'status', values: ['released'] }
 */
export const eventCatalog = {
  'millwright.material.changed.v1': {
    object: 'Material',
    description: 'A material was created or its master data changed; data is the whole current record.',
  },
  'millwright.bom.changed.v1': {
    object: 'BillOfMaterials',
    description: 'A bill of materials was created or changed; data is the whole current BOM.',
  },
  'millwright.routing.changed.v1': {
    object: 'Routing',
    description: 'A routing was created or changed; data is the whole current routing.',
  },
  'millwright.workorder.created.v1': {
    object: 'WorkOrder',
    description: 'A work order was created and is not yet released (status created).',
    rule: status('created'),
  },
  'millwright.workorder.released.v1': {
    object: 'WorkOrder',
    description: 'A work order was released to the shop floor (status released).',
    rule: status('released'),
  },
  'millwright.workorder.started.v1': {
    object: 'WorkOrder',
    description: 'Work on a work order started (status in-progress).',
    rule: status('in-progress'),
  },
  'millwright.workorder.held.v1': {
    object: 'WorkOrder',
    description: 'A work order was put on hold (status on-hold).',
    rule: status('on-hold'),
  },
  'millwright.workorder.completed.v1': {
    object: 'WorkOrder',
    description:
      'The shop floor finished a work order (status completed); it stays open for late postings until closed.',
    rule: status('completed'),
  },
  'millwright.workorder.closed.v1': {
    object: 'WorkOrder',
    description: 'A work order was closed; nothing may be posted to it any more (status closed).',
    rule: status('closed'),
  },
  'millwright.workorder.cancelled.v1': {
    object: 'WorkOrder',
    description: 'A work order was cancelled and will not be executed (status cancelled).',
    rule: status('cancelled'),
  },
  'millwright.workorder.changed.v1': {
    object: 'WorkOrder',
    description: 'A work order changed without a status transition (dates, quantities, operations).',
  },
  'millwright.production.confirmed.v1': {
    object: 'ProductionConfirmation',
    description:
      'Production was confirmed for a work order or operation (a new confirmation, not a reversal).',
    rule: { field: 'reverses', present: false },
  },
  'millwright.production.reversed.v1': {
    object: 'ProductionConfirmation',
    description:
      'A production confirmation was cancelled; data is the cancelling confirmation, naming it in reverses.',
    rule: { field: 'reverses', present: true },
  },
  'millwright.inventory.moved.v1': {
    object: 'InventoryMovement',
    description:
      'Stock was received, issued, transferred, scrapped, adjusted or returned (or such a movement reversed).',
  },
  'millwright.lot.changed.v1': {
    object: 'MaterialLot',
    description: 'A lot (batch) was created or its status, quantity, dates or genealogy changed.',
  },
  'millwright.quality.inspected.v1': {
    object: 'QualityEvent',
    description: 'Inspection results were recorded for a lot or sample (kind inspection-result).',
    rule: kind('inspection-result'),
  },
  'millwright.quality.held.v1': {
    object: 'QualityEvent',
    description: 'Material or a lot was put on quality hold: stop using and shipping it now (kind hold).',
    rule: kind('hold'),
  },
  'millwright.quality.released.v1': {
    object: 'QualityEvent',
    description: 'A quality hold was lifted; the material may be used and shipped again (kind release).',
    rule: kind('release'),
  },
  'millwright.quality.deviated.v1': {
    object: 'QualityEvent',
    description: 'A deviation from the specification was approved (kind deviation).',
    rule: kind('deviation'),
  },
  'millwright.quality.nonconforming.v1': {
    object: 'QualityEvent',
    description: 'Material was found not to meet its specification (kind nonconformance).',
    rule: kind('nonconformance'),
  },
  'millwright.quality.dispositioned.v1': {
    object: 'QualityEvent',
    description: 'A disposition was decided for nonconforming material (kind disposition).',
    rule: kind('disposition'),
  },
} as const satisfies Record<string, EventDefinition>;

/** The name of an event type, e.g. `millwright.workorder.released.v1`. */
export type EventType = keyof typeof eventCatalog;

/** The TypeScript type of each canonical object, by name. */
interface CanonicalTypes {
  Material: Material;
  BillOfMaterials: BillOfMaterials;
  Routing: Routing;
  WorkOrder: WorkOrder;
  ProductionConfirmation: ProductionConfirmation;
  InventoryMovement: InventoryMovement;
  MaterialLot: MaterialLot;
  QualityEvent: QualityEvent;
}

/** The `data` an event of type `T` carries. */
export type EventData<T extends EventType> = CanonicalTypes[(typeof eventCatalog)[T]['object']];

/**
 * The list of all event types.
 * @example
 * for (const type of eventTypes) channel.bindQueue('millwright', 'millwright', type);
 */
export const eventTypes = Object.keys(eventCatalog) as EventType[];
