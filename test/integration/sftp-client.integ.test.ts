// The SFTP client against a real OpenSSH sshd (or, without one and outside CI, the in-process
// server): transfers, atomic replacement, upload mode, listings, moves and the path jail.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { SftpError } from 'millwright';
import { createSftpClient } from 'millwright/sftp';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { recordingLogger, useSftpServer } from '../sftp/use-sftp-server.js';
import { rejection } from './helpers/rejection.js';

const fixture = useSftpServer();
const logger = recordingLogger();
let client: ReturnType<typeof createSftpClient> | undefined;
const sftp = (): ReturnType<typeof createSftpClient> => {
  client ??= createSftpClient(clientOptions(fixture.server, { logger }));
  return client;
};
afterAll(async () => {
  await client?.close();
});

async function sftpError(promise: Promise<unknown>): Promise<SftpError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(SftpError);
  return error as SftpError;
}

describe('createSftpClient: transfers', () => {
  it('uploads bytes, a local file and a stream, each with mode 0640, and reads them back whole', async () => {
    const dir = fixture.folder('transfers');
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    writeFileSync(`${dir}/local.bin`, bytes);
    await sftp().put(bytes, `${dir}/from-buffer.bin`);
    await sftp().put(`${dir}/local.bin`, `${dir}/from-path.bin`);
    await sftp().put(
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      `${dir}/from-stream.bin`,
    );
    for (const name of ['from-buffer.bin', 'from-path.bin', 'from-stream.bin']) {
      expect(readFileSync(`${dir}/${name}`).equals(bytes), name).toBe(true);
      expect(statSync(`${dir}/${name}`).mode & 0o777, name).toBe(0o640);
      expect((await sftp().get(`${dir}/${name}`)).equals(bytes), name).toBe(true);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await sftp().getStream(`${dir}/from-path.bin`)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([
      'from-buffer.bin',
      'from-path.bin',
      'from-stream.bin',
      'local.bin',
    ]);
  });

  it('uploads empty files and reads them as empty', async () => {
    const dir = fixture.folder('empty');
    await sftp().put(Buffer.alloc(0), `${dir}/empty.idoc`);
    expect(statSync(`${dir}/empty.idoc`).size).toBe(0);
    expect((await sftp().get(`${dir}/empty.idoc`)).length).toBe(0);
  });

  it('replaces an existing file atomically, and applies the configured fileMode', async () => {
    const dir = fixture.folder('replace');
    writeFileSync(`${dir}/orders.csv`, 'old');
    const strict = createSftpClient(clientOptions(fixture.server, { fileMode: 0o600 }));
    await strict.put(Buffer.from('new'), `${dir}/orders.csv`);
    await strict.close();
    expect(readFileSync(`${dir}/orders.csv`, 'utf8')).toBe('new');
    expect(statSync(`${dir}/orders.csv`).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['orders.csv']);
  });

  it('writes to the target name directly when atomic is off', async () => {
    const dir = fixture.folder('direct');
    await sftp().put(Buffer.from('x'), `${dir}/direct.txt`, { atomic: false });
    expect(readFileSync(`${dir}/direct.txt`, 'utf8')).toBe('x');
    expect(statSync(`${dir}/direct.txt`).mode & 0o777).toBe(0o640);
  });

  it('leaves no temporary file when an upload fails', async () => {
    const dir = fixture.folder('failing-source');
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(300_000, 1);
      throw new Error('the local source broke');
    }
    await rejection(sftp().put(failing(), `${dir}/broken.bin`));
    expect(readdirSync(dir)).toEqual([]);
    const missing = await sftpError(sftp().put(Buffer.from('x'), `${dir}/no-such-dir/file.txt`));
    expect(missing.code).toBe('NO_SUCH_FILE');
  });

  it('runs concurrent calls one at a time on its connection, all of them succeeding', async () => {
    const dir = fixture.folder('concurrent');
    const warnings: unknown[] = [];
    const onWarning = (warning: unknown): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          sftp().put(Buffer.from(`file ${i}`), `${dir}/f${String(i).padStart(2, '0')}.txt`),
        ),
      );
      const contents = await Promise.all(
        Array.from({ length: 30 }, (_, i) => sftp().get(`${dir}/f${String(i).padStart(2, '0')}.txt`)),
      );
      expect(contents.map(String)).toEqual(Array.from({ length: 30 }, (_, i) => `file ${i}`));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});

describe('createSftpClient: listings, moves, removals', () => {
  it('lists with a glob pattern, without hidden files, sorted, with sizes and times as integers', async () => {
    const dir = fixture.folder('list');
    for (const name of ['b.idoc', 'a.idoc', '.hidden.idoc', 'c.xml']) writeFileSync(`${dir}/${name}`, name);
    const listed = await sftp().list(dir, { pattern: '*.idoc' });
    expect(listed.map((file) => file.name)).toEqual(['a.idoc', 'b.idoc']);
    expect(listed[0]).toMatchObject({ path: `${dir}/a.idoc`, type: 'file', size: 6 });
    expect(Number.isInteger(listed[0]?.mtime)).toBe(true);
    expect((await sftp().list(dir, { pattern: /^c\./ })).map((file) => file.name)).toEqual(['c.xml']);
    expect((await sftp().list(dir)).map((file) => file.name)).toEqual([
      '.hidden.idoc',
      'a.idoc',
      'b.idoc',
      'c.xml',
    ]);
    expect(await sftp().stat(`${dir}/c.xml`)).toMatchObject({ name: 'c.xml', type: 'file', size: 5 });
    expect((await sftp().stat(dir)).type).toBe('directory');
  });

  it('refuses listed names with line breaks or control characters: left out and logged, escaped', async () => {
    const dir = fixture.folder('odd-names');
    writeFileSync(`${dir}/ok.idoc`, 'x');
    writeFileSync(`${dir}/evil\nname.idoc`, 'x');
    writeFileSync(`${dir}/bell\u0007.idoc`, 'x');
    expect((await sftp().list(dir, { pattern: '*.idoc' })).map((file) => file.name)).toEqual(['ok.idoc']);
    const refused = logger.lines.filter((line) => line.message === 'sftp: listing entry refused');
    expect(refused.map((line) => (line.fields as { name: string }).name).sort()).toEqual(
      [JSON.stringify('bell\u0007.idoc'), JSON.stringify('evil\nname.idoc')].sort(),
    );
  });

  it('moves without replacing by default, replaces with overwrite, and removes', async () => {
    const dir = fixture.folder('move');
    writeFileSync(`${dir}/a.txt`, 'a');
    writeFileSync(`${dir}/b.txt`, 'b');
    const refused = await sftpError(sftp().move(`${dir}/a.txt`, `${dir}/b.txt`));
    expect(refused.code).toBe('FAILURE');
    expect(refused.message).toContain(`to ${dir}/b.txt`);
    expect(readFileSync(`${dir}/b.txt`, 'utf8')).toBe('b');
    await sftp().move(`${dir}/a.txt`, `${dir}/b.txt`, { overwrite: true });
    expect(readdirSync(dir)).toEqual(['b.txt']);
    expect(readFileSync(`${dir}/b.txt`, 'utf8')).toBe('a');
    expect((await sftpError(sftp().move(`${dir}/a.txt`, `${dir}/c.txt`))).code).toBe('NO_SUCH_FILE');
    await sftp().remove(`${dir}/b.txt`);
    expect(readdirSync(dir)).toEqual([]);
    expect((await sftpError(sftp().remove(`${dir}/b.txt`))).code).toBe('NO_SUCH_FILE');
  });

  it('creates directories, with their parents when recursive', async () => {
    const dir = fixture.folder('mkdir');
    await sftp().mkdir(`${dir}/one`);
    await sftp().mkdir(`${dir}/two/three/four`, { recursive: true });
    await sftp().mkdir(`${dir}/two/three/four`, { recursive: true });
    expect(statSync(`${dir}/two/three/four`).isDirectory()).toBe(true);
    expect((await sftpError(sftp().mkdir(`${dir}/one`))).code).toBe('FAILURE');
  });
});

describe('createSftpClient: the path jail', () => {
  it('refuses "..", control characters and paths outside rootDir before sending anything', async () => {
    const dir = fixture.folder('jail');
    const jailed = createSftpClient(clientOptions(fixture.server, { rootDir: dir }));
    try {
      await jailed.put(Buffer.from('in'), 'relative.txt');
      expect(readFileSync(`${dir}/relative.txt`, 'utf8')).toBe('in');
      for (const path of [
        `${dir}/../escape.txt`,
        '../escape.txt',
        'a/../../escape.txt',
        '/etc/passwd',
        `${dir}-sibling/x`,
        'line\nbreak.txt',
        'nul\u0000.txt',
        '',
      ]) {
        const error = await sftpError(jailed.get(path));
        expect(error.code, JSON.stringify(path)).toBe('INVALID_PATH');
        expect(error.message).not.toContain('\n');
      }
      expect(existsSync(`${fixture.server.dir}/escape.txt`)).toBe(false);
    } finally {
      await jailed.close();
    }
  });
});
