import { z } from 'zod';
import {
  commonFields,
  Identifier,
  LocalDate,
  NonNegativeQuantity,
  PositiveQuantity,
  Text,
} from './common.js';

/** What kind of work a routing or order describes (B2MML OperationsType). */
export const OperationsType = z
  .enum(['production', 'maintenance', 'quality', 'inventory'])
  .describe(
    'production: makes material. maintenance: keeps equipment running. quality: inspects. ' +
      'inventory: moves or counts stock.',
  );

/** One step of a routing (B2MML OperationsSegment, SAP PLPO). */
export const RoutingOperation = z
  .strictObject({
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
    predecessors: z
      .array(Identifier)
      .optional()
      .describe('Operations that must end before this one starts (B2MML SegmentDependency AfterEnd).'),
  })
  .describe('One step of a routing: what is done where, and how long it takes.');

/**
 * A routing: the sequence of operations that makes a material in a plant (B2MML
 * OperationsDefinition, SAP task list type N).
 * @example
 * validate(Routing, { id: 'R-1', material: 'FG-4711', plant: 'DE01', operations: [{ operation: '0010', workCenter: 'CNC-01' }] });
 */
export const Routing = z
  .strictObject({
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
    operations: z.array(RoutingOperation).min(1),
    ...commonFields,
  })
  .describe('A routing: the operations that make a material in a plant, in order.');
/** A routing; see {@link Routing}. */
export type Routing = z.infer<typeof Routing>;

/** The TypeScript type of {@link OperationsType}. */
export type OperationsType = z.infer<typeof OperationsType>;
/** The TypeScript type of {@link RoutingOperation}. */
export type RoutingOperation = z.infer<typeof RoutingOperation>;
