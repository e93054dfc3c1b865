// `npx tsx bench/idoc-memory.ts [gibibytes]`: streams a generated LOIPRO01 flat file of 1 GiB
// (by default) through parseIdocStream and reports bytes, IDocs, throughput and the peak resident
// set size, which must stay under 200 MB whatever the file size. The file is generated on the fly
// as a stream (nothing is written to disk). The parse runs in a child process so that its RSS is
// its own; the parent prints the figures and exits 1 when the limit is exceeded.
//
// `npx tsx bench/idoc-memory.ts --endless-flat [segments]`: one flat control record followed by
// a run of data records that never ends in another IDoc (1,000,000 by default): the stream must
// stop it with IDOC_TOO_LARGE (maxIdocLength) instead of holding it all; prints how it ended and
// the peak RSS.
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseIdocStream, writeIdoc } from '../connectors/idoc/index.js';
import { IdocError } from '../src/errors/idoc-error.js';
import { seededRandom } from './harness.js';
import { generateOrder } from './idoc-data.js';

const LIMIT_MB = 200;
const CHILD_FLAG = '--child';
const ENDLESS_FLAG = '--endless-flat';

interface Result {
  readonly bytes: number;
  readonly idocs: number;
  readonly segments: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** A stream of `total` bytes of LOIPRO01 IDocs: a seeded pool of IDocs, repeated. */
function loiproStream(total: number): Readable {
  const random = seededRandom(20260512);
  const pool = Array.from({ length: 200 }, (_, index) =>
    Buffer.from(writeIdoc(generateOrder(index, random)), 'utf8'),
  );
  let sent = 0;
  let index = 0;
  return Readable.from(
    (function* (): Generator<Buffer> {
      while (sent < total) {
        const chunk = pool[index % pool.length] as Buffer;
        index += 1;
        sent += chunk.length;
        yield chunk;
      }
    })(),
  );
}

async function child(gibibytes: number): Promise<void> {
  const total = gibibytes * 1024 ** 3;
  let bytes = 0;
  let idocs = 0;
  let segments = 0;
  const input = loiproStream(total);
  input.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const count = (list: readonly { children: readonly unknown[] }[]): number =>
    list.reduce((sum, segment) => sum + 1 + count(segment.children as { children: readonly unknown[] }[]), 0);
  const started = performance.now();
  for await (const idoc of parseIdocStream(input)) {
    idocs += 1;
    segments += count(idoc.segments);
  }
  const result: Result = {
    bytes,
    idocs,
    segments,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
}

/** One control record, then `segments` data records of one IDoc, 1,000 records per chunk. */
function* endlessFlat(segments: number): Generator<Buffer> {
  const pad = (value: string, length: number): string => value.padEnd(length, ' ');
  const docnum = '0000000000000001';
  yield Buffer.from(`${pad(`${pad('EDI_DC40', 10)}100${docnum}758 3012  ${pad('ZNONE01', 30)}`, 524)}\n`);
  const record = `${pad(`${pad('Z1ENDLESS', 30)}100${docnum}`, 63)}${pad('DATA', 1000)}\n`;
  const chunk = Buffer.from(record.repeat(1000));
  for (let sent = 0; sent < segments; sent += 1000) yield chunk;
}

async function endlessChild(segments: number): Promise<void> {
  const started = performance.now();
  let outcome = 'ended without error';
  let idocs = 0;
  try {
    for await (const _idoc of parseIdocStream(endlessFlat(segments))) idocs += 1;
  } catch (error) {
    outcome = error instanceof IdocError ? `IdocError ${error.code}: ${error.message}` : String(error);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ outcome, idocs, seconds: (performance.now() - started) / 1000, peakRssMb }));
}

function endlessParent(segments: number): void {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, script, CHILD_FLAG, ENDLESS_FLAG, String(segments)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (run.status !== 0) {
    console.error(`the parse crashed (exit ${run.status}, signal ${run.signal})`);
    process.exit(1);
  }
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as {
    outcome: string;
    idocs: number;
    seconds: number;
    peakRssMb: number;
  };
  console.log(
    `parseIdocStream over one flat IDoc of ${segments.toLocaleString('en-US')} data records (Node ${process.version})`,
  );
  console.log(`  outcome        ${result.outcome}`);
  console.log(`  time           ${result.seconds.toFixed(1)} s`);
  console.log(`  peak RSS       ${result.peakRssMb.toFixed(0)} MB (limit ${LIMIT_MB} MB)`);
  if (result.peakRssMb >= LIMIT_MB) process.exit(1);
}

function parent(gibibytes: number): void {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...process.execArgv, script, CHILD_FLAG, String(gibibytes)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) {
    console.error(`the parse failed (exit ${run.status})`);
    process.exit(1);
  }
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Result;
  const mb = result.bytes / 1e6;
  console.log(`parseIdocStream over a generated LOIPRO01 stream (Node ${process.version})`);
  console.log(
    `  bytes parsed   ${result.bytes.toLocaleString('en-US')} (${(result.bytes / 1024 ** 3).toFixed(2)} GiB)`,
  );
  console.log(
    `  IDocs          ${result.idocs.toLocaleString('en-US')} (${result.segments.toLocaleString('en-US')} segments)`,
  );
  console.log(`  throughput     ${(mb / result.seconds).toFixed(0)} MB/s (${result.seconds.toFixed(1)} s)`);
  console.log(`  peak RSS       ${result.peakRssMb.toFixed(0)} MB (limit ${LIMIT_MB} MB)`);
  if (result.peakRssMb >= LIMIT_MB) process.exit(1);
}

const flag = process.argv.indexOf(CHILD_FLAG);
const endless = process.argv.indexOf(ENDLESS_FLAG);
const count = (index: number, fallback: number): number => Number(process.argv[index + 1] ?? fallback);
if (flag >= 0 && endless >= 0) await endlessChild(count(endless, 1_000_000));
else if (flag >= 0) await child(count(flag, 1));
else if (endless >= 0) endlessParent(count(endless, 1_000_000));
else parent(count(1, 1));
