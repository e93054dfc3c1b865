import type { z } from 'zod';
import { BillOfMaterials } from './bill-of-materials.js';
import { InventoryMovement } from './inventory-movement.js';
import { Material } from './material.js';
import { MaterialLot } from './material-lot.js';
import { ProductionConfirmation } from './production-confirmation.js';
import { QualityEvent } from './quality-event.js';
import { Routing } from './routing.js';
import { WorkOrder } from './work-order.js';

/** Where millwright's JSON Schemas live; each `$id` is this base plus the object's file name. */
export const SCHEMA_BASE = 'https://millwright.dev/schemas/v1/';

/** A canonical object: its zod schema, its JSON Schema file name and `$id`. */
export interface CanonicalObject {
  readonly name: CanonicalObjectName;
  readonly schema: z.ZodType;
  /** The JSON Schema file, relative to `schemas/v1/`. */
  readonly file: string;
  /** The stable `$id` of its JSON Schema, also the `dataschema` of its events. */
  readonly schemaId: string;
}

/** The names of the eight canonical objects. */
export type CanonicalObjectName =
  | 'Material'
  | 'BillOfMaterials'
  | 'Routing'
  | 'WorkOrder'
  | 'ProductionConfirmation'
  | 'InventoryMovement'
  | 'MaterialLot'
  | 'QualityEvent';

function describe(name: CanonicalObjectName, schema: z.ZodType, file: string): CanonicalObject {
  return { name, schema, file, schemaId: `${SCHEMA_BASE}${file}` };
}

/** The eight canonical objects, in the order the documentation lists them. */
export const canonicalObjects = {
  Material: describe('Material', Material, 'material.json'),
  BillOfMaterials: describe('BillOfMaterials', BillOfMaterials, 'bill-of-materials.json'),
  Routing: describe('Routing', Routing, 'routing.json'),
  WorkOrder: describe('WorkOrder', WorkOrder, 'work-order.json'),
  ProductionConfirmation: describe(
    'ProductionConfirmation',
    ProductionConfirmation,
    'production-confirmation.json',
  ),
  InventoryMovement: describe('InventoryMovement', InventoryMovement, 'inventory-movement.json'),
  MaterialLot: describe('MaterialLot', MaterialLot, 'material-lot.json'),
  QualityEvent: describe('QualityEvent', QualityEvent, 'quality-event.json'),
} as const satisfies Record<CanonicalObjectName, CanonicalObject>;
