// An SFTP server in this process on ssh2's server mode, serving the local file system: the
// fallback for machines without OpenSSH. Public-key login with a fresh ed25519 key, a fresh
// host key, port 0. SFTPv3 rename semantics (no overwrite, like OpenSSH's); no
// posix-rename@openssh.com (ssh2's server advertises no extensions), so clients take their
// fallback path.
import { timingSafeEqual } from 'node:crypto';
import { constants, promises as fs, mkdirSync, mkdtempSync, rmSync, type Stats } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, posix } from 'node:path';
import { sha256Fingerprint } from 'millwright/sftp';
import ssh2 from 'ssh2';
import type { SftpTestServer } from './sftp-test-server.js';

const { Server, utils } = ssh2;
const { OPEN_MODE, STATUS_CODE } = utils.sftp;

interface Attributes {
  mode: number;
  uid: number;
  gid: number;
  size: number;
  atime: number;
  mtime: number;
}

const attributesOf = (stats: Stats): Attributes => ({
  mode: stats.mode,
  uid: stats.uid,
  gid: stats.gid,
  size: stats.size,
  atime: Math.floor(stats.atimeMs / 1000),
  mtime: Math.floor(stats.mtimeMs / 1000),
});

const STATUS_OF_ERRNO: Readonly<Record<string, number>> = {
  ENOENT: STATUS_CODE.NO_SUCH_FILE,
  ENOTDIR: STATUS_CODE.NO_SUCH_FILE,
  EACCES: STATUS_CODE.PERMISSION_DENIED,
  EPERM: STATUS_CODE.PERMISSION_DENIED,
};

/** Starts the in-process server on 127.0.0.1 and a free port. */
export async function startInProcessServer(): Promise<SftpTestServer> {
  const base = mkdtempSync(join(tmpdir(), 'mw-sftp-'));
  const dir = join(base, 'root');
  mkdirSync(dir);
  const hostKey = utils.generateKeyPairSync('ed25519');
  const clientKey = utils.generateKeyPairSync('ed25519');
  const allowed = utils.parseKey(clientKey.public);
  if (allowed instanceof Error) throw allowed;
  const allowedKey = Array.isArray(allowed) ? allowed[0] : allowed;
  const username = userInfo().username;
  const sockets = new Set<Socket>();

  const server = new Server({ hostKeys: [hostKey.private] }, (client) => {
    const socket = (client as unknown as { _sock: Socket })._sock;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    client.on('error', () => {});
    client.on('authentication', (context) => {
      if (context.method !== 'publickey' || context.username !== username)
        return context.reject(['publickey']);
      const publicSsh = allowedKey.getPublicSSH();
      const sameKey =
        context.key.algo === allowedKey.type &&
        context.key.data.length === publicSsh.length &&
        timingSafeEqual(context.key.data, publicSsh);
      if (!sameKey) return context.reject(['publickey']);
      if (context.signature === undefined) return context.accept();
      if (allowedKey.verify(context.blob as Buffer, context.signature, context.hashAlgo) !== true)
        return context.reject();
      context.accept();
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('sftp', (acceptSftp) => serveSftp(acceptSftp()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const publicHostKey = hostKey.public.trim();
  return {
    kind: 'in-process',
    host: '127.0.0.1',
    port,
    username,
    privateKey: Buffer.from(clientKey.private),
    fingerprint: sha256Fingerprint(Buffer.from(publicHostKey.split(' ')[1] as string, 'base64')),
    publicHostKey,
    dir,
    pids: () => [],
    killConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    // A paused socket reads nothing and so answers nothing: the client sees a stalled server.
    pause: () => {
      for (const socket of sockets) socket.pause();
      server.close();
    },
    resume: () => {
      for (const socket of sockets) socket.resume();
      server.listen(port, '127.0.0.1');
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Answers the SFTP requests of one session from the real file system. */
function serveSftp(sftp: ssh2.SFTPWrapper): void {
  const files = new Map<number, fs.FileHandle>();
  const directories = new Map<number, { path: string; names: string[] | undefined }>();
  let next = 0;
  const newHandle = (): [number, Buffer] => {
    next += 1;
    const handle = Buffer.alloc(4);
    handle.writeUInt32BE(next, 0);
    return [next, handle];
  };
  const idOf = (handle: Buffer): number => (handle.length === 4 ? handle.readUInt32BE(0) : -1);
  const fail = (reqid: number) => (error: unknown) => {
    const code = (error as { code?: string }).code ?? '';
    sftp.status(reqid, STATUS_OF_ERRNO[code] ?? STATUS_CODE.FAILURE);
  };
  const ok = (reqid: number) => () => sftp.status(reqid, STATUS_CODE.OK);

  sftp.on('OPEN', (reqid, filename, flags, attrs) => {
    let mode = 0;
    if (flags & OPEN_MODE.READ && flags & OPEN_MODE.WRITE) mode = constants.O_RDWR;
    else if (flags & OPEN_MODE.WRITE) mode = constants.O_WRONLY;
    if (flags & OPEN_MODE.CREAT) mode |= constants.O_CREAT;
    if (flags & OPEN_MODE.TRUNC) mode |= constants.O_TRUNC;
    if (flags & OPEN_MODE.EXCL) mode |= constants.O_EXCL;
    if (flags & OPEN_MODE.APPEND) mode |= constants.O_APPEND;
    fs.open(filename, mode, attrs.mode ?? 0o666).then((file) => {
      const [id, handle] = newHandle();
      files.set(id, file);
      sftp.handle(reqid, handle);
    }, fail(reqid));
  });
  sftp.on('READ', (reqid, handle, offset, length) => {
    const file = files.get(idOf(handle));
    if (file === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    const buffer = Buffer.alloc(length);
    file.read(buffer, 0, length, offset).then(({ bytesRead }) => {
      if (bytesRead === 0) sftp.status(reqid, STATUS_CODE.EOF);
      else sftp.data(reqid, buffer.subarray(0, bytesRead));
    }, fail(reqid));
  });
  sftp.on('WRITE', (reqid, handle, offset, data) => {
    const file = files.get(idOf(handle));
    if (file === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    file.write(data, 0, data.length, offset).then(ok(reqid), fail(reqid));
  });
  sftp.on('FSTAT', (reqid, handle) => {
    const file = files.get(idOf(handle));
    if (file === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    file.stat().then((stats) => sftp.attrs(reqid, attributesOf(stats)), fail(reqid));
  });
  sftp.on('FSETSTAT', (reqid, handle, attrs) => {
    const file = files.get(idOf(handle));
    if (file === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    (attrs.mode === undefined ? Promise.resolve() : file.chmod(attrs.mode & 0o7777)).then(
      ok(reqid),
      fail(reqid),
    );
  });
  sftp.on('SETSTAT', (reqid, path, attrs) => {
    (attrs.mode === undefined ? Promise.resolve() : fs.chmod(path, attrs.mode & 0o7777)).then(
      ok(reqid),
      fail(reqid),
    );
  });
  sftp.on('CLOSE', (reqid, handle) => {
    const id = idOf(handle);
    const file = files.get(id);
    if (file !== undefined) {
      files.delete(id);
      return void file.close().then(ok(reqid), fail(reqid));
    }
    if (directories.delete(id)) return sftp.status(reqid, STATUS_CODE.OK);
    sftp.status(reqid, STATUS_CODE.FAILURE);
  });
  const stat = (reqid: number, path: string, follow: boolean): void => {
    (follow ? fs.stat(path) : fs.lstat(path)).then(
      (stats) => sftp.attrs(reqid, attributesOf(stats)),
      fail(reqid),
    );
  };
  sftp.on('STAT', (reqid, path) => stat(reqid, path, true));
  sftp.on('LSTAT', (reqid, path) => stat(reqid, path, false));
  sftp.on('OPENDIR', (reqid, path) => {
    fs.stat(path).then((stats) => {
      if (!stats.isDirectory()) return sftp.status(reqid, STATUS_CODE.FAILURE);
      const [id, handle] = newHandle();
      directories.set(id, { path, names: undefined });
      sftp.handle(reqid, handle);
    }, fail(reqid));
  });
  sftp.on('READDIR', (reqid, handle) => {
    const directory = directories.get(idOf(handle));
    if (directory === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    (async () => {
      directory.names ??= ['.', '..', ...(await fs.readdir(directory.path))];
      const batch = directory.names.splice(0, 200);
      if (batch.length === 0) return sftp.status(reqid, STATUS_CODE.EOF);
      const entries = [];
      for (const name of batch) {
        const stats = await fs.lstat(posix.join(directory.path, name)).catch(() => undefined);
        if (stats === undefined) continue;
        entries.push({ filename: name, longname: name, attrs: attributesOf(stats) });
      }
      sftp.name(reqid, entries);
    })().catch(fail(reqid));
  });
  sftp.on('REALPATH', (reqid, path) => {
    const resolved = posix.resolve('/', path);
    sftp.name(reqid, [{ filename: resolved, longname: resolved, attrs: {} as Attributes }]);
  });
  sftp.on('REMOVE', (reqid, path) => void fs.unlink(path).then(ok(reqid), fail(reqid)));
  sftp.on('RMDIR', (reqid, path) => void fs.rmdir(path).then(ok(reqid), fail(reqid)));
  sftp.on(
    'MKDIR',
    (reqid, path, attrs) => void fs.mkdir(path, attrs.mode ?? 0o777).then(ok(reqid), fail(reqid)),
  );
  // SFTPv3 rename as OpenSSH does it: link, then unlink, so an existing target is never replaced.
  sftp.on('RENAME', (reqid, from, to) => {
    fs.link(from, to)
      .then(() =>
        fs.unlink(from).catch(async (error: unknown) => {
          await fs.unlink(to).catch(() => {});
          throw error;
        }),
      )
      .then(ok(reqid), fail(reqid));
  });
}
