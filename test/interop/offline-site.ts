/**
 * A built site, served from its dist/ folder to other implementations' verifiers with the network
 * off: a `fetch` that answers the site's own URLs from disk (and the few extra documents a test
 * names, each a committed file) and throws on anything else, recording every URL it was asked
 * for; and the pieces a JSON-LD document loader needs (Laurel's pinned contexts, did:web → the
 * site's did.json).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BuiltSite } from '../helpers/fixture-sites.ts';

export type Json = Record<string, unknown>;

export interface OfflineFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every URL asked for, served or refused, in order. */
  readonly requested: string[];
  /** The URLs that were refused (not the site's, not one of the extra documents). */
  readonly refused: string[];
}

/** The file in dist/ that a URL of the site stands for, or undefined for any other URL. */
export function siteFile(site: BuiltSite, url: string): string | undefined {
  if (!url.startsWith(site.siteUrl)) return undefined;
  const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(site.siteUrl).pathname.length));
  const file = path.resolve(site.dist, relative);
  return file.startsWith(site.dist + path.sep) ? file : undefined;
}

/**
 * A fetch for `globalThis`: the site's URLs from dist/, `extra` (URL → a file on disk) as given,
 * a 404 for a site URL with no file, and a thrown error for anything else.
 */
export function offlineFetch(site: BuiltSite, extra: ReadonlyMap<string, string> = new Map()): OfflineFetch {
  const requested: string[] = [];
  const refused: string[] = [];
  const fetchOffline = async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(url);
    const file = extra.get(url) ?? siteFile(site, url);
    if (file === undefined) {
      refused.push(url);
      throw new TypeError(`The network is off in this test: refused ${url}`);
    }
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes === undefined) return new Response('Not found', { status: 404, statusText: 'Not Found' });
    return new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fetchOffline, { requested, refused });
}

/** did:web:host[:path…] → its did.json URL (did-method-web §3.2.1 "Read"). */
export function didWebUrl(did: string): string {
  const [host, ...segments] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return segments.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${segments.join('/')}/did.json`;
}

export async function readJson(file: string): Promise<Json> {
  return JSON.parse(await readFile(file, 'utf8')) as Json;
}

export interface SiteCredential {
  readonly id: string;
  readonly file: string;
  readonly credential: Json;
  /** From the award record: revoked, suspended or neither. */
  readonly status: 'revoked' | 'suspended' | 'active';
}

/** Every credential the site publishes, with what its award record says of its status. */
export async function siteCredentials(site: BuiltSite): Promise<SiteCredential[]> {
  const awards = path.join(site.dir, 'content', 'awards');
  const records = (await readdir(awards, { recursive: true })).filter((name) => name.endsWith('.yaml'));
  const status = new Map<string, SiteCredential['status']>();
  for (const name of records) {
    const record = parseYaml(await readFile(path.join(awards, name), 'utf8')) as Json;
    if (typeof record['id'] === 'string') status.set(record['id'], record['revoked'] ? 'revoked' : record['suspended'] ? 'suspended' : 'active');
  }
  const folder = path.join(site.dist, 'credentials');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (name) => {
      const id = name.slice(0, -'.json'.length);
      return { id, file: path.join(folder, name), credential: await readJson(path.join(folder, name)), status: status.get(id) ?? 'active' };
    }),
  );
}

/** The status list credentials the site publishes (dist/status/*.json that are BitstringStatusListCredentials). */
export async function siteStatusLists(site: BuiltSite): Promise<Array<{ file: string; list: Json }>> {
  const folder = path.join(site.dist, 'status');
  const lists = await Promise.all((await readdir(folder)).filter((name) => name.endsWith('.json')).map(async (name) => ({ file: path.join(folder, name), list: await readJson(path.join(folder, name)) })));
  return lists.filter(({ list }) => Array.isArray(list['type']) && list['type'].includes('BitstringStatusListCredential'));
}

/** A copy of a credential with one claim changed, its proof left as it was. */
export function tampered(credential: Json): Json {
  const copy = structuredClone(credential);
  const subject = copy['credentialSubject'] as Json;
  subject['name'] = `${String(subject['name'] ?? '')} (altered)`;
  return copy;
}
