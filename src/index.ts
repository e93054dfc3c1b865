// The public API of `millwright` (core). Named exports only: `npm run api` compares the list
// with api/*.api.txt so that nothing disappears by accident.

export type { CodeMapCsvOptions, UnmappedCount, UnmappedStats } from './codes/code-map.js';
export { CodeMap } from './codes/code-map.js';
export type { CodeMapRow } from './codes/code-map-csv.js';
export type {
  CanonicalSchema,
  CodeMapOptions,
  LookupDirection,
  UnmappedLookup,
  UnmappedPolicy,
} from './codes/code-map-options.js';
export type { CsvOptions } from './codes/parse-csv.js';
export type { SapMovementType } from './codes/sap-movement-types.js';
export { movementFromSap, sapMovementTypes } from './codes/sap-movement-types.js';
export { sapOrderStatusMap, workOrderStatusFromSap } from './codes/sap-order-status.js';
export { AbortedError } from './errors/aborted-error.js';
export { CircuitOpenError } from './errors/circuit-open-error.js';
export type { HttpErrorCode, HttpErrorDetails } from './errors/http-error.js';
export { HTTP_ERROR_BODY_LIMIT, HttpError } from './errors/http-error.js';
export type { IdocErrorCode, IdocErrorDetails } from './errors/idoc-error.js';
export { IdocError } from './errors/idoc-error.js';
export type { MappingErrorCode, MappingErrorDetails } from './errors/mapping-error.js';
export { MappingError } from './errors/mapping-error.js';
export type { MillwrightErrorJSON, MillwrightErrorOptions } from './errors/millwright-error.js';
export { isMillwrightError, MillwrightError } from './errors/millwright-error.js';
export type { NetworkErrorDetails } from './errors/network-error.js';
export { NetworkError } from './errors/network-error.js';
export type { SftpErrorCode, SftpErrorDetails, SftpHostKeyErrorDetails } from './errors/sftp-error.js';
export { SftpError, SftpHostKeyError } from './errors/sftp-error.js';
export type { StoreErrorCode, StoreErrorDetails } from './errors/store-error.js';
export { StoreError } from './errors/store-error.js';
export type { TimeoutErrorDetails } from './errors/timeout-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export type { TransportErrorDetails } from './errors/transport-error.js';
export { TransportError } from './errors/transport-error.js';
export type { UnitCodeReading, UnitErrorCode, UnitErrorDetails } from './errors/unit-error.js';
export { UnitError } from './errors/unit-error.js';
export type { ValidationIssue } from './errors/validation-error.js';
export { ValidationError } from './errors/validation-error.js';
export type { AnyMillwrightEvent, MillwrightEvent } from './event/cloud-event.js';
export { CloudEventEnvelope } from './event/cloud-event.js';
export type { CreateEventOptions } from './event/create-event.js';
export { createEvent } from './event/create-event.js';
export type { EventData, EventDataRule, EventDefinition, EventType } from './event/event-catalog.js';
export { eventCatalog, eventTypes } from './event/event-catalog.js';
export type { ParseEventOptions } from './event/parse-event.js';
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
export { convert } from './uom/convert.js';
export type { ConvertOptions } from './uom/convert-options.js';
export type {
  QuantityInput,
  RegistryConvertOptions,
  UnitDescription,
  UnitRegistry,
} from './uom/create-unit-registry.js';
export { createUnitRegistry } from './uom/create-unit-registry.js';
export type { MaterialUnits } from './uom/material-rates.js';
export { normalizeUcum } from './uom/normalize-ucum.js';
export type { QuantityArithmeticOptions } from './uom/quantity-arithmetic.js';
export {
  addQuantities,
  compareQuantities,
  subtractQuantities,
  sumQuantities,
} from './uom/quantity-arithmetic.js';
export type { RoundingMode } from './uom/rounding-mode.js';
export { roundingModes } from './uom/rounding-mode.js';
export type { UnitCodeStatus } from './uom/unit-catalog.js';
export type { SapCodeForm, SapCodeOptions, UnitCodeOptions } from './uom/unit-code-options.js';
export type { SapUnitMapping, UnitRegistryOptions } from './uom/unit-registry-options.js';
export type { ValidationResult } from './validate/validate.js';
export { validate } from './validate/validate.js';
