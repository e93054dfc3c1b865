import { InventoryMovement, MappingError, movementFromSap, sapMovementTypes } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): MappingError => catchError(MappingError, run);

describe('sapMovementTypes', () => {
  it('covers the common movement types with kind, direction and stock type', () => {
    const expected: Record<string, [string, string, string]> = {
      '101': ['goods-receipt', 'in', 'unrestricted'],
      '122': ['return', 'out', 'unrestricted'],
      '161': ['return', 'out', 'unrestricted'],
      '201': ['goods-issue', 'out', 'unrestricted'],
      '261': ['goods-issue', 'out', 'unrestricted'],
      '303': ['transfer', 'out', 'unrestricted'],
      '305': ['transfer', 'in', 'in-transit'],
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
      expect(movementFromSap(code).sides, code).toBeUndefined();
    }
  });

  it('gives no single direction to the types that post one item per plant or material, but each side', () => {
    // 301 takes stock out of the issuing plant and into the receiving one: each plant's total
    // changes, so no canonical movement (one plant, one material) is "internal".
    for (const [code, own, counterpart] of [
      ['301', 'out', 'in'],
      ['302', 'in', 'out'],
      ['309', 'out', 'in'],
      ['310', 'in', 'out'],
    ] as const) {
      const type = movementFromSap(code);
      expect(type, code).toMatchObject({ kind: 'transfer', stockType: 'unrestricted' });
      expect(type.direction, code).toBeUndefined();
      expect(type.sides, code).toEqual({ own, counterpart });
    }
    // Every other type has one direction for all its items, and no sides.
    for (const type of Object.values(sapMovementTypes)) {
      expect(type.direction === undefined, type.code).toBe(type.sides !== undefined);
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
      if (type.direction === 'in' || type.direction === 'out')
        expect(type.direction, type.code).not.toBe(original?.direction);
      if (type.sides !== undefined) expect(type.sides.own, type.code).toBe(original?.sides?.counterpart);
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
    for (const code of ['999', 'Z01', '__proto__', 'constructor', '01', '0101', '']) {
      expect(
        failure(() => movementFromSap(code)),
        code,
      ).toMatchObject({
        code: 'UNMAPPED_CODE',
        domain: 'movement-type',
      });
    }
  });

  it('reads a movement type given as a number, as JSON payloads carry it', () => {
    expect(movementFromSap(101)).toBe(sapMovementTypes['101']);
    expect(movementFromSap(262)).toBe(sapMovementTypes['262']);
    expect(movementFromSap(708)).toBe(sapMovementTypes['708']);
    // A number names the same type as its three digits; one that no such code exists for is unmapped.
    expect(failure(() => movementFromSap(999))).toMatchObject({ code: 'UNMAPPED_CODE', value: '999' });
  });

  it('says the type is wrong for numbers that are no three-digit code, and for other values', () => {
    // BWART is three characters, not a zero-padded number: 1 is not "001", and no standard type starts with 0.
    for (const code of [1, 99, 1000, 101.5, -101, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
      const error = failure(() => movementFromSap(code));
      expect(error.code, String(code)).toBe('INVALID_SOURCE_DATA');
      expect(error.message, String(code)).toMatch(/three-digit|three characters/);
    }
    for (const code of [null, undefined, true, 101n, Symbol('101'), {}, Object.create(null), ['101']]) {
      const error = failure(() => movementFromSap(code as never));
      expect(error.code, String(typeof code)).toBe('INVALID_SOURCE_DATA');
      expect(error.message).toMatch(/must be a string or a number/);
    }
  });

  it('ignores the blanks SAP pads fields with', () => {
    expect(movementFromSap('261 ')).toBe(sapMovementTypes['261']);
    expect(movementFromSap(' 101')).toBe(sapMovementTypes['101']);
  });
});
