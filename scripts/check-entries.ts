// `npm run entries`: fails when package.json "exports", "files", tsconfig "paths" or the node10
// stubs made at pack time (package.json scripts, .gitignore) disagree with scripts/entries.ts (the list tsup builds), so an entry can never be built but
// not published, or published without types for one of the formats.
import { existsSync, readFileSync } from 'node:fs';
import { entries } from './entries.js';

interface Conditions {
  readonly import: { readonly types: string; readonly default: string };
  readonly require: { readonly types: string; readonly default: string };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, Conditions | string>;
  files: string[];
  scripts: Record<string, string>;
};
const { compilerOptions } = JSON.parse(readFileSync('tsconfig.json', 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const ignored = readFileSync('.gitignore', 'utf8').split('\n');
const problems: string[] = [];
if (
  pkg.scripts['prepack'] !== 'tsx scripts/node10-stubs.ts write' ||
  pkg.scripts['postpack'] !== 'tsx scripts/node10-stubs.ts remove'
) {
  problems.push(
    'package.json scripts should run scripts/node10-stubs.ts at prepack (write) and postpack (remove)',
  );
}

for (const entry of entries) {
  if (!existsSync(entry.source)) problems.push(`${entry.subpath}: source ${entry.source} does not exist`);
  const publicName = `millwright${entry.subpath.slice(1)}`;
  if (compilerOptions.paths[publicName]?.[0] !== `./${entry.source}`) {
    problems.push(
      `tsconfig.json paths["${publicName}"] should be ["./${entry.source}"] (tests and examples resolve it)`,
    );
  }
  const expected: Conditions = {
    import: { types: `./dist/${entry.name}.d.ts`, default: `./dist/${entry.name}.js` },
    require: { types: `./dist/${entry.name}.d.cts`, default: `./dist/${entry.name}.cjs` },
  };
  const actual = pkg.exports[entry.subpath];
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push(`exports["${entry.subpath}"] should be ${JSON.stringify(expected)}`);
  }
  if (entry.subpath !== '.') {
    // node10 resolution (TypeScript "moduleResolution": "node") ignores "exports": a folder
    // named after the subpath with its own package.json, written at pack time by
    // scripts/node10-stubs.ts, points it at the CJS build and types.
    const folder = entry.subpath.slice(2);
    if (!pkg.files.includes(folder)) problems.push(`package.json "files" should include "${folder}"`);
    if (!ignored.includes(`/${folder}/`))
      problems.push(`.gitignore should list "/${folder}/" (a pack-time stub)`);
  }
}
const subpaths = new Set(entries.map((entry) => entry.subpath));
for (const key of Object.keys(pkg.exports)) {
  if (key.startsWith('./') && !subpaths.has(key) && key !== './package.json' && key !== './schemas/*') {
    problems.push(`exports["${key}"] is not an entry in scripts/entries.ts`);
  }
}
if (problems.length > 0) {
  console.error(`entry points disagree:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`entry points agree (${entries.length} entries)`);
