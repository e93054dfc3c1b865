import { normalizeUcum } from 'millwright';
import { describe, expect, it } from 'vitest';

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
});
