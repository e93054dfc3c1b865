import { ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { resolveSftpOptions } from '../../../connectors/sftp/resolve-sftp-options.js';
import type { SftpClientOptions } from '../../../connectors/sftp/sftp-options.js';

const base: SftpClientOptions = {
  host: 'sftp.example',
  username: 'mes',
  password: 'secret-pw',
  hostKey: { sha256: `SHA256:${'a'.repeat(43)}` },
};

function issues(options: unknown): string[] {
  try {
    resolveSftpOptions(options as SftpClientOptions);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.message).not.toContain('secret-pw');
    return error.issues.map((issue) => issue.path);
  }
  return [];
}

describe('resolveSftpOptions', () => {
  it('fills secure defaults', () => {
    expect(resolveSftpOptions(base)).toMatchObject({
      port: 22,
      rootDir: '/',
      keepaliveIntervalMs: 5_000,
      keepaliveCountMax: 3,
      operationTimeoutMs: 60_000,
      fileMode: 0o640,
      retry: { attempts: 4, baseDelayMs: 200, maxDelayMs: 30_000 },
      origin: 'sftp://sftp.example:22',
      secrets: ['secret-pw'],
    });
    expect(resolveSftpOptions({ ...base, host: '::1', rootDir: '/out/' }).origin).toBe('sftp://[::1]:22');
    expect(resolveSftpOptions({ ...base, rootDir: '/out/' }).rootDir).toBe('/out');
  });

  it('lists every invalid option by JSON Pointer, without repeating a credential', () => {
    expect(
      issues({
        ...base,
        host: 'a b',
        port: 70_000,
        username: '',
        password: undefined,
        rootDir: 'relative',
        operationTimeoutMs: 0,
        fileMode: 0o10000,
        retry: { attempts: 0 },
        logger: {},
      }),
    ).toEqual([
      '/host',
      '/port',
      '/username',
      '',
      '/rootDir',
      '/operationTimeoutMs',
      '/fileMode',
      '/retry/attempts',
      '/logger',
    ]);
    expect(issues({ ...base, passphrase: '' })).toEqual(['/passphrase']);
    expect(issues({ ...base, hostKey: undefined })).toEqual(['/hostKey']);
    expect(issues({ ...base, rootDir: '/a/../b' })).toEqual(['/rootDir']);
    expect(issues(null)).toEqual(['']);
  });
});
