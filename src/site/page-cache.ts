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
 * Pages go between the cache and the output as hard links (./linked-files.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { SignedSite } from '../issue/signed-site.ts';
import { distPath, pageUrls } from '../issue/urls.ts';
import { cacheKey } from '../render/image-cache.ts';
import { keep, placeCopy } from './linked-files.ts';
import { certificatePageName, certificateViews, type CertificateView } from './page-model.ts';

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

/**
 * The key of each certificate page, by its name (`certificatePageName`), for every view given
 * (by default each award's in the default language). What many pages share (the site, the
 * issuer, each achievement) goes into the key as its own hash, taken once, so a page's key hashes
 * only what is the award's own: at 10,000 awards of a few achievements, seconds less per build.
 */
export function certificatePageKeys(site: SignedSite, now: Date, fingerprint: string, views: readonly CertificateView[] = certificateViews(site, now)): Map<string, string> {
  const shared = cacheKey('certificate-pages', fingerprint, { site: site.urls.site, development: site.development, issuer: site.content.issuer });
  const achievements = new Map([...site.content.achievements.values()].map((achievement) => [achievement.slug, cacheKey('achievement', fingerprint, achievement)]));
  return new Map(views.map((view) => {
    const { achievement, skills: _skills, ...own } = view;
    return [certificatePageName(view), cacheKey('certificate-page', shared, { achievement: achievements.get(achievement.slug), view: own })];
  }));
}

/** Where a certificate page (`certificatePageName`) is, under dist/. */
function pageFile(site: SignedSite, name: string): string {
  const folder = name.slice(0, name.lastIndexOf('/') + 1);
  return distPath(site.urls.site, pageUrls(site.urls.site, folder).credentialPage(name.slice(folder.length)));
}

export interface PageCache {
  /** The awards whose page is not in the cache: the ones this build renders. */
  missing(keys: ReadonlyMap<string, string>): Promise<Set<string>>;
  /**
   * After the build: keeps the pages it rendered, puts the cached ones into `out`, and (unless the
   * cache is shared) removes the pages no award has any more. Returns the files of `out` that are
   * cached pages reused.
   */
  complete(out: string, site: SignedSite, keys: ReadonlyMap<string, string>, rendered: ReadonlySet<string>, options: { prune: boolean }): Promise<string[]>;
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
      const reused: string[] = [];
      const now = new Date();
      // Many pages at once: at scale the time is the file system's.
      await pMap(
        keys,
        async ([id, key]) => {
          const file = path.join(out, pageFile(site, id));
          if (rendered.has(id)) {
            await mkdir(path.dirname(entry(key)), { recursive: true });
            await keep(file, entry(key));
            return;
          }
          await mkdir(path.dirname(file), { recursive: true });
          await placeCopy(entry(key), file);
          // A cache shared by several sites is pruned by age by whoever owns it: touched. The
          // site's own is pruned below, by what this build used.
          if (!prune) await utimes(entry(key), now, now).catch(() => undefined);
          reused.push(file);
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
