/**
 * Baking: a credential carried inside its badge image (OB 3.0 §"Baking", docformat.md). PNG gets one uncompressed `iTXt` chunk with keyword `openbadgecredential`; SVG gets one
 * `<openbadges:credential>` element right after the root start tag. Baking again replaces the old
 * credential: the spec forbids more than one. Extraction is for untrusted files, so it returns
 * undefined rather than throwing.
 */
import { unzlibSync } from 'fflate';

export const OB3_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const PNG_KEYWORD = 'openbadgecredential';

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
  readonly crcOk: boolean;
}

function isPng(png: Uint8Array): boolean {
  return png.length >= 8 && PNG_SIGNATURE.every((byte, i) => png[i] === byte);
}

/** PNG §5.3 chunk layout: length (4, big-endian), type (4), data, CRC (4). Stops at IEND. */
function readChunks(png: Uint8Array): Chunk[] | undefined {
  if (!isPng(png)) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > png.length) return undefined;
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    const crcOk = crc32(typeAndData) === view.getUint32(offset + 8 + length);
    chunks.push({ type, start: offset, end, data: typeAndData.subarray(4), crcOk });
    offset = end;
    if (type === 'IEND') return chunks;
  }
  return undefined; // no IEND: truncated
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
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
function credentialItxt(credential: string): Uint8Array {
  const keyword = new TextEncoder().encode(PNG_KEYWORD); // ASCII, so Latin-1 as §11.3.4.5 asks
  const text = new TextEncoder().encode(credential);
  const data = new Uint8Array(keyword.length + 5 + text.length);
  data.set(keyword, 0);
  // keyword NUL, flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL
  data.set([0, 0, 0, 0, 0], keyword.length);
  data.set(text, keyword.length + 5);
  return makeChunk('iTXt', data);
}

/** Returns the text of an `openbadgecredential` iTXt chunk, or undefined for any other chunk. */
function credentialFromItxt(data: Uint8Array): string | undefined {
  const keywordEnd = data.indexOf(0);
  // PNG §11.3.4.5: keywords are 1–79 bytes.
  if (keywordEnd < 1 || keywordEnd > 79 || String.fromCharCode(...data.subarray(0, keywordEnd)) !== PNG_KEYWORD) return undefined;
  const flag = data[keywordEnd + 1];
  const method = data[keywordEnd + 2];
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0 || method !== 0 || (flag !== 0 && flag !== 1)) return undefined;
  try {
    const raw = data.subarray(translatedEnd + 1);
    // Baked by someone else against the spec's MUST NOT: still readable, zlib (PNG §10.1).
    const text = flag === 1 ? unzlibSync(raw) : raw;
    return new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    return undefined;
  }
}

function isCredentialChunk(chunk: Chunk): boolean {
  return chunk.type === 'iTXt' && credentialFromItxt(chunk.data) !== undefined;
}

/**
 * Returns a copy of `png` with `credential` baked in, right after IHDR, and every earlier
 * `openbadgecredential` chunk removed. Throws on a file that is not a well-formed PNG, since
 * the build only ever bakes images it has just rendered.
 */
export function bakePng(png: Uint8Array, credential: string): Uint8Array {
  const chunks = readChunks(png);
  const header = chunks?.[0];
  if (!chunks || header?.type !== 'IHDR') throw new TypeError('bakePng: not a well-formed PNG image');
  const kept = chunks.filter((chunk) => !isCredentialChunk(chunk));
  const parts = [png.subarray(0, 8), png.subarray(header.start, header.end), credentialItxt(credential)];
  for (const chunk of kept.slice(1)) parts.push(png.subarray(chunk.start, chunk.end));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The first `openbadgecredential` iTXt text with a valid CRC; undefined for anything else. */
export function extractPng(png: Uint8Array): string | undefined {
  try {
    for (const chunk of readChunks(png) ?? []) {
      if (chunk.type !== 'iTXt') continue;
      const text = credentialFromItxt(chunk.data);
      if (text !== undefined) return chunk.crcOk ? text : undefined;
    }
  } catch {
    // A malformed file is "no credential", never an exception.
  }
  return undefined;
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

/** The prefixes the root binds to the OB 3.0 namespace (the validator matches the QName). */
function obPrefixes(startTag: string): string[] {
  const prefixes = [...startTag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g)]
    .filter((m) => m[3] === OB3_NAMESPACE)
    .map((m) => m[1]!);
  return prefixes.length > 0 ? prefixes : ['openbadges'];
}

/** Every `<p:credential …/>` or `<p:credential …>…</p:credential>`, as [start, end) ranges. */
interface Element {
  readonly start: number;
  readonly end: number;
  /** The start tag, for its attributes. */
  readonly open: string;
  readonly body: string;
}

function credentialElements(svg: string, prefix: string): Element[] {
  const found: Element[] = [];
  const open = new RegExp(`<${prefix.replace(/\./g, '\\.')}:credential(?=[\\s/>])(?:"[^"]*"|'[^']*'|[^'">])*>`, 'g');
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    const tag = m[0];
    if (tag.endsWith('/>')) {
      found.push({ start: m.index, end: m.index + tag.length, open: tag, body: '' });
      continue;
    }
    const closeTag = `</${prefix}:credential>`;
    const close = findOutsideCdata(svg, closeTag, m.index + tag.length);
    if (close < 0) break;
    found.push({ start: m.index, end: close + closeTag.length, open: tag, body: svg.slice(m.index + tag.length, close) });
    open.lastIndex = close + closeTag.length;
  }
  return found;
}

/** indexOf that does not match inside a CDATA section (the JSON may contain anything). */
function findOutsideCdata(text: string, needle: string, from: number): number {
  let i = from;
  for (;;) {
    const hit = text.indexOf(needle, i);
    const cdata = text.indexOf('<![CDATA[', i);
    if (hit < 0 || cdata < 0 || hit < cdata) return hit;
    const cdataEnd = text.indexOf(']]>', cdata + 9);
    if (cdataEnd < 0) return -1;
    i = cdataEnd + 3;
  }
}

/** Binds `openbadges` to the OB 3.0 namespace on the root start tag (rebinding a stray value). */
function declareNamespace(startTag: string, selfClosing: boolean): string {
  const declaration = `xmlns:openbadges="${OB3_NAMESPACE}"`;
  const existing = /\sxmlns:openbadges\s*=\s*("[^"]*"|'[^']*')/.exec(startTag);
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
 * Returns `svg` with `credential` (embedded-proof JSON) baked in: the namespace declared on the
 * root, and one `<openbadges:credential>` directly after the root start tag, replacing any
 * earlier one. Throws if `svg` has no `<svg>` root or the text cannot be put in XML.
 */
export function bakeSvg(svg: string, credential: string): string {
  if (NOT_XML_CHAR.test(credential)) throw new TypeError('bakeSvg: the credential has characters XML cannot hold');
  const found = rootStartTag(svg);
  if (!found) throw new TypeError('bakeSvg: no <svg> root element');
  let startTag = svg.slice(found.start, found.end);
  // Remove every earlier credential (in any prefix bound to the namespace), back to front.
  let rest = svg.slice(found.end);
  const old = obPrefixes(startTag).flatMap((prefix) => credentialElements(rest, prefix));
  for (const element of old.sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, element.start) + rest.slice(element.end);
  }
  startTag = declareNamespace(startTag, found.selfClosing);
  const element = `<openbadges:credential>${cdata(credential)}</openbadges:credential>`;
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
  const parts = body.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  if (parts.length === 1) return decodeEntities(body).trim();
  return parts
    .map((part) => {
      if (part.startsWith('<![CDATA[')) return part.slice(9, -3);
      return part.trim() === '' ? '' : decodeEntities(part);
    })
    .join('');
}

/**
 * The credential baked in an SVG: the JSON of the first `credential` element in the OB 3.0
 * namespace, or its `verify` attribute (a VC-JWT). Undefined when there is none.
 */
export function extractSvg(svg: string): string | undefined {
  try {
    const found = rootStartTag(svg);
    if (!found) return undefined;
    const rest = svg.slice(found.end);
    const [element] = obPrefixes(svg.slice(found.start, found.end))
      .flatMap((prefix) => credentialElements(rest, prefix))
      .sort((a, b) => a.start - b.start);
    if (!element) return undefined;
    const verify = /\sverify\s*=\s*(["'])(.*?)\1/.exec(element.open);
    const text = verify ? decodeEntities(verify[2]!) : textContent(element.body);
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}
