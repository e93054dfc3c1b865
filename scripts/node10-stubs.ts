// `npm pack` and `npm publish` run this (prepack: `write`, postpack: `remove`): the package.json
// stubs that TypeScript's old `node10` resolution needs, one folder per entry point named after
// its subpath (`rest/package.json` → the CJS build and its types), since that resolution ignores
// "exports". They are made from scripts/entries.ts at pack time and never committed, so the
// repository root shows only what the design lists; package.json "files" names each folder, and
// scripts/check-entries.ts and the pack smoke test check that they are there.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { node10Stubs } from './entries.js';

const mode = process.argv[2];
if (mode === 'write') {
  for (const { folder, stub } of node10Stubs) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}/package.json`, `${JSON.stringify(stub, null, 2)}\n`);
  }
  console.log(`node10 stubs written: ${node10Stubs.map(({ folder }) => folder).join(', ')}`);
} else if (mode === 'remove') {
  for (const { folder } of node10Stubs) rmSync(folder, { recursive: true, force: true });
} else if (mode !== undefined) {
  console.error('usage: tsx scripts/node10-stubs.ts write|remove');
  process.exit(2);
}
