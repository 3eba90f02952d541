/**
 * The images a build renders, as its routes serve them:
 *
 * - `/achievements/<slug>.svg|.png`: each achievement's badge, with the issuer's name around it;
 * - `/achievements/<slug>.<folder>.svg|.png`: its badge in another language, where a translation
 *   puts other words on it (src/content/achievement-text.ts, badgeLanguage);
 * - `/achievements/<slug>/small.svg`: its small badge, without text, for the catalogue and search;
 * - `/achievements/<slug>/share.png`: the achievement's 1200×630 Open Graph card, which every
 *   certificate page of it shows in link previews (issuer.yaml `shareCards: achievement`, the
 *   default);
 * - `/credentials/<id>/share.png`: a card of one award, with the learner's name and date, only
 *   with `shareCards: personal`.
 *
 * Nothing else is a file per award: the baked badges and the PDF certificate are made in the
 * learner's browser, from the hosted JSON and the badge, by the same core code
 * (src/site/components/downloads/). Rendering is the slow part, so badges and cards go through
 * the disk cache, keyed by their inputs. Erased awards get nothing.
 */
import { createHash } from 'node:crypto';
import type { Artifact } from '../issue/hosted-documents.ts';
import type { SignedAward, SignedSite } from '../issue/signed-site.ts';
import { distPath } from '../issue/urls.ts';
import { achievementWords } from './achievement-words.ts';
import { badgeDesignIn, badgeLanguage } from '../content/achievement-text.ts';
import { resolveBadgeDesign, type ResolvedBadgeDesign } from '../content/badge-design.ts';
import { languageFolder } from '../core/locale/language.ts';
import type { ImageCache } from '../render/image-cache.ts';
import { BADGE_SIZE, renderBadgeSvg, renderPng, renderSmallBadge } from '../render/badge-image.ts';
import { renderShareCard } from '../render/share-card.ts';
import { isoDay, shareCardUrl } from './page-model.ts';

/** The hosted badge PNG's width: the renderer's native 600×600, what OB displayers expect at least. */
export const BADGE_PNG_WIDTH = BADGE_SIZE;

export interface Badge {
  readonly design: ResolvedBadgeDesign;
  readonly svg: string;
  readonly png: Uint8Array;
  /** The small badge's SVG (../render/badge-image.ts, `renderSmallBadge`). */
  readonly small: string;
}

/** A badge file of the site: an achievement's own (`language` undefined) or its badge in a language. */
export interface BadgeFile {
  /** What its address names: `<slug>` or `<slug>.<folder>`. */
  readonly name: string;
  readonly slug: string;
  readonly language?: string | undefined;
}

/** Every badge the site publishes: each achievement's own, then one per language that words it otherwise. */
export function badgeFiles(site: SignedSite): BadgeFile[] {
  return [...site.achievements.keys()].flatMap((slug) => {
    const record = site.content.achievements.get(slug)!;
    const languages = new Set(record.translations.map((translation) => badgeLanguage(record, translation.language)).filter((language) => language !== undefined));
    return [{ name: slug, slug }, ...[...languages].map((language) => ({ name: `${slug}.${languageFolder(language)}`, slug, language }))];
  });
}

export interface SiteImages {
  /** The achievement's badge in `language` (its own language's if absent or if the language words it alike). */
  badge(slug: string, language?: string): Promise<Badge>;
  /** The achievement's link-preview card: no learner's name, so one serves every award of it. */
  achievementShareCard(slug: string): Promise<Uint8Array>;
  /** One award's card, with the learner's name and the date (`shareCards: personal`). */
  personalShareCard(award: SignedAward): Promise<Uint8Array>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** The images of `site`, rendered through `cache`; each achievement's badge is rendered once. */
export function siteImages(site: SignedSite, cache: ImageCache): SiteImages {
  const badges = new Map<string, Promise<Badge>>();
  const issuerName = site.content.issuer.name;
  const ringName = site.content.issuer.badgeName ?? issuerName;
  const { language } = site.content.issuer;

  const badge = (slug: string, language?: string): Promise<Badge> => {
    const record = site.content.achievements.get(slug)!;
    const wordedIn = language === undefined ? undefined : badgeLanguage(record, language);
    const key = `${slug}\n${wordedIn ?? ''}`;
    let pending = badges.get(key);
    if (!pending) {
      pending = (async () => {
        const design = resolveBadgeDesign(badgeDesignIn(record, wordedIn ?? record.language), { slug, name: record.data.name, programme: record.data.programme }, ringName);
        const svg = decoder.decode(await cache.get('badge-svg', 'svg', design, async () => encoder.encode(await renderBadgeSvg(design))));
        const png = await cache.get('badge-png', 'png', { svg: sha256(svg), width: BADGE_PNG_WIDTH }, () => renderPng(svg, BADGE_PNG_WIDTH));
        return { design, svg, png, small: renderSmallBadge(design).svg };
      })();
      badges.set(key, pending);
    }
    return pending;
  };

  const shareCard = async (slug: string, earned?: { learnerName: string; awardedOn: string }) => {
    // The badge the card shows is in the card's language too.
    const chosen = await badge(slug, language);
    // The language is an input like the names: a site that changes it gets its cards redrawn.
    // Its name in the site's default language, the one the card's words are in (a translation where it has one).
    const achievementName = achievementWords(site.content.achievements.get(slug)!, { tag: language }).name.text;
    const inputs = { achievementName, issuerName, accentColor: chosen.design.primaryColor, language, ...(earned ? { earned } : {}) };
    return cache.get(earned ? 'share-card' : 'achievement-share-card', 'png', { ...inputs, badge: sha256(chosen.svg) }, () => renderShareCard({ ...inputs, badgeSvg: chosen.svg }));
  };

  return {
    badge,
    achievementShareCard: (slug) => shareCard(slug),
    personalShareCard: ({ record }) => shareCard(record.achievement, { learnerName: record.recipient.name, awardedOn: isoDay(record.awardedOn) }),
  };
}

/** Every image of the site with the path it is published at (relative to dist/), in memory. */
export async function imageArtifacts(site: SignedSite, cache: ImageCache): Promise<Artifact[]> {
  const images = siteImages(site, cache);
  const at = (url: string) => distPath(site.urls.site, url);
  const artifacts: Artifact[] = [];
  const personal = site.content.issuer.shareCards === 'personal';
  for (const file of badgeFiles(site)) {
    const { svg, png, small } = await images.badge(file.slug, file.language);
    artifacts.push(
      { path: at(site.urls.achievementImage(file.slug, 'svg', file.language)), bytes: svg },
      { path: at(site.urls.achievementImage(file.slug, 'png', file.language)), bytes: png },
    );
    if (file.language) continue;
    // The small badge has no words, and the achievement's card one language: one of each.
    artifacts.push({ path: at(site.urls.achievementSmallBadge(file.slug)), bytes: small });
    if (!personal) artifacts.push({ path: at(site.urls.achievementShareCard(file.slug)), bytes: await images.achievementShareCard(file.slug) });
  }
  if (personal) {
    for (const award of site.awards) artifacts.push({ path: at(shareCardUrl(site, award)), bytes: await images.personalShareCard(award) });
  }
  return artifacts;
}
