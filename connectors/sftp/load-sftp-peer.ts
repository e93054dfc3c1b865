import { loadPeer } from '../../src/internal/load-peer.js';
import type { SftpChannel } from './sftp-channel.js';

/** The ssh2 `Client` of an ssh2-sftp-client instance, as far as millwright uses it. */
export interface SshClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close' | 'end' | 'connect', listener: () => void): unknown;
  setNoDelay(noDelay: boolean): unknown;
  end(): unknown;
  destroy(): unknown;
}

/** An ssh2-sftp-client instance, as far as millwright uses it. */
export interface SftpClientPeer {
  readonly client: SshClient;
  sftp: SftpChannel | undefined;
  connect(config: Readonly<Record<string, unknown>>): Promise<unknown>;
  end(): Promise<unknown>;
}

/** The ssh2-sftp-client class. */
export type SftpClientPeerClass = new (
  name: string,
  callbacks: { error: (error: Error) => void; end: () => void; close: () => void },
) => SftpClientPeer;

const INSTALL = ['ssh2-sftp-client'] as const;

/**
 * Loads ssh2-sftp-client (and with it ssh2) when a client is created, not when the entry is imported.
 * @returns the client class.
 * @throws {MillwrightError} code `MISSING_PEER_DEPENDENCY` naming `npm install ssh2-sftp-client`.
 */
export function loadSftpPeer(): SftpClientPeerClass {
  return loadPeer<SftpClientPeerClass>('ssh2-sftp-client', 'millwright/sftp', INSTALL);
}
