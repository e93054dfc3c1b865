// `npm run api`: lists what each entry point exports (name and whether it is a value or only a
// type) and compares the list with the committed snapshot api/<entry>.api.txt, so that nothing
// disappears or appears by accident. `npm run api -- --update` rewrites the snapshots after a
// deliberate change (and the CHANGELOG says so).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { entries } from './entries.js';

const update = process.argv.includes('--update');
const config = ts.getParsedCommandLineOfConfigFile(
  'tsconfig.json',
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
if (config === undefined) throw new Error('cannot read tsconfig.json');
const program = ts.createProgram(
  entries.map((entry) => entry.source),
  config.options,
);
const checker = program.getTypeChecker();

function exportsOf(source: string): string[] {
  const file = program.getSourceFile(source);
  const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
  if (module === undefined) throw new Error(`cannot read the exports of ${source}`);
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const kind =
        target.flags & ts.SymbolFlags.Value
          ? target.flags & ts.SymbolFlags.Type
            ? 'value+type'
            : 'value'
          : 'type';
      return `${symbol.name}: ${kind}`;
    })
    .sort();
}

mkdirSync('api', { recursive: true });
const problems: string[] = [];
for (const entry of entries) {
  const file = `api/${entry.name}.api.txt`;
  const text = `${exportsOf(entry.source).join('\n')}\n`;
  if (update) writeFileSync(file, text);
  else if (!existsSync(file)) problems.push(`${file} is missing`);
  else if (readFileSync(file, 'utf8') !== text) {
    const before = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
    const after = new Set(text.split('\n').filter(Boolean));
    const removed = [...before].filter((line) => !after.has(line));
    const added = [...after].filter((line) => !before.has(line));
    problems.push(`${entry.subpath}: removed [${removed.join(', ')}] added [${added.join(', ')}]`);
  }
}
if (problems.length > 0) {
  console.error(
    `the public API changed; if that is deliberate run \`npm run api -- --update\`:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(update ? 'api/ snapshots written' : `public API matches api/ (${entries.length} entries)`);
