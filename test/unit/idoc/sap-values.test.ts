import { MappingError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { toSapDateTime, toTimestamp } from '../../../connectors/idoc/mapping/sap-timestamp.js';
import {
  readSapDate,
  readSapKey,
  readSapNumber,
  readSapTime,
} from '../../../connectors/idoc/mapping/sap-values.js';

describe('SAP values in IDoc fields', () => {
  it.each([
    ['250.000', '250'],
    ['  12.500', '12.5'],
    ['5.000-', '-5'],
    ['-5', '-5'],
    ['+          50', '50'],
    ['000010', '10'],
    ['.5', '0.5'],
    ['0.000', '0'],
    ['0.000-', '0'],
    ['1.5E+02', '150'],
    ['1.0E+00', '1'],
    ['2.5E-03', '0.0025'],
  ])('reads the number %j as %j', (written, decimal) => {
    expect(readSapNumber(written, 'E1X/F')).toBe(decimal);
  });

  it.each(['1-2', 'abc', '--5', '-5-', '1.2.3', '.', 'E5'])('rejects %j with the location', (written) => {
    expect(() => readSapNumber(written, 'E1AFKOL/GAMNG')).toThrow(MappingError);
    try {
      readSapNumber(written, 'E1AFKOL/GAMNG');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1AFKOL/GAMNG', value: written });
    }
  });

  it('reads blank numbers as absent', () => {
    expect(readSapNumber('   ', 'E1X/F')).toBeUndefined();
  });

  it('reads dates, with 00000000 and blank as none', () => {
    expect(readSapDate('20260513', 'E1X/D')).toBe('2026-05-13');
    expect(readSapDate('00000000', 'E1X/D')).toBeUndefined();
    expect(readSapDate('', 'E1X/D')).toBeUndefined();
    expect(() => readSapDate('20260230', 'E1X/D')).toThrow(MappingError);
    expect(() => readSapDate('2026051', 'E1X/D')).toThrow(MappingError);
  });

  it('reads times, with 240000 as the end of the day', () => {
    expect(readSapTime('061530', 'E1X/T')).toBe(6 * 3600 + 15 * 60 + 30);
    expect(readSapTime('000000', 'E1X/T')).toBe(0);
    expect(() => readSapTime('', 'E1X/T')).toThrow(MappingError);
    expect(readSapTime('240000', 'E1X/T')).toBe(86_400);
    expect(() => readSapTime('256000', 'E1X/T')).toThrow(MappingError);
  });

  it('keeps or strips the leading zeros of material numbers', () => {
    expect(readSapKey('000000000000004711', false)).toBe('000000000000004711');
    expect(readSapKey('000000000000004711', true)).toBe('4711');
    expect(readSapKey('0000', true)).toBe('0');
    expect(readSapKey('00-4711', true)).toBe('00-4711');
  });

  it('turns local SAP dates and times into timestamps with the zone offset and back', () => {
    expect(toTimestamp('2026-05-13', 6 * 3600, 'Europe/Berlin')).toBe('2026-05-13T06:00:00+02:00');
    expect(toTimestamp('2026-01-13', 6 * 3600, 'Europe/Berlin')).toBe('2026-01-13T06:00:00+01:00');
    expect(toTimestamp('2026-05-13', 86_400, 'UTC')).toBe('2026-05-14T00:00:00+00:00');
    expect(toTimestamp('2026-05-13', 0, 'America/Chicago')).toBe('2026-05-13T00:00:00-05:00');
    expect(toSapDateTime('2026-05-13T04:00:00Z', 'Europe/Berlin')).toEqual({
      date: '20260513',
      time: '060000',
    });
  });
});
