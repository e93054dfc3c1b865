// `npx tsx examples/idoc-loipro-to-events.ts [file]`: reads LOIPRO01 production orders (flat file
// or IDoc-XML, any size: the file is streamed), maps each to a canonical WorkOrder and prints it
// as a JSON CloudEvent whose type says what happened (released, started, completed...).
//
// From an SFTP server: SFTP_HOST, SFTP_USER, SFTP_KEY (path to the private key), SFTP_FINGERPRINT
// (the server's host key, `SHA256:...` as `ssh-keygen -lf` prints it; the connection is refused
// on any other key), SFTP_PATH (the remote file) and optionally SFTP_PORT. Without SFTP_HOST the
// example reads the local file given as argument, or, without one, a flat LOIPRO01 file of the
// repository together with the WE60 export it was written with.
//
// IDOC_SCHEMA is the path of your system's WE60 "parser" export of LOIPRO01 (a site export with
// every field). The built-in LOIPRO01 layout stops where the public field lists stop: a flat file
// read with it alone cannot be mapped, since the start time, material, plant and statuses lie past
// its verified fields (data/idoc/SOURCE.md); the error names the field. IDoc-XML needs no export.
// SAP_TIME_ZONE (e.g. Europe/Berlin) is the IANA time zone of the SAP system, required for your
// own files: SAP dates and times carry no zone. PLANT (e.g. DE01) is only a fallback for orders
// that name no plant. An order that cannot be mapped is reported on stderr and the others are
// still written.
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
import {
  builtinIdocSchemas,
  type IdocSchema,
  idocToCanonical,
  loadIdocSchema,
  parseIdocStream,
} from 'millwright/idoc';

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
  /** The WE60 export the input was written with, if the example knows it. */
  readonly schemaPath?: string;
  /** The time zone of the SAP system that wrote the input, if the example knows it. */
  readonly timeZone?: string;
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

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/idoc/${name}`, import.meta.url));

function openLocal(path: string | undefined): Input {
  if (path !== undefined) {
    return { description: `the local file ${path}`, stream: createReadStream(path), close: async () => {} };
  }
  // A flat LOIPRO01 file and the (test) WE60 export it was written with: see its SOURCE.md.
  const file = fixture('loipro01.site.idoc');
  return {
    description: `the repository fixture ${file} (set SFTP_HOST to read from SFTP)`,
    stream: createReadStream(file),
    close: async () => {},
    schemaPath: fixture('loipro01.site.parser.txt'),
    timeZone: 'Europe/Berlin',
  };
}

/** Your WE60 export (IDOC_SCHEMA) or the input's own, before the built-in definitions. */
function schemasFor(input: Input): readonly IdocSchema[] {
  const path = process.env['IDOC_SCHEMA'] || input.schemaPath;
  return path === undefined
    ? builtinIdocSchemas
    : [loadIdocSchema(readFileSync(path, 'latin1')), ...builtinIdocSchemas];
}

async function main(): Promise<void> {
  const host = process.env['SFTP_HOST'];
  const input = host === undefined || host === '' ? openLocal(process.argv[2]) : await openSftp(host);
  console.error(`Reading LOIPRO IDocs from ${input.description}`);
  const timeZone = process.env['SAP_TIME_ZONE'] || input.timeZone;
  if (timeZone === undefined) {
    await input.close();
    throw new Error("set SAP_TIME_ZONE to the SAP system's IANA time zone, e.g. Europe/Berlin");
  }
  const mapping = { units: createUnitRegistry(), timeZone, plant: process.env['PLANT'] || undefined };
  let orders = 0;
  let failed = 0;
  try {
    for await (const idoc of parseIdocStream(input.stream, { schemas: schemasFor(input) })) {
      for (const warning of idoc.warnings ?? [])
        console.error(`  warning ${warning.code}: ${warning.message}`);
      let records: ReturnType<typeof idocToCanonical>;
      try {
        records = idocToCanonical(idoc, mapping);
      } catch (error) {
        if (!isMillwrightError(error)) throw error;
        console.error(
          `  IDoc ${idoc.control.docnum || '(no number)'} not mapped: ${JSON.stringify(error.toJSON())}`,
        );
        failed += 1;
        continue;
      }
      for (const record of records) {
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
  console.error(`${orders} work order event(s) written${failed > 0 ? `, ${failed} IDoc(s) not mapped` : ''}`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(isMillwrightError(error) ? JSON.stringify(error.toJSON()) : error);
  process.exitCode = 1;
});
