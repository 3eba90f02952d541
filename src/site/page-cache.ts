/**
 * Certificate pages kept between builds (`.laurel/cache/pages/`), so that a build renders only the
 * pages whose content changed: at 10,000 awards, adding one renders one page, not 10,000.
 *
 * A page's key is the SHA-256 of everything its HTML is made from: the certificate view of the
 * award at the build's time (src/site/page-model.ts: the record, its status that day, the
 * achievement and the issuer it names), what every page shares (the site's URL, whether it is a
 * development build), and a fingerprint of the code that renders it (every file under src/, the
 * Astro configuration and the locked package versions, which also fix the names of the bundled
 * scripts and styles the page links to). Change any of these, and the page is rendered again.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { SignedSite } from '../issue/signed-site.ts';
import { distPath } from '../issue/urls.ts';
import { cacheKey } from '../render/image-cache.ts';
import { certificateView } from './page-model.ts';

/** How many pages are copied at once. */
const PAGES_AT_ONCE = 32;

/** What decides how every page is rendered, besides the content. */
const RENDERING_SOURCES = ['src', 'astro.config.mjs', 'package-lock.json'];

/** A hash of the code and packages that render the pages. */
export async function pagesFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const source of RENDERING_SOURCES) {
    const entries = await readdir(path.join(root, source), { recursive: true, withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      files.push(source);
      continue;
    }
    for (const entry of entries) if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

/** The key of each award's certificate page, by award id. */
export function certificatePageKeys(site: SignedSite, now: Date, fingerprint: string): Map<string, string> {
  const shared = { site: site.urls.site, development: site.development, issuer: site.content.issuer };
  return new Map(site.awards.map((award) => [award.record.id, cacheKey('certificate-page', fingerprint, { shared, view: certificateView(site, award, now) })]));
}

/** Where an award's certificate page is, under dist/. */
const pageFile = (site: SignedSite, id: string) => distPath(site.urls.site, site.urls.credentialPage(id));

export interface PageCache {
  /** The awards whose page is not in the cache: the ones this build renders. */
  missing(keys: ReadonlyMap<string, string>): Promise<Set<string>>;
  /**
   * After the build: keeps the pages it rendered, puts the cached ones into `out`, and (unless the
   * cache is shared) removes the pages no award has any more. Returns how many were reused.
   */
  complete(out: string, site: SignedSite, keys: ReadonlyMap<string, string>, rendered: ReadonlySet<string>, options: { prune: boolean }): Promise<number>;
}

export function pageCache(directory: string): PageCache {
  const entry = (key: string) => path.join(directory, key.slice(0, 2), `${key}.html`);
  async function stored(): Promise<Set<string>> {
    const names = await readdir(directory, { recursive: true }).catch(() => [] as string[]);
    return new Set(names.filter((name) => name.endsWith('.html')).map((name) => path.basename(name, '.html')));
  }
  return {
    async missing(keys) {
      const have = await stored();
      return new Set([...keys].filter(([, key]) => !have.has(key)).map(([id]) => id));
    },
    async complete(out, site, keys, rendered, { prune }) {
      let reused = 0;
      const now = new Date();
      // Many pages at once: at scale the time is the file system's.
      await pMap(
        keys,
        async ([id, key]) => {
          const file = path.join(out, pageFile(site, id));
          if (rendered.has(id)) {
            await mkdir(path.dirname(entry(key)), { recursive: true });
            await copyFile(file, entry(key));
            return;
          }
          await mkdir(path.dirname(file), { recursive: true });
          await copyFile(entry(key), file);
          // Touched, so that a shared cache can be pruned by age by whoever owns it.
          await utimes(entry(key), now, now).catch(() => undefined);
          reused += 1;
        },
        { concurrency: PAGES_AT_ONCE },
      );
      if (prune) {
        const used = new Set(keys.values());
        for (const key of await stored()) if (!used.has(key)) await rm(entry(key), { force: true });
      }
      return reused;
    },
  };
}
