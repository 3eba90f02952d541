/**
 * Fetching for verification, shared by the command line and the browser: only https addresses on
 * domain names (or origins the caller allows, such as a local preview's own), redirects checked
 * hop by hop, bounded in time and size (the limits are ../core/limits.ts), JSON only for the
 * issuer's files. The fetch function is passed in, with the caller's options
 * (the browser sends no cookies and no referrer); what is fetched is the credential asked for
 * and the issuer's public files (its DID document and status lists). Nothing is ever sent.
 */
import { isIpAddress, type FetchJson } from '../core/did.ts';
import { FETCH_TIMEOUT_MS, MAX_DEPTH, MAX_IMAGE_BYTES, MAX_INPUT_BYTES, MAX_LOG_FILE_BYTES, MAX_REDIRECTS } from '../core/limits.ts';
import type { FetchLogFile } from '../core/verify/log.ts';
import { credentialFromBytes, describeBytes, jsonNestingDepth, unreadable, type LoadedText } from '../core/verify/input.ts';
import { credentialLinkOf } from './alternate-link.ts';
import { englishFetchReasons, type FetchReasons } from './fetch-reasons.ts';

/** `url` is where the body came from, after redirects (relative links on a page resolve against it). */
export type Fetched = { ok: true; bytes: Uint8Array; contentType: string; url: string } | { ok: false; reason: string };

export interface FetcherOptions {
  readonly fetch: (url: URL, init: RequestInit) => Promise<Response>;
  /** Where relative addresses are resolved, e.g. the page's URL. */
  readonly base?: string | undefined;
  /** Origins fetched even without https: the page's own origin, on a local preview. */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** Options for every request (the browser: no cookies, no referrer, revalidate). */
  readonly init?: RequestInit | undefined;
  readonly timeoutMs?: number | undefined;
  /**
   * `checked` (the default): redirects are followed here, one hop at a time, each checked before
   * it is requested, at most MAX_REDIRECTS. `platform`: the fetch function follows them (a browser
   * must: it hides a redirect's Location from scripts, and blocks https→http as mixed content),
   * and the final address is checked.
   */
  readonly redirects?: 'checked' | 'platform' | undefined;
  /** A failed request in words; the cause is in `error.cause` under Node, hidden by browsers. */
  readonly describeError?: ((error: unknown) => string) | undefined;
  /** Why an address was not fetched, in the reader's language (English by default). */
  readonly reasons?: FetchReasons | undefined;
}

export interface Fetcher {
  /** The URL to fetch, or why not. */
  allowed(address: string): { ok: true; url: URL } | { ok: false; reason: string };
  /** GET; a status other than 2xx, a timeout or a body over `limit` bytes is a reason. */
  fetchBytes(address: string, limit: number, accept: string): Promise<Fetched>;
  /** The issuer's files for the core: JSON only, at most 1 MB, nested at most 64 levels. */
  readonly fetchJson: FetchJson;
  /** A file of the issuer's transparency log, as bytes: at most MAX_LOG_FILE_BYTES, never a web page. */
  readonly fetchLogFile: FetchLogFile;
  /**
   * A credential at an address: JSON, or a baked PNG or SVG badge; or a web page (a certificate
   * page, the link people share) whose head links to its credential, followed once.
   */
  fetchCredential(address: string): Promise<LoadedText>;
}

const CREDENTIAL_ACCEPT = 'application/vc+ld+json, application/vc, application/ld+json, application/json, image/png, image/svg+xml;q=0.9';
const JSON_ACCEPT = 'application/vc+ld+json, application/vc, application/ld+json, application/json;q=0.9';

/** A response body, refused as soon as it passes `limit` bytes (whatever Content-Length claims). */
export async function readLimited(response: Response, limit: number, reasons: FetchReasons = englishFetchReasons): Promise<Uint8Array> {
  const tooLarge = () => new RangeError(reasons.tooLarge(describeBytes(limit, reasons.units)));
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge();
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
      throw tooLarge();
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

export function createFetcher(options: FetcherOptions): Fetcher {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const reasons = options.reasons ?? englishFetchReasons;
  const describeError = options.describeError ?? ((error: unknown) => (error instanceof Error ? error.message : String(error)));

  const allowed: Fetcher['allowed'] = (address) => {
    let url: URL;
    try {
      url = options.base === undefined ? new URL(address.trim()) : new URL(address.trim(), options.base);
    } catch {
      return { ok: false, reason: reasons.notAnAddress(address) };
    }
    if (allowedOrigins.has(url.origin)) return { ok: true, url };
    if (url.protocol !== 'https:') return { ok: false, reason: reasons.notHttps(url.protocol) };
    // A credential must not make the verifier reach this computer or its network (did-method-web
    // §2.4): no IP addresses in any notation, no single-label or .localhost names (RFC 6761 §6.3).
    if (isIpAddress(url.host) || !url.hostname.includes('.') || /(^|\.)localhost\.?$/i.test(url.hostname)) {
      return { ok: false, reason: reasons.notADomainName(url.hostname) };
    }
    return { ok: true, url };
  };

  /** One request, following redirects as `options.redirects` says, under one time limit. */
  const request = async (first: URL, accept: string, signal: AbortSignal): Promise<Response | { ok: false; reason: string }> => {
    const landed = (response: Response) =>
      // Wherever the fetch function itself ended up (a browser follows redirects on its own).
      response.url && !allowed(response.url).ok ? { ok: false as const, reason: reasons.redirectedAway(first.href) } : response;
    if (options.redirects === 'platform') return landed(await options.fetch(first, { ...options.init, headers: { accept }, signal }));
    let url = first;
    for (let hop = 0; ; hop += 1) {
      const response = await options.fetch(url, { ...options.init, headers: { accept }, signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) return landed(response);
      await response.body?.cancel();
      if (hop === MAX_REDIRECTS) return { ok: false, reason: reasons.tooManyRedirects(first.href, MAX_REDIRECTS) };
      const next = allowed(new URL(location, url).href);
      if (!next.ok) return { ok: false, reason: `${reasons.redirectedAway(first.href)} (${next.reason})` };
      url = next.url;
    }
  };

  const fetchBytes: Fetcher['fetchBytes'] = async (address, limit, accept) => {
    const target = allowed(address);
    if (!target.ok) return target;
    try {
      const response = await request(target.url, accept, AbortSignal.timeout(timeoutMs));
      if (!(response instanceof Response)) return response;
      if (!response.ok) return { ok: false, reason: reasons.httpStatus(response.status) };
      return { ok: true, bytes: await readLimited(response, limit, reasons), contentType: response.headers.get('content-type') ?? '', url: response.url || target.url.href };
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') return { ok: false, reason: reasons.noAnswer(timeoutMs / 1000) };
      if (error instanceof RangeError) return { ok: false, reason: error.message };
      return { ok: false, reason: describeError(error) };
    }
  };

  const fetchJson: FetchJson = async (url) => {
    const fetched = await fetchBytes(url, MAX_INPUT_BYTES, JSON_ACCEPT);
    if (!fetched.ok) return fetched;
    if (/text\/html/i.test(fetched.contentType)) return { ok: false, reason: reasons.webPageNotJson(url) };
    const text = new TextDecoder().decode(fetched.bytes).replace(/^\uFEFF/, '');
    if (jsonNestingDepth(text) > MAX_DEPTH) return { ok: false, reason: reasons.tooDeep(url, MAX_DEPTH) };
    try {
      return { ok: true, json: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, reason: reasons.notJson(url) };
    }
  };

  const fetchLogFile: FetchLogFile = async (url) => {
    const fetched = await fetchBytes(url, MAX_LOG_FILE_BYTES, 'text/plain, application/octet-stream;q=0.9, */*;q=0.8');
    if (!fetched.ok) return fetched;
    // A host that answers every unknown path with its home page has no such file.
    if (/text\/html/i.test(fetched.contentType)) return { ok: false, reason: reasons.webPageNotLogFile(url) };
    return { ok: true, bytes: fetched.bytes };
  };

  const fetchCredential: Fetcher['fetchCredential'] = async (address) => {
    const fetched = await fetchBytes(address, MAX_IMAGE_BYTES, CREDENTIAL_ACCEPT);
    if (!fetched.ok) return unreadable('fetch-failed', { url: address, reason: fetched.reason });
    if (!/text\/html/i.test(fetched.contentType)) return credentialFromBytes(fetched.bytes);
    // A web page: its <link rel="alternate"> to the credential, followed once, under the same rules.
    const href = credentialLinkOf(fetched.bytes);
    let linked: string | undefined;
    try {
      linked = href === undefined ? undefined : new URL(href, fetched.url).href;
    } catch {
      linked = undefined;
    }
    if (linked === undefined) return unreadable('web-page', { url: address });
    const credential = await fetchBytes(linked, MAX_IMAGE_BYTES, CREDENTIAL_ACCEPT);
    if (!credential.ok) return unreadable('fetch-failed', { url: linked, reason: credential.reason });
    if (/text\/html/i.test(credential.contentType)) return unreadable('web-page', { url: linked });
    return credentialFromBytes(credential.bytes);
  };

  return { allowed, fetchBytes, fetchJson, fetchLogFile, fetchCredential };
}
