import { readFileSync } from 'node:fs';
import { convert, createUnitRegistry } from 'millwright';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/codes/parse-csv.js';
import { SAP_UNIT_RECORDS } from '../../../src/uom/generated/sap-units.js';
import { FROM_UCUM, TO_UCUM } from '../../../src/uom/generated/ucum-codes.js';
import { CANONICAL_UNIT_CODES, RETIRED_UNIT_CODES } from '../../../src/uom/generated/unit-codes.js';
import { UNIT_RECORDS } from '../../../src/uom/generated/units.js';
import { findUnit } from '../../../src/uom/unit-catalog.js';

const rec20 = parseCsv(
  readFileSync(new URL('../../../data/uom/rec20/units-of-measure.csv', import.meta.url), 'utf8'),
)
  .slice(1)
  .map((record) => record.fields);
const registry = createUnitRegistry();

describe('the generated unit catalogue', () => {
  it('knows every Rec 20 Rev 17 code, with Rec 20’s status', () => {
    expect(rec20).toHaveLength(2136);
    for (const [status, code] of rec20) {
      const unit = findUnit(code as string);
      expect(unit, code).toBeDefined();
      const expected = status === 'X' ? 'deleted' : status === 'D' ? 'deprecated' : 'active';
      expect(unit?.status, code).toBe(expected);
    }
  });

  it('has the X-prefixed Rec 21 package codes as canonical codes, and no PCE', () => {
    for (const code of ['XCT', 'XBX', 'XPX', 'XPK', 'XBG', 'XPF'])
      expect(CANONICAL_UNIT_CODES.has(code), code).toBe(true);
    expect(findUnit('XPF')?.name).toBe('Pen'); // Rec 21 PF is a pen; the pallet is XPX
    expect(findUnit('XPX')?.name).toBe('Pallet');
    expect(CANONICAL_UNIT_CODES.has('PCE')).toBe(false);
    expect(CANONICAL_UNIT_CODES.size).toBeGreaterThan(2100);
  });

  it('gives every unit with a factor a dimension and an exact rational factor', () => {
    let withFactor = 0;
    for (const [code, , , , dimension, factor, pi = 0] of UNIT_RECORDS) {
      if (factor === '') {
        expect(dimension, code).toBe('');
        continue;
      }
      withFactor += 1;
      expect(dimension, code).toMatch(/^(1|[a-zA-Z]+(-?\d+)?(\.[a-zA-Z]+(-?\d+)?)*)$/);
      expect(factor, code).toMatch(/^[1-9]\d*(\/[1-9]\d*)?$/);
      expect(Number.isInteger(pi), code).toBe(true);
    }
    expect(withFactor).toBeGreaterThan(1400);
  });

  it('counts H87, EA and C62 as one dimension with factor 1, and DZN, GRO by their Rec 20 factors', () => {
    for (const code of ['H87', 'EA', 'C62'])
      expect(registry.describe(code), code).toMatchObject({ dimension: 'item', factor: '1' });
    expect(registry.describe('DZN')).toMatchObject({ dimension: 'item', factor: '12' });
    expect(registry.describe('GRO')).toMatchObject({ dimension: 'item', factor: '144' });
  });

  it('keeps counted items apart from ratios: 5 percent is not 0.05 pieces', () => {
    expect(registry.describe('P1')).toMatchObject({ dimension: '1', factor: '1/100' });
    expect(() => registry.convert({ value: '5', unit: 'P1' }, 'H87')).toThrow(
      expect.objectContaining({ code: 'INCOMPATIBLE_UNITS' }),
    );
    expect(registry.convert({ value: '2', unit: 'DZN' }, 'PR')).toEqual({ value: '12', unit: 'PR' });
    // UCUM has no count dimension: its unity `1` is Rec 20's "one".
    expect(registry.fromUcum('1')).toBe('C62');
  });

  it('reads the calorie (20 °C) as energy although Rec 20 prints its factor without the joule', () => {
    expect(registry.describe('N69')).toMatchObject({ dimension: 'm2.kg.s-2', factor: '41819/10000' });
  });

  it('replaces Rec 20’s rounded factors with exact definitions', () => {
    const exact: Record<string, string> = {
      GLL: '473176473/125000000000', // 231 in³ (Rec 20: 3,785 412 x 10⁻³ m³)
      ONZ: '45359237/1600000000', // lb/16 (Rec 20: 2,834 952 x 10⁻² kg)
      KMH: '5/18', // Rec 20: 0,277 778 m/s
      MQH: '1/3600', // Rec 20: 2,777 78 x 10⁻⁴ m³/s
      LBR: '45359237/100000000',
      FAH: '5/9',
      GLI: '454609/100000000',
      ATM: '101325',
    };
    for (const [code, factor] of Object.entries(exact))
      expect(registry.describe(code).factor, code).toBe(factor);
  });

  it('gives the absolute temperature scales their offsets', () => {
    expect(registry.describe('CEL').offset).toBe('5463/20');
    expect(registry.describe('FAH').offset).toBe('45967/100');
    expect(registry.describe('KEL').offset).toBeUndefined();
    expect(registry.describe('A48').offset).toBeUndefined(); // Rankine starts at absolute zero
  });

  it('retires codes only to active successors', () => {
    for (const [code, successor] of RETIRED_UNIT_CODES) {
      expect(CANONICAL_UNIT_CODES.has(code), code).toBe(false);
      if (successor !== null)
        expect(CANONICAL_UNIT_CODES.has(successor), `${code} → ${successor}`).toBe(true);
    }
    expect(RETIRED_UNIT_CODES.get('PCE')).toBe('H87');
    expect(RETIRED_UNIT_CODES.get('CT')).toBe('XCT');
    expect(RETIRED_UNIT_CODES.get('BX')).toBe('XBX');
    expect(RETIRED_UNIT_CODES.get('PK')).toBe('XPK');
    expect(RETIRED_UNIT_CODES.get('PF')).toBe('XPX');
  });

  it('maps UCUM and SAP codes only to active units, each UCUM pair to the unit’s own factor', () => {
    for (const [code, ucum] of TO_UCUM) {
      expect(CANONICAL_UNIT_CODES.has(code), code).toBe(true);
      expect(registry.fromUcum(ucum), `${code} ${ucum}`).toBe(
        FROM_UCUM.find(([spelling]) => spelling === ucum)?.[1],
      );
    }
    for (const [, code] of FROM_UCUM) expect(CANONICAL_UNIT_CODES.has(code), code).toBe(true);
    for (const [sap, external, unit] of SAP_UNIT_RECORDS) {
      expect(CANONICAL_UNIT_CODES.has(unit), sap).toBe(true);
      expect(registry.fromSap(sap, { sapForm: 'internal' })).toBe(unit);
      expect(registry.fromSap(external, { sapForm: 'external' })).toBe(unit);
    }
  });

  it('converts every unit to the SI unit of its dimension by its exact factor', () => {
    const siUnit = new Map<string, string>();
    for (const [code, status, , , dimension, factor, pi = 0, offset] of UNIT_RECORDS) {
      if (status === 'a' && factor === '1' && pi === 0 && offset === undefined && !siUnit.has(dimension))
        siUnit.set(dimension, code);
    }
    let checked = 0;
    for (const [code, status, , , dimension, factor, pi = 0, offset] of UNIT_RECORDS) {
      const target = siUnit.get(dimension);
      if (status !== 'a' || factor === '' || pi !== 0 || offset !== undefined || target === undefined)
        continue;
      const [numerator, denominator = '1'] = factor.split('/');
      // The factor rounded half-even to 12 places, computed here in BigInt.
      const scaled = BigInt(numerator as string) * 10n ** 12n;
      const quotient = scaled / BigInt(denominator);
      const twice = 2n * (scaled % BigInt(denominator));
      const rounded =
        twice > BigInt(denominator) || (twice === BigInt(denominator) && quotient % 2n === 1n)
          ? quotient + 1n
          : quotient;
      const digits = String(rounded).padStart(13, '0');
      const expected = `${digits.slice(0, -12)}.${digits.slice(-12)}`;
      expect(convert({ value: '1', unit: code }, target, { scale: 12 }).value, `${code} → ${target}`).toBe(
        expected,
      );
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
