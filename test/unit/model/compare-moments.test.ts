import { describe, expect, it } from 'vitest';
import { compareAmounts, compareDecimals, ratioBetween } from '../../../src/model/compare-amounts.js';
import { compareMoments } from '../../../src/model/compare-moments.js';

describe('compareMoments', () => {
  it.each([
    ['2026-05-12T08:30:00+02:00', '2026-05-12T06:30:00Z', 0],
    ['2026-05-12T08:30:00.0001+02:00', '2026-05-12T06:30:00Z', 1],
    ['2026-05-12T06:30:00.10Z', '2026-05-12T06:30:00.1Z', 0],
    ['2026-05-12T06:30:00.09999Z', '2026-05-12T06:30:00.1Z', -1],
    ['2026-05-12T10:00:00Z', '2026-05-12T11:59:00+02:00', 1],
    ['2026-05-12T00:30:00+14:00', '2026-05-11T23:30:00-10:00', -1],
    ['0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z', -1],
    ['2000-02-29T00:00:00-05:00', '2000-02-29T05:00:00Z', 0],
    ['2026-05-13', '2026-05-13T23:00:00-10:00', 0],
    ['2026-05-12', '2026-05-13T00:00:00+14:00', -1],
    ['2026-05-14', '2026-05-13', 1],
  ])('%s against %s is %i', (a, b, expected) => {
    expect(compareMoments(a, b)).toBe(expected);
    expect(compareMoments(b, a)).toBe(-expected || 0);
  });
});

describe('exact amounts', () => {
  it('compares decimal strings by value', () => {
    expect(compareDecimals('12.000', '12')).toBe(0);
    expect(compareDecimals('-0.5', '0')).toBe(-1);
    expect(compareDecimals('100000000000000000000000.1', '100000000000000000000000')).toBe(1);
  });

  it('compares amounts through the catalogue factors, and not across dimensions or packages', () => {
    expect(compareAmounts({ value: '2', unit: 'DZN' }, { value: '23', unit: 'H87' })).toBe(1);
    expect(compareAmounts({ value: '1000', unit: 'GRM' }, { value: '1', unit: 'KGM' })).toBe(0);
    expect(compareAmounts({ value: '1', unit: 'XCT' }, { value: '1', unit: 'H87' })).toBeUndefined();
    expect(compareAmounts({ value: '1', unit: 'KGM' }, { value: '1', unit: 'LTR' })).toBeUndefined();
    expect(ratioBetween('DZN', 'H87')).toEqual({ numerator: 12n, denominator: 1n });
    expect(ratioBetween('CEL', 'KEL')).toBeUndefined();
  });
});
