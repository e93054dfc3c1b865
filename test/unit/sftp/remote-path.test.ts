import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../connectors/sftp/glob-pattern.js';
import { displayPath, fileNameProblem, resolveRemotePath } from '../../../connectors/sftp/remote-path.js';

describe('resolveRemotePath', () => {
  it('resolves relative paths in the jail and keeps absolute ones inside it', () => {
    expect(resolveRemotePath('/outbound', 'DE01/a.idoc')).toEqual({ path: '/outbound/DE01/a.idoc' });
    expect(resolveRemotePath('/outbound', '/outbound//DE01/./a.idoc')).toEqual({
      path: '/outbound/DE01/a.idoc',
    });
    expect(resolveRemotePath('/outbound', '/outbound/DE01/')).toEqual({ path: '/outbound/DE01' });
    expect(resolveRemotePath('/', 'a.txt')).toEqual({ path: '/a.txt' });
    expect(resolveRemotePath('/outbound', '/outbound')).toEqual({ path: '/outbound' });
  });

  it('refuses .., control characters, empty paths and paths outside the jail', () => {
    for (const path of [
      '../x',
      '/outbound/../etc',
      'a/..',
      '/outbound2/x',
      '/etc/passwd',
      'a\nb',
      'a\u0000',
      'a\u2028',
      '',
    ]) {
      expect(resolveRemotePath('/outbound', path), JSON.stringify(path)).toHaveProperty('problem');
    }
  });
});

describe('fileNameProblem and displayPath', () => {
  it('accepts plain names and refuses names a listing must not pass on', () => {
    expect(fileNameProblem('LOIPRO_0001.idoc')).toBeNull();
    expect(fileNameProblem('Grüße €.csv')).toBeNull();
    for (const name of ['', '.', '..', 'a/b', 'a\nb', 'a\rb', 'a\tb', 'a\u001b[31m', 'a\u0085', 'a\u007f']) {
      expect(fileNameProblem(name), JSON.stringify(name)).not.toBeNull();
    }
  });

  it('escapes control characters for messages', () => {
    expect(displayPath('/in/a\nb\u0000.idoc')).toBe('/in/a\\nb\\u0000.idoc');
  });
});

describe('compilePattern', () => {
  it('matches globs like a shell: *, ?, classes, no hidden files unless asked', () => {
    const idoc = compilePattern('*.idoc');
    expect(['a.idoc', 'b.IDOC', '.a.idoc', 'a.idoc.part', '.a.idoc.1a2b.part'].map(idoc)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(compilePattern('LOIPRO_??.xml')('LOIPRO_01.xml')).toBe(true);
    expect(compilePattern('[A-C]*.csv')('B1.csv')).toBe(true);
    expect(compilePattern('[!A-C]*.csv')('B1.csv')).toBe(false);
    expect(compilePattern('.*')('.hidden')).toBe(true);
    expect(compilePattern('a+b(c).txt')('a+b(c).txt')).toBe(true);
    expect(compilePattern('[unclosed')('[unclosed')).toBe(true);
  });

  it('takes a RegExp as it is, without global state', () => {
    const test = compilePattern(/^order-\d+\.csv$/g);
    expect([test('order-1.csv'), test('order-1.csv'), test('order.csv')]).toEqual([true, true, false]);
  });
});
