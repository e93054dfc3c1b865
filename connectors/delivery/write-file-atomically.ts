import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content, never
 * a mix or an empty file: writes a temporary file in the same directory, syncs it to disk,
 * renames it over the target and syncs the directory, so the rename itself is durable.
 *
 * @param path - the file to write.
 * @param data - the new content.
 * @param mode - the permissions of a new file. @default 0o600
 * @throws the file system's error (ENOSPC, EACCES...); the temporary file is removed then.
 */
export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  mode = 0o600,
): Promise<void> {
  const temporary = join(dirname(path), `${temporaryPrefix(path)}${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Syncs a directory, so that the creations, renames and removals of files in it survive a
 * power loss. A no-op where the platform cannot open a directory for syncing (Windows).
 * @throws the file system's error when the directory cannot be opened.
 */
export async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(directory, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a directory; their renames are ordered anyway.
    const code = (error as { code?: unknown }).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Removes the temporary files that {@link writeFileAtomically} left for `path` when the process
 * died between creating and renaming one.
 */
export async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = temporaryPrefix(path);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) {
      await unlink(join(dirname(path), name)).catch(() => {});
    }
  }
}

/** `.state.json.`: temporary files are hidden and named after the file they replace. */
function temporaryPrefix(path: string): string {
  return `.${basename(path)}.`;
}
