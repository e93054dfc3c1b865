// The fallback server of machines without OpenSSH (ssh2's server mode on the local file
// system) serves the client too; it has no posix-rename@openssh.com, so atomic uploads take
// the client's fallback (remove the target, then rename), never showing a partial file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { SftpHostKeyError } from 'millwright';
import { createSftpClient } from 'millwright/sftp';
import { describe, expect, it } from 'vitest';
import { clientOptions } from '../sftp/sftp-test-server.js';
import { useSftpServer } from '../sftp/use-sftp-server.js';
import { rejection } from './helpers/rejection.js';

const fixture = useSftpServer('in-process');

describe('the in-process fallback server', () => {
  it('takes uploads (mode 0640, replacing atomically), listings, moves and reconnects', async () => {
    expect(fixture.server.kind).toBe('in-process');
    const dir = fixture.folder('basic');
    writeFileSync(`${dir}/orders.csv`, 'old');
    const sftp = createSftpClient(clientOptions(fixture.server, { retry: { attempts: 3, baseDelayMs: 1 } }));
    try {
      await sftp.put(Buffer.from('new'), `${dir}/orders.csv`);
      expect(readFileSync(`${dir}/orders.csv`, 'utf8')).toBe('new');
      expect(statSync(`${dir}/orders.csv`).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir)).toEqual(['orders.csv']);
      fixture.server.killConnections();
      expect((await sftp.list(dir)).map((file) => file.name)).toEqual(['orders.csv']);
      await sftp.move(`${dir}/orders.csv`, `${dir}/done.csv`);
      expect(String(await sftp.get(`${dir}/done.csv`))).toBe('new');
    } finally {
      await sftp.close();
    }
  });

  it('refuses a wrong host key', async () => {
    const sftp = createSftpClient(
      clientOptions(fixture.server, { hostKey: { sha256: `SHA256:${'C'.repeat(43)}` } }),
    );
    expect(await rejection(sftp.list('/'))).toBeInstanceOf(SftpHostKeyError);
    await sftp.close();
  });
});
