// Run by the outbox test as a child process that is killed with SIGKILL: queues files in an
// outbox and prints `acked <n>` once each add() resolved (the file is on local disk). After
// `holdAfter` files it adds no more and waits, delivering in the background, so the kill always
// lands while files are queued, however fast the machine is.
// Arguments: a JSON object { host, port, username, privateKey (base64), fingerprint, dir, remoteDir, count, holdAfter }.
import { createSftpClient, createSftpOutbox } from 'millwright/sftp';

const args = JSON.parse(process.argv[2] as string) as {
  host: string;
  port: number;
  username: string;
  privateKey: string;
  fingerprint: string;
  dir: string;
  remoteDir: string;
  count: number;
  holdAfter: number;
};
const sftp = createSftpClient({
  host: args.host,
  port: args.port,
  username: args.username,
  privateKey: Buffer.from(args.privateKey, 'base64'),
  hostKey: { sha256: args.fingerprint },
});
const outbox = createSftpOutbox({ dir: args.dir, sftp, remoteDir: args.remoteDir });
for (let n = 0; n < args.count; n += 1) {
  await outbox.add(
    `CONF_${String(n).padStart(4, '0')}.xml`,
    `<confirmation n="${n}">${'x'.repeat(n * 100)}</confirmation>\n`,
  );
  process.stdout.write(`acked ${n}\n`);
  // Waits for the kill, the outbox delivering what it holds meanwhile.
  if (n + 1 === args.holdAfter) await new Promise(() => setInterval(() => undefined, 60_000));
}
await outbox.flush();
process.stdout.write('flushed\n');
await outbox.close();
await sftp.close();
