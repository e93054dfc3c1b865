// Rules that relate fields of one record (issue 9, item 10): each broken rule is an issue with
// the JSON Pointer of the offending value and a stable code, through validate(), zod's
// safeParse of the exported schemas, and createEvent/parseEvent.
import {
  canonicalObjects,
  createEvent,
  type EventType,
  parseEvent,
  ValidationError,
  validate,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { changedSample, type SampleName } from '../../support/changed-sample.js';

type Name = SampleName;
const changed = changedSample;

/** zod's issues as millwright reports them: JSON Pointer and the code a rule names in its params. */
function zodIssues(name: Name, data: unknown): { path: string; code: string }[] {
  const parsed = canonicalObjects[name].schema.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.map((key) => `/${String(key)}`).join(''),
    code: String((issue as { params?: { code?: unknown } }).params?.code ?? issue.code),
  }));
}

const broken: readonly [string, Name, (record: Record<string, any>) => void, string, string][] = [
  [
    'an operation number twice in a work order',
    'WorkOrder',
    (r) => {
      r.operations[1].operation = '0010';
      r.components[1].operation = '0010';
    },
    '/operations/1/operation',
    'duplicate_operation',
  ],
  [
    'a component of an operation the order does not have',
    'WorkOrder',
    (r) => (r.components[1].operation = '0030'),
    '/components/1/operation',
    'unknown_operation',
  ],
  [
    'components naming operations of an order whose operations list is empty',
    'WorkOrder',
    (r) => {
      r.operations = [];
      delete r.components[1].operation;
    },
    '/components/0/operation',
    'unknown_operation',
  ],
  [
    'an actual end before the actual start',
    'WorkOrder',
    (r) => {
      r.actualStart = '2026-05-12T08:00:00+02:00';
      r.actualEnd = '2026-05-12T07:59:59.999+02:00';
    },
    '/actualEnd',
    'invalid_range',
  ],
  [
    'an operation that ends before it starts',
    'WorkOrder',
    (r) => {
      r.operations[1].scheduledStart = '2026-05-12T10:00:00Z';
      r.operations[1].scheduledEnd = '2026-05-12T11:59:00+02:00';
    },
    '/operations/1/scheduledEnd',
    'invalid_range',
  ],
  [
    'confirmed scrap of an operation in another dimension than its yield',
    'WorkOrder',
    (r) => {
      r.operations[0].confirmedYield = { value: '100', unit: 'H87' };
      r.operations[0].confirmedScrap = { value: '2.5', unit: 'KGM' };
    },
    '/operations/0/confirmedScrap/unit',
    'incompatible_units',
  ],
  [
    'an operation number twice in a routing',
    'Routing',
    (r) => {
      r.operations[0].operation = '0020';
      delete r.operations[1].predecessors;
    },
    '/operations/1/operation',
    'duplicate_operation',
  ],
  [
    'a predecessor the routing does not have',
    'Routing',
    (r) => (r.operations[1].predecessors = ['0010', '0005']),
    '/operations/1/predecessors/1',
    'unknown_operation',
  ],
  [
    'a routing valid to a day before it is valid from',
    'Routing',
    (r) => {
      r.validFrom = '2026-02-01';
      r.validTo = '2026-01-31';
    },
    '/validTo',
    'invalid_range',
  ],
  [
    'a largest lot size below the smallest',
    'Routing',
    (r) => {
      r.lotSizeFrom = { value: '2', unit: 'DZN' };
      r.lotSizeTo = { value: '23', unit: 'H87' };
    },
    '/lotSizeTo',
    'invalid_range',
  ],
  [
    'lot sizes in different dimensions',
    'Routing',
    (r) => {
      r.lotSizeFrom = { value: '1', unit: 'H87' };
      r.lotSizeTo = { value: '500', unit: 'KGM' };
    },
    '/lotSizeTo/unit',
    'incompatible_units',
  ],
  [
    'a goods receipt that goes out',
    'InventoryMovement',
    (r) => {
      r.kind = 'goods-receipt';
      delete r.movementCode;
    },
    '/direction',
    'direction_mismatch',
  ],
  [
    'a goods issue that stays inside the plant',
    'InventoryMovement',
    (r) => {
      r.direction = 'internal';
      r.reverses = '4900012300-2026-0001';
      delete r.movementCode;
    },
    '/direction',
    'direction_mismatch',
  ],
  [
    'a scrapping that adds stock without reversing anything',
    'InventoryMovement',
    (r) => {
      r.kind = 'scrap';
      r.direction = 'in';
      delete r.movementCode;
    },
    '/direction',
    'direction_mismatch',
  ],
  [
    'an SAP movement type of another kind (261 is a goods issue)',
    'InventoryMovement',
    (r) => (r.kind = 'goods-receipt'),
    '/kind',
    'movement_code_mismatch',
  ],
  [
    'an SAP movement type that moves the other way (102 goes out)',
    'InventoryMovement',
    (r) => {
      r.kind = 'goods-receipt';
      r.movementCode = '102';
      r.direction = 'in';
    },
    '/direction',
    'movement_code_mismatch',
  ],
  [
    'a two-sided SAP movement type (301) that stays inside the plant',
    'InventoryMovement',
    (r) => {
      r.kind = 'transfer';
      r.movementCode = '301';
      r.direction = 'internal';
    },
    '/direction',
    'movement_code_mismatch',
  ],
  [
    'scrap in another dimension than the yield',
    'ProductionConfirmation',
    (r) => (r.scrap = { value: '0.8', unit: 'KGM' }),
    '/scrap/unit',
    'incompatible_units',
  ],
  [
    'rework in cartons while the yield is in pieces (no conversion without the material)',
    'ProductionConfirmation',
    (r) => (r.rework = { value: '1', unit: 'XCT' }),
    '/rework/unit',
    'incompatible_units',
  ],
  [
    'a confirmation whose work ended before it started',
    'ProductionConfirmation',
    (r) => {
      r.actualStart = '2026-05-13T06:00:00+02:00';
      r.actualEnd = '2026-05-13T03:59:00Z';
    },
    '/actualEnd',
    'invalid_range',
  ],
  [
    'a BOM valid to a day before it is valid from',
    'BillOfMaterials',
    (r) => (r.validTo = '2025-12-31'),
    '/validTo',
    'invalid_range',
  ],
  [
    'a BOM item valid to a day before it is valid from',
    'BillOfMaterials',
    (r) => {
      r.components[2].validFrom = '2026-03-01';
      r.components[2].validTo = '2026-02-28';
    },
    '/components/2/validTo',
    'invalid_range',
  ],
  [
    'one alternative unit twice',
    'Material',
    (r) => r.alternativeUnits.push({ unit: 'XCT', numerator: 10, denominator: 1 }),
    '/alternativeUnits/2/unit',
    'duplicate_unit',
  ],
  [
    'one plant twice',
    'Material',
    (r) => r.plants.push({ plant: 'DE01', procurement: 'buy' }),
    '/plants/1/plant',
    'duplicate_plant',
  ],
  [
    'a net weight above the gross weight',
    'Material',
    (r) => (r.netWeight = { value: '4351', unit: 'GRM' }),
    '/netWeight',
    'invalid_range',
  ],
  [
    'a net weight in another dimension than the gross weight',
    'Material',
    (r) => (r.netWeight = { value: '4', unit: 'LTR' }),
    '/netWeight/unit',
    'incompatible_units',
  ],
  [
    'a material valid to a day before it is valid from',
    'Material',
    (r) => {
      r.validFrom = '2026-01-02';
      r.validTo = '2026-01-01';
    },
    '/validTo',
    'invalid_range',
  ],
  [
    'a lot that expires before it was made',
    'MaterialLot',
    (r) => (r.expiresAt = '2026-05-12'),
    '/expiresAt',
    'invalid_range',
  ],
  [
    'an upper limit below the lower limit',
    'QualityEvent',
    (r) => {
      r.results[0].lowerLimit = '16.5';
      r.results[0].upperLimit = '16.25';
    },
    '/results/0/upperLimit',
    'invalid_range',
  ],
  [
    'planned scrap in another dimension than the order quantity',
    'WorkOrder',
    (r) => (r.plannedScrap = { value: '2', unit: 'KGM' }),
    '/plannedScrap/unit',
    'incompatible_units',
  ],
  [
    'a setup time in metres',
    'Routing',
    (r) => (r.operations[0].setupTime = { value: '30', unit: 'MTR' }),
    '/operations/0/setupTime/unit',
    'incompatible_units',
  ],
  [
    'a machine time of a work order operation in pieces',
    'WorkOrder',
    (r) => (r.operations[1].machineTime = { value: '3', unit: 'H87' }),
    '/operations/1/machineTime/unit',
    'incompatible_units',
  ],
  [
    'a labour time of a confirmation in cartons',
    'ProductionConfirmation',
    (r) => (r.laborTime = { value: '1', unit: 'XCT' }),
    '/laborTime/unit',
    'incompatible_units',
  ],
  [
    'an operation that must end before it starts itself',
    'Routing',
    (r) => (r.operations[1].predecessors = ['0020']),
    '/operations/1/predecessors/0',
    'circular_dependency',
  ],
  [
    'two operations that wait for each other',
    'Routing',
    (r) => (r.operations[0].predecessors = ['0020']),
    '/operations/1/predecessors/0',
    'circular_dependency',
  ],
  [
    'a confirmation that cancels itself',
    'ProductionConfirmation',
    (r) => (r.reverses = r.id),
    '/reverses',
    'self_reference',
  ],
  [
    'a movement that cancels itself',
    'InventoryMovement',
    (r) => (r.reverses = r.id),
    '/reverses',
    'self_reference',
  ],
  [
    'an alternative unit whose ratio contradicts the catalogue (a dozen of 10 pieces)',
    'Material',
    (r) => r.alternativeUnits.push({ unit: 'DZN', numerator: 10, denominator: 1 }),
    '/alternativeUnits/2',
    'invalid_conversion',
  ],
  [
    'the base unit as its own alternative unit with a ratio other than 1',
    'Material',
    (r) => r.alternativeUnits.push({ unit: 'H87', numerator: 2, denominator: 1 }),
    '/alternativeUnits/2',
    'invalid_conversion',
  ],
  [
    'a gross weight in litres',
    'Material',
    (r) => (r.grossWeight = { value: '4.35', unit: 'LTR' }),
    '/grossWeight/unit',
    'incompatible_units',
  ],
  [
    'a volume in kilograms',
    'Material',
    (r) => (r.volume = { value: '2', unit: 'KGM' }),
    '/volume/unit',
    'incompatible_units',
  ],
  [
    'a lot that is its own parent',
    'MaterialLot',
    (r) => r.parents.push({ lot: r.id, material: r.material }),
    '/parents/2/lot',
    'self_reference',
  ],
  [
    'a lot best before it was made',
    'MaterialLot',
    (r) => (r.bestBefore = '2026-05-01'),
    '/bestBefore',
    'invalid_range',
  ],
];

describe('cross-field rules, each an issue with a JSON Pointer and a stable code', () => {
  it.each(broken)('%s (%s)', (_title, name, change, path, code) => {
    const data = changed(name, change);
    const result = validate(canonicalObjects[name].schema, data);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ path, code })] });
    expect(!result.ok && result.issues[0]?.message).toMatch(/\w{3}/);
    expect(zodIssues(name, data)).toEqual([{ path, code }]);
  });

  it('reports each duplicate and each unknown reference, not only the first', () => {
    const order = changed('WorkOrder', (r) => {
      r.operations.push({ operation: '0010', workCenter: 'X' }, { operation: '0020', workCenter: 'Y' });
      r.components[0].operation = '0040';
      r.components[2].operation = '0050';
    });
    const result = validate(canonicalObjects.WorkOrder.schema, order);
    expect(!result.ok && result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['/operations/2/operation', 'duplicate_operation'],
      ['/operations/3/operation', 'duplicate_operation'],
      ['/components/0/operation', 'unknown_operation'],
      ['/components/2/operation', 'unknown_operation'],
    ]);
    expect(!result.ok && result.issues[0]?.message).toBe(
      'operation "0010" is listed twice (first at /operations/0)',
    );
  });
});

describe('what the rules allow', () => {
  const allowed: readonly [string, Name, (record: Record<string, any>) => void][] = [
    ['components naming operations when the order lists none', 'WorkOrder', (r) => delete r.operations],
    [
      'an end equal to the start, in another offset',
      'WorkOrder',
      (r) => {
        r.scheduledStart = '2026-05-12T06:00:00+02:00';
        r.scheduledEnd = '2026-05-12T04:00:00.000Z';
      },
    ],
    [
      'scrap and rework in convertible units (grams for a yield in kilograms)',
      'ProductionConfirmation',
      (r) => {
        r.yield = { value: '12.5', unit: 'KGM' };
        r.scrap = { value: '300', unit: 'GRM' };
        r.rework = { value: '1', unit: 'LBR' };
      },
    ],
    [
      'a goods receipt that goes out when it reverses one',
      'InventoryMovement',
      (r) => {
        r.kind = 'goods-receipt';
        r.reverses = '4900012300-2026-0001';
        delete r.movementCode;
      },
    ],
    [
      'SAP 102, the reversal of a goods receipt, going out without reverses',
      'InventoryMovement',
      (r) => {
        r.kind = 'goods-receipt';
        r.movementCode = '102';
      },
    ],
    [
      'SAP 262 (components back from an order) as a return going in',
      'InventoryMovement',
      (r) => {
        r.kind = 'return';
        r.movementCode = '262';
        r.direction = 'in';
      },
    ],
    [
      'each side of SAP 301 (plant to plant)',
      'InventoryMovement',
      (r) => {
        r.kind = 'transfer';
        r.movementCode = '301';
        r.direction = 'in';
      },
    ],
    [
      'a code of another system that is no SAP standard type',
      'InventoryMovement',
      (r) => {
        r.kind = 'adjustment';
        r.movementCode = 'Z61';
        r.direction = 'in';
      },
    ],
    ['a movement without direction', 'InventoryMovement', (r) => delete r.direction],
    [
      'a transfer, an adjustment and a return move either way',
      'InventoryMovement',
      (r) => {
        r.kind = 'return';
        delete r.movementCode;
      },
    ],
    [
      'a lot made and expiring on the same day, one as a date, one as a timestamp',
      'MaterialLot',
      (r) => {
        r.manufacturedAt = '2026-05-13T23:00:00-10:00';
        r.expiresAt = '2026-05-13';
      },
    ],
    [
      'times in any unit of time',
      'Routing',
      (r) => {
        r.operations[0].setupTime = { value: '0.5', unit: 'HUR' };
        r.operations[0].machineTime = { value: '750', unit: 'SEC' };
        r.operations[1].laborTime = { value: '1', unit: 'DAY' };
      },
    ],
    [
      'alternative units that agree with the catalogue, the base unit 1/1 among them',
      'Material',
      (r) => {
        r.alternativeUnits.push(
          { unit: 'DZN', numerator: 12, denominator: 1 },
          { unit: 'H87', numerator: 1, denominator: 1 },
        );
      },
    ],
    [
      'grams for a base unit of kilograms',
      'Material',
      (r) => {
        r.baseUnit = 'KGM';
        r.alternativeUnits = [{ unit: 'GRM', numerator: 1, denominator: 1000 }];
      },
    ],
    [
      'a net weight equal to the gross weight in another unit of mass',
      'Material',
      (r) => (r.netWeight = { value: '4350', unit: 'GRM' }),
    ],
    [
      'a parent lot with the same number of another material',
      'MaterialLot',
      (r) => r.parents.push({ lot: r.id, material: 'RM-OTHER' }),
    ],
  ];

  it.each(allowed)('%s (%s)', (_title, name, change) => {
    const data = changed(name, change);
    expect(validate(canonicalObjects[name].schema, data)).toEqual({ ok: true, value: data });
    expect(zodIssues(name, data)).toEqual([]);
  });

  it('checks the rules only once every field is valid, so a bad timestamp gives one issue', () => {
    const order = changed('WorkOrder', (r) => (r.scheduledStart = 'soon'));
    const result = validate(canonicalObjects.WorkOrder.schema, order);
    expect(!result.ok && result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['/scheduledStart', 'invalid_format'],
    ]);
  });
});

describe('the rules hold in events', () => {
  const source = '/plants/DE01/mes';
  const cases: readonly [EventType, Name, (record: Record<string, any>) => void, string, string][] = [
    [
      'millwright.workorder.released.v1',
      'WorkOrder',
      (r) => (r.components[1].operation = '0030'),
      '/data/components/1/operation',
      'unknown_operation',
    ],
    [
      'millwright.inventory.moved.v1',
      'InventoryMovement',
      (r) => (r.kind = 'goods-receipt'),
      '/data/kind',
      'movement_code_mismatch',
    ],
    [
      'millwright.production.confirmed.v1',
      'ProductionConfirmation',
      (r) => (r.scrap = { value: '1', unit: 'MTR' }),
      '/data/scrap/unit',
      'incompatible_units',
    ],
  ];

  it.each(cases)('%s', (type, name, change, path, code) => {
    const data = changed(name, change);
    const created = catchError(ValidationError, () => createEvent(type, data as never, { source }));
    expect(created.issues).toEqual([expect.objectContaining({ path, code })]);
    const event = { specversion: '1.0', id: 'E-1', source, type, data };
    const parsed = catchError(ValidationError, () => parseEvent(JSON.stringify(event)));
    expect(parsed.issues).toEqual([expect.objectContaining({ path, code })]);
  });
});
