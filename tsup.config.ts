import { defineConfig } from 'tsup';
import { entries } from './scripts/entries.js';

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
});
