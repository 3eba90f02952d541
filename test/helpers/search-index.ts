/**
 * What a built site's search indexes hold, read from Pagefind's own files: each page's fragment
 * (`pagefind/fragment/*.pf_fragment`, and the certificates' in `pagefind/certificates/fragment/`)
 * is gzip-compressed JSON behind the marker `pagefind_dcd`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const MARKER = 'pagefind_dcd';

/** What Pagefind keeps of a page: its URL, the words it is found by, its metadata and filters. */
export interface SearchFragment {
  readonly url: string;
  readonly content: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** Every page in the indexes under `dist` (the pages' and the certificates'), as Pagefind wrote it, sorted by URL. */
export function searchFragments(dist: string): SearchFragment[] {
  const folders = [path.join(dist, 'pagefind', 'fragment'), path.join(dist, 'pagefind', 'certificates', 'fragment')];
  return folders
    .flatMap((folder) => (existsSync(folder) ? readdirSync(folder).map((name) => path.join(folder, name)) : []))
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const text = gunzipSync(readFileSync(name)).toString('utf8');
      if (!text.startsWith(MARKER)) throw new Error(`${name} is not a Pagefind fragment`);
      return JSON.parse(text.slice(MARKER.length)) as SearchFragment;
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** The URL of every page in the indexes under `dist`, sorted. */
export function searchIndexUrls(dist: string): string[] {
  return searchFragments(dist).map((fragment) => fragment.url);
}
