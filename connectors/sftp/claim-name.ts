/** A file claimed by a consumer: renamed in its folder to a hidden name that says by whom, when and which attempt. */
export interface Claim {
  /** The file's own name. */
  readonly name: string;
  /** The id of the consumer that claimed it. */
  readonly consumerId: string;
  /** When it was claimed, in ms since the epoch (the claiming consumer's clock). */
  readonly claimedAt: number;
  /** Which attempt at handling the file this claim is: 1, then one more each time its consumer resumes it. */
  readonly attempt: number;
  /** The hidden name it has while claimed. */
  readonly claimName: string;
}

const CLAIM = /^\.(.+)\.([A-Za-z0-9_-]{1,64})\.(\d{1,16})\.(\d{1,4})\.claim$/s;

/** What a consumer id may hold: letters, digits, `_` and `-`, 1 to 64 of them. */
export const CONSUMER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The claim of a file: its hidden name is `.<name>.<consumerId>.<claimedAt>.<attempt>.claim`,
 * hidden so that no pattern without a leading `.` selects it.
 */
export function claimOf(name: string, consumerId: string, claimedAt: number, attempt: number): Claim {
  return {
    name,
    consumerId,
    claimedAt,
    attempt,
    claimName: `.${name}.${consumerId}.${claimedAt}.${attempt}.claim`,
  };
}

/** Reads a claim name, or returns undefined for any other name. */
export function parseClaimName(claimName: string): Claim | undefined {
  const match = CLAIM.exec(claimName);
  if (match === null) return undefined;
  const [, name, consumerId, claimedAt, attempt] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { name, consumerId, claimedAt: Number(claimedAt), attempt: Number(attempt), claimName };
}
