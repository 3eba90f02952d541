/**
 * Content files are UTF-8 (YAML 1.2 §5.2, and what every editor saves by default). A file in
 * another encoding, such as Latin-1, is not decoded into something that looks almost right
 * ("Zoë" becoming "Zo\uFFFD" on a certificate): the first byte that is not UTF-8 is located, so
 * the error can say where it is. Pure: bytes in, text or a position out.
 */
import type { Position } from './yaml-source.ts';

export type DecodedText =
  | { readonly ok: true; readonly text: string }
  /** `text` is the file decoded with U+FFFD for each invalid sequence, for checks that can still run on it. */
  | { readonly ok: false; readonly text: string; readonly position: Position; readonly byte: number };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Decodes UTF-8 (a leading byte-order mark is dropped); otherwise finds the line and column of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // Fall through: find where.
  }
  const text = lenient.decode(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // The decoder writes U+FFFD for each invalid sequence (WHATWG Encoding §4.1, "maximal
  // subparts"); a U+FFFD that the file really holds is the three bytes EF BF BD. Everything
  // before the first other one decoded as written, so its UTF-8 length is its byte offset.
  let offset = bom;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    offset += encoder.encode(text.slice(from, index)).length;
    from = index;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const before = text.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { ok: false, text, position: { line: before.split('\n').length, column: index - lineStart + 1 }, byte: bytes[offset] ?? 0 };
  }
  // Not reached: the strict decoder refused these bytes, so one sequence was replaced.
  return { ok: false, text, position: { line: 1, column: 1 }, byte: bytes[bom] ?? 0 };
}
