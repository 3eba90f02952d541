/**
 * What search finds of a certificate: a record made from the same view the page is rendered from,
 * rather than the page itself. Indexing a record costs a fraction of parsing a page, and it does
 * not need the page to exist, so the index can be made whole on every build (Pagefind has no
 * incremental mode) while the pages come from the page cache. Achievements, the home page and a
 * fork's own pages are still indexed from their HTML.
 */
import type { SignedSite } from '../issue/signed-site.ts';
import { messagesFor } from '../core/locale/messages.ts';
import { allCertificateViews, humanDate, sitePath, type CertificateView } from './page-model.ts';

export interface SearchRecord {
  /** The page, relative to the site URL: `credentials/<id>/`. */
  readonly page: string;
  /** The words it is found by. */
  readonly content: string;
  /** As Pagefind files pages: by their `<html lang>`, lower-cased. */
  readonly language: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** The record of a certificate, or nothing for one kept out of search (unlisted, revoked, suspended). */
export function certificateSearchRecord(view: CertificateView, site: Pick<SignedSite, 'urls' | 'content'>): SearchRecord | undefined {
  if (!view.listed) return undefined;
  // Pagefind reads a record as one text in the page's language: the translated name where there is one.
  const name = view.words.name.text;
  const skills = [...view.skills.map((skill) => skill.name), ...view.keywords];
  const { language } = view;
  const t = messagesFor(language);
  return {
    page: view.urls.page.slice(site.urls.site.length),
    // Its own words: who, what and when. Not the issuer, the same on every result of the site.
    content: t.searchRecord(view.learnerName, name, humanDate(view.awardedOn, language)),
    language: language.toLowerCase(),
    meta: { title: `${view.learnerName} · ${name}`, kind: t.searchKindCertificate, image: sitePath(site.urls.achievementSmallBadge(view.achievement.slug)) },
    filters: { achievement: [name], year: [view.awardedOn.slice(0, 4)], ...(skills.length ? { skill: [...new Set(skills)] } : {}) },
  };
}

/** Every certificate's record in each of the site's languages, as of `now` (from `views`, when the build has them already). */
export function certificateSearchRecords(site: SignedSite, now: Date, views: readonly CertificateView[] = allCertificateViews(site, now)): SearchRecord[] {
  return views.flatMap((view) => certificateSearchRecord(view, site) ?? []);
}
