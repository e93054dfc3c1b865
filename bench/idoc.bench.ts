// IDoc throughput on a 200 MB generated LOIPRO01 flat file (seeded, not committed; see
// idoc-data.ts): parseIdocStream and writeIdoc in MB/s, each next to the speed of merely
// splitting the same bytes into records, the floor any flat-file parser pays. Two floors are
// measured: the bare one (ASCII check, copy to a string, split at line breaks) and millwright's
// own record splitter with no parsing behind it (framing detection and byte offsets included).
// Fields are decoded lazily, so a second figure reads every field of every segment as well.
// Last, IDoc-XML: parseIdoc on a 10 MB document next to fast-xml-parser validating and parsing
// the same text into its generic tree (what reading IDoc-XML with it costs before any IDoc is built).
import { isAscii } from 'node:buffer';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RecordSplitter } from '../connectors/idoc/flat/record-splitter.js';
import { parseIdoc, parseIdocStream, type Segment, writeIdoc } from '../connectors/idoc/index.js';
import { compare } from './harness.js';
import { generateLoiproFile, generateLoiproXml } from './idoc-data.js';

const SIZE = 200 * 1024 * 1024;
const CHUNK = 64 * 1024;
const generated = generateLoiproFile(SIZE);
const file = Buffer.concat(generated.chunks);
generated.chunks.length = 0;
const megabytes = file.length / 1e6;
console.log(
  `\nIDoc benchmark input: ${megabytes.toFixed(0)} MB, ${generated.idocs} LOIPRO01 IDocs, ${CHUNK / 1024} KiB chunks`,
);

function* chunks(): Generator<Buffer> {
  for (let start = 0; start < file.length; start += CHUNK) yield file.subarray(start, start + CHUNK);
}

/** The bare floor: decode (a copy for ASCII) and cut at line breaks. */
async function bareSplit(): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let records = 0;
  for await (const chunk of chunks()) {
    const text =
      pending + (isAscii(chunk) ? chunk.toString('latin1') : decoder.decode(chunk, { stream: true }));
    let position = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', position)) {
      if (text.slice(position, newline).length > 0) records += 1;
      position = newline + 1;
    }
    pending = text.slice(position);
  }
  return records;
}

/** millwright's record splitter alone: framing detection, byte offsets, no parsing. */
async function recordSplit(): Promise<number> {
  let records = 0;
  const splitter = new RecordSplitter(
    { layout: () => {}, record: () => (records += 1), end: () => {}, currentDocnum: () => undefined },
    'auto',
    false,
  );
  for await (const chunk of chunks())
    splitter.push(isAscii(chunk) ? chunk.toString('latin1') : chunk.toString('utf8'), chunk.length);
  splitter.end();
  return records;
}

async function parse(): Promise<number> {
  let idocs = 0;
  for await (const _idoc of parseIdocStream(chunks())) idocs += 1;
  if (idocs !== generated.idocs) throw new Error(`parsed ${idocs} IDocs, expected ${generated.idocs}`);
  return idocs;
}

const floors = [
  { name: 'bare split into records (floor)', fn: bareSplit },
  { name: 'millwright record splitter alone', fn: recordSplit },
];
await compare({
  title: `parseIdocStream, ${megabytes.toFixed(0)} MB LOIPRO01 (ratio = parse speed / split speed; target >= 0.5)`,
  unit: 'MB/s',
  unitsPerCall: megabytes,
  ours: { name: 'millwright parseIdocStream', fn: parse },
  peers: floors,
  timeMs: 1,
  rounds: 3,
});

/** Parse and read every field of every segment: the cost once the lazy fields are all used. */
async function parseAndReadFields(): Promise<number> {
  let fields = 0;
  const visit = (segments: readonly Segment[]): void => {
    for (const segment of segments) {
      for (const name in segment.fields) if (segment.fields[name] !== undefined) fields += 1;
      visit(segment.children);
    }
  };
  for await (const idoc of parseIdocStream(chunks())) visit(idoc.segments);
  return fields;
}

await compare({
  title: `parseIdocStream reading every field of every segment, ${megabytes.toFixed(0)} MB LOIPRO01`,
  unit: 'MB/s',
  unitsPerCall: megabytes,
  ours: { name: 'millwright parse + all fields read', fn: parseAndReadFields },
  peers: [floors[0] as (typeof floors)[number]],
  timeMs: 1,
  rounds: 3,
});
// The writer works on IDocs in memory: a 10 MB sample is parsed once and written out until the
// output is as large as the file, so that all contenders process the same number of megabytes.
const sample = parseIdoc(file.subarray(0, file.indexOf('EDI_DC40', 10 * 1024 * 1024)));
const sampleBytes = Buffer.byteLength(writeIdoc(sample));
const passes = Math.round(file.length / sampleBytes);

function write(): number {
  let bytes = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    for (const idoc of sample) bytes += writeIdoc(idoc).length;
  }
  return bytes;
}

await compare({
  title: `writeIdoc, ${((passes * sampleBytes) / 1e6).toFixed(0)} MB LOIPRO01 (ratio = write speed / split speed)`,
  unit: 'MB/s',
  unitsPerCall: (passes * sampleBytes) / 1e6,
  ours: { name: 'millwright writeIdoc', fn: write },
  peers: floors,
  timeMs: 1,
  rounds: 3,
});

const xml = generateLoiproXml(10 * 1024 * 1024);
const xmlText = xml.xml.toString('utf8');
const xmlMegabytes = xml.xml.length / 1e6;
const generic = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  processEntities: false,
  trimValues: false,
});

function parseXml(): number {
  const idocs = parseIdoc(xml.xml).length;
  if (idocs !== xml.idocs) throw new Error(`parsed ${idocs} IDocs, expected ${xml.idocs}`);
  return idocs;
}

function genericXml(): unknown {
  if (XMLValidator.validate(xmlText) !== true) throw new Error('fast-xml-parser rejects the document');
  return generic.parse(xmlText);
}

await compare({
  title: `parseIdoc on IDoc-XML, ${xmlMegabytes.toFixed(0)} MB LOIPRO01 (ratio = ours / generic XML parse)`,
  unit: 'MB/s',
  unitsPerCall: xmlMegabytes,
  ours: { name: 'millwright parseIdoc (IDoc-XML)', fn: parseXml },
  peers: [{ name: 'fast-xml-parser validate + parse, no IDoc', fn: genericXml }],
  timeMs: 1,
  rounds: 3,
});
