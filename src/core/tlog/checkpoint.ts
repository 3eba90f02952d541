/**
 * C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint, C2SP/C2SP@5ba5ee8): the log's signed tree head,
 * a signed note (./note.ts) whose text is the origin, the tree size and the root hash. Pure.
 *
 *   credentials.example.org/log
 *   20852163
 *   CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 */
import { base64 } from '@scure/base';
import { HASH_SIZE, type Hash } from './merkle.ts';
import { signNote, verifyNote, type NoteKey } from './note.ts';

export interface Checkpoint {
  /** §Note text 1: the log's identity, a schema-less URL (tlog-tiles §Parameters: the prefix without https:// and the trailing slash). */
  readonly origin: string;
  /** §Note text 2. */
  readonly size: number;
  /** §Note text 3: the RFC 6962 root of the tree of `size` entries. */
  readonly root: Hash;
}

/** tlog-tiles §Parameters: the origin of a log at `prefix` (`https://credentials.example.org/log/` → `credentials.example.org/log`). */
export function originOf(prefix: string): string {
  return prefix.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

export function checkpointText({ origin, size, root }: Checkpoint): string {
  return `${origin}\n${size}\n${base64.encode(root)}\n`;
}

/** The checkpoint, signed by the log's key: its key name is the origin, as §Signatures recommends. */
export function signCheckpoint(checkpoint: Checkpoint, publicKey: Uint8Array, secretKey: Uint8Array): string {
  return signNote(checkpointText(checkpoint), { name: checkpoint.origin, publicKey }, secretKey);
}

/** §Note text: the three lines read back; undefined unless each is as specified (extension lines are allowed and ignored). */
export function parseCheckpointText(text: string): Checkpoint | undefined {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3 || lines.some((line) => line === '')) return undefined;
  const [origin, size, root] = lines as [string, string, string];
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) return undefined;
  let hash: Uint8Array;
  try {
    hash = base64.decode(root);
  } catch {
    return undefined;
  }
  return hash.length === HASH_SIZE ? { origin, size: Number(size), root: hash } : undefined;
}

/** A checkpoint verified with the log's key, which must be named after `origin`; undefined otherwise. */
export function openCheckpoint(note: string, origin: string, publicKey: Uint8Array): Checkpoint | undefined {
  const key: NoteKey = { name: origin, publicKey };
  const text = verifyNote(note, key);
  const checkpoint = text === undefined ? undefined : parseCheckpointText(text);
  return checkpoint?.origin === origin ? checkpoint : undefined;
}
