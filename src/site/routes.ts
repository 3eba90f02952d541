/**
 * Every route of the site, as the integration injects them: the pages (./pages/) and the hosted
 * documents (./routes/), at the paths of the URL layout (src/issue/urls.ts). A fork adds its own
 * pages in src/pages/ as in any Astro site; these stay Laurel's.
 */
import type { InjectedRoute } from 'astro';
import { siteUrls } from '../issue/urls.ts';

const page = (pattern: string, file: string): InjectedRoute => ({ pattern, entrypoint: new URL(`./pages/${file}`, import.meta.url), prerender: true });
const document = (pattern: string, file: string): InjectedRoute => ({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url), prerender: true });

/**
 * `folders` are the site's languages' folders (./page-language.ts), '' for the default: every page
 * is served in each language, the documents once.
 */
export function routesFor(siteUrl: string, folders: readonly string[] = ['']): InjectedRoute[] {
  const urls = siteUrls(siteUrl);
  // did:web puts the DID document at /.well-known/did.json for a site at a domain root, and at
  // <path>/did.json for a site under a path (did-method-web §3.2).
  const didPath = `/${urls.didDocument.slice(urls.site.length)}`;
  const pages = folders.flatMap((folder) => {
    const at = (path: string) => `/${folder}${path}`.replace(/\/$/, '') || '/';
    return [
      page(at(''), 'index.astro'),
      page(at('achievements/[slug]'), 'achievement.astro'),
      page(at('credentials/[id]'), 'certificate.astro'),
      page(at('verify'), 'verify.astro'),
      page(at('verify/how'), 'verify-how.astro'),
      page(at('wallet'), 'wallet.astro'),
      page(at('portfolios/[id]'), 'portfolio.astro'),
    ];
  });
  return [
    ...pages,

    document('/issuer.json', 'issuer-profile.ts'),
    document('/icons.svg', 'icons.ts'),
    document(didPath, 'did-document.ts'),
    // did:webvh's DID log sits where its did:web's did.json does, as did.jsonl.
    document(`${didPath}l`, 'did-log.ts'),
    document('/status/[list].json', 'status-list.ts'),
    document('/achievements/[slug].json', 'achievement-json.ts'),
    document('/achievements/[slug].png', 'badge.ts'),
    document('/achievements/[slug].svg', 'badge.ts'),
    document('/achievements/[slug]/small.svg', 'small-badge.ts'),
    document('/achievements/[slug]/share.png', 'achievement-share-card.ts'),
    document('/credentials/[id].json', 'credential-json.ts'),
    document('/portfolios/[id]/transcript.json', 'transcript.ts'),
    // Baked badges and the PDF certificate are made on the certificate page, in the browser.
    document('/credentials/[id]/share.png', 'share-card.ts'),
  ];
}
