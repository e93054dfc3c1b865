import { InventoryMovement, MappingError, movementFromSap, sapMovementTypes } from 'millwright';
import { describe, expect, it } from 'vitest';

describe('sapMovementTypes', () => {
  it('covers the common movement types with kind, direction and stock type', () => {
    const expected: Record<string, [string, string, string]> = {
      '101': ['goods-receipt', 'in', 'unrestricted'],
      '122': ['return', 'out', 'unrestricted'],
      '161': ['return', 'out', 'unrestricted'],
      '201': ['goods-issue', 'out', 'unrestricted'],
      '261': ['goods-issue', 'out', 'unrestricted'],
      '301': ['transfer', 'internal', 'unrestricted'],
      '309': ['transfer', 'internal', 'unrestricted'],
      '311': ['transfer', 'internal', 'unrestricted'],
      '321': ['transfer', 'internal', 'quality-inspection'],
      '343': ['transfer', 'internal', 'blocked'],
      '344': ['transfer', 'internal', 'unrestricted'],
      '551': ['scrap', 'out', 'unrestricted'],
      '601': ['goods-issue', 'out', 'unrestricted'],
      '651': ['return', 'in', 'returns'],
      '701': ['adjustment', 'in', 'unrestricted'],
      '702': ['adjustment', 'out', 'unrestricted'],
    };
    for (const [code, [kind, direction, stockType]] of Object.entries(expected)) {
      expect(movementFromSap(code), code).toMatchObject({ code, kind, direction, stockType });
    }
  });

  it('marks reversals with the type they cancel, moving the other way', () => {
    expect(movementFromSap('102')).toMatchObject({
      kind: 'goods-receipt',
      direction: 'out',
      reversal: true,
      reversalOf: '101',
    });
    expect(movementFromSap('262')).toMatchObject({
      kind: 'return',
      direction: 'in',
      reversal: true,
      reversalOf: '261',
    });
    expect(movementFromSap('602')).toMatchObject({ reversal: true, reversalOf: '601' });
    expect(movementFromSap('101')).toMatchObject({ reversal: false, reversalOf: undefined });
    expect(movementFromSap('702').reversal).toBe(false); // an inventory loss, not a cancelled gain
    for (const type of Object.values(sapMovementTypes)) {
      if (type.reversalOf === undefined) continue;
      const original = sapMovementTypes[type.reversalOf];
      expect(original, type.code).toBeDefined();
      if (type.direction !== 'internal') expect(type.direction, type.code).not.toBe(original?.direction);
    }
  });

  it('gives values that canonical InventoryMovements accept', () => {
    for (const type of Object.values(sapMovementTypes)) {
      const movement = {
        id: `4900000001/2026/${type.code}`,
        kind: type.kind,
        direction: type.direction,
        stockType: type.stockType,
        movementCode: type.code,
        material: 'RM-1',
        plant: 'DE01',
        quantity: { value: '1', unit: 'KGM' },
        postingDate: '2026-05-12',
        occurredAt: '2026-05-12T08:30:00+02:00',
      };
      expect(InventoryMovement.safeParse(movement).success, type.code).toBe(true);
    }
  });

  it('throws UNMAPPED_CODE for a type it does not have', () => {
    for (const code of ['999', 'Z01', '__proto__', 'constructor']) {
      expect(() => movementFromSap(code), code).toThrow(MappingError);
    }
  });
});
