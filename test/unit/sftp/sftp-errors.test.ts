import { isMillwrightError, SftpError, SftpHostKeyError, StoreError, TransportError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { claimOf, parseClaimName } from '../../../connectors/sftp/claim-name.js';
import { resolvePollOptions } from '../../../connectors/sftp/resolve-poll-options.js';

describe('SftpError and SftpHostKeyError', () => {
  it('belong to the transport family and say operation, server, path and reason', () => {
    const error = new SftpError('NO_SUCH_FILE', {
      method: 'GET',
      url: 'sftp://sftp.example:22/out/a.idoc',
      path: '/out/a.idoc',
      attempts: 1,
      systemCode: 'SSH_FX_NO_SUCH_FILE',
      reason: 'no such file',
    });
    expect(error).toBeInstanceOf(TransportError);
    expect(isMillwrightError(error)).toBe(true);
    expect(error.message).toBe('GET sftp://sftp.example:22/out/a.idoc failed after 1 attempt: no such file');
    expect(error.toJSON()).toMatchObject({
      name: 'SftpError',
      code: 'NO_SUCH_FILE',
      path: '/out/a.idoc',
      systemCode: 'SSH_FX_NO_SUCH_FILE',
    });
  });

  it('names the presented key of a refused host', () => {
    const error = new SftpHostKeyError({
      method: 'CONNECT',
      url: 'sftp://user:secret@sftp.example:22',
      fingerprint: 'SHA256:abc',
      keyType: 'ssh-ed25519',
      problem: 'mismatch',
      expected: 'the pinned SHA256 fingerprint',
    });
    expect(error).toBeInstanceOf(SftpError);
    expect(error.code).toBe('HOST_KEY_REJECTED');
    expect(error.url).toBe('sftp://sftp.example:22');
    expect(JSON.stringify(error.toJSON())).not.toContain('secret');
    expect(error.message).toContain('ssh-ed25519 SHA256:abc does not match the pinned SHA256 fingerprint');
  });

  it('StoreError names the store file', () => {
    const error = new StoreError('STORE_CORRUPT', 'the store /s.json is corrupt', { path: '/s.json' });
    expect(error.toJSON()).toMatchObject({ name: 'StoreError', code: 'STORE_CORRUPT', path: '/s.json' });
  });
});

describe('claim names', () => {
  it('round-trip names with dots, and refuse other names', () => {
    const claim = claimOf('LOIPRO.2026.idoc', 'host-1', 1_796_000_000_000, 2);
    expect(claim.claimName).toBe('.LOIPRO.2026.idoc.host-1.1796000000000.2.claim');
    expect(parseClaimName(claim.claimName)).toEqual(claim);
    for (const name of ['LOIPRO.idoc', '.LOIPRO.idoc.part', '.x.a.b.1.claim', '.x.id.123.claim']) {
      expect(parseClaimName(name), name).toBeUndefined();
    }
  });
});

describe('resolvePollOptions', () => {
  const base = { dir: '/in', archiveDir: '/in/archive', errorDir: '/in/error' };
  it('fills the defaults', () => {
    expect(resolvePollOptions(base, () => {})).toMatchObject({
      pattern: '*',
      intervalMs: 5_000,
      readLock: { type: 'stable', checkIntervalMs: 1_000, timeoutMs: 10_000 },
      maxFilesPerPoll: 100,
      claimTimeoutMs: 600_000,
      maxAttempts: 3,
    });
    expect(resolvePollOptions({ ...base, readLock: { type: 'done-file' } }, () => {}).readLock).toEqual({
      type: 'done-file',
      suffix: '.done',
    });
  });

  it('lists every invalid option', () => {
    let issues: string[] = [];
    try {
      resolvePollOptions(
        {
          dir: '/in',
          archiveDir: '/in/',
          errorDir: '',
          intervalMs: 0,
          maxFilesPerPoll: 0,
          consumerId: 'a.b',
          readLock: { type: 'done-file', suffix: '/x' },
          maxAttempts: 0,
        },
        'not a function',
      );
    } catch (error) {
      issues = (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    }
    expect(issues).toEqual([
      '/errorDir',
      '/archiveDir',
      '/intervalMs',
      '/readLock/suffix',
      '/maxFilesPerPoll',
      '/consumerId',
      '/maxAttempts',
      '',
    ]);
  });
});
