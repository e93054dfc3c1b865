import {
  addQuantities,
  compareQuantities,
  createUnitRegistry,
  subtractQuantities,
  sumQuantities,
  UnitError,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const q = (value: string, unit: string) => ({ value, unit });

const failure = (run: () => unknown): UnitError => catchError(UnitError, run);

describe('quantity helpers', () => {
  it('add exactly: 0.1 kg + 0.2 kg is 0.3 kg', () => {
    expect(addQuantities(q('0.1', 'KGM'), q('0.2', 'KGM'))).toEqual({ value: '0.3', unit: 'KGM' });
    expect(addQuantities(q('1', 'KGM'), q('200', 'GRM'))).toEqual({ value: '1.2', unit: 'KGM' });
    expect(addQuantities(q('1', 'KGM'), q('200', 'GRM'), { unit: 'GRM' })).toEqual({
      value: '1200',
      unit: 'GRM',
    });
  });

  it('subtract exactly, into a negative result when b is larger', () => {
    expect(subtractQuantities(q('1', 'KGM'), q('1', 'LBR'))).toEqual({ value: '0.54640763', unit: 'KGM' });
    expect(subtractQuantities(q('1', 'H87'), q('1', 'DZN'))).toEqual({ value: '-11', unit: 'H87' });
  });

  it('sum mixed compatible units exactly and round once at the end', () => {
    const tenThousand = Array.from({ length: 10_000 }, () => q('0.1', 'LBR'));
    expect(sumQuantities(tenThousand, { unit: 'KGM' })).toEqual({ value: '453.59237', unit: 'KGM' });
    expect(sumQuantities([q('1', 'KGM'), q('1', 'LBR'), q('1', 'ONZ'), q('1', 'GRM')])).toEqual({
      value: '1.482941893125',
      unit: 'KGM',
    });
    // Each third rounded would give 0.99; the exact sum rounds once to 1.00.
    expect(
      sumQuantities([q('1', 'FOT'), q('1', 'FOT'), q('1', 'FOT')], { unit: 'YRD', scale: 2 }).value,
    ).toBe('1.00');
    expect(failure(() => sumQuantities([q('1', 'KGM'), q('1', 'LBR')], { unit: 'LBR' })).code).toBe(
      'INEXACT',
    );
    expect(sumQuantities([q('1', 'KGM'), q('1', 'LBR')], { unit: 'LBR', scale: 4 }).value).toBe('3.2046');
  });

  it('sum nothing to zero in the unit asked for, and refuse to guess a unit', () => {
    expect(sumQuantities([], { unit: 'PCE' })).toEqual({ value: '0', unit: 'H87' });
    expect(sumQuantities([], { unit: 'KGM', scale: 2 })).toEqual({ value: '0.00', unit: 'KGM' });
    expect(failure(() => sumQuantities([])).code).toBe('INVALID_QUANTITY');
  });

  it('refuse to add temperatures on different scales, and units of different dimensions', () => {
    expect(addQuantities(q('10', 'CEL'), q('5', 'CEL'))).toEqual({ value: '15', unit: 'CEL' });
    expect(failure(() => addQuantities(q('10', 'CEL'), q('5', 'FAH'))).code).toBe('INCOMPATIBLE_UNITS');
    expect(failure(() => addQuantities(q('1', 'KGM'), q('1', 'MTR'))).code).toBe('INCOMPATIBLE_UNITS');
    expect(failure(() => addQuantities(q('1.', 'KGM'), q('1', 'KGM'))).code).toBe('INVALID_QUANTITY');
  });

  it('use a registry’s aliases and materials', () => {
    const registry = createUnitRegistry({
      aliases: { Stk: 'H87' },
      materials: [
        { id: 'FG-1', baseUnit: 'H87', alternativeUnits: [{ unit: 'XCT', numerator: 12, denominator: 1 }] },
      ],
    });
    expect(
      sumQuantities([q('2', 'XCT'), q('5', 'Stk')], { unit: 'H87', material: 'FG-1', registry }),
    ).toEqual({
      value: '29',
      unit: 'H87',
    });
    expect(compareQuantities(q('1', 'XCT'), q('12', 'Stk'), { material: 'FG-1', registry })).toBe(0);
  });

  it('compare exactly, temperatures as absolute values', () => {
    expect(compareQuantities(q('1000', 'GRM'), q('1', 'KGM'))).toBe(0);
    expect(compareQuantities(q('1', 'LBR'), q('0.45359237', 'KGM'))).toBe(0);
    expect(compareQuantities(q('1', 'LBR'), q('0.4535923', 'KGM'))).toBe(1);
    expect(compareQuantities(q('0', 'CEL'), q('33', 'FAH'))).toBe(-1);
    expect(compareQuantities(q('-40', 'CEL'), q('-40', 'FAH'))).toBe(0);
    expect(failure(() => compareQuantities(q('1', 'KGM'), q('1', 'SEC'))).code).toBe('INCOMPATIBLE_UNITS');
  });

  it('reject what is not a list of quantities with a UnitError, never a TypeError', () => {
    const codeOf = (run: () => unknown) => failure(run).code;
    expect(codeOf(() => sumQuantities(null as never))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => sumQuantities(5 as never))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => sumQuantities([null] as never))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => sumQuantities([q('1', 'KGM'), undefined] as never))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => subtractQuantities(null as never, q('1', 'KGM')))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => addQuantities(q('1', 'KGM'), 'x' as never))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => compareQuantities(q('1', 'KGM'), null as never))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => compareQuantities(null as never, q('1', 'KGM')))).toBe('INVALID_QUANTITY');
    expect(codeOf(() => sumQuantities([q('1', 'KGM')], null as never))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => sumQuantities([q('1', 'KGM')], { material: null as never }))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => sumQuantities([q('1', 'KGM')], { unit: 7 as never }))).toBe('UNKNOWN_UNIT');
    expect(codeOf(() => addQuantities(q(`1.${'0'.repeat(1000)}`, 'KGM'), q('1', 'KGM')))).toBe(
      'INVALID_QUANTITY',
    );
  });
});
