/**
 * What a built site's search index holds, read from Pagefind's own files: each page's fragment
 * (`pagefind/fragment/*.pf_fragment`) is gzip-compressed JSON behind the marker `pagefind_dcd`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const MARKER = 'pagefind_dcd';

/** The URL of every page in the index under `dist`, sorted. */
export function searchIndexUrls(dist: string): string[] {
  const folder = path.join(dist, 'pagefind', 'fragment');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const text = gunzipSync(readFileSync(path.join(folder, name))).toString('utf8');
      if (!text.startsWith(MARKER)) throw new Error(`${name} is not a Pagefind fragment`);
      return (JSON.parse(text.slice(MARKER.length)) as { url: string }).url;
    })
    .sort();
}
