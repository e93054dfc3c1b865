import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError, ValidationError } from 'millwright';
import { createFileIdempotencyStore } from 'millwright/delivery';
import { afterAll, describe, expect, it } from 'vitest';
import { describeIdempotencyStoreContract } from './idempotency-store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'mw-idem-'));
let counter = 0;
const freshPath = (): string => {
  counter += 1;
  return join(root, `store-${counter}`, 'state.json');
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeIdempotencyStoreContract('createFileIdempotencyStore', async (options) =>
  createFileIdempotencyStore(freshPath(), options),
);

describe('createFileIdempotencyStore', () => {
  it('keeps its keys across a restart, in a file only its owner can read', async () => {
    const path = freshPath();
    const first = createFileIdempotencyStore(path);
    await first.add('DE01/order-1.idoc:120:1715500000');
    await first.add('with-ttl', { ttlMs: 60_000 });
    await first.add('gone');
    await first.delete('gone');
    const second = createFileIdempotencyStore(path);
    expect(await second.has('DE01/order-1.idoc:120:1715500000')).toBe(true);
    expect(await second.has('with-ttl')).toBe(true);
    expect(await second.has('gone')).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(path, '..'))).toEqual(['state.json']);
  });

  it('refuses a corrupt file with a StoreError naming it, on every call, and never empties it', async () => {
    for (const content of [
      '',
      '{"format":"millwright.idempotency-store"',
      '[1,2]',
      '{"format":"millwright.idempotency-store","version":1,"entries":[["a",1.5]]}',
    ]) {
      const path = freshPath();
      createFileIdempotencyStore(path); // nothing is read before the first call
      await createFileIdempotencyStore(path).add('x');
      writeFileSync(path, content);
      const store = createFileIdempotencyStore(path);
      for (const call of [() => store.has('a'), () => store.add('a'), () => store.delete('a')]) {
        const error = await call().catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(StoreError);
        expect(error).toMatchObject({ code: 'STORE_CORRUPT', path });
        expect((error as Error).message).toContain(path);
      }
      expect(readFileSync(path, 'utf8')).toBe(content);
      // Once repaired, the same store reads it.
      writeFileSync(path, '{"format":"millwright.idempotency-store","version":1,"entries":[["a",null]]}');
      expect(await store.has('a')).toBe(true);
    }
  });

  it('does not keep a key whose write failed, and says which file', async () => {
    const path = freshPath();
    const store = createFileIdempotencyStore(path);
    await store.add('first');
    const directory = join(path, '..');
    rmSync(directory, { recursive: true });
    writeFileSync(directory, 'not a directory');
    const error = await store.add('second').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'StoreError', code: 'STORE_IO_FAILED', path, systemCode: 'ENOTDIR' });
    expect(await store.has('second')).toBe(false);
    expect(await store.has('first')).toBe(true);
    rmSync(directory);
  });

  it('removes temporary files a crashed writer left behind', async () => {
    const path = freshPath();
    await createFileIdempotencyStore(path).add('a');
    const stale = join(path, '..', '.state.json.0123456789ab.tmp');
    writeFileSync(stale, '{"half');
    expect(await createFileIdempotencyStore(path).has('a')).toBe(true);
    expect(readdirSync(join(path, '..'))).toEqual(['state.json']);
  });

  it('loses no acknowledged key when the process is killed while writing (SIGKILL)', async () => {
    const path = freshPath();
    const script = `
      const { createFileIdempotencyStore } = await import(${JSON.stringify(new URL('../../../connectors/delivery/index.ts', import.meta.url).href)});
      const store = createFileIdempotencyStore(${JSON.stringify(path)});
      for (let i = 0; ; i += 1) {
        await Promise.all([store.add('k' + i + 'a'), store.add('k' + i + 'b')]);
        process.stdout.write(i + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        acknowledged = Number(lines.at(-1));
        if (acknowledged >= 150) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const store = createFileIdempotencyStore(path);
    for (let i = 0; i <= acknowledged; i += 1) {
      expect(await store.has(`k${i}a`)).toBe(true);
      expect(await store.has(`k${i}b`)).toBe(true);
    }
  });

  it('refuses a path that is not a non-empty string and a bad maxEntries', () => {
    expect(() => createFileIdempotencyStore('')).toThrow(ValidationError);
    expect(() => createFileIdempotencyStore(freshPath(), { maxEntries: 0 })).toThrow(ValidationError);
  });
});
