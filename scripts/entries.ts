// The package's entry points: the single list that tsup.config.ts builds, package.json
// "exports" publishes, the node10 stub folders point at, and the pack smoke test imports.
// scripts/check-entries.ts fails CI when any of them disagrees with this list.

export interface Entry {
  /** The subpath users import, e.g. `millwright/rest`; `.` for the root. */
  readonly subpath: string;
  /** The output name in dist/, e.g. `rest` for dist/rest.js. */
  readonly name: string;
  /** The TypeScript source of the entry. */
  readonly source: string;
}

export const entries: readonly Entry[] = [
  { subpath: '.', name: 'index', source: 'src/index.ts' },
  { subpath: './io-ts', name: 'io-ts', source: 'src/io-ts/index.ts' },
  { subpath: './rest', name: 'rest', source: 'connectors/rest/index.ts' },
  { subpath: './idoc', name: 'idoc', source: 'connectors/idoc/index.ts' },
  { subpath: './sftp', name: 'sftp', source: 'connectors/sftp/index.ts' },
  { subpath: './delivery', name: 'delivery', source: 'connectors/delivery/index.ts' },
];

/**
 * The package.json stubs for TypeScript's old `node10` resolution, which ignores "exports": one
 * folder per entry but the root, named after its subpath, pointing at the CJS build and types.
 * scripts/node10-stubs.ts writes them at pack time.
 */
export const node10Stubs = entries
  .filter((entry) => entry.subpath !== '.')
  .map((entry) => ({
    folder: entry.subpath.slice(2),
    stub: { main: `../dist/${entry.name}.cjs`, types: `../dist/${entry.name}.d.cts` },
  }));
