/**
 * A remote file or directory as `list` and `stat` report it. Sizes are whole bytes and times
 * whole seconds, as SFTP carries them.
 */
export interface SftpFileInfo {
  /** The file name, without its directory. */
  readonly name: string;
  /** The absolute remote path. */
  readonly path: string;
  /** `file`, `directory`, `symlink` (as listed, not followed) or `other` (sockets, devices...). */
  readonly type: 'file' | 'directory' | 'symlink' | 'other';
  /** The size in bytes. */
  readonly size: number;
  /** The time of the last modification, in whole seconds since 1970-01-01T00:00:00Z. */
  readonly mtime: number;
  /** The permission bits, e.g. `0o640`. */
  readonly mode: number;
}

const TYPE_BITS = 0o170000;

/** The type of a file from its SFTP mode bits. */
export function typeOfMode(mode: number): SftpFileInfo['type'] {
  switch (mode & TYPE_BITS) {
    case 0o100000:
      return 'file';
    case 0o040000:
      return 'directory';
    case 0o120000:
      return 'symlink';
    default:
      return 'other';
  }
}
