/**
 * Reading what someone asks to verify, for the command line and the browser alike: bytes or text
 * that are JSON, or a PNG or SVG badge with the credential baked in (OB 3.0 §"Baking"), parsed
 * with hard limits so that a hostile file cannot exhaust memory or the stack. Never throws: what
 * cannot be read is an `Unreadable` with a stable code (./messages.ts words it).
 */
import { extractSvg, readPngCredential } from '../baking.ts';
import { MAX_DEPTH, MAX_IMAGE_BYTES, MAX_INPUT_BYTES, MAX_NODES } from '../limits.ts';

export { MAX_DEPTH, MAX_IMAGE_BYTES, MAX_INPUT_BYTES, MAX_NODES } from '../limits.ts';

/** A size in words: 1 MB, 512 KB; French writes its units Mo and Ko. */
export function describeBytes(bytes: number, units: { readonly mega: string; readonly kilo: string } = { mega: 'MB', kilo: 'KB' }): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} ${units.mega}` : `${Math.round(bytes / 1024)} ${units.kilo}`;
}

export type UnreadableCode =
  | 'too-large' | 'image-too-large' | 'compressed-too-large' | 'too-deep' | 'too-many-values' | 'not-json-number' | 'not-json-value' | 'not-object'
  | 'not-text' | 'invalid-json' | 'empty' | 'png-without-credential' | 'svg-without-credential' | 'not-a-credential-file'
  | 'vc-jwt' | 'web-page' | 'fetch-failed' | 'bad-bundle';

/** Why input could not be read as a credential; `params` name what the sentence needs (`limit`, `url`, `reason`). */
export interface Unreadable {
  readonly ok: false;
  readonly code: UnreadableCode;
  readonly params?: Readonly<Record<string, unknown>>;
}

export const unreadable = (code: UnreadableCode, params?: Readonly<Record<string, unknown>>): Unreadable =>
  params === undefined ? { ok: false, code } : { ok: false, code, params };

/** How the credential arrived, for the page to say ("a PNG badge", "JSON"). */
export type Origin = 'json' | 'png' | 'svg';

export type LoadedText = { ok: true; text: string; origin: Origin } | Unreadable;
export type ParsedDocument = { ok: true; document: Record<string, unknown> } | Unreadable;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonOnly(text: string, origin: Origin): LoadedText {
  // A baked VC-JWT is a compact JWS (three base64url parts), which this verifier does not check.
  if (/^[\w-]+\.[\w-]*\.[\w-]+$/.test(text.trim())) return unreadable('vc-jwt');
  return { ok: true, text, origin };
}

/** Text: an SVG badge (starts with `<`) is unbaked, anything else is taken as JSON. */
export function credentialFromText(text: string): LoadedText {
  if (text.trim() === '') return unreadable('empty');
  if (/^\uFEFF?\s*</.test(text)) {
    const baked = extractSvg(text);
    return baked === undefined ? unreadable('svg-without-credential') : jsonOnly(baked, 'svg');
  }
  return { ok: true, text, origin: 'json' };
}

/** Bytes of a file or a download: a PNG or SVG badge is unbaked, anything else is read as JSON text. */
export function credentialFromBytes(bytes: Uint8Array): LoadedText {
  if (bytes.length > MAX_IMAGE_BYTES) return unreadable('image-too-large', { limit: MAX_IMAGE_BYTES });
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    const baked = readPngCredential(bytes);
    if (baked.ok) return jsonOnly(baked.text, 'png');
    return baked.reason === 'too-large' ? unreadable('compressed-too-large', { limit: MAX_INPUT_BYTES }) : unreadable('png-without-credential');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return unreadable('not-a-credential-file');
  }
  return credentialFromText(text);
}

/**
 * How deeply arrays and objects nest in JSON text, counted without parsing (strings skipped), and
 * abandoned past `limit`: checked before JSON.parse so hostile text cannot exhaust the stack.
 */
export function jsonNestingDepth(text: string, limit: number = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}

/** JSON text (at most 1 MB, nested at most 64 levels, a leading BOM allowed) to a value. */
export function parseJsonText(text: string): { ok: true; value: unknown } | Unreadable {
  if (typeof text !== 'string') return unreadable('not-text');
  if (text.length > MAX_INPUT_BYTES || new TextEncoder().encode(text).length > MAX_INPUT_BYTES) return unreadable('too-large', { limit: MAX_INPUT_BYTES });
  if (jsonNestingDepth(text) > MAX_DEPTH) return unreadable('too-deep', { limit: MAX_DEPTH });
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return unreadable('invalid-json', { reason: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * An already parsed value, walked without recursion: JSON types only, depth, count and size
 * capped, and an object at the top.
 */
export function guardDocument(value: unknown): ParsedDocument {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if ((nodes += 1) > MAX_NODES) return unreadable('too-many-values', { limit: MAX_NODES });
    if (depth > MAX_DEPTH) return unreadable('too-deep', { limit: MAX_DEPTH });
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return unreadable('not-json-number');
      continue;
    }
    if (Array.isArray(item)) {
      for (const child of item) stack.push([child, depth + 1]);
      continue;
    }
    const prototype: unknown = typeof item === 'object' ? Object.getPrototypeOf(item) : undefined;
    if (typeof item === 'object' && (prototype === Object.prototype || prototype === null)) {
      for (const child of Object.values(item)) stack.push([child, depth + 1]);
      continue;
    }
    return unreadable('not-json-value');
  }
  if (!isRecord(value)) return unreadable('not-object');
  let size: number;
  try {
    size = new TextEncoder().encode(JSON.stringify(value)).length;
  } catch (error) {
    return unreadable('invalid-json', { reason: error instanceof Error ? error.message : String(error) });
  }
  if (size > MAX_INPUT_BYTES) return unreadable('too-large', { limit: MAX_INPUT_BYTES });
  return { ok: true, document: value };
}

/** JSON text to a document: `parseJsonText`, then `guardDocument`. */
export function parseDocument(text: string): ParsedDocument {
  const parsed = parseJsonText(text);
  return parsed.ok ? guardDocument(parsed.value) : parsed;
}
