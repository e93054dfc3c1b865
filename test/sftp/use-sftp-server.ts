import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SftpLogger } from 'millwright/sftp';
import { afterAll, beforeAll } from 'vitest';
import { type SftpTestServer, startSftpTestServer } from './sftp-test-server.js';

/** Starts a test server for the file's tests and stops it after them. */
export function useSftpServer(kind: 'auto' | 'openssh' | 'in-process' = 'auto'): {
  readonly server: SftpTestServer;
  /** A fresh empty directory on the server. */
  folder(name: string): string;
} {
  let server: SftpTestServer | undefined;
  beforeAll(async () => {
    server = await startSftpTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });
  let count = 0;
  return {
    get server() {
      if (server === undefined) throw new Error('the SFTP test server is not started');
      return server;
    },
    folder(name) {
      count += 1;
      const path = join(this.server.dir, `${count}-${name}`);
      mkdirSync(path, { recursive: true });
      return path;
    },
  };
}

/** A logger that keeps what it is told, for tests to look at. */
export function recordingLogger(): SftpLogger & {
  readonly lines: { level: string; message: string; fields: unknown }[];
  text(): string;
} {
  const lines: { level: string; message: string; fields: unknown }[] = [];
  const at = (level: string) => (message: string, fields?: unknown) => {
    lines.push({ level, message, fields });
  };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => JSON.stringify(lines),
  };
}
