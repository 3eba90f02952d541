/**
 * The images of a site, as its routes serve them:
 *
 * - `/achievements/<slug>.svg|.png`: each achievement's badge;
 * - `/credentials/<id>.png|.svg`: that badge with the award's exact signed JSON baked in (cheap);
 * - `/credentials/<id>/share.png`: the 1200×630 Open Graph card;
 * - `/credentials/<id>.pdf`: the printable certificate.
 *
 * Rendering is the slow part, so badges, share cards and PDFs go through the disk cache, keyed by
 * their inputs: an unchanged award costs a file read and a bake. Erased awards get nothing.
 */
import { createHash } from 'node:crypto';
import { bakePng, bakeSvg } from '../core/baking.ts';
import type { Artifact } from '../issue/hosted-documents.ts';
import type { SignedAward, SignedSite } from '../issue/signed-site.ts';
import { distPath } from '../issue/urls.ts';
import { resolveBadgeDesign, type ResolvedBadgeDesign } from '../content/badge-design.ts';
import { renderCertificatePdf } from '../render/certificate-pdf.ts';
import { packagedFonts } from '../render/packaged-fonts.ts';
import type { ImageCache } from '../render/image-cache.ts';
import { BADGE_SIZE, renderBadgeSvg, renderPng } from '../render/badge-image.ts';
import { qrCodeSvg } from '../render/qr-code.ts';
import { renderShareCard } from '../render/share-card.ts';
import { certificateUrls, isoDay, skillsOf } from './page-model.ts';

/** The hosted badge PNG's width: the renderer's native 600×600, what OB displayers expect at least. */
export const BADGE_PNG_WIDTH = BADGE_SIZE;

export interface Badge {
  readonly design: ResolvedBadgeDesign;
  readonly svg: string;
  readonly png: Uint8Array;
}

export interface SiteImages {
  badge(slug: string): Promise<Badge>;
  /** The award's badge with its signed credential baked in. */
  bakedBadge(award: SignedAward, format: 'png' | 'svg'): Promise<Uint8Array | string>;
  shareCard(award: SignedAward): Promise<Uint8Array>;
  certificatePdf(award: SignedAward): Promise<Uint8Array>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** The images of `site`, rendered through `cache`; each achievement's badge is rendered once. */
export function siteImages(site: SignedSite, cache: ImageCache): SiteImages {
  const badges = new Map<string, Promise<Badge>>();
  const issuerName = site.content.issuer.name;

  const badge = (slug: string): Promise<Badge> => {
    let pending = badges.get(slug);
    if (!pending) {
      pending = (async () => {
        const record = site.content.achievements.get(slug)!;
        const design = resolveBadgeDesign(record.badge, { slug, name: record.data.name });
        const svg = decoder.decode(await cache.get('badge-svg', 'svg', design, async () => encoder.encode(await renderBadgeSvg(design))));
        const png = await cache.get('badge-png', 'png', { svg: sha256(svg), width: BADGE_PNG_WIDTH }, () => renderPng(svg, BADGE_PNG_WIDTH));
        return { design, svg, png };
      })();
      badges.set(slug, pending);
    }
    return pending;
  };

  const card = async (award: SignedAward) => {
    const { record } = award;
    const chosen = await badge(record.achievement);
    const achievement = site.content.achievements.get(record.achievement)!;
    return {
      badge: chosen,
      achievement,
      inputs: { learnerName: record.recipient.name, achievementName: achievement.data.name, issuerName, awardedOn: isoDay(record.awardedOn), accentColor: chosen.design.primaryColor },
    };
  };

  return {
    badge,
    async bakedBadge(award, format) {
      const { png, svg } = await badge(award.record.achievement);
      return format === 'png' ? bakePng(png, award.json) : bakeSvg(svg, award.json);
    },
    async shareCard(award) {
      const { badge: chosen, inputs } = await card(award);
      return cache.get('share-card', 'png', { ...inputs, badge: sha256(chosen.svg) }, () => renderShareCard({ ...inputs, badgeSvg: chosen.svg }));
    },
    async certificatePdf(award) {
      const { badge: chosen, achievement, inputs } = await card(award);
      const page = site.urls.credentialPage(award.record.id);
      const certificate = {
        ...inputs,
        achievementDescription: achievement.data.description,
        ...(award.record.validUntil === undefined ? {} : { validUntil: isoDay(award.record.validUntil) }),
        credentialUrl: page,
        skills: skillsOf(achievement).map((skill) => skill.name),
      };
      return cache.get('certificate-pdf', 'pdf', { ...certificate, badge: sha256(chosen.png) }, async () =>
        renderCertificatePdf({ ...certificate, badgePng: chosen.png, qrSvg: await qrCodeSvg(page) }, packagedFonts),
      );
    },
  };
}

/** Every image of the site with the path it is published at (relative to dist/), in memory. */
export async function imageArtifacts(site: SignedSite, cache: ImageCache): Promise<Artifact[]> {
  const images = siteImages(site, cache);
  const at = (url: string) => distPath(site.urls.site, url);
  const artifacts: Artifact[] = [];
  for (const slug of site.achievements.keys()) {
    const { svg, png } = await images.badge(slug);
    artifacts.push({ path: at(site.urls.achievementImage(slug, 'svg')), bytes: svg }, { path: at(site.urls.achievementImage(slug, 'png')), bytes: png });
  }
  for (const award of site.awards) {
    const urls = certificateUrls(site.urls, award.record.id);
    artifacts.push(
      { path: at(urls.png), bytes: await images.bakedBadge(award, 'png') },
      { path: at(urls.svg), bytes: await images.bakedBadge(award, 'svg') },
      { path: at(urls.shareCard), bytes: await images.shareCard(award) },
      { path: at(urls.pdf), bytes: await images.certificatePdf(award) },
    );
  }
  return artifacts;
}
