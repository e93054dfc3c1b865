import { convert, createUnitRegistry, normalizeUcum, UnitError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

describe('normalizeUcum', () => {
  it('writes spellings of one term the same way', () => {
    expect(normalizeUcum('s/m')).toBe('m-1.s');
    expect(normalizeUcum('s.m-1')).toBe('m-1.s');
    expect(normalizeUcum('/m.s')).toBe('m-1.s'); // a leading / inverts the first component
    expect(normalizeUcum('kg/(m2.s)')).toBe('kg.m-2.s-1');
    expect(normalizeUcum('kg.m-2.s-1')).toBe('kg.m-2.s-1');
    expect(normalizeUcum('(m/s)2')).toBe('m2.s-2');
    expect(normalizeUcum('m/m')).toBe('1');
  });

  it('keeps brackets, annotations and ten-powers as written and multiplies integer factors', () => {
    expect(normalizeUcum('[in_i]')).toBe('[in_i]');
    expect(normalizeUcum('{piece}')).toBe('{piece}');
    expect(normalizeUcum('kg{dry}/L')).toBe('L-1.kg{dry}');
    expect(normalizeUcum('10*3.m3')).toBe('10*3.m3');
    expect(normalizeUcum('4.s/m')).toBe('4.m-1.s');
    expect(normalizeUcum('s/4/m')).toBe('1:4.m-1.s');
    expect(normalizeUcum('m[H2O]')).toBe('m[H2O]');
  });

  it('returns undefined for malformed terms instead of throwing', () => {
    for (const bad of ['', 'kg/', '(kg', 'kg)', '[in_i', '{x', 'k g', 'm.', 'm1000'])
      expect(normalizeUcum(bad), bad).toBeUndefined();
  });

  it('bounds nested powers, factors and length, so untrusted codes cost next to nothing', () => {
    // Each group's exponent multiplies with the enclosing ones: these took 44 s and more.
    expect(normalizeUcum('((((10)99)99)99)99')).toBeUndefined();
    expect(normalizeUcum('(((((10)99)99)99)99)99')).toBeUndefined();
    expect(normalizeUcum('((m9)9)2')).toBeUndefined(); // m162
    expect(normalizeUcum('((m3)3)3')).toBe('m27');
    expect(normalizeUcum('m99.m')).toBeUndefined(); // exponents add up past 99
    expect(normalizeUcum('(10)99')).toBe(`1${'0'.repeat(99)}`); // 330 bits: still a factor
    expect(normalizeUcum('((10)99)2')).toBeUndefined(); // 660 bits: not
    expect(normalizeUcum('9'.repeat(155))).toBeUndefined();
    expect(normalizeUcum('s/0')).toBeUndefined(); // a zero factor is no unit
    expect(normalizeUcum(`${'('.repeat(200)}m${')'.repeat(200)}`)).toBe('m');
    expect(normalizeUcum(`m{${'x'.repeat(500)}}`)).toBe(`m{${'x'.repeat(500)}}`);
    expect(normalizeUcum(`m{${'x'.repeat(510)}}`)).toBeUndefined(); // longer than 512 characters
    expect(normalizeUcum(5 as never)).toBeUndefined();
  });

  it('makes a code out of bounds an unknown unit, not a RangeError or a hang', () => {
    const registry = createUnitRegistry();
    for (const run of [
      () => registry.fromUcum('(((((10)99)99)99)99)99'),
      () => registry.resolve('((((10)99)99)99)99'),
      () => convert({ value: '1', unit: '((((10)99)99)99)99' }, 'KGM'),
    ]) {
      expect(catchError(UnitError, run).code).toBe('UNKNOWN_UNIT');
    }
  });
});
