/**
 * What a built site's search indexes hold, read from Pagefind's own files: each page's fragment
 * (`pagefind/fragment/*.pf_fragment`, and the certificates' in `pagefind/certificates/fragment/`)
 * is gzip-compressed JSON behind the marker `pagefind_dcd`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const MARKER = 'pagefind_dcd';

/** The URL of every page in the indexes under `dist`, sorted. */
export function searchIndexUrls(dist: string): string[] {
  const folders = [path.join(dist, 'pagefind', 'fragment'), path.join(dist, 'pagefind', 'certificates', 'fragment')];
  return folders
    .flatMap((folder) => (existsSync(folder) ? readdirSync(folder).map((name) => path.join(folder, name)) : []))
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const text = gunzipSync(readFileSync(name)).toString('utf8');
      if (!text.startsWith(MARKER)) throw new Error(`${name} is not a Pagefind fragment`);
      return (JSON.parse(text.slice(MARKER.length)) as { url: string }).url;
    })
    .sort();
}
