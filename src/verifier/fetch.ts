/**
 * Fetching for the verify page: only https addresses (or this site's own), without cookies or a
 * referrer, bounded in time and size. What is fetched is the credential the visitor asked for
 * and the issuer's public files (its DID document and status lists); nothing is ever sent.
 */
import type { FetchJson } from '../core/did.ts';
import { jsonNestingDepth, MAX_DEPTH } from '../core/verify.ts';

export const FETCH_TIMEOUT_MS = 15_000;

export type Fetched = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; reason: string };

/** The URL to fetch, or why not: https anywhere, or this page's own origin (a local preview). */
export function fetchableUrl(input: string, base: string = location.href): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return { ok: false, reason: `"${input}" is not a web address` };
  }
  if (url.protocol === 'https:' || url.origin === new URL(base).origin) return { ok: true, url };
  return { ok: false, reason: `only https:// addresses are fetched, not ${url.protocol}` };
}

/** A response body, refused as soon as it passes `limit` bytes (whatever Content-Length claims). */
export async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) throw new RangeError(`the response is larger than ${describeBytes(limit)}`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError(`the response is larger than ${describeBytes(limit)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** GET without credentials or referrer; a status other than 2xx, a timeout or an oversized body is a reason. */
export async function fetchBytes(address: string, limit: number, accept: string): Promise<Fetched> {
  const allowed = fetchableUrl(address);
  if (!allowed.ok) return allowed;
  try {
    const response = await fetch(allowed.url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache', // revalidate: a status list changes when the issuer revokes
      headers: { accept },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (response.url && !fetchableUrl(response.url).ok) return { ok: false, reason: `${address} redirected away from https` };
    if (!response.ok) return { ok: false, reason: `the server answered HTTP ${response.status}` };
    return { ok: true, bytes: await readLimited(response, limit), contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { ok: false, reason: `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds` };
    if (error instanceof RangeError) return { ok: false, reason: error.message };
    // The browser hides the cause (offline, DNS, CORS) from scripts on purpose.
    return { ok: false, reason: 'the address could not be reached (offline, not found, or the server does not allow other sites to read it)' };
  }
}

const JSON_ACCEPT = 'application/vc+ld+json, application/vc, application/ld+json, application/json;q=0.9';

/** The FetchJson the core uses for the issuer's files: JSON only, at most `limit` bytes. */
export function browserFetchJson(limit: number): FetchJson {
  return async (url) => {
    const fetched = await fetchBytes(url, limit, JSON_ACCEPT);
    if (!fetched.ok) return fetched;
    if (/text\/html/i.test(fetched.contentType)) return { ok: false, reason: `${url} is a web page, not JSON` };
    const text = new TextDecoder().decode(fetched.bytes).replace(/^\uFEFF/, '');
    if (jsonNestingDepth(text) > MAX_DEPTH) return { ok: false, reason: `${url} is nested more than ${MAX_DEPTH} levels deep` };
    try {
      return { ok: true, json: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, reason: `${url} is not valid JSON` };
    }
  };
}
