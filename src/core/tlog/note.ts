/**
 * C2SP signed-note (c2sp.org/signed-note, C2SP/C2SP@5ba5ee8) with Ed25519 signatures: the format
 * of a log's checkpoint (./checkpoint.ts), readable by every tlog tool (Go's sumdb/note among
 * them). Pure.
 *
 *   <text, ending in a newline>
 *   <blank line>
 *   — <key name> base64(key ID || signature)
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { signEd25519, verifyEd25519 } from '../ed25519.ts';

/** §Signature types: 0x01, Ed25519. */
const ED25519 = 0x01;
const EM_DASH = '\u2014';
/** §Format: verifiers must accept at least 16 signatures; more is refused as a bound on work. */
export const MAX_SIGNATURES = 16;
/** A bound on a note's size before it is parsed (a checkpoint is under a kilobyte). */
export const MAX_NOTE_BYTES = 64 * 1024;

export interface NoteKey {
  readonly name: string;
  readonly publicKey: Uint8Array;
}

/** §Format: a key name is non-empty, with no Unicode space and no plus. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

/** §Signatures: key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4], big-endian. */
export function keyId(key: NoteKey): number {
  const digest = sha256(concatBytes(utf8ToBytes(key.name), Uint8Array.of(0x0a, ED25519), key.publicKey));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** §Verifier keys: `<name>+hex(key ID)+base64(0x01 || public key)`. */
export function verifierKey(key: NoteKey): string {
  return `${key.name}+${keyId(key).toString(16).padStart(8, '0')}+${base64.encode(concatBytes(Uint8Array.of(ED25519), key.publicKey))}`;
}

/** A verifier key read back; undefined unless it is an Ed25519 key whose ID matches its name and key. */
export function parseVerifierKey(text: string): NoteKey | undefined {
  const parts = text.split('+');
  if (parts.length !== 3) return undefined;
  const [name, id, encoded] = parts as [string, string, string];
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(id)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(encoded);
  } catch {
    return undefined;
  }
  if (bytes.length !== 33 || bytes[0] !== ED25519) return undefined;
  const key = { name, publicKey: bytes.slice(1) };
  return keyId(key) === Number.parseInt(id, 16) ? key : undefined;
}

function idBytes(id: number): Uint8Array {
  return Uint8Array.of(id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff);
}

/** §Format: UTF-8 text with no control character but the newline. */
function isNoteText(text: string): boolean {
  return !/[\u0000-\u0009\u000b-\u001f]/.test(text);
}

/** §Format and §Ed25519 signatures: the note of `text` (which must end in a newline), signed by `key`. */
export function signNote(text: string, key: NoteKey, secretKey: Uint8Array): string {
  if (!text.endsWith('\n') || !isNoteText(text)) throw new RangeError('a note text ends in a newline and has no other control character');
  if (!isKeyName(key.name)) throw new RangeError(`"${key.name}" is not a note key name`);
  const signature = signEd25519(utf8ToBytes(text), secretKey);
  return `${text}\n${EM_DASH} ${key.name} ${base64.encode(concatBytes(idBytes(keyId(key)), signature))}\n`;
}

export interface NoteSignature {
  readonly name: string;
  readonly id: number;
  readonly signature: Uint8Array;
}

export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** §Format: a note split into its text and its signature lines; undefined when it is not one. */
export function parseNote(note: string): Note | undefined {
  if (note.length > MAX_NOTE_BYTES || !isNoteText(note) || !note.endsWith('\n')) return undefined;
  // The text is separated from the signatures by the last empty line.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return undefined;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length === 0 || lines.length > MAX_SIGNATURES) return undefined;
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match || !isKeyName(match[1]!)) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = base64.decode(match[2]!);
    } catch {
      return undefined;
    }
    if (bytes.length < 5) return undefined;
    signatures.push({ name: match[1]!, id: ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, signature: bytes.slice(4) });
  }
  return { text, signatures };
}

/**
 * §Signatures: the note's text when `key` signed it. Signatures of other keys (another name or
 * ID) are ignored, as the spec requires; one of this key that fails rejects the whole note.
 */
export function verifyNote(note: string, key: NoteKey): string | undefined {
  const parsed = parseNote(note);
  if (!parsed) return undefined;
  const id = keyId(key);
  const mine = parsed.signatures.filter((signature) => signature.name === key.name && signature.id === id);
  if (mine.length === 0) return undefined;
  const message = utf8ToBytes(parsed.text);
  return mine.every((signature) => verifyEd25519(signature.signature, message, key.publicKey)) ? parsed.text : undefined;
}
