// The client's connection under failure, against a real sshd: a stalled server (SIGSTOP) is
// detected by keepalives and the operation timeout, a killed connection is replaced, close()
// is bounded, logins fail without retries, and no credential or console line escapes.
import { writeFileSync } from 'node:fs';
import { SftpError } from 'millwright';
import { createSftpClient } from 'millwright/sftp';
import ssh2 from 'ssh2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { freePort } from '../sftp/start-openssh-server.js';
import { recordingLogger, useSftpServer } from '../sftp/use-sftp-server.js';
import { rejection } from './helpers/rejection.js';

const fixture = useSftpServer();
afterEach(() => {
  fixture.server.resume();
  vi.restoreAllMocks();
});

const fast = {
  keepaliveIntervalMs: 250,
  keepaliveCountMax: 2,
  operationTimeoutMs: 2_000,
  closeTimeoutMs: 500,
};

describe('a stalled or dropped connection', () => {
  it('fails an operation on a stopped server instead of hanging, then reconnects once the server is back', async () => {
    const dir = fixture.folder('stall');
    writeFileSync(`${dir}/a.txt`, 'a');
    const logger = recordingLogger();
    const sftp = createSftpClient(clientOptions(fixture.server, { ...fast, logger, retry: { attempts: 1 } }));
    try {
      expect(String(await sftp.get(`${dir}/a.txt`))).toBe('a');
      fixture.server.pause();
      const error = await rejection(sftp.get(`${dir}/a.txt`));
      expect(error).toBeInstanceOf(SftpError);
      expect(['CONNECTION_LOST', 'TIMEOUT']).toContain((error as SftpError).code);
      fixture.server.resume();
      expect(String(await sftp.get(`${dir}/a.txt`))).toBe('a');
      expect(logger.lines.map((line) => line.message)).toContain('sftp: reconnected');
    } finally {
      await sftp.close();
    }
  });

  it('retries an operation on a new connection when its connection is killed', async () => {
    const dir = fixture.folder('killed');
    writeFileSync(`${dir}/a.txt`, 'a');
    const logger = recordingLogger();
    const sftp = createSftpClient(
      clientOptions(fixture.server, { ...fast, logger, retry: { attempts: 3, baseDelayMs: 10 } }),
    );
    try {
      await sftp.list(dir);
      fixture.server.killConnections();
      expect((await sftp.list(dir)).map((file) => file.name)).toEqual(['a.txt']);
      await sftp.put(Buffer.from('b'), `${dir}/b.txt`);
      expect(logger.lines.map((line) => line.message)).toContain('sftp: reconnected');
    } finally {
      await sftp.close();
    }
  });

  it('closes within closeTimeoutMs even when the server stopped answering, failing what was in hand', async () => {
    const dir = fixture.folder('close');
    writeFileSync(`${dir}/a.txt`, 'a');
    const sftp = createSftpClient(
      clientOptions(fixture.server, { ...fast, operationTimeoutMs: 60_000, keepaliveIntervalMs: 60_000 }),
    );
    await sftp.list(dir);
    fixture.server.pause();
    const inHand = rejection(sftp.get(`${dir}/a.txt`));
    const waiting = rejection(sftp.list(dir));
    await sftp.close();
    for (const error of [await inHand, await waiting, await rejection(sftp.list(dir))]) {
      expect((error as SftpError).code).toBe('CLIENT_CLOSED');
    }
  });

  it('reports a refused connection after its retries, and a failed login at once', async () => {
    const closedPort = await freePort();
    const refused = createSftpClient(
      clientOptions(fixture.server, { port: closedPort, retry: { attempts: 2, baseDelayMs: 1 } }),
    );
    const error = (await rejection(refused.list('/'))) as SftpError;
    expect(error).toMatchObject({
      code: 'CONNECT_FAILED',
      systemCode: 'ECONNREFUSED',
      attempts: 2,
      method: 'CONNECT',
    });
    await refused.close();
    const stranger = createSftpClient(
      clientOptions(fixture.server, {
        privateKey: ssh2.utils.generateKeyPairSync('ed25519').private,
        retry: { attempts: 4, baseDelayMs: 1 },
      }),
    );
    expect(await rejection(stranger.list('/'))).toMatchObject({ code: 'AUTH_FAILED', attempts: 1 });
    await stranger.close();
  });
});

describe('credentials and console', () => {
  it('shows no password, passphrase or private key in errors and logs, and prints nothing to the console', async () => {
    const consoleCalls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    const password = 'Pässwörd-4711!';
    const passphrase = 'correct horse battery staple';
    const encrypted = ssh2.utils.generateKeyPairSync('ed25519', {
      passphrase: 'another one',
      cipher: 'aes256-ctr',
      rounds: 16,
    }).private;
    const logger = recordingLogger();
    const shown: string[] = [];
    const attempts = [
      clientOptions(fixture.server, { privateKey: undefined, password, logger }),
      clientOptions(fixture.server, { privateKey: encrypted, passphrase, logger }),
      clientOptions(fixture.server, {
        port: await freePort(),
        password,
        logger,
        retry: { attempts: 2, baseDelayMs: 1 },
      }),
    ];
    for (const options of attempts) {
      const sftp = createSftpClient(options);
      const error = (await rejection(sftp.list('/'))) as SftpError;
      expect(error).toBeInstanceOf(SftpError);
      shown.push(error.message, String(error.stack), JSON.stringify(error.toJSON()), JSON.stringify(error));
      await sftp.close();
    }
    // A connection killed under a working client: ssh2-sftp-client's own listeners would print here.
    const sftp = createSftpClient(clientOptions(fixture.server, { ...fast, logger }));
    await sftp.list('/');
    fixture.server.killConnections();
    await sftp.list('/');
    await sftp.close();
    shown.push(logger.text());
    const text = shown.join('\n');
    for (const secret of [password, passphrase, encrypted, encrypted.split('\n')[1] as string]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('AUTH_FAILED');
    for (const spy of consoleCalls) expect(spy).not.toHaveBeenCalled();
  });
});
