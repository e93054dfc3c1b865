// The SFTP server of the tests: a real OpenSSH sshd (`sshd -D`) on a free 127.0.0.1 port when
// /usr/sbin/sshd exists, else an in-process ssh2 server on the local file system. Under
// CI=true the OpenSSH server is mandatory: a missing sshd fails the tests instead of falling
// back. Both serve the real file system with absolute paths, so a test writes and reads files
// under `server.dir` directly to check what a client did.
import { existsSync } from 'node:fs';
import type { SftpClientOptions } from 'millwright/sftp';
import { startInProcessServer } from './start-in-process-server.js';
import { startOpenSshServer } from './start-openssh-server.js';

export const SSHD = '/usr/sbin/sshd';

/** A running test server and what a client needs to log in. */
export interface SftpTestServer {
  readonly kind: 'openssh' | 'in-process';
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** The client's private key (OpenSSH format). */
  readonly privateKey: Buffer;
  /** The server's host key fingerprint, `SHA256:...`. */
  readonly fingerprint: string;
  /** The server's public host key line, `ssh-ed25519 AAAA...`. */
  readonly publicHostKey: string;
  /** A scratch directory of the server's own; remote paths are local paths. */
  readonly dir: string;
  /** The server's PIDs (listener and per-connection processes); empty for the in-process server. */
  pids(): number[];
  /** Cuts every open connection at once (SIGKILL of the per-connection sshd processes). */
  killConnections(): void;
  /** Freezes the server (SIGSTOP of every sshd process): connections stall, nothing answers. */
  pause(): void;
  /** Lets a paused server go on (SIGCONT). */
  resume(): void;
  stop(): Promise<void>;
}

/** Starts the server the machine can run: OpenSSH when present, the in-process one otherwise. */
export async function startSftpTestServer(
  kind: 'auto' | 'openssh' | 'in-process' = 'auto',
): Promise<SftpTestServer> {
  const haveSshd = existsSync(SSHD);
  if (kind === 'openssh' || (kind === 'auto' && (haveSshd || process.env['CI'] === 'true'))) {
    if (!haveSshd) {
      throw new Error(
        `${SSHD} is missing: under CI=true the SFTP tests run against OpenSSH (apt-get install -y openssh-server)`,
      );
    }
    return startOpenSshServer(SSHD);
  }
  if (kind === 'auto') console.warn(`${SSHD} not found: the SFTP tests use the in-process ssh2 server`);
  return startInProcessServer();
}

/** Client options for a test server, host key pinned. */
export function clientOptions(
  server: SftpTestServer,
  overrides: Partial<SftpClientOptions> = {},
): SftpClientOptions {
  return {
    host: server.host,
    port: server.port,
    username: server.username,
    privateKey: server.privateKey,
    hostKey: { sha256: server.fingerprint },
    ...overrides,
  };
}
