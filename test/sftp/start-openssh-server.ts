import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { sha256Fingerprint } from 'millwright/sftp';
import type { SftpTestServer } from './sftp-test-server.js';

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits until the port answers with an SSH banner. */
async function waitForBanner(port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const banner = await new Promise<string>((resolve) => {
      const socket = new Socket();
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString());
      });
      socket.once('error', () => resolve(''));
      socket.connect(port, '127.0.0.1');
    });
    if (banner.startsWith('SSH-2.0')) return;
    if (Date.now() > deadline) throw new Error(`sshd did not start on port ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The PIDs of a process's descendants, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Gone already.
    }
  }
}

/**
 * Starts `sshd -D -e -f <config>` on a free port with a fresh ed25519 host key, a fresh client
 * key in its own AuthorizedKeysFile, `internal-sftp`, logging in the current user (root
 * included: PermitRootLogin prohibit-password, StrictModes no).
 */
export async function startOpenSshServer(sshd: string): Promise<SftpTestServer> {
  const base = mkdtempSync(join(tmpdir(), 'mw-sshd-'));
  const dir = join(base, 'root');
  mkdirSync(dir);
  const keygen = (file: string): void => {
    execFileSync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'millwright-test',
      '-f',
      join(base, file),
    ]);
  };
  keygen('host_ed25519');
  keygen('client_ed25519');
  writeFileSync(join(base, 'authorized_keys'), readFileSync(join(base, 'client_ed25519.pub')));
  const username = userInfo().username;
  try {
    mkdirSync('/run/sshd', { recursive: true });
  } catch {
    // Not root: sshd then runs without privilege separation directory checks for its own user.
  }
  const publicHostKey = readFileSync(join(base, 'host_ed25519.pub'), 'utf8').trim();
  const fingerprint = sha256Fingerprint(Buffer.from(publicHostKey.split(' ')[1] as string, 'base64'));
  const logFile = join(base, 'sshd.log');
  const log = (): string => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  for (let tries = 1; ; tries += 1) {
    const port = await freePort();
    const config = join(base, 'sshd_config');
    writeFileSync(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(base, 'host_ed25519')}`,
        `PidFile ${join(base, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(base, 'authorized_keys')}`,
        'StrictModes no',
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'PermitRootLogin prohibit-password',
        `AllowUsers ${username}`,
        'AllowTcpForwarding no',
        'X11Forwarding no',
        'MaxStartups 100',
        'MaxSessions 100',
        'LogLevel INFO',
        'Subsystem sftp internal-sftp',
        '',
      ].join('\n'),
    );
    execFileSync(sshd, ['-t', '-f', config]);
    const logFd = openSync(logFile, 'a');
    const child = spawn(sshd, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', logFd] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await Promise.race([
        waitForBanner(port, log),
        exited.then(() => {
          throw new Error(`sshd exited:\n${log()}`);
        }),
      ]);
    } catch (error) {
      child.kill('SIGKILL');
      if (tries < 3) continue;
      throw error;
    }
    const listener = child.pid as number;
    return {
      kind: 'openssh',
      host: '127.0.0.1',
      port,
      username,
      privateKey: readFileSync(join(base, 'client_ed25519')),
      fingerprint,
      publicHostKey,
      dir,
      pids: () => [listener, ...descendants(listener)],
      killConnections: () => signal(descendants(listener), 'SIGKILL'),
      pause: () => signal([listener, ...descendants(listener)], 'SIGSTOP'),
      resume: () => signal([listener, ...descendants(listener)], 'SIGCONT'),
      async stop() {
        const all = [listener, ...descendants(listener)];
        signal(all, 'SIGCONT');
        signal(all, 'SIGKILL');
        await exited;
        rmSync(base, { recursive: true, force: true });
      },
    };
  }
}
