// One precedence rule for unit codes (issue 9, item 2): an active Rec 20 code means Rec 20; SAP
// codes are read only where the caller says the input is SAP; a retired Rec 20 code that is also
// another system's code with another meaning is refused as ambiguous, never guessed.
import {
  addQuantities,
  compareQuantities,
  convert,
  createUnitRegistry,
  Quantity,
  subtractQuantities,
  sumQuantities,
  UnitError,
  validate,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): UnitError => catchError(UnitError, run);
const q = (value: string, unit: string) => ({ value, unit });
const registry = createUnitRegistry();

/** The error for a code with two readings: AMBIGUOUS_UNIT, naming both, with both in `readings`. */
function expectAmbiguousKg(error: UnitError): void {
  expect(error.code).toBe('AMBIGUOUS_UNIT');
  expect(error.from).toBe('KG');
  expect(error.message).toContain('keg');
  expect(error.message).toContain('XKG');
  expect(error.message).toContain('kilogram');
  expect(error.message).toContain('KGM');
  expect(error.message).toContain("{ system: 'sap' }");
  expect(error.readings).toEqual([
    { system: 'rec20', status: 'deleted', unit: 'XKG', name: 'keg' },
    { system: 'sap', form: 'internal', sap: 'KG', unit: 'KGM', name: 'kilogram' },
  ]);
}

describe('resolve: one precedence rule', () => {
  it('reads an active Rec 20 code as Rec 20 wherever no system is named, SAP only when asked', () => {
    expect(registry.resolve('PAL')).toBe('PAL'); // pascal
    expect(registry.resolve('PAL', { system: 'sap' })).toBe('XPX'); // SAP's pallet
    expect(registry.fromSap('PAL')).toBe('XPX');
    expect(registry.resolve('KW')).toBe('KW'); // Rec 20: kilogram per millimetre
    expect(registry.fromSap('KW')).toBe('KWT'); // SAP: kilowatt
  });

  it('refuses KG and ST without a system: each is a deleted Rec 20 code and an SAP code', () => {
    expectAmbiguousKg(failure(() => registry.resolve('KG')));
    const sheet = failure(() => registry.resolve('ST'));
    expect(sheet.code).toBe('AMBIGUOUS_UNIT');
    expect(sheet.message).toMatch(/sheet.*XST.*piece.*H87/);
    expect(registry.resolve('KG', { system: 'sap' })).toBe('KGM');
    expect(registry.resolve('ST', { system: 'sap' })).toBe('H87');
  });

  it('refuses a code that SAP and UCUM read differently (ML: millilitre or megalitre)', () => {
    const error = failure(() => registry.resolve('ML'));
    expect(error.code).toBe('AMBIGUOUS_UNIT');
    expect(error.readings?.map((reading) => reading.unit)).toEqual(['MLT', 'MAL']);
    expect(registry.fromSap('ML')).toBe('MLT');
    expect(registry.fromUcum('ML')).toBe('MAL');
  });

  it('reads retired Rec 20 codes with one meaning as their successors, SAP-only codes only with a system', () => {
    expect(registry.resolve('PCE')).toBe('H87');
    expect(registry.resolve('CT')).toBe('XCT');
    const carton = failure(() => registry.resolve('KAR'));
    expect(carton.code).toBe('UNKNOWN_UNIT');
    expect(carton.message).toContain("{ system: 'sap' }");
    expect(registry.resolve('KAR', { system: 'sap' })).toBe('XCT');
  });

  it('lets a plant alias settle a code, as the caller’s own statement', () => {
    expect(createUnitRegistry({ aliases: { ST: 'XST' } }).resolve('ST')).toBe('XST');
    expect(createUnitRegistry({ aliases: { KG: 'KGM' } }).resolve('KG')).toBe('KGM');
  });

  it('refuses options it does not know', () => {
    expect(failure(() => registry.resolve('KGM', { system: 'sapp' as never })).code).toBe('INVALID_OPTIONS');
    expect(failure(() => registry.resolve('KGM', { sapForm: 'internal' })).code).toBe('INVALID_OPTIONS');
  });
});

describe('convert: the same rule', () => {
  it('refuses KG without a system and converts it as SAP kilogram with one', () => {
    expectAmbiguousKg(failure(() => convert(q('1', 'KG'), 'GRM')));
    expect(convert(q('1', 'KG'), 'GRM', { system: 'sap' })).toEqual({ value: '1000', unit: 'GRM' });
    expect(convert(q('1', 'KG'), 'G', { system: 'sap' })).toEqual({ value: '1000', unit: 'GRM' });
  });

  it('converts PAL as pascal without a system, as a pallet with one', () => {
    expect(convert(q('1000', 'PAL'), 'KPA')).toEqual({ value: '1', unit: 'KPA' });
    expect(failure(() => convert(q('1', 'PAL'), 'KPA', { system: 'sap' })).code).toBe('INCOMPATIBLE_UNITS');
  });

  it('keeps a pair converted with a system apart from the same pair without one', () => {
    const units = createUnitRegistry();
    expect(units.convert(q('1', 'ST'), 'DZN', { system: 'sap', scale: 2 }).value).toBe('0.08');
    expect(failure(() => units.convert(q('1', 'ST'), 'DZN', { scale: 2 })).code).toBe('AMBIGUOUS_UNIT');
  });
});

describe('registry convert with material units: the same rule', () => {
  const units = createUnitRegistry({
    materials: [
      { id: 'FG-1', baseUnit: 'H87', alternativeUnits: [{ unit: 'XCT', numerator: 12, denominator: 1 }] },
    ],
  });

  it('refuses ST (sheet or piece) for a material, and reads it as SAP piece with a system', () => {
    expect(failure(() => units.convert(q('24', 'ST'), 'XCT', { material: 'FG-1' })).code).toBe(
      'AMBIGUOUS_UNIT',
    );
    expect(units.convert(q('24', 'ST'), 'KAR', { material: 'FG-1', system: 'sap' })).toEqual({
      value: '2',
      unit: 'XCT',
    });
  });

  it('refuses an ambiguous code among a material’s alternative units', () => {
    const error = failure(() =>
      createUnitRegistry({
        materials: [
          { id: 'FG-2', baseUnit: 'H87', alternativeUnits: [{ unit: 'KG', numerator: 4, denominator: 1 }] },
        ],
      }),
    );
    expect(error.code).toBe('AMBIGUOUS_UNIT');
  });
});

describe('describe: the same rule', () => {
  it('does not describe KG as a keg alone', () => {
    expectAmbiguousKg(failure(() => registry.describe('KG')));
    expect(registry.describe('KG', { system: 'sap' })).toMatchObject({ code: 'KGM', name: 'kilogram' });
  });

  it('describes PAL as pascal without a system, as the pallet with one', () => {
    expect(registry.describe('PAL')).toMatchObject({ code: 'PAL', name: 'pascal' });
    expect(registry.describe('PAL', { system: 'sap' })).toMatchObject({ code: 'XPX', name: 'Pallet' });
  });

  it('still describes a retired code with one meaning as itself', () => {
    expect(registry.describe('PCE')).toMatchObject({ code: 'PCE', status: 'deleted', successor: 'H87' });
  });
});

describe('fromSap: SAP first, then the ISO (Rec 20) code', () => {
  it('reads SAP codes as SAP, whatever Rec 20 says', () => {
    expect(registry.fromSap('KG')).toBe('KGM');
    expect(registry.fromSap('ST')).toBe('H87');
    expect(registry.fromSap('PAL')).toBe('XPX');
    expect(registry.fromSap('HL')).toBe('HLT'); // a deleted Rec 20 code (hundred foot) too
    expect(registry.fromSap('PCE')).toBe('H87'); // an ISO code, as IDocs carry them
  });

  it('is what resolve gives with { system: "sap" }', () => {
    for (const code of ['PAL', 'KW', 'KG', 'ST', 'HL', 'PCE', 'KAR', 'MTR'])
      expect(registry.resolve(code, { system: 'sap' }), code).toBe(registry.fromSap(code));
  });
});

describe('quantity helpers: the same rule', () => {
  it('refuses KG in sums, differences and comparisons without a system', () => {
    expectAmbiguousKg(failure(() => sumQuantities([q('1', 'KG'), q('500', 'GRM')])));
    expectAmbiguousKg(failure(() => addQuantities(q('1', 'KGM'), q('1', 'KG'))));
    expectAmbiguousKg(failure(() => subtractQuantities(q('1', 'KGM'), q('1', 'KG'))));
    expectAmbiguousKg(failure(() => compareQuantities(q('1', 'KG'), q('1', 'KGM'))));
    expectAmbiguousKg(failure(() => sumQuantities([q('1', 'GRM')], { unit: 'KG' })));
  });

  it('reads SAP codes with { system: "sap" }', () => {
    expect(sumQuantities([q('1', 'KG'), q('500', 'G')], { system: 'sap' })).toEqual({
      value: '1.5',
      unit: 'KGM',
    });
    expect(addQuantities(q('1', 'ST'), q('1', 'DZ'), { system: 'sap' })).toEqual({
      value: '13',
      unit: 'H87',
    });
    expect(subtractQuantities(q('1', 'KG'), q('1', 'G'), { system: 'sap' }).value).toBe('0.999');
    expect(compareQuantities(q('1', 'KG'), q('1000', 'G'), { system: 'sap' })).toBe(0);
  });
});

describe('validate: the UnitCode messages', () => {
  const issuesOf = (unit: string) => {
    const result = validate(Quantity, { value: '1', unit });
    return result.ok ? [] : result.issues;
  };

  it('names both readings of KG and ST, and does not hint only the keg or the sheet', () => {
    const [kg, ...restKg] = issuesOf('KG');
    expect(restKg).toEqual([]);
    expect(kg).toMatchObject({ path: '/unit', code: 'ambiguous_unit' });
    expect(kg?.message).toMatch(/keg.*XKG.*kilogram.*KGM/);
    const [st] = issuesOf('ST');
    expect(st).toMatchObject({ code: 'ambiguous_unit' });
    expect(st?.message).toMatch(/sheet.*XST.*piece.*H87/);
  });

  it('keeps deprecated_unit for a retired code with one meaning, and hints the canonical code of an SAP code', () => {
    expect(issuesOf('PCE')).toEqual([
      { path: '/unit', code: 'deprecated_unit', message: expect.stringContaining('"H87"') as string },
    ]);
    expect(issuesOf('KAR')).toEqual([
      { path: '/unit', code: 'unknown_unit', message: expect.stringMatching(/SAP.*XCT/) as string },
    ]);
  });
});

describe('convert: a Rec 20 code SAP uses for another unit says how it was read', () => {
  it("names pascal and SAP's pallet when PAL does not convert to pieces, in either direction", () => {
    for (const [from, to] of [
      ['PAL', 'H87'],
      ['H87', 'PAL'],
    ] as const) {
      const error = failure(() => convert(q('1', from), to));
      expect(error.code).toBe('INCOMPATIBLE_UNITS');
      expect(error.message).toContain(
        `"PAL" was read as UN/ECE Rec 20 pascal; for SAP's Pallet (XPX) pass { system: 'sap' }`,
      );
    }
  });

  it('adds nothing where SAP means the same, or where the caller already said SAP', () => {
    expect(failure(() => convert(q('1', 'MTR'), 'KGM')).message).toBe(
      'MTR (m) and KGM (kg) measure different things',
    );
    expect(failure(() => convert(q('1', 'PAL'), 'KGM', { system: 'sap' })).message).not.toContain(
      'was read as',
    );
  });
});
