import { readFileSync } from 'node:fs';

/**
 * The version of the millwright package, for the `User-Agent` header. Read from package.json
 * when the sources run (tests, tsx); the build replaces this module with the version as a
 * constant (tsup.config.ts), so the published package reads no file for it.
 */
export const PACKAGE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
