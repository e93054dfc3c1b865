import { IdocError } from 'millwright';
import { type Idoc, parseIdoc, parseIdocStream } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';
import { fixtureText } from './fixtures.js';

async function collect(iterable: AsyncIterable<Idoc>): Promise<Idoc[]> {
  const idocs: Idoc[] = [];
  for await (const idoc of iterable) idocs.push(idoc);
  return idocs;
}

const xml = (declared: string) =>
  fixtureText('loipro01.full.xml')
    .replace('encoding="UTF-8"', `encoding="${declared}"`)
    .replace(/<LTXA1>[^<]*<\/LTXA1>/, '<LTXA1>Dichtheitsprüfung</LTXA1>');
const description = (idocs: readonly Idoc[]) =>
  JSON.stringify(idocs[0]?.segments).match(/"LTXA1":"([^"]*)"/)?.[1];

// The declaration names the encoding of IDoc-XML bytes: one the option contradicts would turn
// every umlaut into mojibake, so it is refused, in parseIdoc and parseIdocStream alike.
describe('IDoc-XML bytes whose declaration names another encoding than the option', () => {
  const utf8 = Buffer.from(xml('UTF-8'), 'utf8');
  const latin1 = Buffer.from(xml('ISO-8859-1'), 'latin1');

  it.each([
    ['UTF-8 read as latin1', utf8, 'latin1', 'encoding="UTF-8"', "options.encoding 'latin1'"],
    [
      'ISO-8859-1 read as UTF-8',
      Buffer.from(xml('ISO-8859-1').replace('ü', 'ue')),
      'utf-8',
      'encoding="ISO-8859-1"',
      "pass { encoding: 'latin1' }",
    ],
    [
      'windows-1252',
      Buffer.from(xml('windows-1252').replace('ü', 'ue')),
      'utf-8',
      'does not decode',
      'convert the file to UTF-8',
    ],
  ] as const)('refuses %s, saying both', async (_name, bytes, encoding, declared, advice) => {
    const error = catchError(IdocError, () => parseIdoc(bytes, { encoding }));
    expect(error).toMatchObject({ code: 'INVALID_ENCODING', offset: 0 });
    expect(error.message).toContain(declared);
    expect(error.message).toContain(advice);
    const chunks = [bytes.subarray(0, 10), bytes.subarray(10)];
    await expect(collect(parseIdocStream(chunks, { encoding }))).rejects.toMatchObject({
      code: 'INVALID_ENCODING',
      message: error.message,
    });
  });

  it('reads bytes whose declaration matches the option, and text whatever it declares', async () => {
    expect(description(parseIdoc(utf8))).toBe('Dichtheitsprüfung');
    expect(description(parseIdoc(latin1, { encoding: 'latin1' }))).toBe('Dichtheitsprüfung');
    expect(description(await collect(parseIdocStream([latin1], { encoding: 'latin1' })))).toBe(
      'Dichtheitsprüfung',
    );
    expect(description(parseIdoc(xml('ISO-8859-1'), { encoding: 'utf-8' }))).toBe('Dichtheitsprüfung');
  });

  it('still refuses latin-1 bytes declared ISO-8859-1 that are read as UTF-8, as invalid UTF-8', () => {
    expect(catchError(IdocError, () => parseIdoc(latin1))).toMatchObject({ code: 'INVALID_ENCODING' });
  });
});
