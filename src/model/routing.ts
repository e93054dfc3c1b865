import { z } from 'zod';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
import {
  commonFields,
  Identifier,
  LocalDate,
  NonNegativeQuantity,
  PositiveQuantity,
  Text,
} from './common.js';
import {
  checkAmountRange,
  checkRange,
  checkTimes,
  checkUnique,
  type KeyPositions,
  quote,
  ROOT,
} from './field-rules.js';
import { listOf } from './list-of.js';

/** What kind of work a routing or order describes (B2MML OperationsType). */
export const OperationsType = z
  .enum(['production', 'maintenance', 'quality', 'inventory'])
  .describe(
    'production: makes material. maintenance: keeps equipment running. quality: inspects. ' +
      'inventory: moves or counts stock.',
  );

/** The fields of {@link RoutingOperation}, before its cross-field rules. */
const RoutingOperationFields = z.strictObject({
  operation: Identifier.describe('The operation number, e.g. "0010" (SAP VORNR); it also gives the order.'),
  workCenter: Identifier.describe('The work center that performs it.'),
  description: Text.optional(),
  controlKey: Identifier.optional().describe(
    'How it is scheduled, confirmed and costed (SAP STEUS, e.g. PP01).',
  ),
  baseQuantity: PositiveQuantity.optional().describe('The quantity the times below refer to.'),
  setupTime: NonNegativeQuantity.optional().describe('Setup time per lot, in a time unit (MIN, HUR).'),
  machineTime: NonNegativeQuantity.optional().describe('Machine time per base quantity.'),
  laborTime: NonNegativeQuantity.optional().describe('Labour time per base quantity.'),
  predecessors: listOf(Identifier)
    .optional()
    .describe('Operations that must end before this one starts (B2MML SegmentDependency AfterEnd).'),
});

/** One step of a routing (B2MML OperationsSegment, SAP PLPO). */
export const RoutingOperation = RoutingOperationFields.check(
  createRuleCheck((operation: z.output<typeof RoutingOperationFields>) => {
    const out: RuleViolation[] = [];
    checkTimes(out, operation);
    return out;
  }),
).describe(
  'One step of a routing: what is done where, and how long it takes. Rule beyond this schema: ' +
    'setupTime, machineTime and laborTime are in units of time (incompatible_units).',
);

/** The fields of {@link Routing}, before its cross-field rules. */
const RoutingFields = z.strictObject({
  id: Identifier.describe('The routing id (SAP PLNNR group + PLNAL counter, or the MES recipe id).'),
  material: Identifier.describe('The material the routing makes.'),
  plant: Identifier,
  type: OperationsType.optional(),
  revision: Identifier.optional(),
  description: Text.optional(),
  lotSizeFrom: NonNegativeQuantity.optional().describe('The smallest lot size the routing is valid for.'),
  lotSizeTo: NonNegativeQuantity.optional().describe('The largest lot size the routing is valid for.'),
  validFrom: LocalDate.optional(),
  validTo: LocalDate.optional(),
  operations: listOf(RoutingOperation).min(1),
  ...commonFields,
});

/**
 * A routing: the sequence of operations that makes a material in a plant (B2MML
 * OperationsDefinition, SAP task list type N).
 * @example
 * validate(Routing, { id: 'R-1', material: 'FG-4711', plant: 'DE01', operations: [{ operation: '0010', workCenter: 'CNC-01' }] });
 */
export const Routing = RoutingFields.check(createRuleCheck(findRoutingViolations)).describe(
  'A routing: the operations that make a material in a plant, in order. Rules beyond this schema ' +
    '(each an issue with its JSON Pointer): validTo is not before validFrom, nor lotSizeTo less than ' +
    'lotSizeFrom, whose units convert into each other (invalid_range, incompatible_units); each ' +
    'operation number appears once (duplicate_operation); each predecessor is an operation of the ' +
    'routing (unknown_operation), and no operation waits for itself through its predecessors ' +
    '(circular_dependency).',
);

/** The rules of {@link Routing} that span fields. */
function findRoutingViolations(routing: z.output<typeof RoutingFields>): RuleViolation[] {
  const out: RuleViolation[] = [];
  checkRange(out, ROOT, 'validFrom', routing.validFrom, 'validTo', routing.validTo);
  checkAmountRange(out, ROOT, 'lotSizeFrom', routing.lotSizeFrom, 'lotSizeTo', routing.lotSizeTo);
  const positions = checkUnique(
    out,
    routing.operations,
    'operation',
    ['operations'],
    'duplicate_operation',
    'operation',
  );
  routing.operations.forEach((operation, index) => {
    operation.predecessors?.forEach((predecessor, position) => {
      if (positions.positionOf(predecessor) !== undefined) return;
      out.push({
        path: ['operations', index, 'predecessors', position],
        code: 'unknown_operation',
        message: `predecessor ${quote(predecessor)} is not an operation of this routing`,
      });
    });
  });
  findCircularDependency(out, routing.operations, positions);
  return out;
}

/**
 * Walks the predecessors of every operation depth first (iteratively, at any length); a
 * predecessor that leads back to an operation still being walked closes a cycle, reported at
 * that predecessor.
 */
function findCircularDependency(
  out: RuleViolation[],
  operations: readonly { readonly predecessors?: readonly string[] | undefined }[],
  positions: KeyPositions,
): void {
  const state = new Array<'open' | 'done' | undefined>(operations.length);
  for (let start = 0; start < operations.length; start += 1) {
    if (state[start] !== undefined) continue;
    const stack: { index: number; next: number }[] = [{ index: start, next: 0 }];
    state[start] = 'open';
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { index: number; next: number };
      const predecessors = operations[frame.index]?.predecessors ?? [];
      if (frame.next === predecessors.length) {
        state[frame.index] = 'done';
        stack.pop();
        continue;
      }
      const position = frame.next;
      frame.next += 1;
      const target = positions.positionOf(predecessors[position]);
      if (target === undefined || state[target] === 'done') continue;
      if (state[target] === 'open') {
        out.push({
          path: ['operations', frame.index, 'predecessors', position],
          code: 'circular_dependency',
          message: `operation ${quote(predecessors[position] as string)} waits for itself through its predecessors`,
        });
        continue;
      }
      state[target] = 'open';
      stack.push({ index: target, next: 0 });
    }
  }
}

/** A routing; see {@link Routing}. */
export type Routing = z.infer<typeof Routing>;

/** The TypeScript type of {@link OperationsType}. */
export type OperationsType = z.infer<typeof OperationsType>;
/** The TypeScript type of {@link RoutingOperation}. */
export type RoutingOperation = z.infer<typeof RoutingOperation>;
