import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SftpHostKeyErrorDetails } from '../../src/errors/sftp-error.js';
import { keyTypeOf, knownHostsName, matchesHost, parseKnownHosts } from './known-hosts.js';

/** How the client checks the server's host key, resolved from the `hostKey` option. */
export type ResolvedHostKey =
  | { readonly type: 'sha256'; readonly fingerprints: readonly string[] }
  | { readonly type: 'known-hosts'; readonly file: string }
  | { readonly type: 'insecure' };

/** Why a presented key was refused, for the error. */
export type HostKeyRejection = Pick<
  SftpHostKeyErrorDetails,
  'fingerprint' | 'keyType' | 'problem' | 'expected'
>;

/** A check of one connection attempt's host key. */
export interface HostKeyCheck {
  /** ssh2's `hostVerifier`: true accepts the raw key blob. */
  readonly verify: (key: Buffer) => boolean;
  /** Why the key was refused, once `verify` returned false. */
  readonly rejection: () => HostKeyRejection | undefined;
  /**
   * The host key algorithms to offer, in order: those of the host's known_hosts keys, so that
   * the server presents a key the file holds. Undefined: ssh2's defaults.
   */
  readonly algorithms: readonly string[] | undefined;
}

/**
 * The fingerprint of a raw SSH public key as `ssh-keygen -lf` prints it (`-E sha256`, the default):
 * `SHA256:` followed by the unpadded base64 of the key blob's SHA-256.
 * @example
 * sha256Fingerprint(key); // 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8'
 */
export function sha256Fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The host key algorithms ssh2 may negotiate for each key type a known_hosts line names. */
const ALGORITHMS_OF_KEY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/**
 * Prepares the host key check of one connection attempt. A known_hosts file is read now, so an
 * updated file applies to the next connection without a restart.
 * @returns the check; a file that cannot be read makes every key fail with `known-hosts-unreadable`.
 */
export function createHostKeyCheck(hostKey: ResolvedHostKey, host: string, port: number): HostKeyCheck {
  let rejection: HostKeyRejection | undefined;
  const refuse = (key: Buffer, problem: HostKeyRejection['problem'], expected: string): false => {
    rejection = { fingerprint: sha256Fingerprint(key), keyType: keyTypeOf(key), problem, expected };
    return false;
  };
  if (hostKey.type === 'insecure') {
    return { verify: () => true, rejection: () => undefined, algorithms: undefined };
  }
  if (hostKey.type === 'sha256') {
    return {
      verify(key) {
        const actual = Buffer.from(sha256Fingerprint(key));
        const pinned = hostKey.fingerprints.some((fingerprint) => {
          const expected = Buffer.from(fingerprint);
          return expected.length === actual.length && timingSafeEqual(expected, actual);
        });
        return pinned || refuse(key, 'mismatch', 'the pinned SHA256 fingerprint');
      },
      rejection: () => rejection,
      algorithms: undefined,
    };
  }
  const expected = `known_hosts file ${hostKey.file}`;
  let entries: ReturnType<typeof parseKnownHosts> | undefined;
  try {
    const name = knownHostsName(host, port);
    entries = parseKnownHosts(readFileSync(hostKey.file, 'utf8')).filter((entry) => matchesHost(entry, name));
  } catch {
    entries = undefined;
  }
  const trusted = entries?.filter((entry) => !entry.revoked) ?? [];
  const algorithms = [...new Set(trusted.flatMap((entry) => ALGORITHMS_OF_KEY_TYPE[entry.keyType] ?? []))];
  return {
    verify(key) {
      if (entries === undefined) return refuse(key, 'known-hosts-unreadable', expected);
      if (entries.some((entry) => entry.revoked && entry.key.equals(key)))
        return refuse(key, 'revoked', expected);
      if (trusted.length === 0) return refuse(key, 'unknown-host', expected);
      return trusted.some((entry) => entry.key.equals(key)) || refuse(key, 'mismatch', expected);
    },
    rejection: () => rejection,
    algorithms: algorithms.length > 0 ? algorithms : undefined,
  };
}
