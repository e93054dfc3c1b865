import { z } from 'zod';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
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
import { checkConvertible, checkRange, checkTimes, checkUnique, quote, ROOT } from './field-rules.js';
import { listOf } from './list-of.js';

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

/** The fields of {@link WorkOrderOperation}, before its cross-field rules. */
const WorkOrderOperationFields = z.strictObject({
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
});

/** One operation of a work order (B2MML SegmentRequirement, SAP AFVC). */
export const WorkOrderOperation = WorkOrderOperationFields.check(
  createRuleCheck(findOperationViolations),
).describe(
  'One operation of a work order. Rules beyond this schema: scheduledEnd is not before scheduledStart ' +
    '(invalid_range); quantity, confirmedYield and confirmedScrap are in units that convert into each ' +
    "other, the operation's unit, and setupTime, machineTime and laborTime in units of time " +
    '(incompatible_units).',
);

const CONFIRMED_YIELD = ['confirmedYield'] as const;
const CONFIRMED_SCRAP = ['confirmedScrap'] as const;
const PLANNED_SCRAP = ['plannedScrap'] as const;

/** The rules of {@link WorkOrderOperation} that span fields. */
function findOperationViolations(operation: z.output<typeof WorkOrderOperationFields>): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkRange(out, ROOT, 'scheduledStart', operation.scheduledStart, 'scheduledEnd', operation.scheduledEnd);
  // quantity is the operation's unit; without it, the confirmed yield is.
  const name = operation.quantity === undefined ? 'confirmedYield' : 'quantity';
  const unit = operation.quantity ?? operation.confirmedYield;
  if (operation.quantity !== undefined)
    checkConvertible(out, name, unit, CONFIRMED_YIELD, operation.confirmedYield);
  checkConvertible(out, name, unit, CONFIRMED_SCRAP, operation.confirmedScrap);
  checkTimes(out, operation);
  return out;
}

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

/** The fields of {@link WorkOrder}, before its cross-field rules. */
const WorkOrderFields = z.strictObject({
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
  operations: listOf(WorkOrderOperation).optional(),
  components: listOf(WorkOrderComponent).optional(),
  ...commonFields,
});

/**
 * A work order (production order, process order, job): make a quantity of a material in a plant
 * between two instants (B2MML OperationsRequest/JobOrder, OAGIS ProductionOrder).
 * @example
 * const result = validate(WorkOrder, JSON.parse(body));
 * if (result.ok && result.value.status === 'released') schedule(result.value);
 */
export const WorkOrder = WorkOrderFields.check(createRuleCheck(findWorkOrderViolations)).describe(
  'A work order: make a quantity of a material in a plant within a scheduled window. Rules beyond ' +
    'this schema (each an issue with its JSON Pointer): scheduledEnd is not before scheduledStart, nor ' +
    'actualEnd before actualStart (invalid_range); plannedScrap is in a unit that converts to the unit of ' +
    'quantity (incompatible_units); each operation number appears once (duplicate_operation); when ' +
    'operations are given, the operation of each component is one of them (unknown_operation).',
);

/** The rules of {@link WorkOrder} that span fields. */
function findWorkOrderViolations(order: z.output<typeof WorkOrderFields>): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkRange(out, ROOT, 'scheduledStart', order.scheduledStart, 'scheduledEnd', order.scheduledEnd);
  checkRange(out, ROOT, 'actualStart', order.actualStart, 'actualEnd', order.actualEnd);
  checkConvertible(out, 'quantity', order.quantity, PLANNED_SCRAP, order.plannedScrap);
  const operations = checkUnique(
    out,
    order.operations,
    'operation',
    ['operations'],
    'duplicate_operation',
    'operation',
  );
  if (order.operations === undefined || order.components === undefined) return out;
  order.components.forEach((component, index) => {
    if (component.operation === undefined || operations.positionOf(component.operation) !== undefined) return;
    out.push({
      path: ['components', index, 'operation'],
      code: 'unknown_operation',
      message: `operation ${quote(component.operation)} is not an operation of this work order`,
    });
  });
  return out;
}

/** A work order; see {@link WorkOrder}. */
export type WorkOrder = z.infer<typeof WorkOrder>;

/** The TypeScript type of {@link OperationStatus}. */
export type OperationStatus = z.infer<typeof OperationStatus>;
/** The TypeScript type of {@link WorkOrderOperation}. */
export type WorkOrderOperation = z.infer<typeof WorkOrderOperation>;
/** The TypeScript type of {@link WorkOrderComponent}. */
export type WorkOrderComponent = z.infer<typeof WorkOrderComponent>;
