/**
 * Baking: a credential carried inside its badge image (OB 3.0 §"Baking", docformat.md). PNG gets one uncompressed `iTXt` chunk with keyword `openbadgecredential`; SVG gets one
 * `<openbadges:credential>` element right after the root start tag. A CLR 2.0 ClrCredential is
 * baked the same way under its own names: keyword `clrcredential`, element `credential` in the
 * namespace `https://purl.imsglobal.org/clr/v2p0`, as 1EdTech's validator reads a baked CLR 2.0
 * (github.com/1EdTech/digital-credentials-public-validator at commit 38254719,
 * inspector-vc/…/payload/PngParser.java and SvgParser.java, the `CLR20` entries), the rest of the
 * method being OB 3.0's. Baking again replaces the old credential, of either kind:
 * the spec forbids more than one. Extraction is for untrusted files, so it returns
 * undefined rather than throwing, and its work grows no faster than the file: one pass over an
 * SVG, one chunk of a PNG decoded, and at most MAX_INPUT_BYTES inflated.
 */
import { inflateBounded } from './inflate.ts';
import { MAX_INPUT_BYTES } from './limits.ts';

export const OB3_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const PNG_KEYWORD = 'openbadgecredential';
export const CLR_NAMESPACE = 'https://purl.imsglobal.org/clr/v2p0';
export const CLR_PNG_KEYWORD = 'clrcredential';

/** The names a kind of credential is baked under: its PNG iTXt keyword and its SVG element's namespace. */
export interface BakedKind {
  readonly pngKeyword: string;
  readonly svgNamespace: string;
  /** The prefix the element is written with (readers match the namespace, not the prefix). */
  readonly svgPrefix: string;
}

export const OPEN_BADGE_BAKING: BakedKind = { pngKeyword: PNG_KEYWORD, svgNamespace: OB3_NAMESPACE, svgPrefix: 'openbadges' };
export const CLR_BAKING: BakedKind = { pngKeyword: CLR_PNG_KEYWORD, svgNamespace: CLR_NAMESPACE, svgPrefix: 'clr' };
/** Every kind a verifier reads from an image. */
export const BAKED_KINDS: readonly BakedKind[] = [OPEN_BADGE_BAKING, CLR_BAKING];

// ---------------------------------------------------------------------------------------------
// PNG (ISO/IEC 15948, "PNG")

/** PNG §5.2: the eight-byte signature. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** PNG §5.5 / ISO 3309: CRC-32, polynomial 0xEDB88320 (reflected), table-driven as in Annex D. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC of a chunk covers its type and data, not its length (PNG §5.3). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Chunk {
  readonly type: string;
  /** Offset of the chunk (its length field) in the file, and the offset just past its CRC. */
  readonly start: number;
  readonly end: number;
  readonly data: Uint8Array;
}

function isPng(png: Uint8Array): boolean {
  return png.length >= 8 && PNG_SIGNATURE.every((byte, i) => png[i] === byte);
}

/**
 * PNG §5.3 chunk layout: length (4, big-endian), type (4), data, CRC (4). True when the chunks
 * fill the file up to an IEND chunk (PNG §11.2.5); walked without keeping anything, since a hostile
 * file can hold hundreds of thousands of empty chunks.
 */
function isWellFormed(png: Uint8Array): boolean {
  if (!isPng(png)) return false;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset + 12 <= png.length; ) {
    const end = offset + 12 + view.getUint32(offset);
    if (end > png.length) return false;
    if (view.getUint32(offset + 4) === 0x49454e44) return true; // "IEND"
    offset = end;
  }
  return false; // no IEND: truncated
}

/** The chunks of a file `isWellFormed` accepted, one at a time, up to IEND. */
function* chunksOf(png: Uint8Array): Generator<Chunk> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    yield { type, start: offset, end, data: png.subarray(offset + 8, offset + 8 + length) };
    if (type === 'IEND') return;
    offset = end;
  }
}

/** PNG §5.3: the CRC covers the chunk's type and data, not its length. */
function crcOk(png: Uint8Array, chunk: Chunk): boolean {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return crc32(png.subarray(chunk.start + 4, chunk.end - 4)) === view.getUint32(chunk.end - 4);
}

/** A PNG chunk (PNG §5.3): length, type, data, and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * PNG §11.3.4.5 iTXt: keyword, NUL, compression flag, compression method, language tag, NUL,
 * translated keyword, NUL, text. OB 3.0: flag 0 and method 0 ("Compression MUST NOT be used"),
 * empty language tag and translated keyword, text = the credential (JSON or compact JWS).
 */
function credentialItxt(credential: string, kind: BakedKind): Uint8Array {
  const keyword = new TextEncoder().encode(kind.pngKeyword); // ASCII, so Latin-1 as §11.3.4.5 asks
  const text = new TextEncoder().encode(credential);
  const data = new Uint8Array(keyword.length + 5 + text.length);
  data.set(keyword, 0);
  // keyword NUL, flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL
  data.set([0, 0, 0, 0, 0], keyword.length);
  data.set(text, keyword.length + 5);
  return pngChunk('iTXt', data);
}

/** The keyword of an iTXt chunk that carries a credential of one of `kinds`, read or not. */
function credentialKeyword(chunk: Chunk, kinds: readonly BakedKind[]): string | undefined {
  if (chunk.type !== 'iTXt') return undefined;
  // PNG §11.3.4.5: keywords are 1–79 bytes, so the NUL is looked for in the first 80 bytes only.
  const keywordEnd = chunk.data.subarray(0, 80).indexOf(0);
  if (keywordEnd < 0) return undefined;
  const keyword = String.fromCharCode(...chunk.data.subarray(0, keywordEnd));
  return kinds.some((kind) => kind.pngKeyword === keyword) ? keyword : undefined;
}

/** What an image holds: the credential's text, or why there is none to read. */
export type BakedCredential =
  | { readonly ok: true; readonly text: string }
  /** `too-large`: compressed against OB 3.0, and expanding past MAX_INPUT_BYTES. */
  | { readonly ok: false; readonly reason: 'no-credential' | 'too-large' };

const NO_CREDENTIAL: BakedCredential = { ok: false, reason: 'no-credential' };

/** The text of a credential iTXt chunk (`credentialKeyword`) whose keyword is `keywordEnd` bytes long. */
function credentialFromItxt(data: Uint8Array, keywordEnd: number): BakedCredential {
  const flag = data[keywordEnd + 1];
  const method = data[keywordEnd + 2];
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0 || method !== 0 || (flag !== 0 && flag !== 1)) return NO_CREDENTIAL;
  let text = data.subarray(translatedEnd + 1);
  if (flag === 1) {
    // Baked by someone else against the spec's MUST NOT: still readable (zlib, PNG §10.1), but
    // inflated only up to the most JSON a verifier reads, since 1 MB of zlib can expand to 1 GB.
    const inflated = inflateBounded(text, 'zlib', MAX_INPUT_BYTES);
    if (!inflated.ok) return inflated.reason === 'too-large' ? { ok: false, reason: 'too-large' } : NO_CREDENTIAL;
    text = inflated.bytes;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(text) };
  } catch {
    return NO_CREDENTIAL;
  }
}

/**
 * Returns a copy of `png` with `credential` baked in under `kind`'s keyword, right after IHDR,
 * and every earlier credential chunk (of any kind) removed. Throws on a file that is not a
 * well-formed PNG, since the build only ever bakes images it has just rendered.
 */
export function bakePng(png: Uint8Array, credential: string, kind: BakedKind = OPEN_BADGE_BAKING): Uint8Array {
  const chunks = isWellFormed(png) ? [...chunksOf(png)] : undefined;
  const header = chunks?.[0];
  if (!chunks || header?.type !== 'IHDR') throw new TypeError('bakePng: not a well-formed PNG image');
  const kept = chunks.filter((chunk) => credentialKeyword(chunk, BAKED_KINDS) === undefined);
  const parts = [png.subarray(0, 8), png.subarray(header.start, header.end), credentialItxt(credential, kind)];
  for (const chunk of kept.slice(1)) parts.push(png.subarray(chunk.start, chunk.end));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The credential of the first credential iTXt chunk of one of `kinds` (an Open Badge or a CLR by
 * default), if its CRC is valid. OB 3.0 allows one such chunk, so the first decides and no other
 * is read: whatever the file holds, at most one chunk is decoded and at most MAX_INPUT_BYTES inflated.
 */
export function readPngCredential(png: Uint8Array, kinds: readonly BakedKind[] = BAKED_KINDS): BakedCredential {
  try {
    if (!isWellFormed(png)) return NO_CREDENTIAL;
    for (const chunk of chunksOf(png)) {
      const keyword = credentialKeyword(chunk, kinds);
      if (keyword === undefined) continue;
      return crcOk(png, chunk) ? credentialFromItxt(chunk.data, keyword.length) : NO_CREDENTIAL;
    }
  } catch {
    // A malformed file is "no credential", never an exception.
  }
  return NO_CREDENTIAL;
}

/** The first credential iTXt text of one of `kinds` with a valid CRC; undefined for anything else. */
export function extractPng(png: Uint8Array, kinds: readonly BakedKind[] = BAKED_KINDS): string | undefined {
  const read = readPngCredential(png, kinds);
  return read.ok ? read.text : undefined;
}

// ---------------------------------------------------------------------------------------------
// SVG

/** Where the root `<svg …>` start tag sits: from `<` to just past `>`; `selfClosing` for `<svg/>`. */
interface StartTag {
  readonly start: number;
  readonly end: number;
  readonly selfClosing: boolean;
}

/** Finds the root element's start tag, skipping the prolog (XML 1.0 §2.8) and quoted `>`. */
function rootStartTag(svg: string): StartTag | undefined {
  let i = 0;
  for (;;) {
    i = svg.indexOf('<', i);
    if (i < 0) return undefined;
    if (svg.startsWith('<?', i)) i = svg.indexOf('?>', i);
    else if (svg.startsWith('<!--', i)) i = svg.indexOf('-->', i);
    else if (svg.startsWith('<!', i)) i = svg.indexOf('>', i); // DOCTYPE without internal subset
    else break;
    if (i < 0) return undefined;
  }
  if (!/^<svg[\s/>]/.test(svg.slice(i, i + 5))) return undefined;
  let quote = '';
  for (let j = i + 4; j < svg.length; j++) {
    const c = svg[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { start: i, end: j + 1, selfClosing: svg[j - 1] === '/' };
    }
  }
  return undefined;
}

/**
 * The prefixes the root binds to the namespaces of `kinds` (the validator matches the QName); a
 * kind whose namespace the root does not declare is looked for under its usual prefix.
 */
function credentialPrefixes(startTag: string, kinds: readonly BakedKind[]): ReadonlySet<string> {
  const prefixes = new Set<string>();
  const bound = [...startTag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g)];
  for (const kind of kinds) {
    const mine = bound.filter((m) => m[3] === kind.svgNamespace).map((m) => m[1]!);
    for (const prefix of mine.length > 0 ? mine : [kind.svgPrefix]) prefixes.add(prefix);
  }
  return prefixes;
}

/** Every `<p:credential …/>` or `<p:credential …>…</p:credential>`, as [start, end) ranges. */
interface Element {
  readonly start: number;
  readonly end: number;
  /** The start tag, for its attributes. */
  readonly open: string;
  readonly body: string;
}

/** Just past the `>` that ends the tag whose name ends at `from` (quoted `>` skipped); -1 if none. */
function endOfTag(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  return -1;
}

/** An element name with a prefix, `<p:credential`, followed by space, `/` or `>`. */
const CREDENTIAL_TAG = /<([\w.-]+):credential(?=[\s/>])/y;

/**
 * The `credential` elements of `text` (what follows the root start tag) in any of `prefixes`, in
 * document order, skipping CDATA sections and comments (XML 1.0 §2.5, §2.7), or only the first.
 * One pass: the position only moves forward, and the work stops at the first section, comment or
 * tag left open, so a hostile file of any shape costs time in proportion to its length.
 */
function credentialElements(text: string, prefixes: ReadonlySet<string>, firstOnly: boolean): Element[] {
  const found: Element[] = [];
  let i = 0;
  while (!(firstOnly && found.length > 0)) {
    const at = text.indexOf('<', i);
    if (at < 0) break;
    if (text.startsWith('<![CDATA[', at) || text.startsWith('<!--', at)) {
      const cdata = text.startsWith('<![CDATA[', at);
      const end = text.indexOf(cdata ? ']]>' : '-->', at + (cdata ? 9 : 4));
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    CREDENTIAL_TAG.lastIndex = at;
    const name = CREDENTIAL_TAG.exec(text);
    if (!name || !prefixes.has(name[1]!)) {
      i = at + 1;
      continue;
    }
    const tagEnd = endOfTag(text, at + name[0].length);
    if (tagEnd < 0) break;
    const open = text.slice(at, tagEnd);
    if (open.endsWith('/>')) {
      found.push({ start: at, end: tagEnd, open, body: '' });
      i = tagEnd;
      continue;
    }
    const closeTag = `</${name[1]}:credential>`;
    const close = findOutsideCdata(text, closeTag, tagEnd);
    if (close < 0) break;
    found.push({ start: at, end: close + closeTag.length, open, body: text.slice(tagEnd, close) });
    i = close + closeTag.length;
  }
  return found;
}

/** indexOf that does not match inside a CDATA section (the JSON may contain anything); one pass. */
function findOutsideCdata(text: string, needle: string, from: number): number {
  let i = from;
  for (;;) {
    const at = text.indexOf('<', i);
    if (at < 0) return -1;
    if (text.startsWith(needle, at)) return at;
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end < 0) return -1;
      i = end + 3;
    } else {
      i = at + 1;
    }
  }
}

/** Binds the kind's prefix to its namespace on the root start tag (rebinding a stray value). */
function declareNamespace(startTag: string, selfClosing: boolean, kind: BakedKind): string {
  const declaration = `xmlns:${kind.svgPrefix}="${kind.svgNamespace}"`;
  const existing = new RegExp(`\\sxmlns:${kind.svgPrefix}\\s*=\\s*("[^"]*"|'[^']*')`).exec(startTag);
  if (existing) return startTag.replace(existing[0], ` ${declaration}`);
  const at = selfClosing ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, at).trimEnd()} ${declaration}${startTag.slice(at)}`;
}

/** XML 1.0 §2.2 Char: anything else cannot appear in the document, even inside CDATA. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * XML 1.0 §2.7: a CDATA section ends at the first `]]>`, so one inside the JSON is split across
 * two sections (`]]` closes the first, `>` opens the second); readers concatenate them back.
 */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/**
 * Returns `svg` with `credential` (embedded-proof JSON) baked in: the kind's namespace declared on
 * the root, and one `<openbadges:credential>` (`<clr:credential>` for a CLR) directly after the
 * root start tag, replacing any earlier one of either kind. Throws if `svg` has no `<svg>` root or
 * the text cannot be put in XML.
 */
export function bakeSvg(svg: string, credential: string, kind: BakedKind = OPEN_BADGE_BAKING): string {
  if (NOT_XML_CHAR.test(credential)) throw new TypeError('bakeSvg: the credential has characters XML cannot hold');
  const found = rootStartTag(svg);
  if (!found) throw new TypeError('bakeSvg: no <svg> root element');
  let startTag = svg.slice(found.start, found.end);
  // Remove every earlier credential (in any prefix bound to the namespace), back to front.
  const after = svg.slice(found.end);
  const kept: string[] = [];
  let from = 0;
  for (const element of credentialElements(after, credentialPrefixes(startTag, BAKED_KINDS), false)) {
    kept.push(after.slice(from, element.start));
    from = element.end;
  }
  kept.push(after.slice(from));
  const rest = kept.join('');
  startTag = declareNamespace(startTag, found.selfClosing, kind);
  const element = `<${kind.svgPrefix}:credential>${cdata(credential)}</${kind.svgPrefix}:credential>`;
  if (found.selfClosing) return `${svg.slice(0, found.start)}${startTag.slice(0, -2)}>${element}</svg>${rest}`;
  return `${svg.slice(0, found.start)}${startTag}${element}${rest}`;
}

/** XML 1.0 §4.6 predefined entities and §4.1 character references, for credentials not in CDATA. */
function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name as 'lt'];
  });
}

/**
 * The text content of an element body: CDATA sections verbatim, other text entity-decoded. Around
 * CDATA sections whitespace is only indentation; a credential written as escaped text is trimmed.
 */
function textContent(body: string): string {
  if (!body.includes('<![CDATA[')) return decodeEntities(body).trim();
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const start = body.indexOf('<![CDATA[', i);
    const end = start < 0 ? -1 : body.indexOf(']]>', start + 9);
    const between = end < 0 ? body.slice(i) : body.slice(i, start);
    if (between.trim() !== '') parts.push(decodeEntities(between));
    if (end < 0) return parts.join('');
    parts.push(body.slice(start + 9, end));
    i = end + 3;
  }
}

/**
 * The credential baked in an SVG: the JSON of the first `credential` element in the namespace of
 * one of `kinds` (OB 3.0 or CLR 2.0 by default), or its `verify` attribute (a VC-JWT). Undefined
 * when there is none.
 */
export function extractSvg(svg: string, kinds: readonly BakedKind[] = BAKED_KINDS): string | undefined {
  try {
    const found = rootStartTag(svg);
    if (!found) return undefined;
    const rest = svg.slice(found.end);
    const [element] = credentialElements(rest, credentialPrefixes(svg.slice(found.start, found.end), kinds), true);
    if (!element) return undefined;
    const verify = /\sverify\s*=\s*(["'])(.*?)\1/.exec(element.open);
    const text = verify ? decodeEntities(verify[2]!) : textContent(element.body);
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}
