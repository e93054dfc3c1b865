import type { SftpError } from '../../src/errors/sftp-error.js';
import type { SecretRedactor } from '../http/errors/secret-redactor.js';
import { createHostKeyCheck } from './host-key-verifier.js';
import type { SftpClientPeer, SftpClientPeerClass } from './load-sftp-peer.js';
import type { ResolvedSftpOptions } from './resolve-sftp-options.js';
import type { SftpChannel } from './sftp-channel.js';
import { sftpError, toSftpError } from './to-sftp-error.js';

/**
 * One SSH connection with its SFTP channel. Every request on it goes through {@link guard},
 * which bounds it: when the connection drops, or when requests are pending and none completes
 * for `operationTimeoutMs`, the connection is cut and every pending request fails at once,
 * even if ssh2 never calls its callback.
 */
export interface SftpConnection {
  readonly channel: SftpChannel;
  /** Whether the connection can still take requests. */
  readonly alive: boolean;
  /** Races a request against the loss of the connection and the inactivity timer. */
  guard<T>(request: Promise<T>): Promise<T>;
  /** Cuts the connection; pending requests fail with `reason`. */
  abort(reason: SftpError): void;
  /** Ends the connection politely, cutting it after `timeoutMs`. */
  end(timeoutMs: number): Promise<void>;
}

/**
 * Connects, verifies the host key, logs in and opens the SFTP channel, within `connectTimeoutMs`.
 * @returns the connection.
 * @throws {SftpError} `CONNECT_FAILED`, `AUTH_FAILED`, or {@link SftpHostKeyError}.
 */
export async function openSftpConnection(
  options: ResolvedSftpOptions,
  Peer: SftpClientPeerClass,
  redactor: SecretRedactor,
): Promise<SftpConnection> {
  const context = { operation: 'CONNECT', origin: options.origin, redactor };
  let lost: SftpError | undefined;
  const losers = new Set<(error: SftpError) => void>();
  const lose = (error: SftpError): void => {
    if (lost !== undefined) return;
    lost = error;
    for (const reject of losers) reject(error);
    losers.clear();
  };
  let ending = false;
  const onLoss = (raw?: Error): void => {
    if (ending) {
      lose(sftpError('CLIENT_CLOSED', 'the connection was closed', context));
      return;
    }
    const error =
      raw === undefined
        ? sftpError('CONNECTION_LOST', 'the server closed the connection', context)
        : toSftpError(raw, { ...context, operation: 'SFTP' }, 'operation');
    if (lost === undefined)
      options.logger.warn('sftp: connection lost', {
        origin: options.origin,
        code: error.code,
        reason: error.reason,
      });
    lose(error);
  };
  // ssh2-sftp-client's default listeners print to the console; these log through the logger.
  const peer: SftpClientPeer = new Peer('millwright', {
    error: (error) => onLoss(error),
    end: () => onLoss(),
    close: () => onLoss(),
  });
  let lastError: Error | undefined;
  peer.client.on('error', (error) => {
    lastError = error;
    onLoss(error);
  });
  peer.client.on('close', () => onLoss());
  // SFTP is request and answer: with Nagle's algorithm on (ssh2 leaves it on), a small packet
  // written in two parts waits for the delayed ACK, 40 ms per request.
  peer.client.on('connect', () => peer.client.setNoDelay(true));
  const check = createHostKeyCheck(options.hostKey, options.host, options.port);
  const config: Record<string, unknown> = {
    host: options.host,
    port: options.port,
    username: options.username,
    hostVerifier: check.verify,
    keepaliveInterval: options.keepaliveIntervalMs,
    keepaliveCountMax: options.keepaliveCountMax,
    readyTimeout: options.connectTimeoutMs,
    tryKeyboard: false,
  };
  if (options.privateKey !== undefined) config['privateKey'] = options.privateKey;
  if (options.passphrase !== undefined) config['passphrase'] = options.passphrase;
  if (options.password !== undefined) config['password'] = options.password;
  if (check.algorithms !== undefined) config['algorithms'] = { serverHostKey: [...check.algorithms] };

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      peer.connect(config),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              sftpError('CONNECT_FAILED', `no connection within ${options.connectTimeoutMs} ms`, context),
            ),
          options.connectTimeoutMs + 1_000,
        );
      }),
    ]);
  } catch (error) {
    destroy(peer);
    throw toSftpError(lastError ?? error, context, 'connect', check.rejection());
  } finally {
    clearTimeout(timer);
  }
  const channel = peer.sftp;
  if (channel === undefined || lost !== undefined) {
    destroy(peer);
    throw lost ?? sftpError('CONNECT_FAILED', 'the server opened no SFTP channel', context);
  }
  channel.on('close', () => onLoss());
  channel.on('end', () => onLoss());
  channel.on('error', (error) => onLoss(error));

  // The inactivity timer: armed while requests are pending, re-armed by each completion.
  let pending = 0;
  let watchdog: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(watchdog);
    watchdog =
      pending > 0
        ? setTimeout(() => {
            options.logger.warn('sftp: operation stalled, cutting the connection', {
              origin: options.origin,
              timeoutMs: options.operationTimeoutMs,
            });
            connection.abort(
              sftpError('TIMEOUT', `no progress for ${options.operationTimeoutMs} ms`, {
                ...context,
                operation: 'SFTP',
              }),
            );
          }, options.operationTimeoutMs)
        : undefined;
  };
  const connection: SftpConnection = {
    channel,
    get alive() {
      return lost === undefined;
    },
    guard(request) {
      if (lost !== undefined) {
        request.catch(() => {});
        return Promise.reject(lost);
      }
      pending += 1;
      arm();
      let reject: ((error: SftpError) => void) | undefined;
      const loss = new Promise<never>((_, rejectLoss) => {
        reject = rejectLoss;
        losers.add(rejectLoss);
      });
      return Promise.race([request, loss]).finally(() => {
        if (reject !== undefined) losers.delete(reject);
        pending -= 1;
        arm();
      });
    },
    abort(reason) {
      lose(reason);
      clearTimeout(watchdog);
      destroy(peer);
    },
    async end(timeoutMs) {
      clearTimeout(watchdog);
      if (lost !== undefined) {
        destroy(peer);
        return;
      }
      ending = true;
      let endTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        peer.end().catch(() => {}),
        new Promise<void>((resolve) => {
          endTimer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(endTimer);
      lose(sftpError('CLIENT_CLOSED', 'the connection was closed', context));
      destroy(peer);
    },
  };
  return connection;
}

function destroy(peer: SftpClientPeer): void {
  try {
    peer.client.destroy();
  } catch {
    // Already gone.
  }
}
