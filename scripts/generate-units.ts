// `npm run units` generates the unit catalogue in src/uom/generated/ from the public code lists in
// data/uom/: UN/ECE Rec 20 Rev 17 (every code, its factor parsed exactly), the Rec 21 package
// codes (X-prefixed), the QUDT Rec 20 ↔ UCUM pairs verified against the UCUM essence, and the
// SAP T006-style ISO map. Every decision that is not in the data is in scripts/units/curation.ts.
// `npm run units -- --check` writes nothing and exits 1, listing the files, when the committed
// output differs from what the data gives (CI runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/codes/parse-csv.js';
import {
  buildCatalogue,
  type CatalogueUnit,
  type Rec20Row,
  type Rec21Entry,
} from './units/build-catalogue.js';
import { buildUcumMap, type QudtRow } from './units/build-ucum-map.js';
import { createLexicon } from './units/lexicon.js';
import {
  renderSapUnits,
  renderUcumCodes,
  renderUnitCodes,
  renderUnits,
  type SapUnit,
} from './units/render-catalogue.js';
import { UcumEssence } from './units/ucum-essence.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const check = process.argv.includes('--check');
const verbose = process.argv.includes('--verbose');

/** Reads a CSV with a header row into objects keyed by the header's column names. */
function readTable(path: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(read(path)).map((record) => record.fields);
  if (header === undefined) throw new Error(`${path} is empty`);
  return records.map((fields) =>
    Object.fromEntries(header.map((name, index) => [name, fields[index] ?? ''])),
  );
}

function readRec20(): Rec20Row[] {
  return readTable('data/uom/rec20/units-of-measure.csv').map((row) => ({
    status: row['Status'] ?? '',
    code: row['CommonCode'] ?? '',
    name: row['Name'] ?? '',
    description: row['Description'] ?? '',
    level: row['LevelAndCategory'] ?? '',
    symbol: row['Symbol'] ?? '',
    factor: row['ConversionFactor'] ?? '',
  }));
}

function readQudt(): QudtRow[] {
  const split = (text: string | undefined): string[] => (text ?? '').split('|').filter((part) => part !== '');
  return readTable('data/uom/mappings/qudt_unece_ucum_map.csv').map((row) => ({
    unit: row['qudt_unit'] ?? '',
    uneceCodes: split(row['unece_codes']),
    ucumCodes: split(row['ucum_codes']),
    deprecated: row['deprecated'] === 'true',
  }));
}

/**
 * The SAP map, checked: each canonical unit is active, its ISO code resolves to it, one primary
 * per unit, each internal and each external code given once.
 */
function readSap(units: readonly CatalogueUnit[], problems: string[]): SapUnit[] {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const rows = readTable('data/uom/sap/t006-iso-map.csv').map((row) => ({
    sap: row['sap_unit'] ?? '',
    external: row['commercial_en'] ?? '',
    unit: row['unit'] ?? '',
    primary: row['primary'] === 'Y',
    iso: row['iso_code'] ?? '',
  }));
  const primaries = new Map<string, number>();
  for (const row of rows) {
    const unit = byCode.get(row.unit);
    if (unit?.status !== 'active') problems.push(`SAP ${row.sap}: ${row.unit} is not an active unit`);
    const iso = byCode.get(row.iso);
    const isoTarget = iso?.status === 'active' ? iso.code : iso?.successor;
    if (isoTarget !== row.unit)
      problems.push(`SAP ${row.sap}: ISO code ${row.iso} resolves to ${isoTarget}, not ${row.unit}`);
    if (row.external === '') problems.push(`SAP ${row.sap}: no commercial (external) code`);
    if (row.primary) primaries.set(row.unit, (primaries.get(row.unit) ?? 0) + 1);
  }
  for (const [unit, count] of primaries)
    if (count > 1) problems.push(`SAP: ${unit} has ${count} primary SAP units`);
  for (const column of ['sap', 'external'] as const) {
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row[column])) problems.push(`SAP: the ${column} code ${row[column]} is given twice`);
      seen.add(row[column]);
    }
  }
  return rows;
}

/**
 * The SAP codes that are one unit's internal code and another unit's external code, with
 * different meanings: `fromSap` refuses them unless the caller names the form.
 */
function sapFormCollisions(rows: readonly SapUnit[]): string[] {
  const internal = new Map(rows.map((row) => [row.sap, row]));
  return rows
    .filter((row) => row.external !== row.sap && internal.has(row.external))
    .filter((row) => internal.get(row.external)?.unit !== row.unit)
    .map(
      (row) =>
        `${row.external} (internal: ${internal.get(row.external)?.unit}; external of ${row.sap}: ${row.unit})`,
    );
}

/** A committed file's text, or undefined when it does not exist. */
function committed(path: string): string | undefined {
  try {
    return read(path);
  } catch {
    return undefined;
  }
}

/** The first lines where two texts differ, as `line N: - committed / + generated`. */
function differences(before: string, after: string, most = 5): string[] {
  const old = before.split('\n');
  const fresh = after.split('\n');
  const lines: string[] = [];
  for (let index = 0; index < Math.max(old.length, fresh.length) && lines.length < most * 2; index += 1) {
    if (old[index] === fresh[index]) continue;
    lines.push(
      `line ${index + 1}: - ${old[index] ?? '(none)'}`,
      `line ${index + 1}: + ${fresh[index] ?? '(none)'}`,
    );
  }
  return lines;
}

function count<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, value]) => `${name} ${value}`).join(', ');
}

const lexicon = createLexicon();
const rec21 = JSON.parse(read('data/uom/rec21/quadient_parsedUneceUnits.json')) as Rec21Entry[];
const catalogue = buildCatalogue(readRec20(), rec21, lexicon);
const essenceXml = read('data/uom/ucum/ucum-essence.xml');
const ucum = buildUcumMap(catalogue.units, readQudt(), new UcumEssence(essenceXml));
const problems = [...catalogue.problems];
const sap = readSap(catalogue.units, problems);

const outputs = new Map<string, string>([
  ['src/uom/generated/units.ts', renderUnits(catalogue.units)],
  ['src/uom/generated/unit-codes.ts', renderUnitCodes(catalogue.units)],
  [
    'src/uom/generated/ucum-codes.ts',
    renderUcumCodes(ucum.toUcum, ucum.fromUcum, UcumEssence.version(essenceXml)),
  ],
  ['src/uom/generated/sap-units.ts', renderSapUnits(sap)],
]);

const withFactor = catalogue.units.filter((unit) => unit.factor !== undefined);
const retired = catalogue.units.filter((unit) => unit.status !== 'active');
console.log(`units: ${catalogue.units.length} (${count(catalogue.units, (unit) => unit.status)})`);
console.log(`with an exact factor: ${withFactor.length} (${count(withFactor, (unit) => unit.origin ?? '')})`);
console.log(
  `retired: ${retired.length}, with a successor: ${retired.filter((unit) => unit.successor != null).length}`,
);
console.log(
  `UCUM: ${ucum.toUcum.size} codes, ${ucum.fromUcum.size} spellings, ${ucum.rejected.length} pairs rejected, ${ucum.shared.length} spellings shared`,
);
const collisions = sapFormCollisions(sap);
console.log(
  `SAP: ${sap.length} units, ${sap.filter((row) => row.external !== row.sap).length} with an external code of their own, ` +
    `${collisions.length} external codes that are another unit's internal code${collisions.length > 0 ? `: ${collisions.join(', ')}` : ''}`,
);
if (verbose) {
  for (const line of ucum.rejected) console.log(`  rejected ${line}`);
  for (const line of ucum.shared) console.log(`  shared ${line}`);
  for (const unit of retired)
    console.log(`  retired ${unit.code} → ${unit.successor ?? '-'} ${unit.successorReason ?? ''}`);
}

const failures = [...catalogue.undecided.map((line) => `undecided factor: ${line}`), ...problems];
if (failures.length > 0) {
  console.error(`\n${failures.length} problem(s); settle each in scripts/units/curation.ts:`);
  for (const line of failures) console.error(`  ${line}`);
  process.exit(1);
}

if (check) {
  const stale = [...outputs].filter(([path, text]) => committed(path) !== text);
  if (stale.length > 0) {
    console.error('\nThe generated unit catalogue is stale; run `npm run units` and commit:');
    for (const [path, text] of stale) {
      console.error(`  ${path}`);
      for (const line of differences(committed(path) ?? '', text)) console.error(`    ${line}`);
    }
    process.exit(1);
  }
  console.log('\nThe generated unit catalogue is up to date.');
} else {
  for (const [path, text] of outputs) writeFileSync(join(root, path), text);
  console.log(`\nWrote ${[...outputs.keys()].join(', ')}.`);
}
