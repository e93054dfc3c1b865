// `npx tsx examples/sftp-pick-up-loipro.ts`: picks up LOIPRO IDoc files (production orders)
// from a plant's outbound folder on an SFTP server, parses each with millwright/idoc, maps the
// orders to canonical WorkOrders, and archives the file; a file that cannot be read or mapped
// goes to the error folder with a .error.json that says why. Several copies of this program
// may poll the same folder: each file is handled by exactly one of them.
//
// Against your server: SFTP_HOST, SFTP_USER, SFTP_KEY (path of the private key), SFTP_KNOWN_HOSTS
// (a known_hosts file holding the server's key; or SFTP_FINGERPRINT, `SHA256:...` as
// `ssh-keygen -lf` prints it), SFTP_DIR (e.g. /outbound/DE01), SAP_TIME_ZONE (the SAP system's
// IANA zone, e.g. Europe/Berlin: SAP dates carry none), IDOC_SCHEMA (your WE60 "parser" export
// of LOIPRO01) and optionally SFTP_PORT and STATE (the idempotency file, ./state/sftp-loipro.json).
// The consumer runs until SIGINT or SIGTERM.
//
// Without SFTP_HOST it needs OpenSSH's sshd (apt-get install -y openssh-server) or falls back
// to an in-process ssh2 server: it starts the test suite's server on 127.0.0.1, drops two
// copies of a LOIPRO01 file of the repository (written with the WE60 export next to it) and a
// broken file into an outbound folder, handles them, prints what it did, and stops.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUnitRegistry, isMillwrightError, type WorkOrder } from 'millwright';
import { createFileIdempotencyStore } from 'millwright/delivery';
import { builtinIdocSchemas, idocToCanonical, loadIdocSchema, parseIdocStream } from 'millwright/idoc';
import { createSftpClient, pollSftp, type SftpClientOptions, type SftpPolledFile } from 'millwright/sftp';
import { clientOptions, startSftpTestServer } from '../test/sftp/sftp-test-server.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../test/fixtures/idoc/${name}`, import.meta.url));

interface Setup {
  readonly options: SftpClientOptions;
  readonly dir: string;
  readonly schemaPath: string;
  readonly timeZone: string;
  readonly statePath: string;
  /** Stops the demo server; undefined against a real server. */
  readonly stop?: () => Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '')
    throw new Error(`set ${name} (see the comment at the top of this example)`);
  return value;
}

async function setUp(): Promise<Setup> {
  const host = process.env['SFTP_HOST'];
  if (host !== undefined && host !== '') {
    const knownHosts = process.env['SFTP_KNOWN_HOSTS'];
    return {
      options: {
        host,
        port: Number(process.env['SFTP_PORT'] ?? 22),
        username: required('SFTP_USER'),
        privateKey: readFileSync(required('SFTP_KEY')),
        hostKey: knownHosts ? { knownHostsFile: knownHosts } : { sha256: required('SFTP_FINGERPRINT') },
      },
      dir: required('SFTP_DIR'),
      schemaPath: required('IDOC_SCHEMA'),
      timeZone: required('SAP_TIME_ZONE'),
      statePath: process.env['STATE'] || './state/sftp-loipro.json',
    };
  }
  const server = await startSftpTestServer();
  const dir = join(server.dir, 'outbound', 'DE01');
  mkdirSync(dir, { recursive: true });
  // What a SAP port (or a plant's transfer job) leaves in the folder: data files, each complete.
  copyFileSync(fixture('loipro01.site.idoc'), join(dir, 'LOIPRO_0000004711.idoc'));
  copyFileSync(fixture('loipro01.site.idoc'), join(dir, 'LOIPRO_0000004712.idoc'));
  writeFileSync(join(dir, 'LOIPRO_0000004713.idoc'), 'EDI_DC40 not an IDoc at all\n');
  console.error(
    `Demo: ${server.kind} SFTP server on 127.0.0.1:${server.port}, host key ${server.fingerprint}`,
  );
  return {
    options: clientOptions(server),
    dir,
    schemaPath: fixture('loipro01.site.parser.txt'),
    timeZone: 'Europe/Berlin',
    statePath: join(server.dir, 'state', 'sftp-loipro.json'),
    stop: () => server.stop(),
  };
}

async function main(): Promise<void> {
  const setup = await setUp();
  const schemas = [loadIdocSchema(readFileSync(setup.schemaPath, 'latin1')), ...builtinIdocSchemas];
  const mapping = { units: createUnitRegistry(), timeZone: setup.timeZone };
  const logger = {
    debug() {},
    info: (message: string, fields?: object) => console.error(message, JSON.stringify(fields)),
    warn: (message: string, fields?: object) => console.error(message, JSON.stringify(fields)),
    error: (message: string, fields?: object) => console.error(message, JSON.stringify(fields)),
  };
  const sftp = createSftpClient({ ...setup.options, logger });
  let files = 0;

  /** Parses one file and maps its production orders; any failure sends the file to the error folder. */
  async function handle(file: SftpPolledFile): Promise<void> {
    const orders: WorkOrder[] = [];
    for await (const idoc of parseIdocStream(await file.stream(), { schemas })) {
      for (const record of idocToCanonical(idoc, mapping)) {
        if (record.kind === 'WorkOrder') orders.push(record.value);
      }
    }
    if (orders.length === 0) throw new Error('the file holds no production order');
    // Here a real service would publish the orders (events, REST, a database) before returning.
    for (const order of orders) {
      console.log(
        `${file.name}: work order ${order.id} ${order.material} ${order.quantity.value} ${order.quantity.unit} (${order.status})`,
      );
    }
    files += 1;
  }

  const consumer = pollSftp(
    sftp,
    {
      dir: setup.dir,
      pattern: '*.idoc',
      intervalMs: 5_000,
      readLock: { type: 'stable', checkIntervalMs: 1_000, timeoutMs: 10_000 },
      archiveDir: `${setup.dir}/archive`,
      errorDir: `${setup.dir}/error`,
      idempotency: createFileIdempotencyStore(setup.statePath),
    },
    handle,
  );
  const stop = async (): Promise<void> => {
    await consumer.stop(); // finishes the file in hand
    await sftp.close();
    await setup.stop?.();
  };

  if (setup.stop === undefined) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
    return;
  }
  // The demo: wait until the three files are archived or in the error folder with their report.
  const settled = (): boolean => {
    const names = (folder: string): string[] => readdirSync(`${setup.dir}/${folder}`);
    try {
      const failed = names('error').filter((name) => !name.endsWith('.error.json'));
      const reports = names('error').filter((name) => name.endsWith('.error.json'));
      return names('archive').length + failed.length === 3 && reports.length === failed.length;
    } catch {
      return false; // the folders are not created yet
    }
  };
  while (!settled()) await new Promise((resolve) => setTimeout(resolve, 200));
  const archived = readdirSync(`${setup.dir}/archive`);
  const failed = readdirSync(`${setup.dir}/error`);
  const report = failed.find((name) => name.endsWith('.error.json'));
  console.error(
    `${files} file(s) handled; archive: ${archived.join(', ')}; error folder: ${failed.join(', ')}`,
  );
  if (report !== undefined) console.error(readFileSync(`${setup.dir}/error/${report}`, 'utf8'));
  await stop();
}

main().catch((error: unknown) => {
  console.error(isMillwrightError(error) ? JSON.stringify(error.toJSON()) : error);
  process.exitCode = 1;
});
