import { createHmac } from 'node:crypto';

/** One usable line of a known_hosts file. */
export interface KnownHostsEntry {
  /** `@revoked` lines refuse their key; `@cert-authority` lines are not read (certificates are not supported). */
  readonly revoked: boolean;
  /** The host patterns of the line, or one hashed name (`|1|salt|hash`). */
  readonly hosts: string;
  /** The key type as written, e.g. `ssh-ed25519`. */
  readonly keyType: string;
  /** The raw key blob. */
  readonly key: Buffer;
}

/**
 * Reads the lines of an OpenSSH known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
 * plain host patterns with `*`, `?` and `!` negation, `[host]:port` names, hashed names
 * (`|1|salt|hash`, as `ssh-keygen -H` writes them) and `@revoked` markers. Comments, blank
 * lines, `@cert-authority` lines and lines it cannot read are left out.
 *
 * @param text - the file's content.
 * @returns the entries in file order.
 */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const fields = raw.trim().split(/[ \t]+/);
    if (fields[0] === undefined || fields[0] === '' || fields[0].startsWith('#')) continue;
    let revoked = false;
    if (fields[0].startsWith('@')) {
      if (fields[0] !== '@revoked') continue;
      revoked = true;
      fields.shift();
    }
    const [hosts, keyType, base64] = fields;
    if (hosts === undefined || keyType === undefined || base64 === undefined) continue;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) continue;
    entries.push({ revoked, hosts, keyType, key: Buffer.from(base64, 'base64') });
  }
  return entries;
}

/**
 * The name a host has in known_hosts: `host` on port 22, `[host]:port` on any other.
 * @example
 * knownHostsName('sftp.plant.example', 2222); // '[sftp.plant.example]:2222'
 */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/**
 * Whether a known_hosts line applies to a host name (see {@link knownHostsName}): a hashed
 * name that hashes the same, or a pattern list where a pattern matches and no negated one does.
 */
export function matchesHost(entry: KnownHostsEntry, name: string): boolean {
  if (entry.hosts.startsWith('|1|')) {
    const [, , salt, hash] = entry.hosts.split('|');
    if (salt === undefined || hash === undefined) return false;
    const expected = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return expected === hash;
  }
  let matched = false;
  for (const pattern of entry.hosts.split(',')) {
    if (pattern.startsWith('!')) {
      if (matchesPattern(pattern.slice(1), name)) return false;
    } else if (matchesPattern(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/** An OpenSSH host pattern: `*` any run of characters, `?` one; compared without regard to case. */
function matchesPattern(pattern: string, name: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/**
 * The key type named at the start of a raw SSH public key blob, e.g. `ssh-ed25519`.
 * @returns the type, or `unknown` when the blob is too short to hold one.
 */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  if (length > 64 || key.length < 4 + length) return 'unknown';
  return key.subarray(4, 4 + length).toString('latin1');
}
