// The store-and-forward outbox against a real sshd: files kept on local disk until the link is
// back, delivered in order, each exactly once under its name, also when the process that
// queued them is killed (SIGKILL) in the middle.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from 'millwright';
import { createSftpClient, createSftpOutbox, pollSftp } from 'millwright/sftp';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { useSftpServer } from '../sftp/use-sftp-server.js';
import { waitFor } from '../sftp/wait-for.js';
import { rejection } from './helpers/rejection.js';

const fixture = useSftpServer();
const local = mkdtempSync(join(tmpdir(), 'mw-outbox-'));
afterAll(() => {
  fixture.server.resume();
  rmSync(local, { recursive: true, force: true });
});
const queued = (dir: string): string[] =>
  existsSync(join(dir, 'queue')) ? readdirSync(join(dir, 'queue')) : [];
const content = (n: number): string => `<confirmation n="${n}">${'x'.repeat(n * 100)}</confirmation>\n`;

describe('createSftpOutbox', () => {
  it('delivers queued files in order, each once, atomically and with mode 0640, and empties its directory', async () => {
    const remoteDir = join(fixture.folder('outbox'), 'inbound');
    const dir = join(local, 'plain');
    const sftp = createSftpClient(clientOptions(fixture.server));
    const outbox = createSftpOutbox({ dir, sftp, remoteDir });
    for (let n = 0; n < 20; n += 1) await outbox.add(`CONF_${String(n).padStart(4, '0')}.xml`, content(n));
    await outbox.flush();
    expect(outbox.pending()).toBe(0);
    const delivered = readdirSync(remoteDir).sort();
    expect(delivered).toEqual(Array.from({ length: 20 }, (_, n) => `CONF_${String(n).padStart(4, '0')}.xml`));
    // In order: each file's modification time is at most the next one's.
    const times = delivered.map((name) => statSync(join(remoteDir, name)).mtimeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const [n, name] of delivered.entries()) {
      expect(readFileSync(join(remoteDir, name), 'utf8')).toBe(content(n));
      expect(statSync(join(remoteDir, name)).mode & 0o777).toBe(0o640);
    }
    expect(queued(dir)).toEqual([]);
    await expect(outbox.add('../escape.xml', 'x')).rejects.toBeInstanceOf(ValidationError);
    await outbox.close();
    expect(await rejection(outbox.add('late.xml', 'x'))).toMatchObject({ code: 'OUTBOX_CLOSED' });
    await sftp.close();
  });

  it('keeps files while the server is unreachable and delivers them when it is back', async () => {
    const remoteDir = fixture.folder('outbox-offline');
    const dir = join(local, 'offline');
    const sftp = createSftpClient(
      clientOptions(fixture.server, {
        keepaliveIntervalMs: 200,
        keepaliveCountMax: 2,
        operationTimeoutMs: 1_000,
        retry: { attempts: 1 },
      }),
    );
    await sftp.list(remoteDir);
    fixture.server.pause();
    const outbox = createSftpOutbox({ dir, sftp, remoteDir, retry: { baseDelayMs: 50, maxDelayMs: 200 } });
    for (let n = 0; n < 5; n += 1) await outbox.add(`offline-${n}.xml`, content(n));
    expect(queued(dir)).toHaveLength(5);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(readdirSync(remoteDir)).toEqual([]);
    fixture.server.resume();
    await outbox.flush();
    expect(readdirSync(remoteDir).sort()).toEqual([0, 1, 2, 3, 4].map((n) => `offline-${n}.xml`));
    await outbox.close();
    await sftp.close();
  });

  it('delivers every acknowledged file exactly once after the queuing process is killed (SIGKILL)', async () => {
    const remoteDir = fixture.folder('outbox-killed');
    const dir = join(local, 'killed');
    const count = 200;
    const { server } = fixture;
    // A consumer on the destination: a file delivered twice would be handled twice.
    const reader = createSftpClient(clientOptions(server));
    const handled = new Map<string, number>();
    const contents = new Map<string, string>();
    const consumer = pollSftp(
      reader,
      {
        dir: remoteDir,
        archiveDir: `${remoteDir}/archive`,
        errorDir: `${remoteDir}/error`,
        intervalMs: 20,
        readLock: { type: 'stable', checkIntervalMs: 1 },
      },
      async (file) => {
        contents.set(file.name, String(await file.buffer()));
        handled.set(file.name, (handled.get(file.name) ?? 0) + 1);
      },
    );
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('../sftp/outbox-child.ts', import.meta.url).pathname,
        JSON.stringify({
          host: server.host,
          port: server.port,
          username: server.username,
          privateKey: server.privateKey.toString('base64'),
          fingerprint: server.fingerprint,
          dir,
          remoteDir,
          count,
          holdAfter: count / 2,
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let acknowledged = -1;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().trim().split('\n')) {
        if (line.startsWith('acked ')) acknowledged = Number(line.slice(6));
      }
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await waitFor(
      'some files delivered while more are queued',
      () => handled.size >= 10 && acknowledged >= 30,
    );
    child.kill('SIGKILL');
    await exited;
    expect(acknowledged).toBeLessThan(count - 1);

    const sftp = createSftpClient(clientOptions(server));
    const outbox = createSftpOutbox({ dir, sftp, remoteDir });
    await outbox.flush();
    await outbox.close();
    await sftp.close();
    const names = Array.from(
      { length: acknowledged + 1 },
      (_, n) => `CONF_${String(n).padStart(4, '0')}.xml`,
    );
    await waitFor('every acknowledged file handled', () => names.every((name) => handled.has(name)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await consumer.stop();
    await reader.close();
    for (const [name, times] of handled) expect(times, name).toBe(1);
    for (const name of names) expect(contents.get(name), name).toBe(content(Number(name.slice(5, 9))));
    expect(queued(dir)).toEqual([]);
    expect(readdirSync(remoteDir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
