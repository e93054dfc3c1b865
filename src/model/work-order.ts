import { z } from 'zod';
import { MaterialUse } from './bill-of-materials.js';
import {
  commonFields,
  Identifier,
  NonNegativeQuantity,
  PositiveQuantity,
  Quantity,
  Text,
  Timestamp,
} from './common.js';

/**
 * The life cycle of a work order. The same word means the same thing in every plant; these
 * texts are the contract that SAP system statuses and MES states are mapped to.
 */
export const WorkOrderStatus = z
  .enum(['created', 'released', 'in-progress', 'completed', 'closed', 'cancelled', 'on-hold'])
  .describe(
    'created: planned and saved, not yet released; the shop floor may not start it, issue material or ' +
      'confirm (SAP CRTD; B2MML Forecast/Waiting). ' +
      'released: released to the shop floor; material may be staged and issued and operations may start, ' +
      'nothing is confirmed yet (SAP REL; B2MML Released/Ready). ' +
      'in-progress: work has started: at least one operation started or a partial quantity confirmed ' +
      '(SAP PCNF/PDLV; B2MML Running). ' +
      'completed: the shop floor has finished: the final confirmation is posted or the full quantity ' +
      'delivered, and no more work is expected; the order is still open for late goods movements and ' +
      'costs, so inventory and cost postings may still arrive (SAP CNF, DLV, TECO; B2MML Completed). ' +
      'closed: closed for good: no confirmation, goods movement or cost may be posted any more; ' +
      'reached after completed (SAP CLSD; B2MML Closed). ' +
      'cancelled: will not be executed; nothing further may be posted (SAP DLFL; B2MML Cancelled/Aborted). ' +
      'on-hold: execution is suspended, e.g. by a quality hold or missing material; no work until it is ' +
      'released again (SAP user status; B2MML Held/Suspended).',
  );
/** The life cycle of a work order; see {@link WorkOrderStatus}. */
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

/** The state of one operation of a work order. */
export const OperationStatus = z
  .enum(['waiting', 'ready', 'in-progress', 'completed', 'skipped'])
  .describe(
    'waiting: not yet possible (predecessors open). ready: may start. in-progress: started or partly ' +
      'confirmed. completed: finally confirmed. skipped: will not be performed.',
  );

/** One operation of a work order (B2MML SegmentRequirement, SAP AFVC). */
export const WorkOrderOperation = z
  .strictObject({
    operation: Identifier.describe('The operation number, e.g. "0010".'),
    workCenter: Identifier,
    description: Text.optional(),
    status: OperationStatus.optional(),
    controlKey: Identifier.optional(),
    quantity: PositiveQuantity.optional().describe('The quantity this operation is to process.'),
    scheduledStart: Timestamp.optional(),
    scheduledEnd: Timestamp.optional(),
    setupTime: NonNegativeQuantity.optional().describe('Planned setup time, in a time unit.'),
    machineTime: NonNegativeQuantity.optional().describe('Planned machine time for the whole quantity.'),
    laborTime: NonNegativeQuantity.optional().describe('Planned labour time for the whole quantity.'),
    confirmedYield: NonNegativeQuantity.optional().describe('Good quantity confirmed so far.'),
    confirmedScrap: NonNegativeQuantity.optional().describe('Scrap confirmed so far.'),
  })
  .describe('One operation of a work order.');

/** A material the work order needs or produces besides its header material (SAP RESB). */
export const WorkOrderComponent = z
  .strictObject({
    position: Identifier.optional().describe('The BOM item number, e.g. "0010".'),
    material: Identifier,
    quantity: Quantity.describe(
      'The required quantity for the whole order; negative for by-products in SAP.',
    ),
    use: MaterialUse.optional(),
    operation: Identifier.optional().describe('The operation that consumes it.'),
    storageLocation: Identifier.optional(),
    batch: Identifier.optional().describe('The batch to use, when it is fixed.'),
    backflush: z.boolean().optional(),
    issuedQuantity: NonNegativeQuantity.optional().describe('How much has been issued so far.'),
    reservation: Identifier.optional().describe('The reservation number and item, e.g. "0000012345/0001".'),
  })
  .describe('A component requirement of a work order.');

/**
 * A work order (production order, process order, job): make a quantity of a material in a plant
 * between two instants (B2MML OperationsRequest/JobOrder, OAGIS ProductionOrder).
 * @example
 * const result = validate(WorkOrder, JSON.parse(body));
 * if (result.ok && result.value.status === 'released') schedule(result.value);
 */
export const WorkOrder = z
  .strictObject({
    id: Identifier.describe('The order number as the system of record writes it, e.g. "000001004711".'),
    type: Identifier.optional().describe('The order type, e.g. "PP01" (SAP AUART).'),
    material: Identifier.describe('The material to make.'),
    plant: Identifier,
    quantity: PositiveQuantity.describe('The planned quantity to make, scrap included.'),
    plannedScrap: NonNegativeQuantity.optional(),
    deliveredQuantity: NonNegativeQuantity.optional().describe('Good quantity received into stock so far.'),
    status: WorkOrderStatus,
    priority: z.int().min(0).optional().describe('Higher is more urgent.'),
    scheduledStart: Timestamp,
    scheduledEnd: Timestamp,
    actualStart: Timestamp.optional(),
    actualEnd: Timestamp.optional(),
    bom: Identifier.optional().describe('The BOM id the components come from.'),
    routing: Identifier.optional().describe('The routing id the operations come from.'),
    batch: Identifier.optional().describe('The batch the output is received into.'),
    productionVersion: Identifier.optional(),
    salesOrder: Identifier.optional().describe('The sales order (and item) the order makes to.'),
    parent: Identifier.optional().describe('The higher-level order in a collective order.'),
    description: Text.optional(),
    operations: z.array(WorkOrderOperation).optional(),
    components: z.array(WorkOrderComponent).optional(),
    ...commonFields,
  })
  .refine((order) => Date.parse(order.scheduledEnd) >= Date.parse(order.scheduledStart), {
    message: 'scheduledEnd is before scheduledStart',
    path: ['scheduledEnd'],
    params: { code: 'invalid_range' },
  })
  .describe('A work order: make a quantity of a material in a plant within a scheduled window.');
/** A work order; see {@link WorkOrder}. */
export type WorkOrder = z.infer<typeof WorkOrder>;

/** The TypeScript type of {@link OperationStatus}. */
export type OperationStatus = z.infer<typeof OperationStatus>;
/** The TypeScript type of {@link WorkOrderOperation}. */
export type WorkOrderOperation = z.infer<typeof WorkOrderOperation>;
/** The TypeScript type of {@link WorkOrderComponent}. */
export type WorkOrderComponent = z.infer<typeof WorkOrderComponent>;
