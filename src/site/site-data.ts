/**
 * The signed site, for pages and routes: what the integration signed, read from the virtual
 * module it provides (src/site/integration.ts), and the image renderers with their cache.
 */
import snapshot from 'virtual:laurel/site';
import { createImageCache } from '../render/image-cache.ts';
import { siteImages } from './images.ts';
import { fromSnapshot } from './snapshot.ts';
import { languageOfPath, siteLanguages, type PageLanguage } from './page-language.ts';

const revived = fromSnapshot(snapshot);

export const site = revived.site;

/** What this build renders, and when (./snapshot.ts). */
export const plan = revived.plan;

/** Badges and share cards of this site, rendered once and cached on disk. */
export const images = siteImages(site, createImageCache({ directory: revived.images.cacheDirectory, fingerprint: revived.images.fingerprint }));

/** The path of a site URL (base included), for links that also work on a local server. */
export const basePath = new URL(site.urls.site).pathname;

/** The languages the pages are published in, the default first (./page-language.ts). */
export const languages = siteLanguages(site);

/** The language of the page being rendered, from its path: its words, its tag and where its pages are. */
export function pageLanguage(astro: { readonly url: URL }): PageLanguage {
  return languageOfPath(languages, astro.url.pathname.slice(basePath.length));
}
