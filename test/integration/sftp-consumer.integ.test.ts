// The polling consumer against a real sshd: read locks, claims, archive and error folders,
// idempotency across a crash, claims of dead consumers, attempts, and stop().
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createMemoryIdempotencyStore } from 'millwright/delivery';
import { createSftpClient, pollSftp, type SftpPolledFile } from 'millwright/sftp';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { recordingLogger, useSftpServer } from '../sftp/use-sftp-server.js';
import { waitFor } from '../sftp/wait-for.js';

const fixture = useSftpServer();
let client: ReturnType<typeof createSftpClient> | undefined;
const sftp = (): ReturnType<typeof createSftpClient> => {
  client ??= createSftpClient(clientOptions(fixture.server));
  return client;
};
afterAll(async () => {
  await client?.close();
});
const folders = (name: string) => {
  const dir = fixture.folder(name);
  return { dir, archiveDir: `${dir}/archive`, errorDir: `${dir}/error` };
};
const files = (path: string): string[] => (existsSync(path) ? readdirSync(path).sort() : []);

describe('pollSftp', () => {
  it('hands each complete file to the handler once, archives it and removes its done file', async () => {
    const paths = folders('done-file');
    writeFileSync(`${paths.dir}/b.idoc`, 'second');
    writeFileSync(`${paths.dir}/a.idoc`, 'first');
    writeFileSync(`${paths.dir}/a.idoc.done`, '');
    writeFileSync(`${paths.dir}/b.idoc.done`, '');
    writeFileSync(`${paths.dir}/c.idoc`, 'no done file yet');
    writeFileSync(`${paths.dir}/d.xml`, 'another pattern');
    const seen: { name: string; size: number; content: string; key: string; attempt: number }[] = [];
    const consumer = pollSftp(
      sftp(),
      { ...paths, pattern: '*.idoc', intervalMs: 50, readLock: { type: 'done-file' } },
      async (file) => {
        seen.push({
          name: file.name,
          size: file.size,
          content: String(await file.buffer()),
          key: file.key,
          attempt: file.attempt,
        });
      },
    );
    await waitFor('two files archived', () => files(paths.archiveDir).length === 2);
    await consumer.stop();
    expect(seen.map((file) => [file.name, file.size, file.content, file.attempt]).sort()).toEqual([
      ['a.idoc', 5, 'first', 1],
      ['b.idoc', 6, 'second', 1],
    ]);
    expect(seen.find((file) => file.name === 'a.idoc')?.key).toMatch(/^a\.idoc:5:\d+$/);
    expect(files(paths.archiveDir)).toEqual(['a.idoc', 'b.idoc']);
    expect(files(paths.dir)).toEqual(['archive', 'c.idoc', 'd.xml', 'error']);
    expect(readFileSync(`${paths.archiveDir}/a.idoc`, 'utf8')).toBe('first');
  });

  it('waits with the stable read lock until a file stops growing', async () => {
    const paths = folders('stable');
    writeFileSync(`${paths.dir}/growing.csv`, 'line 0\n');
    const contents: string[] = [];
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 50, readLock: { type: 'stable', checkIntervalMs: 600, timeoutMs: 2_000 } },
      async (file) => {
        contents.push(String(await file.buffer()));
      },
    );
    for (let line = 1; line <= 12; line += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      appendFileSync(`${paths.dir}/growing.csv`, `line ${line}\n`);
    }
    await waitFor('the file archived', () => files(paths.archiveDir).length === 1);
    await consumer.stop();
    expect(contents).toEqual([Array.from({ length: 13 }, (_, line) => `line ${line}\n`).join('')]);
  });

  it('moves a file whose handler failed to the error folder with its .error.json, once, never deleting it', async () => {
    const paths = folders('failure');
    writeFileSync(`${paths.dir}/bad.idoc`, 'broken');
    writeFileSync(`${paths.dir}/good.idoc`, 'fine');
    const calls: string[] = [];
    const logger = recordingLogger();
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 30, readLock: { type: 'stable', checkIntervalMs: 1 }, logger },
      async (file) => {
        calls.push(file.name);
        if (file.name === 'bad.idoc')
          throw Object.assign(new Error('segment E1AFKOL missing'), { code: 'MAPPING' });
      },
    );
    await waitFor(
      'both files moved',
      () => files(paths.archiveDir).length === 1 && files(paths.errorDir).length === 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await consumer.stop();
    expect(calls.sort()).toEqual(['bad.idoc', 'good.idoc']);
    expect(files(paths.errorDir)).toEqual(['bad.idoc', 'bad.idoc.error.json']);
    expect(readFileSync(`${paths.errorDir}/bad.idoc`, 'utf8')).toBe('broken');
    const report = JSON.parse(readFileSync(`${paths.errorDir}/bad.idoc.error.json`, 'utf8'));
    expect(report).toMatchObject({
      file: 'bad.idoc',
      code: 'MAPPING',
      message: 'segment E1AFKOL missing',
      attempts: 1,
      size: 6,
    });
    expect(new Date(report.time).toISOString()).toBe(report.time);
    expect(logger.lines.some((line) => line.level === 'error' && line.message.includes('error folder'))).toBe(
      true,
    );
  });

  it('archives without handling again a file whose key was stored before a crash stopped its move', async () => {
    const paths = folders('crash-after-store');
    const store = createMemoryIdempotencyStore();
    // What a consumer "mes-1" left behind: the file claimed, its key stored, not yet archived.
    const claimedAt = Date.now() - 5_000;
    const claimName = `.order-1.idoc.mes-1.${claimedAt}.1.claim`;
    writeFileSync(`${paths.dir}/${claimName}`, 'order');
    const { mtime, size } = await sftp().stat(`${paths.dir}/${claimName}`);
    await store.add(`order-1.idoc:${size}:${mtime}`);
    const calls: string[] = [];
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 30, consumerId: 'mes-1', idempotency: store },
      async (file) => {
        calls.push(file.name);
      },
    );
    await waitFor('the file archived', () => files(paths.archiveDir).length === 1);
    await consumer.stop();
    expect(calls).toEqual([]);
    expect(files(paths.archiveDir)).toEqual(['order-1.idoc']);
    expect(files(paths.dir)).toEqual(['archive', 'error']);
  });

  it("returns a dead consumer's claim to the folder after claimTimeoutMs and handles it", async () => {
    const paths = folders('dead-claim');
    writeFileSync(`${paths.dir}/.late.idoc.deadbeef.${Date.now() - 60_000}.1.claim`, 'late');
    writeFileSync(`${paths.dir}/.fresh.idoc.alive.${Date.now() + 60_000}.1.claim`, 'being handled elsewhere');
    const calls: string[] = [];
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 30, claimTimeoutMs: 30_000, readLock: { type: 'stable', checkIntervalMs: 1 } },
      async (file) => {
        calls.push(`${file.name}=${String(await file.buffer())}`);
      },
    );
    await waitFor('the late file archived', () => files(paths.archiveDir).length === 1);
    await consumer.stop();
    expect(calls).toEqual(['late.idoc=late']);
    expect(files(paths.dir).filter((name) => name.endsWith('.claim'))).toHaveLength(1);
  });

  it('resumes its own claim after a crash as the next attempt, and gives up after maxAttempts', async () => {
    const paths = folders('attempts');
    // What consumer "me" left when it crashed in the middle: one file at attempt 1, one at 2.
    writeFileSync(`${paths.dir}/.retry.idoc.me.${Date.now() - 1_000}.1.claim`, 'try again');
    writeFileSync(`${paths.dir}/.poison.idoc.me.${Date.now() - 1_000}.2.claim`, 'crashes the handler');
    const calls: string[] = [];
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 30, consumerId: 'me', maxAttempts: 2 },
      async (file) => {
        calls.push(`${file.name}#${file.attempt}`);
      },
    );
    await waitFor(
      'both files moved',
      () => files(paths.errorDir).length === 2 && files(paths.archiveDir).length === 1,
    );
    await consumer.stop();
    expect(calls).toEqual(['retry.idoc#2']);
    const report = JSON.parse(readFileSync(`${paths.errorDir}/poison.idoc.error.json`, 'utf8'));
    expect(report).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', attempts: 2, file: 'poison.idoc' });
    expect(files(paths.dir)).toEqual(['archive', 'error']);
  });

  it('finishes the file in hand when stopped, then takes no other', async () => {
    const paths = folders('stop');
    for (const name of ['1.idoc', '2.idoc', '3.idoc']) writeFileSync(`${paths.dir}/${name}`, name);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inHand: SftpPolledFile | undefined;
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 30, readLock: { type: 'stable', checkIntervalMs: 1 } },
      async (file) => {
        inHand = file;
        await gate;
      },
    );
    await waitFor('a file in hand', () => inHand !== undefined);
    const stopped = consumer.stop();
    release();
    await stopped;
    expect(files(paths.archiveDir)).toEqual([inHand?.name]);
    expect(files(paths.dir).filter((name) => name.endsWith('.idoc'))).toHaveLength(2);
  });

  it('leaves files with control characters in their names alone', async () => {
    const paths = folders('odd');
    writeFileSync(`${paths.dir}/evil\nname.idoc`, 'x');
    writeFileSync(`${paths.dir}/fine.idoc`, 'x');
    const calls: string[] = [];
    const consumer = pollSftp(
      sftp(),
      { ...paths, intervalMs: 30, readLock: { type: 'stable', checkIntervalMs: 1 } },
      async (file) => {
        calls.push(file.name);
      },
    );
    await waitFor('the fine file archived', () => files(paths.archiveDir).length === 1);
    await consumer.stop();
    expect(calls).toEqual(['fine.idoc']);
    expect(existsSync(`${paths.dir}/evil\nname.idoc`)).toBe(true);
  });
});
