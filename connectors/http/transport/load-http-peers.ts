import type { AxiosStatic } from 'axios';
import type * as Cockatiel from 'cockatiel';
import { loadPeer } from '../../../src/internal/load-peer.js';

/** The optional peer dependencies of the HTTP layer: axios (transport) and cockatiel (resilience). */
export interface HttpPeers {
  readonly axios: AxiosStatic;
  readonly cockatiel: typeof Cockatiel;
}

const INSTALL = ['axios', 'cockatiel'] as const;

/**
 * Loads axios and cockatiel when a client is created (not when the entry is imported).
 * @param entry - the entry point that needs them, for the message, e.g. `millwright/rest`.
 * @returns both packages.
 * @throws {MillwrightError} code `MISSING_PEER_DEPENDENCY` naming `npm install axios cockatiel`.
 */
export function loadHttpPeers(entry: string): HttpPeers {
  return {
    axios: loadPeer<AxiosStatic>('axios', entry, INSTALL),
    cockatiel: loadPeer<typeof Cockatiel>('cockatiel', entry, INSTALL),
  };
}
