// The fault tests of issue 10 against a real sshd: the connection is killed and the server is
// stopped (SIGSTOP) in the middle of 100 uploads and of 100 consumed files; three consumers
// share one folder of 1,000 files. Nothing partial is ever visible under a final name, nothing
// is handled twice, nothing is lost, nothing is left behind.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSftpClient, pollSftp, type SftpClientOptions, type SftpLogger } from 'millwright/sftp';
import { afterEach, describe, expect, it } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { recordingLogger, useSftpServer } from '../sftp/use-sftp-server.js';
import { waitFor } from '../sftp/wait-for.js';

const fixture = useSftpServer();
afterEach(() => fixture.server.resume());

/** A client that notices a dead or stalled server quickly and retries long enough to outlast it. */
const resilient = (logger: SftpLogger): SftpClientOptions =>
  clientOptions(fixture.server, {
    logger,
    keepaliveIntervalMs: 200,
    keepaliveCountMax: 2,
    operationTimeoutMs: 1_500,
    connectTimeoutMs: 1_000,
    retry: { attempts: 12, baseDelayMs: 50, maxDelayMs: 400 },
  });

/** Kills the connections once `progress()` reaches `killAt`, stops the server for 1.5 s at `stopAt`. */
async function injectFaults(progress: () => number, killAt: number, stopAt: number): Promise<void> {
  await waitFor(`${killAt} done`, () => progress() >= killAt, 60_000);
  fixture.server.killConnections();
  await waitFor(`${stopAt} done`, () => progress() >= stopAt, 60_000);
  fixture.server.pause();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  fixture.server.resume();
}

describe('faults in the middle of the work', () => {
  it('100 uploads: never a partial file under its final name, all delivered once, mode 0640, no temporary left', async () => {
    const dir = fixture.folder('fault-uploads');
    const payloads = Array.from({ length: 100 }, (_, n) => randomBytes(64 * 1024 + n * 1024));
    const nameOf = (n: number): string => `upload-${String(n).padStart(3, '0')}.bin`;
    const expected = new Map(payloads.map((payload, n) => [nameOf(n), payload]));
    const logger = recordingLogger();
    const sftp = createSftpClient(resilient(logger));
    let done = 0;
    let finished = false;
    const partial: string[] = [];
    // A reader that looks at the folder all the time: whatever has a final name must be complete.
    const watcher = (async () => {
      while (!finished) {
        for (const name of readdirSync(dir)) {
          if (name.startsWith('.')) continue;
          let content: Buffer;
          try {
            content = readFileSync(join(dir, name));
          } catch {
            continue; // replaced in the meantime
          }
          if (!content.equals(expected.get(name) as Buffer)) partial.push(name);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const faults = injectFaults(() => done, 30, 60);
    try {
      for (const [n, payload] of payloads.entries()) {
        await sftp.put(payload, join(dir, nameOf(n)));
        done += 1;
      }
      await faults;
    } finally {
      finished = true;
      await watcher;
      await sftp.close();
    }
    // The faults hit the work: connections were lost and made again.
    expect(logger.lines.filter((line) => line.message === 'sftp: reconnected').length).toBeGreaterThanOrEqual(
      2,
    );
    expect(partial).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([...expected.keys()]);
    for (const [name, payload] of expected) {
      expect(readFileSync(join(dir, name)).equals(payload), name).toBe(true);
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o640);
    }
  });

  it('100 consumed files: each handled once, all archived, none in the error folder or left claimed', async () => {
    const dir = fixture.folder('fault-consume');
    const contents = new Map<string, string>();
    for (let n = 0; n < 100; n += 1) {
      const name = `idoc-${String(n).padStart(3, '0')}.idoc`;
      contents.set(name, `EDI_DC40 ${n} ${'x'.repeat(20_000 + n)}`);
      writeFileSync(join(dir, name), contents.get(name) as string);
    }
    const logger = recordingLogger();
    const sftp = createSftpClient(resilient(logger));
    const handled = new Map<string, number>();
    const wrong: string[] = [];
    const consumer = pollSftp(
      sftp,
      {
        dir,
        archiveDir: join(dir, 'archive'),
        errorDir: join(dir, 'error'),
        intervalMs: 20,
        readLock: { type: 'stable', checkIntervalMs: 1 },
        maxFilesPerPoll: 10,
      },
      async (file) => {
        const content = String(await file.buffer());
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (content !== contents.get(file.name)) wrong.push(file.name);
        handled.set(file.name, (handled.get(file.name) ?? 0) + 1);
      },
    );
    const archived = (): number =>
      existsSync(join(dir, 'archive')) ? readdirSync(join(dir, 'archive')).length : 0;
    try {
      await injectFaults(() => handled.size, 30, 60);
      await waitFor('100 files archived', () => archived() === 100, 60_000);
    } finally {
      await consumer.stop();
      await sftp.close();
    }
    expect(logger.lines.filter((line) => line.message === 'sftp: reconnected').length).toBeGreaterThanOrEqual(
      2,
    );
    expect(wrong).toEqual([]);
    expect([...handled.keys()].sort()).toEqual([...contents.keys()]);
    expect([...handled.values()].every((times) => times === 1)).toBe(true);
    expect(readdirSync(join(dir, 'archive')).sort()).toEqual([...contents.keys()]);
    expect(readdirSync(join(dir, 'error'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['archive', 'error']);
  });

  it('three consumers on one folder of 1,000 files handle each exactly once', async () => {
    const dir = fixture.folder('three-consumers');
    const names = Array.from({ length: 1_000 }, (_, n) => `order-${String(n).padStart(4, '0')}.csv`);
    for (const name of names) writeFileSync(join(dir, name), name);
    const handled = new Map<string, string[]>();
    const clients = [1, 2, 3].map(() => createSftpClient(clientOptions(fixture.server)));
    const consumers = clients.map((client, index) =>
      pollSftp(
        client,
        {
          dir,
          archiveDir: join(dir, 'archive'),
          errorDir: join(dir, 'error'),
          intervalMs: 20,
          readLock: { type: 'stable', checkIntervalMs: 1 },
          consumerId: `consumer-${index + 1}`,
        },
        async (file) => {
          const content = String(await file.buffer());
          expect(content).toBe(file.name);
          handled.set(file.name, [...(handled.get(file.name) ?? []), `consumer-${index + 1}`]);
        },
      ),
    );
    try {
      await waitFor(
        '1,000 files archived',
        () => existsSync(join(dir, 'archive')) && readdirSync(join(dir, 'archive')).length === 1_000,
        120_000,
      );
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await Promise.all(clients.map((client) => client.close()));
    }
    expect([...handled.keys()].sort()).toEqual(names);
    const twice = [...handled].filter(([, by]) => by.length !== 1);
    expect(twice).toEqual([]);
    const share = new Set([...handled.values()].map((by) => by[0]));
    expect(share.size).toBeGreaterThan(1);
    expect(readdirSync(dir).sort()).toEqual(['archive', 'error']);
  }, 300_000);
});
