import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  keyTypeOf,
  knownHostsName,
  matchesHost,
  parseKnownHosts,
} from '../../../connectors/sftp/known-hosts.js';

const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

describe('parseKnownHosts', () => {
  it('reads plain, bracketed, hashed and @revoked lines and leaves out comments, blanks and certificate authorities', () => {
    const text = [
      '# comment',
      '',
      `sftp.example,10.0.0.5 ssh-ed25519 ${KEY} a comment`,
      `[sftp.example]:2222 ssh-ed25519 ${KEY}`,
      `|1|c2FsdA==|aGFzaA== ssh-ed25519 ${KEY}`,
      `@revoked * ssh-ed25519 ${KEY}`,
      `@cert-authority *.example ssh-ed25519 ${KEY}`,
      'broken line',
      `host ssh-ed25519 not*base64`,
    ].join('\r\n');
    const entries = parseKnownHosts(text);
    expect(entries.map((entry) => [entry.hosts, entry.revoked, entry.keyType])).toEqual([
      ['sftp.example,10.0.0.5', false, 'ssh-ed25519'],
      ['[sftp.example]:2222', false, 'ssh-ed25519'],
      ['|1|c2FsdA==|aGFzaA==', false, 'ssh-ed25519'],
      ['*', true, 'ssh-ed25519'],
    ]);
    expect(keyTypeOf(entries[0]?.key as Buffer)).toBe('ssh-ed25519');
  });
});

describe('matchesHost', () => {
  const entry = (hosts: string) => ({ revoked: false, hosts, keyType: 'ssh-ed25519', key: Buffer.alloc(0) });

  it('names hosts as OpenSSH does: the bare name on port 22, [host]:port otherwise', () => {
    expect(knownHostsName('sftp.example', 22)).toBe('sftp.example');
    expect(knownHostsName('sftp.example', 2222)).toBe('[sftp.example]:2222');
  });

  it('matches patterns with wildcards and negation, without regard to case', () => {
    expect(matchesHost(entry('a.example,SFTP.example'), 'sftp.example')).toBe(true);
    expect(matchesHost(entry('*.example'), 'sftp.example')).toBe(true);
    expect(matchesHost(entry('sftp?.example'), 'sftp1.example')).toBe(true);
    expect(matchesHost(entry('*.example,!sftp.example'), 'sftp.example')).toBe(false);
    expect(matchesHost(entry('sftp.example'), '[sftp.example]:2222')).toBe(false);
    expect(matchesHost(entry('[sftp.example]:2222'), '[sftp.example]:2222')).toBe(true);
    expect(matchesHost(entry('sftp.example'), 'sftpXexample')).toBe(false);
  });

  it('matches hashed names by their HMAC-SHA1', () => {
    const salt = Buffer.from('0123456789abcdefghij');
    const hash = createHmac('sha1', salt).update('[10.1.2.3]:2222').digest('base64');
    const hashed = entry(`|1|${salt.toString('base64')}|${hash}`);
    expect(matchesHost(hashed, '[10.1.2.3]:2222')).toBe(true);
    expect(matchesHost(hashed, '10.1.2.3')).toBe(false);
    expect(matchesHost(entry('|1|broken'), '10.1.2.3')).toBe(false);
  });
});
