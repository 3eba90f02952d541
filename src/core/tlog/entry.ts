/**
 * Laurel's log entries: what one entry of a site's transparency log says about one credential,
 * as bytes, and where a verifier finds a credential's entries. Shared by the build, which writes
 * them, and every verifier, which reads them back. Pure.
 *
 * An entry holds the credential's id (its URL), the SHA-256 of its hosted JSON when it is issued
 * or re-signed, the event's date as the issuer states it, and the time of the build that logged
 * it. Never a name or an identity hash: erasing a learner leaves nothing personal in the log.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const LOG_EVENTS = ['issued', 're-signed', 'revoked', 'suspended', 'reinstated', 'erased'] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

export interface LogEntry {
  /** The entry format's version. */
  readonly v: 1;
  readonly event: LogEvent;
  /** The credential's id: the URL of its hosted JSON. */
  readonly id: string;
  /** Hex SHA-256 of the hosted JSON's bytes, for `issued` and `re-signed`. */
  readonly sha256?: string;
  /** The event's date as the issuer states it (awarded, revoked, suspended, erased on), or the build's time. */
  readonly date: string;
  /** When the build that appended this entry ran. */
  readonly logged: string;
}

/** One entry's bytes: JSON with its members in a fixed order, so that equal entries hash alike. */
export function encodeEntry(entry: LogEntry): Uint8Array {
  const { v, event, id, sha256: digest, date, logged } = entry;
  return utf8ToBytes(JSON.stringify(digest === undefined ? { v, event, id, date, logged } : { v, event, id, sha256: digest, date, logged }));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

export function decodeEntry(bytes: Uint8Array): LogEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Record<string, unknown>;
  const ok =
    entry['v'] === 1 &&
    (LOG_EVENTS as readonly unknown[]).includes(entry['event']) &&
    typeof entry['id'] === 'string' &&
    typeof entry['date'] === 'string' &&
    typeof entry['logged'] === 'string' &&
    (entry['sha256'] === undefined || (typeof entry['sha256'] === 'string' && /^[0-9a-f]{64}$/.test(entry['sha256'])));
  if (!ok) return undefined;
  const decoded = entry as unknown as LogEntry;
  // Only the canonical bytes: a second spelling of one entry would be a second entry.
  return sameBytes(encodeEntry(decoded), bytes) ? decoded : undefined;
}

/** The hex SHA-256 of a hosted JSON, as entries write it. */
export function jsonDigest(json: string): string {
  return bytesToHex(sha256(utf8ToBytes(json)));
}

/**
 * The digests a copy of a credential may match: the hosted JSON is compact (members in their
 * order) and ends with a newline (src/issue/json-text.ts), so a copy parsed and written back
 * compactly is those bytes, whatever spacing it was kept with; a newline is allowed or not.
 */
export function copyDigests(credential: unknown): string[] {
  const compact = JSON.stringify(credential);
  return [jsonDigest(`${compact}\n`), jsonDigest(compact)];
}

/**
 * The entry index: which entries are about which credential, so that a verifier reads the few
 * entries of one credential rather than the whole log. It is split into 256 files by the first
 * byte of the SHA-256 of the credential's id (`index/<hh>.json` under the log's prefix), each an
 * object from id to entry numbers. The index is a convenience, not a proof: every entry it points
 * to is checked against the signed checkpoint, and an index that leaves an entry out can only
 * hide it from a verifier, never change it (a monitor reading the whole log sees it).
 */
export const ENTRY_INDEX_SHARDS = 256;

export function entryIndexPath(credentialId: string, digest: (bytes: Uint8Array) => Uint8Array = sha256): string {
  return `index/${bytesToHex(digest(utf8ToBytes(credentialId)).subarray(0, 1))}.json`;
}

/**
 * Every index file of a log whose entries are these, empty ones included (an absent file would
 * read as "not logged"). `digest` is SHA-256; a build passes Node's native one, faster.
 */
export function entryIndexFiles(entries: readonly LogEntry[], digest: (bytes: Uint8Array) => Uint8Array = sha256): Array<{ path: string; json: string }> {
  const shards = new Map<string, Record<string, number[]>>();
  // Without a prototype, an id such as `__proto__` is a key like any other.
  for (let shard = 0; shard < ENTRY_INDEX_SHARDS; shard += 1) shards.set(`index/${shard.toString(16).padStart(2, '0')}.json`, Object.create(null) as Record<string, number[]>);
  entries.forEach((entry, index) => {
    const shard = shards.get(entryIndexPath(entry.id, digest))!;
    (shard[entry.id] ??= []).push(index);
  });
  return [...shards].map(([path, shard]) => ({ path, json: JSON.stringify(shard) }));
}
