// The public API of `millwright` (core). Named exports only: `npm run api` compares the list
// with api/*.api.md so that nothing disappears by accident.

export type { MappingErrorCode, MappingErrorDetails } from './errors/mapping-error.js';
export { MappingError } from './errors/mapping-error.js';
export type { MillwrightErrorJSON, MillwrightErrorOptions } from './errors/millwright-error.js';
export { isMillwrightError, MillwrightError } from './errors/millwright-error.js';
export type { ValidationIssue } from './errors/validation-error.js';
export { ValidationError } from './errors/validation-error.js';
export type { AnyMillwrightEvent, MillwrightEvent } from './event/cloud-event.js';
export { CloudEventEnvelope } from './event/cloud-event.js';
export type { CreateEventOptions } from './event/create-event.js';
export { createEvent } from './event/create-event.js';
export type { EventData, EventDataRule, EventDefinition, EventType } from './event/event-catalog.js';
export { eventCatalog, eventTypes } from './event/event-catalog.js';
export { parseEvent } from './event/parse-event.js';
export { BillOfMaterials, BomComponent, BomUsage, MaterialUse } from './model/bill-of-materials.js';
export type { CanonicalObject, CanonicalObjectName } from './model/canonical-objects.js';
export { canonicalObjects, SCHEMA_BASE } from './model/canonical-objects.js';
export {
  CountryCode,
  DateOrTimestamp,
  DecimalString,
  Extensions,
  ExternalId,
  Gtin,
  Identifier,
  isValidGtin,
  LanguageCode,
  LocalDate,
  LocalizedText,
  NonNegativeQuantity,
  PositiveQuantity,
  Property,
  Quantity,
  Source,
  Text,
  Timestamp,
  UnitCode,
} from './model/common.js';
export {
  InventoryMovement,
  MovementDirection,
  MovementKind,
  MovementReference,
  StockLocation,
  StockType,
} from './model/inventory-movement.js';
export { AlternativeUnit, Material, MaterialPlant, MaterialStatus, MaterialType } from './model/material.js';
export { GenealogyRelation, LotParent, LotStatus, MaterialLot } from './model/material-lot.js';
export { ProductionConfirmation } from './model/production-confirmation.js';
export {
  Disposition,
  InspectionResult,
  QualityDecision,
  QualityEvent,
  QualityEventKind,
} from './model/quality-event.js';
export { OperationsType, Routing, RoutingOperation } from './model/routing.js';
export {
  OperationStatus,
  WorkOrder,
  WorkOrderComponent,
  WorkOrderOperation,
  WorkOrderStatus,
} from './model/work-order.js';
export type { ValidationResult } from './validate/validate.js';
export { validate } from './validate/validate.js';
