// The public API of `millwright/io-ts`: io-ts codecs of the eight canonical objects, derived
// from the zod models (never written a second time), and the function that derives them.
// io-ts and fp-ts are optional peer dependencies of millwright, needed by this entry only.
import { BillOfMaterials as BillOfMaterialsSchema } from '../model/bill-of-materials.js';
import { InventoryMovement as InventoryMovementSchema } from '../model/inventory-movement.js';
import { Material as MaterialSchema } from '../model/material.js';
import { MaterialLot as MaterialLotSchema } from '../model/material-lot.js';
import { ProductionConfirmation as ProductionConfirmationSchema } from '../model/production-confirmation.js';
import { QualityEvent as QualityEventSchema } from '../model/quality-event.js';
import { Routing as RoutingSchema } from '../model/routing.js';
import { WorkOrder as WorkOrderSchema } from '../model/work-order.js';
import { type IoTsCodec, toIoTs } from './to-io-ts.js';

export type { IoTsCodec } from './to-io-ts.js';
export { toIoTs } from './to-io-ts.js';

/** io-ts codec of {@link MaterialSchema | Material}, derived from the zod model. */
export const Material: IoTsCodec<typeof MaterialSchema> = toIoTs(MaterialSchema, 'Material');
/** io-ts codec of BillOfMaterials, derived from the zod model. */
export const BillOfMaterials: IoTsCodec<typeof BillOfMaterialsSchema> = toIoTs(
  BillOfMaterialsSchema,
  'BillOfMaterials',
);
/** io-ts codec of Routing, derived from the zod model. */
export const Routing: IoTsCodec<typeof RoutingSchema> = toIoTs(RoutingSchema, 'Routing');
/** io-ts codec of WorkOrder, derived from the zod model. */
export const WorkOrder: IoTsCodec<typeof WorkOrderSchema> = toIoTs(WorkOrderSchema, 'WorkOrder');
/** io-ts codec of ProductionConfirmation, derived from the zod model. */
export const ProductionConfirmation: IoTsCodec<typeof ProductionConfirmationSchema> = toIoTs(
  ProductionConfirmationSchema,
  'ProductionConfirmation',
);
/** io-ts codec of InventoryMovement, derived from the zod model. */
export const InventoryMovement: IoTsCodec<typeof InventoryMovementSchema> = toIoTs(
  InventoryMovementSchema,
  'InventoryMovement',
);
/** io-ts codec of MaterialLot, derived from the zod model. */
export const MaterialLot: IoTsCodec<typeof MaterialLotSchema> = toIoTs(MaterialLotSchema, 'MaterialLot');
/** io-ts codec of QualityEvent, derived from the zod model. */
export const QualityEvent: IoTsCodec<typeof QualityEventSchema> = toIoTs(QualityEventSchema, 'QualityEvent');
