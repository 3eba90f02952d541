/**
 * Where everything lives on the built site (the layout the README's "How a credential is made" documents). URLs are absolute, under the
 * issuer's site URL, and never change once published. An award's baked badges and PDF certificate
 * have no URL: the certificate page makes them in the learner's browser
 * (src/site/components/downloads/).
 */
import { languageFolder } from '../core/locale/language.ts';

export type StatusPurpose = 'revocation' | 'suspension';

export interface SiteUrls {
  readonly site: string;
  readonly issuerJson: string;
  readonly didDocument: string;
  /** The did:webvh DID log, where did:webvh looks for it: beside the DID document. */
  readonly didLog: string;
  readonly verifyPage: string;
  achievementPage(slug: string): string;
  achievementJson(slug: string): string;
  /**
   * The achievement in another of its languages, beside its own: `achievements/<slug>.fr.json`,
   * named by the language's folder as its source file is (`<slug>.fr.md`). The achievement's own
   * language keeps `achievements/<slug>.json`.
   */
  achievementJsonIn(slug: string, language: string): string;
  /**
   * The achievement's badge: `achievements/<slug>.png`, or, for a `language` whose translation puts
   * other words on the badge (src/content/achievement-text.ts, badgeLanguage),
   * `achievements/<slug>.fr.png` beside its edition's JSON.
   */
  achievementImage(slug: string, format: 'png' | 'svg', language?: string): string;
  /** The small badge, without text, that lists and search results show at 48 to 76 pixels. */
  achievementSmallBadge(slug: string): string;
  /** The 1200×630 image link previews of its certificate pages show, naming no one. */
  achievementShareCard(slug: string): string;
  credentialPage(id: string): string;
  credentialJson(id: string): string;
  /** One award's own 1200×630 preview image, with the learner's name (issuer.yaml `shareCards: personal`). */
  credentialShareCard(id: string): string;
  /** A learner's portfolio page, where they asked for one (src/content/portfolios.ts). */
  portfolioPage(id: string): string;
  /** Its signed CLR 2.0 transcript, beside it. */
  portfolioTranscript(id: string): string;
  statusList(purpose: StatusPurpose): string;
  revocationList: string;
  /** The transparency log's prefix (C2SP tlog-tiles): `checkpoint` and `tile/…` under it. */
  readonly transparencyLog: string;
}

/**
 * Where the pages are in one of the site's languages. The default language's are at the site's
 * own paths (SiteUrls has them, and a credential names them); each other language's are under its
 * folder (`fr/credentials/<id>/`). Documents, the JSON, images and DID files, have one address
 * whatever the language.
 */
export interface PageUrls {
  readonly home: string;
  readonly verifyPage: string;
  readonly verifyHowPage: string;
  readonly walletPage: string;
  achievementPage(slug: string): string;
  credentialPage(id: string): string;
  portfolioPage(id: string): string;
}

/** `folder` is '' for the default language, or a language's folder with its slash (`fr/`). */
export function pageUrls(site: string, folder = ''): PageUrls {
  const at = (path: string) => new URL(`${folder}${path}`, site).href;
  return {
    home: at(''),
    verifyPage: at('verify/'),
    verifyHowPage: at('verify/how/'),
    walletPage: at('wallet/'),
    achievementPage: (slug) => at(`achievements/${slug}/`),
    credentialPage: (id) => at(`credentials/${id}/`),
    portfolioPage: (id) => at(`portfolios/${id}/`),
  };
}

/** The site URL must end with `/` (the issuer schema enforces it). */
export function siteUrls(site: string): SiteUrls {
  const at = (path: string) => new URL(path, site).href;
  const pages = pageUrls(site);
  const didPath = new URL(site).pathname === '/' ? '.well-known/did.json' : 'did.json';
  return {
    site,
    issuerJson: at('issuer.json'),
    didDocument: at(didPath),
    didLog: at(`${didPath}l`),
    verifyPage: pages.verifyPage,
    achievementPage: pages.achievementPage,
    achievementJson: (slug) => at(`achievements/${slug}.json`),
    achievementJsonIn: (slug, language) => at(`achievements/${slug}.${languageFolder(language)}.json`),
    achievementImage: (slug, format, language) => at(`achievements/${slug}${language ? `.${languageFolder(language)}` : ''}.${format}`),
    achievementSmallBadge: (slug) => at(`achievements/${slug}/small.svg`),
    achievementShareCard: (slug) => at(`achievements/${slug}/share.png`),
    credentialPage: pages.credentialPage,
    credentialJson: (id) => at(`credentials/${id}.json`),
    credentialShareCard: (id) => at(`credentials/${id}/share.png`),
    portfolioPage: pages.portfolioPage,
    portfolioTranscript: (id) => at(`portfolios/${id}/transcript.json`),
    statusList: (purpose) => at(`status/${purpose}.json`),
    revocationList: at('status/1edtech-revocation-list.json'),
    transparencyLog: at('log/'),
  };
}

/** The file a URL under the site is written to, relative to dist/. */
export function distPath(site: string, url: string): string {
  const base = new URL(site).pathname;
  const pathname = new URL(url).pathname;
  if (!pathname.startsWith(base)) throw new RangeError(`${url} is not under ${site}`);
  const relative = pathname.slice(base.length);
  return relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative;
}
