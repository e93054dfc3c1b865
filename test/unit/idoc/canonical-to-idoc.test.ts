import {
  createUnitRegistry,
  type InventoryMovement,
  type ProductionConfirmation,
  ValidationError,
  type WorkOrder,
} from 'millwright';
import {
  type CanonicalRecord,
  canonicalToIdoc,
  idocToCanonical,
  parseIdoc,
  writeIdoc,
} from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { LOIPRO01_FULL_ORDER } from './fixtures.js';
import { loipro01Site, mbgmcr03Site } from './site-schemas.js';

const options = {
  sender: { partner: 'MESCLNT100', port: 'MESPORT' },
  receiver: { partner: 'S4PCLNT100', port: 'SAPS4P' },
  timeZone: 'Europe/Berlin',
  createdAt: '2026-05-12T12:00:00Z',
} as const;

const values = (records: CanonicalRecord[]) => records.map((record) => record.value);
const withoutSource = <T extends { id: string; source?: unknown }>(value: T) => {
  const { source: _source, id: _id, ...rest } = value;
  return rest;
};

const confirmations: ProductionConfirmation[] = [
  {
    id: 'mes-77',
    workOrder: '000001004720',
    operation: '0010',
    workCenter: 'WC-SAW',
    plant: 'DE01',
    yield: { value: '118', unit: 'H87' },
    scrap: { value: '2', unit: 'H87' },
    scrapReason: 'R001',
    final: true,
    confirmedAt: '2026-05-18T14:05:00+02:00',
    postingDate: '2026-05-18',
    text: 'Shift 1',
  },
  {
    id: 'mes-78',
    workOrder: '000001004720',
    operation: '0020',
    plant: 'DE01',
    yield: { value: '40.5', unit: 'KGM' },
    rework: { value: '500', unit: 'GRM' },
    final: false,
    confirmedAt: '2026-05-18T23:30:00+02:00',
  },
];

const movements: InventoryMovement[] = [
  {
    id: 'wms-1',
    kind: 'goods-issue',
    direction: 'out',
    movementCode: '261',
    material: '000000000000100200',
    plant: 'DE01',
    storageLocation: '0001',
    batch: 'B-2026-05',
    stockType: 'unrestricted',
    quantity: { value: '36.5', unit: 'KGM' },
    from: { plant: 'DE01', storageLocation: '0001' },
    postingDate: '2026-05-12',
    occurredAt: '2026-05-12T00:00:00+02:00',
    reference: { workOrder: '000001004720', document: 'WMS-88812' },
    text: 'Staging',
  },
  {
    id: 'wms-2',
    kind: 'goods-receipt',
    direction: 'in',
    movementCode: '101',
    material: '000000000000004711',
    plant: 'DE01',
    storageLocation: '0002',
    stockType: 'quality-inspection',
    quantity: { value: '40', unit: 'H87' },
    to: { plant: 'DE01', storageLocation: '0002' },
    postingDate: '2026-05-12',
    occurredAt: '2026-05-12T00:00:00+02:00',
    reference: { workOrder: '000001004720', document: 'WMS-88812' },
    text: 'Staging',
  },
];

// The order of loipro01.full.xml, started, with other operation and component details.
const { source: _source, ...fullOrder } = LOIPRO01_FULL_ORDER;
const workOrder: WorkOrder = {
  ...fullOrder,
  status: 'in-progress',
  operations: [
    {
      operation: '0010',
      workCenter: 'WC-SAW',
      description: 'Cut blanks',
      status: 'completed',
      scheduledStart: '2026-05-18T06:00:00+02:00',
      scheduledEnd: '2026-05-18T14:00:00+02:00',
    },
    { operation: '0020', workCenter: 'WC-LATH1', status: 'ready' },
  ],
  components: [
    {
      ...(LOIPRO01_FULL_ORDER.components?.[0] as NonNullable<WorkOrder['components']>[number]),
      reservation: '0000012345/0001',
    },
    {
      position: '0020',
      material: 'SCRAP-STEEL',
      quantity: { value: '-1.2', unit: 'KGM' },
      use: 'by-product',
      operation: '0020',
    },
  ],
};

describe('canonicalToIdoc', () => {
  it('ProductionConfirmations → PPCC2PRETTICKET01 flat file (the built-in layout) → back', () => {
    const idoc = canonicalToIdoc(confirmations, { ...options, messageType: 'PPCC2PRETTICKET' });
    expect(idoc.control).toMatchObject({
      idoctyp: 'PPCC2PRETTICKET01',
      mestyp: 'PPCC2PRETTICKET',
      direct: '2',
      sndprn: 'MESCLNT100',
      credat: '20260512',
      cretim: '140000',
    });
    expect(idoc.segments[0]?.fields).toMatchObject({
      RECORDTYPE: 'L40',
      FIN_CONF: 'X',
      YIELD: '0000000118.000+',
      SCRAP: '0000000002.000+',
      EX_CREATED_DATE: '20260518',
      EX_CREATED_TIME: '140500',
    });
    expect(idoc.segments[1]?.fields).toMatchObject({
      RECORDTYPE: 'L20',
      CONF_QUAN_UNIT_ISO: 'KGM',
      CONF_QUAN_UNIT: 'KG',
      YIELD: '0000000040.500+',
      REWORK: '0000000000.500+',
      POSTG_DATE: '20260518',
    });
    const back = values(
      idocToCanonical(parseIdoc(writeIdoc(idoc))[0] as never, { timeZone: 'Europe/Berlin' }),
    );
    expect(back.map((value) => withoutSource(value as ProductionConfirmation))).toEqual([
      withoutSource(confirmations[0] as ProductionConfirmation),
      {
        ...withoutSource(confirmations[1] as ProductionConfirmation),
        rework: { value: '0.5', unit: 'KGM' },
        postingDate: '2026-05-18',
      },
    ]);
  });

  it('writes actual start and end as execution dates', () => {
    const idoc = canonicalToIdoc(
      [
        {
          ...confirmations[0],
          actualStart: '2026-05-18T06:00:00+02:00',
          actualEnd: '2026-05-18T14:00:00+02:00',
        } as ProductionConfirmation,
      ],
      { ...options, messageType: 'PPCC2PRETTICKET' },
    );
    expect(idoc.segments[0]?.fields).toMatchObject({
      EXEC_START_DATE: '20260518',
      EXEC_START_TIME: '060000',
      EXEC_FIN_TIME: '140000',
    });
    const back = idocToCanonical(parseIdoc(writeIdoc(idoc, { format: 'xml' }))[0] as never, {
      timeZone: 'Europe/Berlin',
    });
    expect(back[0]?.value).toMatchObject({
      confirmedAt: '2026-05-18T14:05:00+02:00',
      actualStart: '2026-05-18T06:00:00+02:00',
      actualEnd: '2026-05-18T14:00:00+02:00',
    });
  });

  it('refuses a quantity that does not fit QUAN 13,3 exactly, rather than round it', () => {
    const write = (confirmation: ProductionConfirmation) => () =>
      canonicalToIdoc([confirmation], { ...options, messageType: 'PPCC2PRETTICKET' });
    const base = confirmations[0] as ProductionConfirmation;
    expect(write({ ...base, yield: { value: '1.2345', unit: 'H87' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/0/yield/value' }),
    );
    expect(write({ ...base, yield: { value: '12345678901', unit: 'H87' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/0/yield/value' }),
    );
    // 1 lb is 0.45359237 kg exactly: more decimals than the ticket has.
    expect(
      write({ ...base, yield: { value: '1', unit: 'KGM' }, scrap: { value: '1', unit: 'LBR' } }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/0/scrap/value' }));
  });

  it('InventoryMovements → MBGMCR03 flat file (a site layout) → back', () => {
    // One MBGMCR goods movement has one GM code: two goods issues (03).
    const issues: InventoryMovement[] = [
      movements[0] as InventoryMovement,
      {
        ...(movements[0] as InventoryMovement),
        id: 'wms-1b',
        material: '000000000000100300',
        stockType: 'blocked',
        quantity: { value: '4', unit: 'H87' },
        reference: { reservation: '0000012345/0002', document: 'WMS-88812' },
      },
    ];
    const idoc = canonicalToIdoc(issues, { ...options, messageType: 'MBGMCR' });
    expect(idoc.segments[0]?.children.map((segment) => segment.name)).toEqual([
      'E1BP2017_GM_HEAD_01',
      'E1BP2017_GM_CODE',
      'E1BP2017_GM_ITEM_CREATE',
      'E1BP2017_GM_ITEM_CREATE',
    ]);
    expect(idoc.segments[0]?.children[1]?.fields).toEqual({ GM_CODE: '03' });
    // The built-in item layout stops at VAL_TYPE, before the quantity.
    expect(() => writeIdoc(idoc)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'ENTRY_QNT' }),
    );
    const schemas = [mbgmcr03Site];
    const back = values(
      idocToCanonical(parseIdoc(writeIdoc(idoc, { schemas }), { schemas })[0] as never, {
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(back.map((value) => withoutSource(value as InventoryMovement))).toEqual(issues.map(withoutSource));
  });

  it('refuses movements that need different GM codes in one MBGMCR goods movement', () => {
    expect(() => canonicalToIdoc(movements, { ...options, messageType: 'MBGMCR' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/1/kind' }),
    );
  });

  it('refuses a stock type the message has no indicator for, instead of writing it blank', () => {
    const restricted = { ...(movements[0] as InventoryMovement), stockType: 'restricted' as const };
    expect(() => canonicalToIdoc([restricted], { ...options, messageType: 'MBGMCR' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/0/stockType' }),
    );
  });

  it('writes no canonical code into an SAP unit field: blank where an ISO field carries it, else an error', () => {
    const units = createUnitRegistry();
    const noSap = { ...(movements[0] as InventoryMovement), quantity: { value: '2', unit: 'XAA' } };
    const mbgmcr = canonicalToIdoc([noSap], { ...options, units, messageType: 'MBGMCR' });
    expect(mbgmcr.segments[0]?.children[2]?.fields).toMatchObject({ ENTRY_UOM_ISO: 'XAA' });
    expect(mbgmcr.segments[0]?.children[2]?.fields).not.toHaveProperty('ENTRY_UOM');
    expect(() => canonicalToIdoc([noSap], { ...options, units, messageType: 'WMMBXY' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/0/quantity/unit' }),
    );
  });

  it('InventoryMovements → WMMBID02 IDoc-XML → back, with a transfer destination', () => {
    const transfer: InventoryMovement = {
      ...(movements[1] as InventoryMovement),
      id: 'wms-3',
      kind: 'transfer',
      direction: 'internal',
      movementCode: '311',
      from: { plant: 'DE01', storageLocation: '0002' },
      to: { plant: 'DE01', storageLocation: '0005' },
    };
    const idoc = canonicalToIdoc([movements[0] as InventoryMovement, transfer], {
      ...options,
      messageType: 'WMMBXY',
    });
    const back = values(
      idocToCanonical(parseIdoc(writeIdoc(idoc, { format: 'xml' }))[0] as never, {
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(back.map((value) => withoutSource(value as InventoryMovement))).toEqual(
      [movements[0] as InventoryMovement, transfer].map(withoutSource),
    );
  });

  it('WorkOrder → LOIPRO01 IDoc-XML and flat file (a site layout) → back', () => {
    const idoc = canonicalToIdoc(workOrder, { ...options, messageType: 'LOIPRO' });
    const back = idocToCanonical(parseIdoc(writeIdoc(idoc, { format: 'xml' }))[0] as never, {
      timeZone: 'Europe/Berlin',
    });
    expect(withoutSource(back[0]?.value as WorkOrder)).toEqual(withoutSource(workOrder));
    // The built-in LOIPRO01 layout stops before WERKS: flat output needs the system's WE60 export.
    expect(() => writeIdoc(idoc)).toThrow(expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'WERKS' }));
    const schemas = [loipro01Site()];
    const flat = idocToCanonical(parseIdoc(writeIdoc(idoc, { schemas }), { schemas })[0] as never, {
      timeZone: 'Europe/Berlin',
    });
    expect(withoutSource(flat[0]?.value as WorkOrder)).toEqual(withoutSource(workOrder));
  });

  it('rejects invalid input and what an IDoc cannot carry', () => {
    expect(() =>
      canonicalToIdoc(
        { ...workOrder, quantity: { value: '1.0e3', unit: 'H87' } },
        { ...options, messageType: 'LOIPRO' },
      ),
    ).toThrow(ValidationError);
    expect(() =>
      canonicalToIdoc([{ ...(movements[0] as InventoryMovement), movementCode: undefined }], {
        ...options,
        messageType: 'MBGMCR',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/0/movementCode' }));
    expect(() =>
      canonicalToIdoc([{ ...(confirmations[0] as ProductionConfirmation), reverses: 'x' }], {
        ...options,
        messageType: 'PPCC2PRETTICKET',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SOURCE_DATA' }));
    expect(() =>
      canonicalToIdoc([workOrder, workOrder] as never, { ...options, messageType: 'LOIPRO' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SOURCE_DATA' }));
  });

  it('reports paths relative to what the caller passed: one object, or a list', () => {
    const invalid = { ...workOrder, plant: '' };
    const one = catchError(ValidationError, () =>
      canonicalToIdoc(invalid, { ...options, messageType: 'LOIPRO' }),
    );
    expect(one.issues[0]?.path).toBe('/plant');
    const list = catchError(ValidationError, () =>
      canonicalToIdoc([invalid] as never, { ...options, messageType: 'LOIPRO' }),
    );
    expect(list.issues[0]?.path).toBe('/0/plant');
    expect(
      catchError(ValidationError, () => canonicalToIdoc(null as never, { ...options, messageType: 'LOIPRO' }))
        .issues[0]?.path,
    ).toBe('');
    const restricted = { ...(movements[0] as InventoryMovement), stockType: 'restricted' as const };
    expect(() => canonicalToIdoc(restricted, { ...options, messageType: 'MBGMCR' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE_DATA', location: '/stockType' }),
    );
  });
});
