/**
 * What the visitor gives the verify page, turned into credential JSON text: a web address, pasted
 * text, or a file (JSON, or a PNG or SVG badge with the credential baked in, OB 3.0 §"Baking").
 * Nothing here parses the JSON; the core does, with its size and nesting limits.
 */
import { extractPng, extractSvg } from '../core/baking.ts';
import { describeBytes, fetchBytes } from './fetch.ts';

/** A baked image is larger than its credential; the credential inside it is still held to 1 MB. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export type VerifyInput = { kind: 'url'; url: string } | { kind: 'text'; text: string } | { kind: 'file'; file: File };

/** How the credential arrived, for the page to say ("a PNG badge", "JSON from https://…"). */
export type Origin = 'json' | 'png' | 'svg';

export type Loaded = { ok: true; text: string; origin: Origin } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function jsonOnly(text: string, origin: Origin): Loaded {
  // A baked VC-JWT is a compact JWS (three base64url parts), which this verifier does not check.
  if (/^[\w-]+\.[\w-]*\.[\w-]+$/.test(text.trim())) return { ok: false, reason: 'the baked credential is a VC-JWT, which this verifier does not support' };
  return { ok: true, text, origin };
}

/** Bytes of a file or a download: a PNG or SVG badge is unbaked, anything else is read as JSON text. */
export function credentialFromBytes(bytes: Uint8Array): Loaded {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    const baked = extractPng(bytes);
    return baked === undefined ? { ok: false, reason: 'this PNG image has no Open Badges 3.0 credential baked in' } : jsonOnly(baked, 'png');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'this file is neither JSON, a PNG image nor an SVG image' };
  }
  return credentialFromText(text);
}

/** Text: an SVG badge (starts with `<`) is unbaked, anything else is taken as JSON. */
export function credentialFromText(text: string): Loaded {
  if (/^\uFEFF?\s*</.test(text)) {
    const baked = extractSvg(text);
    return baked === undefined ? { ok: false, reason: 'this SVG image has no Open Badges 3.0 credential baked in' } : jsonOnly(baked, 'svg');
  }
  return { ok: true, text, origin: 'json' };
}

const ACCEPT = 'application/vc+ld+json, application/vc, application/ld+json, application/json, image/png, image/svg+xml;q=0.9';

export async function loadInput(input: VerifyInput): Promise<Loaded> {
  if (input.kind === 'text') {
    if (input.text.trim() === '') return { ok: false, reason: 'nothing was pasted' };
    return credentialFromText(input.text);
  }
  if (input.kind === 'file') {
    if (input.file.size > MAX_IMAGE_BYTES) return { ok: false, reason: `the file is larger than ${describeBytes(MAX_IMAGE_BYTES)}, the most this page reads` };
    return credentialFromBytes(new Uint8Array(await input.file.arrayBuffer()));
  }
  const fetched = await fetchBytes(input.url, MAX_IMAGE_BYTES, ACCEPT);
  if (!fetched.ok) return { ok: false, reason: `could not fetch ${input.url}: ${fetched.reason}` };
  if (/text\/html/i.test(fetched.contentType)) return { ok: false, reason: `${input.url} is a web page, not a credential (link to its .json, .png or .svg file)` };
  return credentialFromBytes(fetched.bytes);
}
