// SFTP throughput against a real OpenSSH sshd on 127.0.0.1 (started here, as the tests do):
// a 256 MiB upload and download with millwright next to raw ssh2-sftp-client fastPut/fastGet
// and the OpenSSH `sftp` command line (batch mode), and the polling consumer's files per
// second on 5,000 small files next to a bare ssh2-sftp-client loop (list, get, rename) that has
// no claims, read lock or idempotency store. Every contender connects, transfers and
// disconnects within its timing, on the same server in the same run. Input data is generated
// from a seed, not committed.
import { execFileSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import SftpClient from 'ssh2-sftp-client';
import { createFileIdempotencyStore } from '../connectors/delivery/index.js';
import { createSftpClient, pollSftp } from '../connectors/sftp/index.js';
import { clientOptions, SSHD, startSftpTestServer } from '../test/sftp/sftp-test-server.js';
import { compareRuns, seededRandom } from './harness.js';

const MIB = 1024 * 1024;
const SIZE = 256 * MIB;
const FILES = 5_000;

if (!existsSync(SSHD)) {
  console.log(`\nSFTP benchmark skipped: ${SSHD} is missing (apt-get install -y openssh-server)`);
} else {
  await run();
}

async function run(): Promise<void> {
  const server = await startSftpTestServer('openssh');
  const work = mkdtempSync(join(tmpdir(), 'mw-sftp-bench-'));
  try {
    const random = seededRandom(10);
    const data = Buffer.allocUnsafe(SIZE);
    for (let offset = 0; offset < SIZE; offset += 4)
      data.writeUInt32LE(Math.floor(random() * 2 ** 32), offset);
    const local = join(work, 'upload.bin');
    writeFileSync(local, data);
    const remote = join(server.dir, 'transfer.bin');
    writeFileSync(remote, data);
    writeFileSync(join(work, 'key'), server.privateKey, { mode: 0o600 });
    writeFileSync(join(work, 'known_hosts'), `[127.0.0.1]:${server.port} ${server.publicHostKey}\n`);
    const cli = (command: string): void => {
      writeFileSync(join(work, 'batch'), `${command}\n`);
      execFileSync('sftp', [
        '-q',
        '-b',
        join(work, 'batch'),
        '-P',
        String(server.port),
        '-i',
        join(work, 'key'),
        '-o',
        `UserKnownHostsFile=${join(work, 'known_hosts')}`,
        '-o',
        'StrictHostKeyChecking=yes',
        `${server.username}@127.0.0.1`,
      ]);
    };
    const raw = async <T>(use: (client: SftpClient) => Promise<T>): Promise<T> => {
      const client = new SftpClient('bench', { error() {}, end() {}, close() {} });
      await client.connect({
        host: server.host,
        port: server.port,
        username: server.username,
        privateKey: server.privateKey,
        hostVerifier: () => true,
      });
      try {
        return await use(client);
      } finally {
        await client.end();
      }
    };
    const millwright = async <T>(
      use: (client: ReturnType<typeof createSftpClient>) => Promise<T>,
    ): Promise<T> => {
      const client = createSftpClient(clientOptions(server));
      try {
        return await use(client);
      } finally {
        await client.close();
      }
    };
    console.log(`\nSFTP benchmark: OpenSSH sshd on 127.0.0.1:${server.port}, ${SIZE / MIB} MiB file`);

    await compareRuns({
      title: `SFTP upload of ${SIZE / MIB} MiB (connect, transfer, close)`,
      unit: 'MiB/s',
      unitsPerCall: SIZE / MIB,
      rounds: 5,
      ours: {
        name: 'millwright put (atomic, 0640)',
        fn: () => millwright((c) => c.put(local, join(server.dir, 'up-mw.bin'))),
      },
      peers: [
        {
          name: 'raw ssh2-sftp-client fastPut',
          fn: () => raw((c) => c.fastPut(local, join(server.dir, 'up-raw.bin'))),
        },
        { name: 'OpenSSH sftp -b put', fn: () => cli(`put ${local} ${join(server.dir, 'up-cli.bin')}`) },
      ],
    });
    await compareRuns({
      title: `SFTP download of ${SIZE / MIB} MiB to a local file (connect, transfer, close)`,
      unit: 'MiB/s',
      unitsPerCall: SIZE / MIB,
      rounds: 5,
      ours: {
        name: 'millwright getStream',
        fn: () =>
          millwright(async (c) =>
            pipeline(await c.getStream(remote), createWriteStream(join(work, 'down-mw.bin'))),
          ),
      },
      peers: [
        {
          name: 'raw ssh2-sftp-client fastGet',
          fn: () => raw((c) => c.fastGet(remote, join(work, 'down-raw.bin'))),
        },
        { name: 'OpenSSH sftp -b get', fn: () => cli(`get ${remote} ${join(work, 'down-cli.bin')}`) },
      ],
    });
    await compareRuns({
      title: `SFTP download of ${SIZE / MIB} MiB into memory (connect, transfer, close)`,
      unit: 'MiB/s',
      unitsPerCall: SIZE / MIB,
      rounds: 5,
      ours: { name: 'millwright get', fn: () => millwright((c) => c.get(remote)) },
      peers: [{ name: 'raw ssh2-sftp-client get', fn: () => raw((c) => c.get(remote)) }],
    });

    const inbox = join(server.dir, 'outbound');
    const archive = join(inbox, 'archive');
    const smallRandom = seededRandom(11);
    const small = Array.from({ length: 64 }, () =>
      Buffer.from(Array.from({ length: 1_024 }, () => 65 + Math.floor(smallRandom() * 26))),
    );
    let round = 0;
    await compareRuns({
      title: `SFTP polling consumer on ${FILES.toLocaleString('en-US')} files of 1 KiB (claim, read, archive)`,
      unit: 'files/s',
      unitsPerCall: FILES,
      rounds: 3,
      prepare: () => {
        rmSync(inbox, { recursive: true, force: true });
        mkdirSync(archive, { recursive: true });
        for (let n = 0; n < FILES; n += 1)
          writeFileSync(join(inbox, `LOIPRO_${n}.idoc`), small[n % small.length] as Buffer);
      },
      ours: {
        name: 'millwright pollSftp (file idempotency store)',
        fn: () =>
          millwright(async (client) => {
            round += 1;
            const consumer = pollSftp(
              client,
              {
                dir: inbox,
                pattern: '*.idoc',
                archiveDir: archive,
                errorDir: join(inbox, 'error'),
                intervalMs: 10,
                readLock: { type: 'stable', checkIntervalMs: 1 },
                idempotency: createFileIdempotencyStore(join(work, `state-${round}.json`)),
              },
              async (file) => {
                await file.buffer();
              },
            );
            while (readdirSync(archive).length < FILES)
              await new Promise((resolve) => setTimeout(resolve, 20));
            await consumer.stop();
          }),
      },
      peers: [
        {
          name: 'raw ssh2-sftp-client list, get, rename',
          fn: () =>
            raw(async (client) => {
              const listed = await client.list(
                inbox,
                (item) => item.type === '-' && item.name.endsWith('.idoc'),
              );
              for (const item of listed) {
                await client.get(join(inbox, item.name));
                await client.rename(join(inbox, item.name), join(archive, item.name));
              }
            }),
        },
      ],
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
    await server.stop();
  }
}
