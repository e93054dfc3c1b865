import type { SftpLogger } from './sftp-options.js';

/** What the consumer and the outbox read from the client they are given. */
export interface ClientSettings {
  readonly rootDir: string;
  readonly logger: SftpLogger;
}

/** The settings of each client made by `createSftpClient`; other implementations have none. */
export const clientSettings = new WeakMap<object, ClientSettings>();

const silentLogger: SftpLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** The settings of a client, or defaults for a client made elsewhere. */
export function settingsOf(client: object): ClientSettings {
  return clientSettings.get(client) ?? { rootDir: '/', logger: silentLogger };
}
