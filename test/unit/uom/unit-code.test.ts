import { Quantity, UnitCode, validate, WorkOrder } from 'millwright';
import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../../../src/validate/compile-predicate.js';

const order = (unit: string) => ({
  id: '000001004711',
  material: 'FG-1',
  plant: 'DE01',
  quantity: { value: '100', unit },
  status: 'released',
  scheduledStart: '2026-05-12T06:00:00+02:00',
  scheduledEnd: '2026-05-12T18:00:00+02:00',
});

describe('UnitCode', () => {
  it('accepts active Rec 20 codes and X-prefixed Rec 21 codes', () => {
    for (const code of ['KGM', 'MTR', 'H87', 'EA', 'C62', 'XCT', 'XPX', 'MNJ'])
      expect(UnitCode.safeParse(code).success, code).toBe(true);
  });

  it('rejects a retired code with deprecated_unit and a message that names its successor', () => {
    const result = validate(Quantity, { value: '1', unit: 'PCE' });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: '/unit', code: 'deprecated_unit', message: expect.stringContaining('"H87"') as string },
      ],
    });
    const carton = validate(Quantity, { value: '1', unit: 'CT' });
    expect(carton.ok ? [] : carton.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('"XCT"'),
    ]);
    const lift = validate(Quantity, { value: '1', unit: '05' });
    expect(lift.ok ? [] : lift.issues).toEqual([
      { path: '/unit', code: 'deprecated_unit', message: expect.stringContaining('no successor') as string },
    ]);
  });

  it('rejects an unknown code with unknown_unit, and a malformed one with one format issue', () => {
    const unknown = validate(Quantity, { value: '1', unit: 'ZZZ' });
    expect(unknown.ok ? [] : unknown.issues.map((issue) => issue.code)).toEqual(['unknown_unit']);
    const malformed = validate(Quantity, { value: '1', unit: 'kg' });
    expect(malformed.ok ? [] : malformed.issues.map((issue) => issue.code)).toEqual(['invalid_format']);
  });

  it('keeps the fast validation path: WorkOrder still compiles to a predicate that agrees with zod', () => {
    const predicate = compilePredicate(WorkOrder);
    expect(predicate).not.toBeNull();
    for (const unit of ['H87', 'KGM', 'PCE', 'ZZZ', 'kg', 'XCT']) {
      expect(predicate?.(order(unit)), unit).toBe(WorkOrder.safeParse(order(unit)).success);
    }
    expect(validate(WorkOrder, order('H87')).ok).toBe(true);
    expect(validate(WorkOrder, order('PCE')).ok).toBe(false);
  });
});
