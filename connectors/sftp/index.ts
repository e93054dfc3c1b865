// The public API of `millwright/sftp`. Named exports only: `npm run api` compares the list with
// its committed snapshot. The errors (SftpError, SftpHostKeyError) are exported by `millwright`
// itself, as every error class is.

export type {
  SftpClient,
  SftpListOptions,
  SftpMkdirOptions,
  SftpMoveOptions,
  SftpPutOptions,
} from './create-sftp-client.js';
export { createSftpClient } from './create-sftp-client.js';
export type { SftpOutbox, SftpOutboxOptions } from './create-sftp-outbox.js';
export { createSftpOutbox } from './create-sftp-outbox.js';
export { sha256Fingerprint } from './host-key-verifier.js';
export { pollSftp } from './poll-sftp.js';
export type {
  PollSftpOptions,
  SftpConsumer,
  SftpFileHandler,
  SftpPolledFile,
  SftpReadLock,
} from './poll-sftp-options.js';
export type { SftpFileInfo } from './sftp-file-info.js';
export type { SftpClientOptions, SftpHostKey, SftpLogger, SftpRetryOptions } from './sftp-options.js';
export type { PutSource } from './transfer.js';
