import { createUnitRegistry, MappingError } from 'millwright';
import { type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixtureText } from './fixtures.js';

// The MATMAS sample is anonymised; its customer units are declared as plant aliases.
const units = createUnitRegistry({ aliases: { '201': 'XBX', PX: 'XPX', UPA: 'XPA' } });
const berlin = { units, timeZone: 'Europe/Berlin' } as const;

const mapped = (file: string, from: string, to: string) => {
  const text = fixtureText(file);
  expect(text).toContain(from);
  return () => idocToCanonical(parseIdoc(text.replace(from, to))[0] as Idoc, berlin);
};

// Every indicator a mapping reads: blank or X (RGEKZ also 1), nothing else. A value SAP does not
// write there (Y, a lowercase x) is refused at its field, never read as true or as false.
describe('idocToCanonical: indicator fields take only the values SAP writes there', () => {
  const teco = '<STAT>I0045</STAT><INACT>';
  it.each([
    ['E1JSTKL/INACT', 'Y', 'loipro01.full.xml', '<STAT>I0016</STAT>', `${teco}Y</INACT>`],
    ['E1JSTKL/INACT', 'x', 'loipro01.full.xml', '<STAT>I0016</STAT>', `${teco}x</INACT>`],
    ['E1JSTVL/INACT', 'Y', 'loipro01.full.xml', '<STAT>I0010</STAT>', '<STAT>I0009</STAT><INACT>Y</INACT>'],
    ['E1RESBL/RGEKZ', 'Y', 'loipro01.full.xml', '<RGEKZ>X</RGEKZ>', '<RGEKZ>Y</RGEKZ>'],
    ['E1RESBL/RGEKZ', '2', 'loipro01.full.xml', '<RGEKZ>X</RGEKZ>', '<RGEKZ>2</RGEKZ>'],
    [
      'E1STPOM/DUMPS',
      'x',
      'bommat04.xml',
      '<IDNRK>SCRAP-STEEL</IDNRK>',
      '<IDNRK>SCRAP-STEEL</IDNRK><DUMPS>x</DUMPS>',
    ],
    [
      'E1STPOM/LKENZ',
      'Y',
      'bommat04.xml',
      '<IDNRK>SCRAP-STEEL</IDNRK>',
      '<IDNRK>SCRAP-STEEL</IDNRK><LKENZ>Y</LKENZ>',
    ],
    [
      'E1MARAM/LVORM',
      'Y',
      'matmas05.sap-recipes.xml',
      '<MATNR>000000000123456789</MATNR>',
      '<MATNR>000000000123456789</MATNR><LVORM>Y</LVORM>',
    ],
    [
      'E1MARAM/XCHPF',
      'J',
      'matmas05.sap-recipes.xml',
      '<MATNR>000000000123456789</MATNR>',
      '<MATNR>000000000123456789</MATNR><XCHPF>J</XCHPF>',
    ],
    ['E1MBXYI/XSTOB', 'Y', 'wmmbid02.xml', '<BWART>261</BWART>', '<BWART>261</BWART><XSTOB>Y</XSTOB>'],
  ])('refuses %s = %s', (location, value, file, from, to) => {
    const error = catchError(MappingError, mapped(file, from, to));
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location, value });
    expect(error.message).toContain('blank or "X"');
  });

  it('refuses a debit/credit indicator SHKZG other than S or H, rather than read it as an issue', () => {
    const error = catchError(
      MappingError,
      mapped('loipro01.full.xml', '<SHKZG>S</SHKZG>', '<SHKZG>Q</SHKZG>'),
    );
    expect(error).toMatchObject({ code: 'INVALID_SOURCE_DATA', location: 'E1RESBL/SHKZG', value: 'Q' });
    expect(error.message).toContain('debit/credit indicator (S or H)');
  });

  it('reads X as set and blank as not set, and RGEKZ 1 as backflush', () => {
    const backflush = mapped('loipro01.full.xml', '<RGEKZ>X</RGEKZ>', '<RGEKZ>1</RGEKZ>')();
    expect(backflush[0]?.value).toMatchObject({ components: [{ backflush: true }, {}] });
    const revoked = mapped('loipro01.full.xml', '<STAT>I0016</STAT>', `${teco}X</INACT>`)();
    expect(revoked[0]?.value).toMatchObject({ status: 'released' });
    const blank = mapped('loipro01.full.xml', '<STAT>I0016</STAT>', `${teco} </INACT>`)();
    expect(blank[0]?.value).toMatchObject({ status: 'completed' });
  });
});
