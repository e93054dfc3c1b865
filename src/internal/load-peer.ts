import { createRequire } from 'node:module';
import { MillwrightError } from '../errors/millwright-error.js';

// One require for both builds: in Node, `import` of a package without "exports" (io-ts, axios
// for require) lands on the same CommonJS file, so users and millwright share one instance.
const requirePeer = createRequire(import.meta.url);

/**
 * Loads an optional peer dependency that an entry point needs.
 * @param name - the package to load, e.g. `io-ts`.
 * @param entry - the millwright entry point that needs it, for the message.
 * @param install - the packages to name in the install hint.
 * @returns the package's exports.
 * @throws {MillwrightError} code `MISSING_PEER_DEPENDENCY` when it (or one of its own
 *   dependencies among `install`) is not installed.
 */
export function loadPeer<T>(name: string, entry: string, install: readonly string[] = [name]): T {
  try {
    return requirePeer(name) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') {
      throw new MillwrightError(
        'MISSING_PEER_DEPENDENCY',
        `${entry} needs the optional peer ${install.length > 1 ? 'dependencies' : 'dependency'} ` +
          `${install.join(' and ')}: npm install ${install.join(' ')}`,
        { cause: error },
      );
    }
    throw error;
  }
}
