// SAP dates and times carry no zone, so the mappings need the SAP system's time zone: it is a
// required option (issue 9, item 4). Calendar dates stay calendar dates in every zone.
import { createUnitRegistry, type InventoryMovement, MillwrightError, type WorkOrder } from 'millwright';
import { canonicalToIdoc, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixture, LOIPRO01_FULL_ORDER } from './fixtures.js';

const units = createUnitRegistry();
const loipro = (): Idoc => parseIdoc(fixture('loipro01.full.xml'))[0] as Idoc;
const optionsError = (action: () => unknown): MillwrightError => catchError(MillwrightError, action);

describe('the time zone of the IDoc mappings', () => {
  it.each([
    ['without options', undefined],
    ['without timeZone', { units }],
  ])('idocToCanonical refuses to map %s, naming the option', (_name, options) => {
    const error = optionsError(() => idocToCanonical(loipro(), options as never));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain('timeZone');
  });

  it('canonicalToIdoc refuses to write without timeZone, naming the option', () => {
    const { source: _source, ...order } = LOIPRO01_FULL_ORDER;
    const error = optionsError(() => canonicalToIdoc(order, { messageType: 'LOIPRO' } as never));
    expect(error).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(error.message).toContain('timeZone');
  });

  it('is a required option in the types', () => {
    // @ts-expect-error timeZone is required
    const map = () => idocToCanonical(loipro(), { units });
    // @ts-expect-error timeZone is required
    const write = () => canonicalToIdoc(LOIPRO01_FULL_ORDER, { messageType: 'LOIPRO' });
    expect(() => map()).toThrow(MillwrightError);
    expect(() => write()).toThrow(MillwrightError);
  });

  it("reads a German plant's times in its zone, summer and winter", () => {
    const summer = idocToCanonical(loipro(), { units, timeZone: 'Europe/Berlin' })[0]?.value as WorkOrder;
    expect(summer.scheduledStart).toBe('2026-05-18T06:00:00+02:00');
    expect(Date.parse(summer.scheduledStart)).toBe(Date.parse('2026-05-18T04:00:00Z'));
    const xml = fixture('loipro01.full.xml').toString('utf8').replaceAll('202605', '202601');
    const winter = idocToCanonical(parseIdoc(xml)[0] as Idoc, { units, timeZone: 'Europe/Berlin' });
    expect((winter[0]?.value as WorkOrder | undefined)?.scheduledStart).toBe('2026-01-18T06:00:00+01:00');
  });

  it('keeps calendar dates as dates in every zone, in and out', () => {
    const [far, behind] = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].map(
      (timeZone) =>
        idocToCanonical(parseIdoc(fixture('wmmbid02.xml'))[0] as Idoc, { units, timeZone })[0]
          ?.value as InventoryMovement,
    );
    expect(far?.postingDate).toBe('2026-05-12');
    expect(behind?.postingDate).toBe('2026-05-12');
    expect(far?.occurredAt).toBe('2026-05-12T00:00:00+14:00');
    expect(behind?.occurredAt).toBe('2026-05-12T00:00:00-11:00');
    const written = canonicalToIdoc([far as InventoryMovement], {
      units,
      timeZone: 'Pacific/Pago_Pago',
      messageType: 'WMMBXY',
      createdAt: '2026-05-12T12:00:00Z',
    });
    expect(written.segments[0]?.fields['BUDAT']).toBe('20260512');
    const bom = idocToCanonical(parseIdoc(fixture('bommat04.xml'))[0] as Idoc, {
      units,
      timeZone: 'Pacific/Kiritimati',
    })[0]?.value;
    expect(bom).toMatchObject({ validFrom: '2026-01-01' });
  });
});
