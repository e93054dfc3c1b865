import { posix } from 'node:path';
import { describeInput } from '../../src/internal/describe-input.js';

/** Control characters: C0, DEL, C1 and the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused in names.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same characters, to escape them.
const CONTROL_GLOBAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Why a path or name was refused, or null when it is fine. */
export type PathProblem = string | null;

/**
 * A path for messages and errors: control characters escaped (`\n`, `\u0000`), so a hostile
 * name can neither break a log line nor hide in it.
 */
export function displayPath(path: string): string {
  return path.replace(CONTROL_GLOBAL, (char) => JSON.stringify(char).slice(1, -1));
}

/**
 * Why a file name (one path segment, e.g. from a listing or a caller's data) is unsafe to use,
 * or null when it is a plain name: not empty, not `.` or `..`, without `/`, without control
 * characters (line breaks, NUL, escape...).
 */
export function fileNameProblem(name: string): PathProblem {
  if (typeof name !== 'string' || name === '') return 'the name is empty';
  if (name === '.' || name === '..') return `the name is "${name}"`;
  if (name.includes('/')) return 'the name holds a "/"';
  if (CONTROL.test(name)) return 'the name holds a control character (line break, NUL...)';
  return null;
}

/**
 * Resolves a caller's remote path inside the jail `rootDir`: a relative path is taken from
 * `rootDir`, an absolute one must lie inside it. `.` segments and repeated slashes are dropped;
 * `..` segments and control characters are refused, not resolved, so no path can climb out of
 * the jail or smuggle a line break into a name.
 *
 * @param rootDir - the jail, an absolute normalised path (`/` allows every absolute path).
 * @param path - the caller's path.
 * @returns the absolute path, or the problem.
 */
export function resolveRemotePath(rootDir: string, path: string): { path: string } | { problem: string } {
  if (typeof path !== 'string') return { problem: `the path must be a string, not ${describeInput(path)}` };
  if (path === '') return { problem: 'the path is empty' };
  if (CONTROL.test(path)) return { problem: 'the path holds a control character (line break, NUL...)' };
  const segments = path.split('/');
  if (segments.includes('..')) return { problem: 'the path holds a ".." segment' };
  const absolute = posix
    .normalize(path.startsWith('/') ? path : `${rootDir}/${path}`)
    .replace(/(.)\/+$/, '$1');
  if (!isInside(rootDir, absolute))
    return { problem: `the path is outside the directory ${displayPath(rootDir)}` };
  return { path: absolute };
}

/** Whether `path` is `directory` or inside it (both absolute and normalised). */
export function isInside(directory: string, path: string): boolean {
  return directory === '/' || path === directory || path.startsWith(`${directory}/`);
}

/** Joins a directory and a checked file name. */
export function joinRemote(directory: string, name: string): string {
  return directory === '/' ? `/${name}` : `${directory}/${name}`;
}
