/**
 * What the visitor gives the verify page: a web address, pasted text, or a file. Each becomes
 * credential JSON text through the reader the command line uses too (src/core/verify/input.ts:
 * JSON, or a PNG or SVG badge with the credential baked in, with its size limits).
 */
import { credentialFromBytes, credentialFromText, MAX_IMAGE_BYTES, unreadable, type LoadedText } from '../core/verify/input.ts';
import type { Fetcher } from './fetcher.ts';

export type VerifyInput = { kind: 'url'; url: string } | { kind: 'text'; text: string } | { kind: 'file'; file: File };

export async function loadInput(input: VerifyInput, fetcher: Fetcher): Promise<LoadedText> {
  if (input.kind === 'text') return credentialFromText(input.text);
  if (input.kind === 'file') {
    // Checked before reading: a file of gigabytes is never loaded into the page.
    if (input.file.size > MAX_IMAGE_BYTES) return unreadable('image-too-large', { limit: MAX_IMAGE_BYTES });
    return credentialFromBytes(new Uint8Array(await input.file.arrayBuffer()));
  }
  return fetcher.fetchCredential(input.url);
}
