import { convert, isMillwrightError, UnitError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const q = (value: string, unit: string) => ({ value, unit });

const failure = (run: () => unknown): UnitError => catchError(UnitError, run);

describe('convert', () => {
  it('converts exactly where every float library drifts', () => {
    expect(convert(q('10', 'LBR'), 'KGM')).toEqual({ value: '4.5359237', unit: 'KGM' });
    expect(convert(q('4.35', 'MTR'), 'CMT')).toEqual({ value: '435', unit: 'CMT' });
    expect(convert(q('0.07', 'LTR'), 'MLT')).toEqual({ value: '70', unit: 'MLT' });
    expect(convert(q('1', 'INH'), 'MMT')).toEqual({ value: '25.4', unit: 'MMT' });
    expect(convert(q('12', 'ONZ'), 'LBR')).toEqual({ value: '0.75', unit: 'LBR' });
    expect(convert(q('36', 'KMH'), 'MTS')).toEqual({ value: '10', unit: 'MTS' });
  });

  it('uses the exact definitions where Rec 20 prints rounded factors', () => {
    // Rec 20 prints 3,785 412 x 10⁻³ m³ for the gallon and 2,834 952 x 10⁻² kg for the ounce.
    expect(convert(q('1', 'GLL'), 'LTR').value).toBe('3.785411784');
    expect(convert(q('1', 'ONZ'), 'GRM').value).toBe('28.349523125');
    expect(convert(q('1', 'GLI'), 'LTR').value).toBe('4.54609');
    expect(convert(q('1', 'HUR'), 'SEC').value).toBe('3600');
    expect(convert(q('1', 'STN'), 'KGM').value).toBe('907.18474');
    expect(convert(q('1', 'ATM'), 'PAL').value).toBe('101325');
  });

  it('keeps terminating results exact however long they are', () => {
    expect(convert(q('123456789.123456789', 'LBR'), 'KGM').value).toBe('55999057.57109898751509993');
    expect(convert(q('-0.5', 'TNE'), 'KGM').value).toBe('-500');
    expect(convert(q('0', 'LBR'), 'KGM').value).toBe('0');
  });

  it('throws INEXACT for a result that does not terminate, unless a scale is given', () => {
    const error = failure(() => convert(q('1', 'KGM'), 'LBR'));
    expect(error.code).toBe('INEXACT');
    expect(error.from).toBe('KGM');
    expect(error.to).toBe('LBR');
    expect(convert(q('1', 'KGM'), 'LBR', { scale: 6 })).toEqual({ value: '2.204623', unit: 'LBR' });
    expect(convert(q('1', 'FOT'), 'YRD', { scale: 2, rounding: 'up' }).value).toBe('0.34');
    expect(convert(q('3', 'FOT'), 'YRD').value).toBe('1'); // 1/3 × 3 terminates
  });

  it('rounds only when a scale is given, in every mode', () => {
    const value = (rounding: 'half-even' | 'half-up' | 'up' | 'down' | 'ceiling' | 'floor') =>
      convert(q('-1.25', 'KGM'), 'KGM', { scale: 1, rounding }).value;
    expect(value('half-even')).toBe('-1.2');
    expect(value('half-up')).toBe('-1.3');
    expect(value('up')).toBe('-1.3');
    expect(value('down')).toBe('-1.2');
    expect(value('ceiling')).toBe('-1.2');
    expect(value('floor')).toBe('-1.3');
    expect(convert(q('10', 'LBR'), 'KGM', { scale: 10 }).value).toBe('4.5359237000');
  });

  it('converts absolute temperatures with their offsets', () => {
    expect(convert(q('-40', 'CEL'), 'FAH').value).toBe('-40');
    expect(convert(q('100', 'CEL'), 'KEL').value).toBe('373.15');
    expect(convert(q('98.6', 'FAH'), 'CEL').value).toBe('37');
    expect(convert(q('0', 'KEL'), 'FAH').value).toBe('-459.67');
    expect(convert(q('491.67', 'A48'), 'FAH').value).toBe('32'); // the Rankine scale starts at absolute zero
  });

  it('treats counting units as one dimension and follows Rec 20 count factors', () => {
    expect(convert(q('2', 'DZN'), 'H87').value).toBe('24');
    expect(convert(q('1', 'GRO'), 'DZN').value).toBe('12');
    expect(convert(q('5', 'EA'), 'C62')).toEqual({ value: '5', unit: 'C62' });
    expect(convert(q('3', 'PR'), 'H87').value).toBe('6');
  });

  it('accepts retired codes as input and answers in their successors', () => {
    expect(convert(q('3', 'PCE'), 'EA')).toEqual({ value: '3', unit: 'EA' });
    expect(convert(q('3', 'H87'), 'PCE')).toEqual({ value: '3', unit: 'H87' });
    expect(convert(q('1', 'CT'), 'XCT')).toEqual({ value: '1', unit: 'XCT' });
    expect(convert(q('1', 'HAR'), 'MTK').value).toBe('10000');
  });

  it('resolves UCUM codes, and SAP codes where the options say the codes are SAP', () => {
    expect(convert(q('1', '[lb_av]'), 'kg')).toEqual({ value: '0.45359237', unit: 'KGM' });
    expect(convert(q('2', 'M'), 'CM', { system: 'sap' })).toEqual({ value: '200', unit: 'CMT' });
    expect(failure(() => convert(q('2', 'M'), 'CM')).code).toBe('UNKNOWN_UNIT');
  });

  it('converts angles through π exactly, or rounds them with a scale', () => {
    expect(convert(q('360', 'DD'), 'M44').value).toBe('1');
    expect(convert(q('90', 'DD'), 'A91').value).toBe('100'); // gon
    expect(failure(() => convert(q('180', 'DD'), 'C81')).code).toBe('INEXACT');
    expect(convert(q('180', 'DD'), 'C81', { scale: 20 }).value).toBe('3.14159265358979323846');
    expect(convert(q('0', 'DD'), 'C81').value).toBe('0');
  });

  it('rejects incompatible and unknown units and malformed values with typed errors', () => {
    const incompatible = failure(() => convert(q('1', 'KGM'), 'MTR'));
    expect(incompatible.code).toBe('INCOMPATIBLE_UNITS');
    expect(incompatible.toJSON()).toMatchObject({
      name: 'UnitError',
      code: 'INCOMPATIBLE_UNITS',
      from: 'KGM',
      to: 'MTR',
    });
    expect(failure(() => convert(q('1', 'XCT'), 'H87')).message).toContain('material');
    expect(failure(() => convert(q('1', 'ZZZ'), 'KGM')).code).toBe('UNKNOWN_UNIT');
    expect(failure(() => convert(q('1', '05'), 'KGM')).message).toContain('no successor');
    expect(failure(() => convert(q('1e3', 'KGM'), 'GRM')).code).toBe('INVALID_QUANTITY');
    expect(
      failure(() => convert({ value: 1 } as unknown as { value: string; unit: string }, 'GRM')).code,
    ).toBe('INVALID_QUANTITY');
    expect(failure(() => convert(q('1', 'KGM'), 'GRM', { scale: -1 })).code).toBe('INVALID_OPTIONS');
    expect(failure(() => convert(q('1', 'KGM'), 'GRM', { scale: 2, rounding: 'nearest' as 'up' })).code).toBe(
      'INVALID_OPTIONS',
    );
    expect(isMillwrightError(failure(() => convert(q('1', 'KGM'), 'MTR')))).toBe(true);
  });

  it('refuses values of more than 1000 digits before any arithmetic, and reads up to 1000 exactly', () => {
    // Took 2.7 s: 60,000 places made a 60,000-digit denominator.
    const long = failure(() => convert(q(`0.${'0'.repeat(60_000)}1`, 'KGM'), 'GRM'));
    expect(long.code).toBe('INVALID_QUANTITY');
    expect(long.message).toContain('more than 1000 digits');
    expect(long.message.length).toBeLessThan(200); // the value is quoted, not repeated whole
    expect(failure(() => convert(q(`-1.${'0'.repeat(1000)}`, 'KGM'), 'GRM')).code).toBe('INVALID_QUANTITY');
    expect(failure(() => convert(q('1'.repeat(1001), 'KGM'), 'GRM', { scale: 2 })).code).toBe(
      'INVALID_QUANTITY',
    );
    const tiny = `0.${'0'.repeat(997)}1`; // 1000 digits: 1 × 10^-998
    expect(convert(q(tiny, 'KGM'), 'GRM').value).toBe(`0.${'0'.repeat(994)}1`);
    expect(convert(q(`-${'9'.repeat(1000)}`, 'KGM'), 'KGM').value).toBe(`-${'9'.repeat(1000)}`);
  });

  it('rejects options, quantities and codes of any wrong type with a UnitError', () => {
    expect(failure(() => convert(q('1', 'KGM'), 'LBR', null as never)).code).toBe('INVALID_OPTIONS');
    expect(failure(() => convert(q('1', 'KGM'), 'LBR', 3 as never)).code).toBe('INVALID_OPTIONS');
    expect(failure(() => convert(q('1', 'KGM'), 'LBR', { scale: Object.create(null) })).code).toBe(
      'INVALID_OPTIONS',
    );
    expect(failure(() => convert(null as never, 'LBR')).code).toBe('INVALID_QUANTITY');
    expect(failure(() => convert(q('1', Symbol('KGM') as never), 'LBR')).code).toBe('UNKNOWN_UNIT');
    const symbolTarget = failure(() => convert(q('1', 'KGM'), Symbol('LBR') as never));
    expect(symbolTarget.code).toBe('UNKNOWN_UNIT');
    expect(symbolTarget.to).toBeUndefined(); // only strings are kept as the units involved
  });
});
