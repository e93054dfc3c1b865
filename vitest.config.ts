import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { entries } from './scripts/entries.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its public names; they resolve to the sources.
    alias: entries.map((entry) => ({
      find: new RegExp(`^millwright${entry.subpath === '.' ? '' : entry.subpath.slice(1)}$`),
      replacement: `${root}${entry.source}`,
    })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
