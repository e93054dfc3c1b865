import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { entries } from './scripts/entries.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: Object.fromEntries(entries.map((entry) => [entry.name, entry.source])),
  format: ['esm', 'cjs'],
  dts: true,
  // Shared code (errors, models) lives in chunks, so millwright and millwright/rest share one
  // MillwrightError class within each format; the Symbol.for brand covers ESM vs CJS.
  splitting: true,
  shims: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  esbuildPlugins: [
    {
      // The sources read the version from package.json (for tests and tsx); the package carries
      // it as a constant, so it reads no file and bundles nothing of package.json.
      name: 'package-version',
      setup(build) {
        build.onLoad({ filter: /[\\/]connectors[\\/]http[\\/]package-version\.ts$/ }, () => ({
          contents: `export const PACKAGE_VERSION: string = ${JSON.stringify(version)};`,
          loader: 'ts',
        }));
      },
    },
  ],
});
