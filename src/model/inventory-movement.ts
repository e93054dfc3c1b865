import { z } from 'zod';
import { type SapMovementType, sapMovementTypes } from '../codes/sap-movement-types.js';
import { createRuleCheck, type RuleViolation } from '../validate/create-rule-check.js';
import { commonFields, Identifier, LocalDate, PositiveQuantity, Text, Timestamp } from './common.js';
import { checkSelfReference } from './field-rules.js';

/** The business meaning of a stock movement; the source code (e.g. SAP 261) is kept beside it. */
export const MovementKind = z
  .enum(['goods-receipt', 'goods-issue', 'transfer', 'scrap', 'adjustment', 'return'])
  .describe(
    'goods-receipt: stock enters the plant from outside its stock: output of a work order, a purchase ' +
      'receipt, a receipt without reference (SAP 101, 501). ' +
      'goods-issue: stock leaves for consumption or shipment: to a work order, a cost center, a customer ' +
      '(SAP 201, 261, 601). ' +
      'transfer: stock changes place or stock type without changing the plant-wide total of the material ' +
      '(storage location, plant, quality-inspection to unrestricted; SAP 301, 311, 321, 343). ' +
      'scrap: stock is destroyed and written off (SAP 551). ' +
      'adjustment: a physical inventory difference or a correction (SAP 701, 702). ' +
      'return: previously moved stock goes back the way it came as a new business transaction: ' +
      'components returned from a work order, goods returned to the supplier, customer returns ' +
      '(SAP 122, 262, 651). A correction of a wrong posting is not a return: it sets `reverses`.',
  );

/** The stock type of the quantity moved; for a transfer between stock types, the source type. */
export const StockType = z
  .enum(['unrestricted', 'quality-inspection', 'blocked', 'restricted', 'returns', 'in-transit'])
  .describe(
    'unrestricted: free to use. quality-inspection: awaiting a QA decision, not usable. blocked: not ' +
      'usable. restricted: usable only under conditions (restricted-use batches). returns: customer ' +
      'returns not yet decided. in-transit: between plants.',
  );

/** Which way the movement changes the plant\'s stock of the material. */
export const MovementDirection = z
  .enum(['in', 'out', 'internal'])
  .describe('in: stock increases. out: stock decreases. internal: stock moves, the total is unchanged.');

/** A place stock is in (EPCIS source/destination, B2MML StorageLocation). */
export const StockLocation = z
  .strictObject({
    plant: Identifier,
    storageLocation: Identifier.optional().describe('SAP LGORT or the WMS area.'),
    bin: Identifier.optional().describe('The storage bin.'),
  })
  .describe('A plant, optionally a storage location and bin within it.');

/** The business documents a movement refers to (EPCIS bizTransactionList). */
export const MovementReference = z
  .strictObject({
    workOrder: Identifier.optional(),
    purchaseOrder: Identifier.optional().describe('The purchase order and item, e.g. "4500001234/00010".'),
    salesOrder: Identifier.optional(),
    delivery: Identifier.optional(),
    reservation: Identifier.optional(),
    document: Identifier.optional().describe(
      'The source posting document, e.g. SAP material document/year/item.',
    ),
  })
  .describe('The business documents this movement belongs to.');

/** The fields of {@link InventoryMovement}, before its cross-field rules. */
const InventoryMovementFields = z.strictObject({
  id: Identifier.describe('A unique id of the movement, used to de-duplicate (e.g. document/year/item).'),
  kind: MovementKind,
  direction: MovementDirection.optional(),
  movementCode: Identifier.optional().describe(
    'The source system code, e.g. SAP movement type "261". A code of the SAP standard movement types ' +
      "(sapMovementTypes, 101-708) means that SAP movement type; write other systems' codes that look " +
      'alike with a prefix of their own (e.g. "MES-101").',
  ),
  material: Identifier,
  plant: Identifier.describe('The plant whose stock is posted.'),
  storageLocation: Identifier.optional(),
  batch: Identifier.optional(),
  stockType: StockType.optional(),
  quantity: PositiveQuantity.describe('How much moved; always positive.'),
  from: StockLocation.optional().describe('Where the stock came from.'),
  to: StockLocation.optional().describe('Where the stock went.'),
  postingDate: LocalDate.describe('The accounting date of the movement.'),
  occurredAt: Timestamp.describe('When the movement physically happened (EPCIS eventTime).'),
  reference: MovementReference.optional(),
  reason: Identifier.optional().describe('The reason code, e.g. for scrap or adjustment.'),
  reverses: Identifier.optional().describe('The id of the movement this one cancels.'),
  text: Text.optional(),
  ...commonFields,
});

/**
 * An inventory movement: a quantity of a material changes place, stock type or ownership
 * (EPCIS ObjectEvent with bizStep, SAP material document item, OAGIS MoveInventory). Quantities
 * are always positive; the kind and direction say which way it goes.
 * @example
 * validate(InventoryMovement, { id: 'M-1', kind: 'goods-issue', movementCode: '261', material: 'RM-1', plant: 'DE01',
 *   quantity: { value: '500', unit: 'H87' }, postingDate: '2026-05-12', occurredAt: '2026-05-12T06:15:00+02:00' });
 */
export const InventoryMovement = InventoryMovementFields.check(
  createRuleCheck(findMovementViolations),
).describe(
  'An inventory movement: a positive quantity of a material moved, received, issued or written off. ' +
    'Rules beyond this schema (each an issue with its JSON Pointer): a goods-receipt moves stock in, a ' +
    'goods-issue and a scrap move it out, and the other way only when the movement reverses one ' +
    '(direction_mismatch); a movementCode of the SAP standard movement types (101-708) means that SAP ' +
    'movement type, and kind and direction agree with it (movement_code_mismatch; a two-sided type such ' +
    'as 301 moves in or out); a movement does not reverse itself (self_reference).',
);

/** The direction of each kind that has one: in a movement of its own, and in one that reverses another. */
const KIND_DIRECTIONS: Readonly<
  Partial<Record<MovementKind, readonly [own: MovementDirection, reversal: MovementDirection]>>
> = {
  'goods-receipt': ['in', 'out'],
  'goods-issue': ['out', 'in'],
  scrap: ['out', 'in'],
};

/** The rules of {@link InventoryMovement} that span fields. */
function findMovementViolations(movement: z.output<typeof InventoryMovementFields>): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { kind, direction, movementCode } = movement;
  const sap =
    movementCode !== undefined && Object.hasOwn(sapMovementTypes, movementCode)
      ? sapMovementTypes[movementCode]
      : undefined;
  if (sap !== undefined) {
    // The standard table is the contract: its kind and direction decide.
    checkAgainstSap(out, sap, kind, direction);
  } else {
    const directions = KIND_DIRECTIONS[kind];
    const expected = directions?.[movement.reverses === undefined ? 0 : 1];
    if (direction !== undefined && expected !== undefined && direction !== expected) {
      out.push({
        path: ['direction'],
        code: 'direction_mismatch',
        message:
          movement.reverses === undefined
            ? `a ${kind} moves stock ${expected}, not ${direction} (${directions?.[1]} only when it reverses one)`
            : `a ${kind} that reverses another moves stock ${expected}, not ${direction}`,
      });
    }
  }
  checkSelfReference(out, movement, 'movement');
  return out;
}

/** Kind and direction agree with the SAP movement type the movement names. */
function checkAgainstSap(
  out: RuleViolation[],
  sap: SapMovementType,
  kind: MovementKind,
  direction: MovementDirection | undefined,
): void {
  const named = `SAP movement type ${sap.code} (${sap.description})`;
  if (kind !== sap.kind) {
    out.push({
      path: ['kind'],
      code: 'movement_code_mismatch',
      message: `${named} is a ${sap.kind}, not a ${kind}`,
    });
  }
  if (direction === undefined) return;
  const allowed: readonly (MovementDirection | undefined)[] =
    sap.direction === undefined ? [sap.sides?.own, sap.sides?.counterpart] : [sap.direction];
  if (allowed.includes(direction)) return;
  out.push({
    path: ['direction'],
    code: 'movement_code_mismatch',
    message:
      sap.direction === undefined
        ? `${named} moves stock out of one side and into the other, not ${direction}`
        : `${named} moves stock ${sap.direction}, not ${direction}`,
  });
}

/** An inventory movement; see {@link InventoryMovement}. */
export type InventoryMovement = z.infer<typeof InventoryMovement>;

/** The TypeScript type of {@link MovementKind}. */
export type MovementKind = z.infer<typeof MovementKind>;
/** The TypeScript type of {@link StockType}. */
export type StockType = z.infer<typeof StockType>;
/** The TypeScript type of {@link MovementDirection}. */
export type MovementDirection = z.infer<typeof MovementDirection>;
/** The TypeScript type of {@link StockLocation}. */
export type StockLocation = z.infer<typeof StockLocation>;
/** The TypeScript type of {@link MovementReference}. */
export type MovementReference = z.infer<typeof MovementReference>;
