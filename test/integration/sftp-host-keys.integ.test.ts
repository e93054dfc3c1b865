// Host key verification against a real sshd: a pinned SHA256 fingerprint as ssh-keygen prints
// it, known_hosts files with [host]:port, hashed, wildcard and @revoked entries; every refusal
// is an SftpHostKeyError, made before any credential is sent and never retried.
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MillwrightError, SftpError, SftpHostKeyError, ValidationError } from 'millwright';
import { createSftpClient, type SftpHostKey } from 'millwright/sftp';
import ssh2 from 'ssh2';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { recordingLogger, useSftpServer } from '../sftp/use-sftp-server.js';
import { rejection } from './helpers/rejection.js';

const fixture = useSftpServer();
const scratch = mkdtempSync(join(tmpdir(), 'mw-known-hosts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const otherKey = ssh2.utils.generateKeyPairSync('ed25519').public.trim();
const haveKeygen = existsSync('/usr/bin/ssh-keygen');

async function listWith(hostKey: SftpHostKey, extra: Record<string, unknown> = {}): Promise<unknown> {
  const client = createSftpClient(clientOptions(fixture.server, { hostKey, ...extra }));
  try {
    return await client.list(fixture.server.dir);
  } finally {
    await client.close();
  }
}

function knownHosts(lines: readonly string[]): string {
  const file = join(scratch, `known_hosts_${randomBytes(4).toString('hex')}`);
  writeFileSync(file, `# test file\n\n${lines.join('\n')}\n`);
  return file;
}

async function refusal(hostKey: SftpHostKey): Promise<SftpHostKeyError> {
  const error = await rejection(listWith(hostKey, { retry: { attempts: 5, baseDelayMs: 1 } }));
  expect(error).toBeInstanceOf(SftpHostKeyError);
  expect(error).toBeInstanceOf(SftpError);
  const refused = error as SftpHostKeyError;
  expect(refused.code).toBe('HOST_KEY_REJECTED');
  expect(refused.attempts).toBe(1);
  expect(refused.fingerprint).toBe(fixture.server.fingerprint);
  expect(refused.keyType).toBe('ssh-ed25519');
  return refused;
}

describe('host key verification', () => {
  it('accepts the pinned fingerprint, which is what ssh-keygen -lf prints for the host key', async () => {
    if (haveKeygen) {
      const pub = join(scratch, 'host.pub');
      writeFileSync(pub, `${fixture.server.publicHostKey}\n`);
      const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pub], { encoding: 'utf8' });
      expect(printed.split(' ')[1]).toBe(fixture.server.fingerprint);
    }
    await expect(listWith({ sha256: fixture.server.fingerprint })).resolves.toBeInstanceOf(Array);
    await expect(
      listWith({ sha256: [`SHA256:${'B'.repeat(43)}`, `${fixture.server.fingerprint}=`] }),
    ).resolves.toBeInstanceOf(Array);
  });

  it('refuses another fingerprint with an SftpHostKeyError, once, whatever the retry options', async () => {
    const error = await refusal({ sha256: `SHA256:${'A'.repeat(43)}` });
    expect(error.problem).toBe('mismatch');
    expect(error.message).toContain(fixture.server.fingerprint);
    expect(error.toJSON()).toMatchObject({
      name: 'SftpHostKeyError',
      fingerprint: fixture.server.fingerprint,
    });
  });

  it('reads known_hosts files: [host]:port entries, wildcards and hashed names', async () => {
    const { port, publicHostKey } = fixture.server;
    await expect(
      listWith({ knownHostsFile: knownHosts([`[127.0.0.1]:${port} ${publicHostKey}`]) }),
    ).resolves.toBeInstanceOf(Array);
    await expect(
      listWith({ knownHostsFile: knownHosts([`otherhost,[127.0.0.?]:${port} ${publicHostKey}`]) }),
    ).resolves.toBeInstanceOf(Array);
    let hashedFile = knownHosts([`[127.0.0.1]:${port} ${publicHostKey}`]);
    if (haveKeygen) {
      execFileSync('ssh-keygen', ['-H', '-f', hashedFile], { stdio: 'ignore' });
    } else {
      const salt = randomBytes(20);
      const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${port}`).digest('base64');
      hashedFile = knownHosts([`|1|${salt.toString('base64')}|${hash} ${publicHostKey}`]);
    }
    expect(readFileSync(hashedFile, 'utf8')).toMatch(/^\|1\|/m);
    expect(readFileSync(hashedFile, 'utf8')).not.toContain('127.0.0.1');
    await expect(listWith({ knownHostsFile: hashedFile })).resolves.toBeInstanceOf(Array);
  });

  it('refuses a host whose known_hosts key differs, is revoked, is missing, or whose file cannot be read', async () => {
    const { port, publicHostKey } = fixture.server;
    const cases: [string[] | null, SftpHostKeyError['problem']][] = [
      [[`[127.0.0.1]:${port} ${otherKey}`], 'mismatch'],
      [[`[127.0.0.1]:${port} ${publicHostKey}`, `@revoked * ${publicHostKey}`], 'revoked'],
      [
        [
          `127.0.0.1 ${publicHostKey}`,
          `[127.0.0.1]:${port + 1} ${publicHostKey}`,
          `![127.0.0.1]:${port},* ${publicHostKey}`,
        ],
        'unknown-host',
      ],
      [null, 'known-hosts-unreadable'],
    ];
    for (const [lines, problem] of cases) {
      const file = lines === null ? join(scratch, 'does-not-exist') : knownHosts(lines);
      const error = await refusal({ knownHostsFile: file });
      expect(error.problem).toBe(problem);
      expect(error.expected).toBe(`known_hosts file ${file}`);
    }
  });

  it('connects without a check only when told so explicitly, and warns', async () => {
    const logger = recordingLogger();
    await expect(listWith({ insecureAcceptAnyHostKey: true }, { logger })).resolves.toBeInstanceOf(Array);
    expect(logger.lines.map((line) => line.message)).toContain(
      'sftp: host key verification is OFF (insecureAcceptAnyHostKey); use it for tests only',
    );
  });

  it('refuses to create a client without a hostKey option, or with a malformed one', () => {
    const { hostKey: _omitted, ...withoutHostKey } = clientOptions(fixture.server);
    for (const hostKey of [
      undefined,
      null,
      {},
      { sha256: 'abc' },
      { sha256: [] },
      { sha256: 'SHA256:x', knownHostsFile: '/k' },
      { insecureAcceptAnyHostKey: 'yes' },
      { knownHostsFile: '' },
    ]) {
      let thrown: unknown;
      try {
        createSftpClient({ ...withoutHostKey, hostKey: hostKey as SftpHostKey });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(hostKey)).toBeInstanceOf(ValidationError);
      expect(thrown).toBeInstanceOf(MillwrightError);
      expect((thrown as ValidationError).issues[0]?.path).toMatch(/^\/hostKey/);
    }
  });
});
