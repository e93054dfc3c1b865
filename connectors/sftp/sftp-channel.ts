// The part of ssh2's SFTPWrapper that millwright uses, and promise forms of its calls that
// keep the server's status code.

/** File attributes as ssh2 reports them: sizes in bytes, times in seconds since the epoch. */
export interface SftpAttributes {
  readonly mode: number;
  readonly size: number;
  readonly mtime: number;
  readonly atime: number;
}

/** One entry of a directory listing. */
export interface SftpDirectoryEntry {
  readonly filename: string;
  readonly longname: string;
  readonly attrs: SftpAttributes;
}

type Done = (error: Error | null | undefined) => void;

/** ssh2's SFTPWrapper, as far as millwright uses it. */
export interface SftpChannel {
  open(
    path: string,
    flags: string,
    attributes: { mode?: number },
    callback: (error: Error | undefined, handle: Buffer) => void,
  ): void;
  close(handle: Buffer, callback: Done): void;
  read(
    handle: Buffer,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | undefined, bytesRead: number) => void,
  ): void;
  write(
    handle: Buffer,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: Done,
  ): void;
  fstat(handle: Buffer, callback: (error: Error | undefined, attributes: SftpAttributes) => void): void;
  fchmod(handle: Buffer, mode: number, callback: Done): void;
  stat(path: string, callback: (error: Error | undefined, attributes: SftpAttributes) => void): void;
  readdir(path: string, callback: (error: Error | undefined, entries: SftpDirectoryEntry[]) => void): void;
  rename(from: string, to: string, callback: Done): void;
  ext_openssh_rename(from: string, to: string, callback: Done): void;
  unlink(path: string, callback: Done): void;
  mkdir(path: string, attributes: { mode: number }, callback: Done): void;
  on(event: 'close' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The SFTP status code of a failed request (`2` no such file...), or undefined for other errors. */
export function sftpStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Calls a method that takes a callback last and turns the callback into a promise. */
export function call<T = void>(
  start: (callback: (error: Error | null | undefined, value?: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((error, value) => (error ? reject(error) : resolve(value as T)));
    } catch (error) {
      reject(error);
    }
  });
}
