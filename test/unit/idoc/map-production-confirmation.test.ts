// PP-PDC time tickets (PPCC2PRETTICKET01, segment E1BP_PP_TIMETICKET, whose whole field list is
// public: data/idoc/SOURCE.md) → ProductionConfirmation, from a flat file read with the built-in
// layout alone.
import { createUnitRegistry, MappingError, type ProductionConfirmation } from 'millwright';
import { builtinIdocSchemas, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixture, fixtureText } from './fixtures.js';

const options = { units: createUnitRegistry(), timeZone: 'Europe/Berlin' } as const;
const FILE = 'ppcc2pretticket01.idoc';

const confirmations = (text: string | Buffer): ProductionConfirmation[] =>
  idocToCanonical(parseIdoc(text)[0] as Idoc, options).map(
    (record) => record.value as ProductionConfirmation,
  );

/** The file with one field of the first ticket replaced, at its place in the built-in layout. */
function withField(field: string, value: string, ticket = 0): string {
  const definition = builtinIdocSchemas
    .find((schema) => schema.basicType === 'PPCC2PRETTICKET01')
    ?.segments[0]?.fields.find((candidate) => candidate.name === field);
  if (definition === undefined) throw new Error(`no field ${field}`);
  const lines = fixtureText(FILE).split('\n');
  const index = 1 + ticket;
  const line = lines[index] as string;
  const start = 63 + definition.offset;
  lines[index] =
    `${line.slice(0, start)}${value.padEnd(definition.length)}${line.slice(start + definition.length)}`;
  return lines.join('\n');
}

const mappingError = (text: string): MappingError => catchError(MappingError, () => confirmations(text));

describe('idocToCanonical: PPCC2PRETTICKET time tickets', () => {
  it('maps a flat file read with the built-in layout, every field the mapping needs included', () => {
    expect(confirmations(fixture(FILE))).toEqual([
      {
        id: '000001004720/0010/0001',
        workOrder: '000001004720',
        operation: '0010',
        workCenter: 'WC-SAW',
        plant: 'DE01',
        yield: { value: '118', unit: 'H87' },
        scrap: { value: '2', unit: 'H87' },
        rework: { value: '0', unit: 'H87' },
        scrapReason: 'R001',
        final: true,
        confirmedAt: '2026-05-18T14:00:00+02:00',
        postingDate: '2026-05-18',
        actualStart: '2026-05-18T06:00:00+02:00',
        actualEnd: '2026-05-18T14:00:00+02:00',
        source: { system: 'MESCLNT100', id: '000001004720/0010/0001' },
      },
      {
        id: '000001004720/0020/0002',
        workOrder: '000001004720',
        operation: '0020',
        workCenter: 'WC-LATH1',
        plant: 'DE01',
        yield: { value: '40.5', unit: 'KGM' },
        rework: { value: '0.5', unit: 'KGM' },
        final: false,
        confirmedAt: '2026-05-18T23:30:15+02:00',
        postingDate: '2026-05-18',
        actualStart: '2026-05-18T15:00:00+02:00',
        actualEnd: '2026-05-18T23:30:00+02:00',
        source: { system: 'MESCLNT100', id: '000001004720/0020/0002' },
      },
    ]);
  });

  it('takes final from the record type, which PP-PDC interprets, when FIN_CONF is blank', () => {
    // The first ticket is L40 with FIN_CONF blank, as PP-PDC subsystems send it.
    expect(confirmations(fixture(FILE)).map((confirmation) => confirmation.final)).toEqual([true, false]);
    expect(confirmations(withField('RECORDTYPE', '')).map((confirmation) => confirmation.final)).toEqual([
      false,
      false,
    ]);
    expect(confirmations(withField('FIN_CONF', 'X', 1).replace('L20', '   '))[1]?.final).toBe(true);
  });

  it.each([
    ['FIN_CONF', '1', 'E1BP_PP_TIMETICKET/FIN_CONF'],
    ['FIN_CONF', 'Y', 'E1BP_PP_TIMETICKET/FIN_CONF'],
    ['RECORDTYPE', 'L00', 'E1BP_PP_TIMETICKET/RECORDTYPE'],
    ['RECORDTYPE', 'B40', 'E1BP_PP_TIMETICKET/RECORDTYPE'],
  ])('refuses %s = %s, whose final state is not known', (field, value, location) => {
    expect(mappingError(withField(field, value)).location).toBe(location);
  });

  it('refuses FIN_CONF = X on a partial (L20) ticket', () => {
    expect(mappingError(withField('FIN_CONF', 'X', 1)).location).toBe('E1BP_PP_TIMETICKET/FIN_CONF');
  });

  it.each([
    ['0000000118.000-', 'negative'],
    ['118', 'written without the BAPI layout'],
    ['118.000+', 'not zero-padded'],
    ['0000000118.0000', 'without a sign'],
    ['+000000118.000', 'with a leading sign'],
  ])('refuses the yield %j (%s)', (yieldText) => {
    const error = mappingError(withField('YIELD', yieldText));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1BP_PP_TIMETICKET/YIELD' });
  });

  it('takes confirmedAt from the time the ticket was entered, else from the end of execution', () => {
    expect(confirmations(fixture(FILE)).map((confirmation) => confirmation.confirmedAt)).toEqual([
      '2026-05-18T14:00:00+02:00',
      '2026-05-18T23:30:15+02:00',
    ]);
    // The first ticket has no EX_CREATED_DATE; without EXEC_FIN_DATE it says nothing of when it was entered.
    expect(mappingError(withField('EXEC_FIN_DATE', '')).location).toBe('E1BP_PP_TIMETICKET/EX_CREATED_DATE');
  });
});

describe('idocToCanonical: the field named for a value is the field it was read from', () => {
  it('names the SAP unit field when the ISO field was blank', () => {
    const registry = createUnitRegistry();
    const units = {
      resolve: (code: string) => registry.resolve(code),
      fromSap: () => 'not a unit',
      toSap: (code: string) => registry.toSap(code),
      convert: registry.convert.bind(registry),
    };
    const [idoc] = parseIdoc(fixture(FILE));
    const error = catchError(MappingError, () =>
      idocToCanonical(idoc as Idoc, { timeZone: 'Europe/Berlin', units: units as never }),
    );
    expect(error.location).toBe('E1BP_PP_TIMETICKET/CONF_QUAN_UNIT');
  });
});

describe('idocToCanonical: a unit code that means two units', () => {
  it('says the ISO unit is ambiguous, names both readings and how to choose, instead of "unknown"', () => {
    const error = mappingError(withField('CONF_QUAN_UNIT_ISO', 'KG'));
    expect(error.location).toBe('E1BP_PP_TIMETICKET/CONF_QUAN_UNIT_ISO');
    expect(error.message).toContain('"KG" is ambiguous');
    expect(error.message).toMatch(/keg \(use XKG\).*kilogram \(use KGM/);
    expect(error.message).toContain('aliases: { "KG": \'the code meant\' }');
    expect(error.cause).toMatchObject({ code: 'AMBIGUOUS_UNIT' });
  });

  it('maps the code as the registry alias says', () => {
    const units = createUnitRegistry({ aliases: { KG: 'KGM' } });
    const [idoc] = parseIdoc(withField('CONF_QUAN_UNIT_ISO', 'KG'));
    const [record] = idocToCanonical(idoc as Idoc, { units, timeZone: 'Europe/Berlin' });
    expect((record?.value as ProductionConfirmation | undefined)?.yield).toEqual({
      value: '118',
      unit: 'KGM',
    });
  });
});
