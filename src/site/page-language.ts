/**
 * The languages a site's pages are published in (issuer.yaml `languages`, or its one `language`),
 * and which one a page is in. The default language's pages are at the site's paths; each other
 * language's under its folder, the language's primary subtag (`/fr/verify/`). A page's language
 * is the first folder of its path: Astro's own locale detection matches a language code in any
 * segment, so an achievement whose slug is `fr` would turn an English page French.
 */
import { messagesFor, type Messages } from '../core/locale/messages.ts';
import { languageFolder } from '../core/locale/language.ts';
import { pageUrls, type PageUrls } from '../issue/urls.ts';

export interface PageLanguage {
  /** The tag as issuer.yaml writes it (`fr-CA`): the pages' `lang`, and how dates are written. */
  readonly tag: string;
  readonly messages: Messages;
  /** Its pages' folder under the site, with its slash: '' for the default language, `fr/` for another. */
  readonly folder: string;
  /** Where its pages are. */
  readonly pages: PageUrls;
}

export interface LanguageSite {
  readonly urls: { readonly site: string };
  readonly content: { readonly issuer: { readonly languages: readonly string[] } };
}

/** The site's languages, the default first. */
export function siteLanguages(site: LanguageSite): PageLanguage[] {
  return site.content.issuer.languages.map((tag, index) => {
    const folder = index === 0 ? '' : `${languageFolder(tag)}/`;
    return { tag, messages: messagesFor(tag), folder, pages: pageUrls(site.urls.site, folder) };
  });
}

/**
 * The language of a page, from its path under the site (`fr/credentials/…` or the route pattern
 * `/fr/credentials/[id]`): the language whose folder it starts with, or the default.
 */
export function languageOfPath(languages: readonly PageLanguage[], relativePath: string): PageLanguage {
  const path = relativePath.replace(/^\/+/, '');
  return languages.find((language) => language.folder !== '' && (path === language.folder.slice(0, -1) || path.startsWith(language.folder))) ?? languages[0]!;
}

/** The same page in another language: `fr/verify/` in English is `verify/` (paths relative to the site). */
export function samePageIn(relativePath: string, from: PageLanguage, to: PageLanguage): string {
  const path = relativePath.replace(/^\/+/, '');
  const rest = from.folder !== '' && path.startsWith(from.folder) ? path.slice(from.folder.length) : path === from.folder.slice(0, -1) ? '' : path;
  return `${to.folder}${rest}`;
}
