// `npm run bench [-- name...]`: runs every bench/*.bench.ts (or those whose name contains one of
// the arguments), one after the other, each printing its figures and ratios.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const directory = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(directory)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
console.log(`millwright benchmarks on Node ${process.version} (${files.length} files)`);
for (const file of files) {
  await import(pathToFileURL(`${directory}${file}`).href);
}
