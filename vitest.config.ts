import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// Tests import the package by its public names, as users do; they resolve to the sources
// through the same "paths" that tsc and tsx use.
const { compilerOptions } = JSON.parse(readFileSync(`${root}tsconfig.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, [string]> };
};

export default defineConfig({
  resolve: {
    alias: Object.entries(compilerOptions.paths).map(([name, [target]]) => ({
      find: new RegExp(`^${name}$`),
      replacement: `${root}${target.replace(/^\.\//, '')}`,
    })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
