import { open as openLocal } from 'node:fs/promises';
import type { SftpConnection } from './open-sftp-connection.js';
import { call } from './sftp-channel.js';

/** Bytes per read or write request; below OpenSSH's limit, so ssh2 never splits a request. */
export const CHUNK_SIZE = 128 * 1024;
/** Requests in flight per transfer: enough to fill the pipe, bounded memory (CHUNK_SIZE × this). */
export const REQUESTS_IN_FLIGHT = 16;

/** What `put` uploads: a local file path, bytes, or a stream of bytes. */
export type PutSource = string | Uint8Array | AsyncIterable<Uint8Array | string>;

/** A piece of an upload; `release` hands its buffer back for reuse once the server has it. */
export interface Chunk {
  readonly bytes: Buffer;
  readonly release?: () => void;
}

/**
 * Writes chunks to an open remote file with up to {@link REQUESTS_IN_FLIGHT} write requests in
 * flight, at increasing offsets.
 * @returns the number of bytes written.
 * @throws the first error of a write request (the others are waited for, not reported).
 */
export async function writeChunks(
  connection: SftpConnection,
  handle: Buffer,
  chunks: AsyncIterable<Chunk> | Iterable<Chunk>,
): Promise<number> {
  let position = 0;
  let failure: { error: unknown } | undefined;
  const inFlight = new Set<Promise<void>>();
  for await (const { bytes, release } of chunks) {
    if (failure !== undefined) break;
    const offset = position;
    position += bytes.length;
    const request: Promise<void> = connection
      .guard(call((done) => connection.channel.write(handle, bytes, 0, bytes.length, offset, done)))
      .then(
        () => {
          inFlight.delete(request);
          release?.();
        },
        (error: unknown) => {
          failure ??= { error };
          inFlight.delete(request);
        },
      );
    inFlight.add(request);
    if (inFlight.size >= REQUESTS_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure.error;
  return position;
}

/**
 * The chunks of an upload source, each at most {@link CHUNK_SIZE} bytes. A local file is read
 * into a few buffers that are reused once their write request completed.
 * @param onFirstRead - called before the first read of a stream (from then on it cannot be re-sent).
 */
export async function* sourceChunks(source: PutSource, onFirstRead: () => void): AsyncGenerator<Chunk> {
  if (typeof source === 'string') {
    const file = await openLocal(source, 'r');
    const free: Buffer[] = [];
    try {
      for (;;) {
        const buffer = free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE);
        const { bytesRead } = await file.read(buffer, 0, CHUNK_SIZE, null);
        if (bytesRead === 0) return;
        yield { bytes: buffer.subarray(0, bytesRead), release: () => free.push(buffer) };
      }
    } finally {
      await file.close();
    }
  }
  if (source instanceof Uint8Array) {
    const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) {
      yield { bytes: bytes.subarray(offset, offset + CHUNK_SIZE) };
    }
    return;
  }
  onFirstRead();
  let pending: Buffer[] = [];
  let pendingLength = 0;
  for await (const piece of source) {
    let bytes =
      typeof piece === 'string'
        ? Buffer.from(piece, 'utf8')
        : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingLength + bytes.length >= CHUNK_SIZE) {
      const take = CHUNK_SIZE - pendingLength;
      pending.push(bytes.subarray(0, take));
      yield { bytes: pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, CHUNK_SIZE) };
      bytes = bytes.subarray(take);
      pending = [];
      pendingLength = 0;
    }
    if (bytes.length > 0) {
      // Copied: a stream may reuse its buffers once the next piece is read.
      pending.push(Buffer.from(bytes));
      pendingLength += bytes.length;
    }
  }
  if (pendingLength > 0) yield { bytes: Buffer.concat(pending, pendingLength) };
}

/**
 * Reads a whole open remote file into one buffer: straight into a buffer of `size` bytes with
 * up to {@link REQUESTS_IN_FLIGHT} requests in flight, then on until the server reports the end
 * (the file may have grown since `size` was read).
 * @returns the bytes read.
 */
export async function readWhole(connection: SftpConnection, handle: Buffer, size: number): Promise<Buffer> {
  const target = Buffer.allocUnsafe(size);
  const readInto = (offset: number, length: number): Promise<number> =>
    connection.guard(
      call<number>((done) =>
        connection.channel.read(handle, target, offset, length, offset, (error, bytesRead) =>
          done(error, bytesRead),
        ),
      ),
    );
  let next = 0;
  let end = size;
  /** Reads ranges until none is left; a short read re-reads the rest of its range. */
  const worker = async (): Promise<void> => {
    while (next < end) {
      let offset = next;
      const stop = Math.min(offset + CHUNK_SIZE, end);
      next = stop;
      while (offset < stop) {
        const bytesRead = (await readInto(offset, stop - offset)) ?? 0;
        if (bytesRead === 0) {
          end = Math.min(end, offset); // The file shrank: it ends here.
          return;
        }
        offset += bytesRead;
      }
    }
  };
  await Promise.all(Array.from({ length: REQUESTS_IN_FLIGHT }, worker));
  const head = end === size ? target : target.subarray(0, end);
  if (end < size) return head;
  const rest: Buffer[] = [];
  for await (const chunk of readChunks(connection, handle, 0, size)) rest.push(chunk);
  return rest.length === 0 ? head : Buffer.concat([head, ...rest]);
}

/**
 * Reads an open remote file from its start to its end with up to {@link REQUESTS_IN_FLIGHT}
 * read requests in flight, yielding the bytes in order. Reads past `sizeHint` continue (the
 * file may have grown) until the server reports the end of the file.
 */
export async function* readChunks(
  connection: SftpConnection,
  handle: Buffer,
  sizeHint: number,
  start = 0,
): AsyncGenerator<Buffer> {
  const read = (position: number, length: number): Promise<Buffer> => {
    const buffer = Buffer.allocUnsafe(length);
    return connection
      .guard(
        call<number>((done) =>
          connection.channel.read(handle, buffer, 0, length, position, (error, bytesRead) =>
            done(error, bytesRead),
          ),
        ),
      )
      .then((bytesRead) => buffer.subarray(0, bytesRead ?? 0));
  };
  const queue: { position: number; length: number; data: Promise<Buffer> }[] = [];
  let next = start;
  const fill = (): void => {
    // Within the known size, many requests at once; past it, one at a time until the end.
    while (queue.length < REQUESTS_IN_FLIGHT && (next < sizeHint || queue.length === 0)) {
      const length = next < sizeHint ? Math.min(CHUNK_SIZE, sizeHint - next) : CHUNK_SIZE;
      const data = read(next, length);
      data.catch(() => {});
      queue.push({ position: next, length, data });
      next += length;
    }
  };
  try {
    for (;;) {
      fill();
      const head = queue.shift() as (typeof queue)[number];
      let data = await head.data;
      if (data.length === 0) return;
      // A short read before the end: read the rest of this range before going on.
      let got = data.length;
      while (got < head.length) {
        yield data;
        data = await read(head.position + got, head.length - got);
        if (data.length === 0) return;
        got += data.length;
      }
      yield data;
    }
  } finally {
    for (const pending of queue) pending.data.catch(() => {});
  }
}
