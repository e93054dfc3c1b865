// `npm run lockfile`, after any `npm install`: removes from package-lock.json the optional
// dependencies that the lock file has no entry for. A registry mirror that carries only some
// platforms' builds of packages such as @rollup/rollup-*, @esbuild/* or @biomejs/cli-* leaves
// such dangling edges (npm/cli#4828), and npm 11's `npm ci` then refuses the whole lock file.
// Platform packages that the lock does hold are kept, so installs elsewhere are unaffected.
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };
const removed: string[] = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  const optional = entry.optionalDependencies;
  if (optional === undefined) continue;
  for (const name of Object.keys(optional)) {
    const nested = `${location === '' ? '' : `${location}/`}node_modules/${name}`;
    if (nested in lock.packages || `node_modules/${name}` in lock.packages) continue;
    delete optional[name];
    removed.push(`${location || '(root)'} → ${name}`);
  }
  if (Object.keys(optional).length === 0) delete entry.optionalDependencies;
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: removed ${removed.length} optional dependencies the lock file does not hold`);
