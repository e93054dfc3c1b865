// `npx tsx examples/idoc-loipro-to-events.ts [file]`: reads LOIPRO01 production orders (flat file
// or IDoc-XML, any size: the file is streamed), maps each to a canonical WorkOrder and prints it
// as a JSON CloudEvent whose type says what happened (released, started, completed...).
//
// From an SFTP server: SFTP_HOST, SFTP_USER, SFTP_KEY (path to the private key), SFTP_FINGERPRINT
// (the server's host key, `SHA256:...` as `ssh-keygen -lf` prints it; the connection is refused
// on any other key), SFTP_PATH (the remote file) and optionally SFTP_PORT. Without SFTP_HOST the
// example reads the local file given as argument, or a fixture of the repository.
// PLANT_TIME_ZONE (default Europe/Berlin) is the zone of SAP's dates; PLANT (e.g. DE01) names the
// plant for flat files read with the built-in LOIPRO01 definition, which does not reach WERKS.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createEvent,
  createUnitRegistry,
  type EventType,
  isMillwrightError,
  type WorkOrder,
} from 'millwright';
import { idocToCanonical, parseIdocStream } from 'millwright/idoc';

/** The event type for each work order status. */
const EVENT_TYPES: Readonly<Record<WorkOrder['status'], EventType>> = {
  created: 'millwright.workorder.created.v1',
  released: 'millwright.workorder.released.v1',
  'in-progress': 'millwright.workorder.started.v1',
  'on-hold': 'millwright.workorder.held.v1',
  completed: 'millwright.workorder.completed.v1',
  closed: 'millwright.workorder.closed.v1',
  cancelled: 'millwright.workorder.cancelled.v1',
};

interface Input {
  readonly description: string;
  readonly stream: AsyncIterable<Uint8Array>;
  readonly close: () => Promise<void>;
}

/** Whether a raw SSH host key has the pinned `SHA256:...` fingerprint. */
function hasFingerprint(key: Buffer, pinned: string): boolean {
  const actual = Buffer.from(
    `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`,
  );
  const expected = Buffer.from(pinned.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

async function openSftp(host: string): Promise<Input> {
  const user = process.env['SFTP_USER'];
  const keyPath = process.env['SFTP_KEY'];
  const fingerprint = process.env['SFTP_FINGERPRINT'];
  const path = process.env['SFTP_PATH'];
  if (user === undefined || keyPath === undefined || fingerprint === undefined || path === undefined) {
    throw new Error('SFTP_HOST needs SFTP_USER, SFTP_KEY, SFTP_FINGERPRINT and SFTP_PATH');
  }
  const { default: SftpClient } = await import('ssh2-sftp-client');
  const sftp = new SftpClient();
  await sftp.connect({
    host,
    port: Number(process.env['SFTP_PORT'] ?? 22),
    username: user,
    privateKey: readFileSync(keyPath),
    hostVerifier: (key: Buffer) => hasFingerprint(key, fingerprint),
  });
  return {
    description: `sftp://${user}@${host}${path} (host key ${fingerprint} verified)`,
    stream: sftp.createReadStream(path),
    close: async () => {
      await sftp.end();
    },
  };
}

function openLocal(path: string | undefined): Input {
  const file = path ?? fileURLToPath(new URL('../test/fixtures/idoc/loipro01.full.xml', import.meta.url));
  return {
    description:
      path === undefined
        ? `the repository fixture ${file} (set SFTP_HOST to read from SFTP)`
        : `the local file ${file}`,
    stream: createReadStream(file),
    close: async () => {},
  };
}

async function main(): Promise<void> {
  const host = process.env['SFTP_HOST'];
  const input = host === undefined || host === '' ? openLocal(process.argv[2]) : await openSftp(host);
  console.error(`Reading LOIPRO IDocs from ${input.description}`);
  const mapping = {
    units: createUnitRegistry(),
    timeZone: process.env['PLANT_TIME_ZONE'] ?? 'Europe/Berlin',
    plant: process.env['PLANT'],
  };
  let orders = 0;
  try {
    for await (const idoc of parseIdocStream(input.stream)) {
      for (const warning of idoc.warnings ?? [])
        console.error(`  warning ${warning.code}: ${warning.message}`);
      for (const record of idocToCanonical(idoc, mapping)) {
        if (record.kind !== 'WorkOrder') continue;
        const event = createEvent(EVENT_TYPES[record.value.status], record.value, {
          source: `/sap/${idoc.control.sndprn || 'unknown'}/loipro`,
          id: `${idoc.control.docnum || record.value.id}-${record.value.status}`,
          correlationId: idoc.control.docnum || undefined,
        });
        console.log(JSON.stringify(event, null, 2));
        orders += 1;
      }
    }
  } finally {
    await input.close();
  }
  console.error(`${orders} work order event(s) written`);
}

main().catch((error: unknown) => {
  console.error(isMillwrightError(error) ? JSON.stringify(error.toJSON()) : error);
  process.exitCode = 1;
});
