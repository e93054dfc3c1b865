// Realistic canonical records of all eight objects, as a plant in Germany and its SAP S/4HANA
// system would publish them: the gear-pump FG-4711 made from housings, rotors and seals.
// Used by the demo, the tests and the README examples.
import type {
  BillOfMaterials,
  InventoryMovement,
  Material,
  MaterialLot,
  ProductionConfirmation,
  QualityEvent,
  Routing,
  WorkOrder,
} from 'millwright';

export const material: Material = {
  id: 'FG-4711',
  description: 'Gear pump GP-40, cast iron',
  descriptions: [{ language: 'de', text: 'Zahnradpumpe GP-40, Grauguss' }],
  type: 'finished',
  baseUnit: 'H87',
  alternativeUnits: [
    { unit: 'XCT', numerator: 12, denominator: 1, gtin: '14012345000013' },
    { unit: 'XPX', numerator: 480, denominator: 1 },
  ],
  gtin: '4012345000016',
  group: 'PUMPS',
  status: 'active',
  batchManaged: true,
  shelfLifeDays: 1825,
  grossWeight: { value: '4.35', unit: 'KGM' },
  netWeight: { value: '4.1', unit: 'KGM' },
  plants: [{ plant: 'DE01', procurement: 'make', mrpController: 'P01', productionStorageLocation: '0001' }],
  properties: [{ id: 'MAX_PRESSURE', value: '16', dataType: 'decimal', unit: 'BAR' }],
  source: { system: 'sap-s4-prd', id: '000000000000004711' },
  extensions: { 'sap:MTART': 'FERT' },
};

export const billOfMaterials: BillOfMaterials = {
  id: '00001234-DE01-1-1',
  material: 'FG-4711',
  plant: 'DE01',
  usage: 'production',
  alternative: '1',
  baseQuantity: { value: '1', unit: 'H87' },
  validFrom: '2026-01-01',
  components: [
    { position: '0010', material: 'RM-HOUSING-40', quantity: { value: '1', unit: 'H87' }, operation: '0010' },
    { position: '0020', material: 'RM-ROTOR-40', quantity: { value: '2', unit: 'H87' }, operation: '0020' },
    {
      position: '0030',
      material: 'RM-SEAL-NBR',
      quantity: { value: '0.25', unit: 'MTR' },
      scrapPercent: '2.5',
      backflush: true,
    },
  ],
  source: { system: 'sap-s4-prd' },
};

export const routing: Routing = {
  id: '50000123-01',
  material: 'FG-4711',
  plant: 'DE01',
  type: 'production',
  operations: [
    {
      operation: '0010',
      workCenter: 'CNC-01',
      description: 'Machine housing',
      controlKey: 'PP01',
      baseQuantity: { value: '1', unit: 'H87' },
      setupTime: { value: '30', unit: 'MIN' },
      machineTime: { value: '12.5', unit: 'MIN' },
    },
    {
      operation: '0020',
      workCenter: 'ASM-02',
      description: 'Assemble pump',
      controlKey: 'PP01',
      baseQuantity: { value: '1', unit: 'H87' },
      laborTime: { value: '8', unit: 'MIN' },
      predecessors: ['0010'],
    },
  ],
};

export const workOrder: WorkOrder = {
  id: '000001004711',
  type: 'PP01',
  material: 'FG-4711',
  plant: 'DE01',
  quantity: { value: '250', unit: 'H87' },
  status: 'released',
  priority: 2,
  scheduledStart: '2026-05-12T06:00:00+02:00',
  scheduledEnd: '2026-05-13T14:00:00+02:00',
  bom: '00001234-DE01-1-1',
  routing: '50000123-01',
  batch: '0000081234',
  operations: [
    { operation: '0010', workCenter: 'CNC-01', status: 'ready', quantity: { value: '250', unit: 'H87' } },
    { operation: '0020', workCenter: 'ASM-02', status: 'waiting', quantity: { value: '250', unit: 'H87' } },
  ],
  components: [
    {
      position: '0010',
      material: 'RM-HOUSING-40',
      quantity: { value: '250', unit: 'H87' },
      operation: '0010',
    },
    { position: '0020', material: 'RM-ROTOR-40', quantity: { value: '500', unit: 'H87' }, operation: '0020' },
    {
      position: '0030',
      material: 'RM-SEAL-NBR',
      quantity: { value: '64.063', unit: 'MTR' },
      backflush: true,
    },
  ],
  source: { system: 'sap-s4-prd' },
};

export const productionConfirmation: ProductionConfirmation = {
  id: '0000104711-00000001',
  workOrder: '000001004711',
  operation: '0020',
  workCenter: 'ASM-02',
  plant: 'DE01',
  yield: { value: '248', unit: 'H87' },
  scrap: { value: '2', unit: 'H87' },
  scrapReason: 'LEAK',
  final: true,
  confirmedAt: '2026-05-13T13:42:10+02:00',
  postingDate: '2026-05-13',
  laborTime: { value: '33.5', unit: 'HUR' },
  batch: '0000081234',
  source: { system: 'mes-de01' },
};

export const inventoryMovement: InventoryMovement = {
  id: '4900012345-2026-0001',
  kind: 'goods-issue',
  direction: 'out',
  movementCode: '261',
  material: 'RM-ROTOR-40',
  plant: 'DE01',
  storageLocation: '0001',
  batch: 'R-2026-0412',
  stockType: 'unrestricted',
  quantity: { value: '500', unit: 'H87' },
  from: { plant: 'DE01', storageLocation: '0001', bin: 'A-01-03' },
  postingDate: '2026-05-12',
  occurredAt: '2026-05-12T06:15:00+02:00',
  reference: { workOrder: '000001004711', reservation: '0000012345/0002' },
  source: { system: 'sap-s4-prd', id: '4900012345/2026/0001' },
};

export const materialLot: MaterialLot = {
  id: '0000081234',
  material: 'FG-4711',
  status: 'quality-inspection',
  plant: 'DE01',
  storageLocation: '0001',
  quantity: { value: '248', unit: 'H87' },
  manufacturedAt: '2026-05-13',
  expiresAt: '2031-05-13',
  countryOfOrigin: 'DE',
  workOrder: '000001004711',
  parents: [
    {
      lot: 'H-2026-0098',
      material: 'RM-HOUSING-40',
      quantity: { value: '250', unit: 'H87' },
      relation: 'consumed',
    },
    {
      lot: 'R-2026-0412',
      material: 'RM-ROTOR-40',
      quantity: { value: '500', unit: 'H87' },
      relation: 'assembled',
    },
  ],
};

export const qualityEvent: QualityEvent = {
  id: 'QM-890000001234-1',
  kind: 'inspection-result',
  material: 'FG-4711',
  plant: 'DE01',
  occurredAt: '2026-05-13T15:05:00+02:00',
  lot: '0000081234',
  inspectionLot: '890000001234',
  workOrder: '000001004711',
  decision: 'accepted',
  results: [
    {
      characteristic: 'LEAK-PRESSURE',
      result: 'pass',
      value: '16.4',
      unit: 'BAR',
      lowerLimit: '16',
      upperLimit: '18',
      sampleSize: 13,
    },
    { characteristic: 'VISUAL', result: 'pass', code: 'OK', sampleSize: 13, defects: 0 },
  ],
};

/** The sample of each canonical object, by object name. */
export const sampleRecords = {
  Material: material,
  BillOfMaterials: billOfMaterials,
  Routing: routing,
  WorkOrder: workOrder,
  ProductionConfirmation: productionConfirmation,
  InventoryMovement: inventoryMovement,
  MaterialLot: materialLot,
  QualityEvent: qualityEvent,
} as const;
