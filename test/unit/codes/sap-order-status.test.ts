import { MappingError, sapOrderStatusMap, WorkOrderStatus, workOrderStatusFromSap } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): MappingError => catchError(MappingError, run);

describe('sapOrderStatusMap', () => {
  it('maps each life-cycle system status, by abbreviation and by status number', () => {
    const expected: Record<string, string> = {
      CRTD: 'created',
      REL: 'released',
      PREL: 'released',
      PCNF: 'in-progress',
      PDLV: 'in-progress',
      CNF: 'completed',
      DLV: 'completed',
      TECO: 'completed',
      CLSD: 'closed',
      DLFL: 'cancelled',
      DLT: 'cancelled',
      LKD: 'on-hold',
      I0001: 'created',
      I0002: 'released',
      I0045: 'completed',
      I0046: 'closed',
      I0076: 'cancelled',
    };
    for (const [code, canonical] of Object.entries(expected)) {
      expect(sapOrderStatusMap.toCanonical('sap', code), code).toBe(canonical);
    }
  });

  it('maps every canonical work order status back to one SAP status', () => {
    const back = Object.fromEntries(
      WorkOrderStatus.options.map((status) => [status, sapOrderStatusMap.fromCanonical('sap', status)]),
    );
    expect(back).toEqual({
      created: 'CRTD',
      released: 'REL',
      'in-progress': 'PCNF',
      completed: 'CNF',
      closed: 'CLSD',
      cancelled: 'DLFL',
      'on-hold': 'LKD',
    });
    expect(() => sapOrderStatusMap.toCanonical('sap', 'PRC')).toThrow(MappingError);
  });
});

describe('workOrderStatusFromSap', () => {
  it('derives one status from the set an order carries, the most advanced winning', () => {
    expect(workOrderStatusFromSap('CRTD MACM')).toBe('created');
    expect(workOrderStatusFromSap('REL PRC MACM SETC')).toBe('released');
    expect(workOrderStatusFromSap('REL PCNF PRC MACM')).toBe('in-progress');
    expect(workOrderStatusFromSap('REL PDLV GMPS')).toBe('in-progress');
    expect(workOrderStatusFromSap('REL CNF DLV PRC')).toBe('completed');
    expect(workOrderStatusFromSap(['REL', 'CNF', 'TECO'])).toBe('completed');
    expect(workOrderStatusFromSap('REL CNF DLV TECO CLSD')).toBe('closed');
    expect(workOrderStatusFromSap('TECO DLFL')).toBe('cancelled');
    expect(workOrderStatusFromSap('REL LKD PCNF')).toBe('on-hold');
    expect(workOrderStatusFromSap('TECO LKD')).toBe('completed');
    expect(workOrderStatusFromSap('I0002, I0010')).toBe('in-progress');
    expect(workOrderStatusFromSap(' rel  pcnf ')).toBe('in-progress');
  });

  it('throws UNMAPPED_CODE when no status decides the life cycle', () => {
    const run = (): unknown => workOrderStatusFromSap('PRC MACM');
    expect(run).toThrow(MappingError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'UNMAPPED_CODE',
        domain: 'workorder-status',
        system: 'sap',
        value: 'PRC MACM',
      });
    }
    expect(() => workOrderStatusFromSap('')).toThrow(MappingError);
    expect(() => workOrderStatusFromSap([])).toThrow(MappingError);
  });

  it('refuses values that are not a string or a list of strings, rather than ignoring them', () => {
    // A status that could not be read must not let the others decide the order's status.
    for (const statuses of [
      ['REL', 42],
      ['REL', null],
      ['TECO', { stat: 'I0045' }],
      ['REL', ['CNF']],
    ]) {
      const error = failure(() => workOrderStatusFromSap(statuses as never));
      expect(error.code).toBe('INVALID_SOURCE_DATA');
      expect(error.message).toMatch(/status 2 .* not a string/);
    }
    for (const statuses of [42, null, undefined, { REL: true }, Symbol('REL')]) {
      const error = failure(() => workOrderStatusFromSap(statuses as never));
      expect(error.code).toBe('INVALID_SOURCE_DATA');
      expect(error.message).toMatch(/a string or a list of strings/);
    }
  });

  it('quotes at most the start of a long status text in its error', () => {
    const long = `PRC ${'X'.repeat(100_000)}`;
    const error = failure(() => workOrderStatusFromSap(long));
    expect(error.code).toBe('UNMAPPED_CODE');
    expect(error.message.length).toBeLessThan(300);
    expect((error.value ?? '').length).toBeLessThan(300);
  });
});
