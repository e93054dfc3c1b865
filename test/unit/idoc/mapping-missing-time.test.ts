import { MappingError } from 'millwright';
import { type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixtureText } from './fixtures.js';

const berlin = { timeZone: 'Europe/Berlin' } as const;

const mapOrder = (edit: (xml: string) => string) => {
  const xml = fixtureText('loipro01.full.xml');
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  return () => idocToCanonical(parseIdoc(edited)[0] as Idoc, berlin);
};

// A date without its time is not an instant: 00:00 would make an order due a day early. SAP
// writes midnight as 000000, so only a blank or absent time is refused; 000000 is midnight.
describe('idocToCanonical: a date whose time is blank or absent is refused, not read as 00:00', () => {
  it.each([
    ['a scheduled finish without GLUZS', '<GLUZS>220000</GLUZS>', '', 'E1AFKOL/GLUZS'],
    ['a scheduled finish with a blank GLUZS', '<GLUZS>220000</GLUZS>', '<GLUZS> </GLUZS>', 'E1AFKOL/GLUZS'],
    ['a scheduled start without GSUZS', '<GSUZS>060000</GSUZS>', '', 'E1AFKOL/GSUZS'],
    [
      'a basic finish read for GLTRS 00000000, without GLUZP',
      '<GLTRS>20260519</GLTRS>\n      <GLUZP>000000</GLUZP>',
      '<GLTRS>00000000</GLTRS>',
      'E1AFKOL/GLUZP',
    ],
    ['an operation finish without FSEDZ', '<FSEDZ>140000</FSEDZ>', '', 'E1AFVOL/FSEDZ'],
    ['an operation start without FSAVZ', '<FSAVZ>060000</FSAVZ>', '', 'E1AFVOL/FSAVZ'],
    [
      'an actual finish without GEUZI',
      '<GMEIN>H87</GMEIN>',
      '<GETRI>20260519</GETRI><GMEIN>H87</GMEIN>',
      'E1AFKOL/GEUZI',
    ],
  ])('refuses %s', (_name, from, to, location) => {
    const error = catchError(
      MappingError,
      mapOrder((xml) => xml.replace(from, to)),
    );
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location });
    expect(error.message).toContain(`${location} is missing`);
    expect(error.message).toContain('has no time');
  });

  it('reads a time of 000000 as midnight and 240000 as the end of the day', () => {
    const [record] = mapOrder((xml) =>
      xml.replace('<GLTRS>20260519</GLTRS>', '<GLTRS>00000000</GLTRS>').replace('<GLUZS>220000</GLUZS>', ''),
    )();
    expect(record?.value).toMatchObject({ scheduledEnd: '2026-05-20T00:00:00+02:00' });
    const [late] = mapOrder((xml) => xml.replace('<GLUZS>220000</GLUZS>', '<GLUZS>240000</GLUZS>'))();
    expect(late?.value).toMatchObject({ scheduledEnd: '2026-05-20T00:00:00+02:00' });
  });
});
