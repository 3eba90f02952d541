/**
 * Badge images, baked badges, share cards and PDF certificates, as files under dist/:
 *
 * - `/achievements/<slug>.svg|.png`: each achievement's badge, rendered once;
 * - `/credentials/<id>.png|.svg`: that badge with the award's exact signed JSON baked in (cheap);
 * - `/credentials/<id>/share.png`: the 1200×630 Open Graph card;
 * - `/credentials/<id>.pdf`: the printable certificate.
 *
 * Rendering is the slow part, so badges, share cards and PDFs go through the disk cache, keyed by
 * their inputs: an unchanged award costs two file reads and two bakes. Erased awards get nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bakePng, bakeSvg } from '../core/baking.ts';
import type { Artifact } from '../issue/hosted-documents.ts';
import { renderCertificatePdf } from '../render/certificate-pdf.ts';
import { createImageCache, imageCacheDirectory, rendererFingerprint, type ImageCache, type KindStats } from '../render/image-cache.ts';
import { resolveBadgeDesign, type ResolvedBadgeDesign } from '../content/badge-design.ts';
import { BADGE_SIZE, renderBadgeSvg, renderPng } from '../render/badge-image.ts';
import { qrCodeSvg } from '../render/qr-code.ts';
import { renderShareCard } from '../render/share-card.ts';
import { certificateUrls, isoDay, skillsOf } from './page-model.ts';
import type { SignedSite } from '../issue/signed-site.ts';
import { distPath } from '../issue/urls.ts';

/** The hosted badge PNG's width: the renderer's native 600×600, what OB displayers expect at least. */
export const BADGE_PNG_WIDTH = BADGE_SIZE;

export interface ImageArtifactOptions {
  /** A ready cache; by default one under `<root>/.laurel/cache/images`, pruned after the build. */
  readonly cache?: ImageCache;
  /** Where the summary line goes; console.log by default. */
  readonly log?: (line: string) => void;
}

interface Badge {
  readonly design: ResolvedBadgeDesign;
  readonly svg: string;
  readonly png: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

async function renderBadge(cache: ImageCache, slug: string, name: string, design: Parameters<typeof resolveBadgeDesign>[0]): Promise<Badge> {
  const resolved = resolveBadgeDesign(design, { slug, name });
  const svg = decoder.decode(await cache.get('badge-svg', 'svg', resolved, async () => encoder.encode(await renderBadgeSvg(resolved))));
  const png = await cache.get('badge-png', 'png', { svg: sha256(svg), width: BADGE_PNG_WIDTH }, () => renderPng(svg, BADGE_PNG_WIDTH));
  return { design: resolved, svg, png };
}

/**
 * Yields the image files one by one, so a caller that writes each as it comes keeps memory flat
 * however many awards there are.
 */
export async function* imageArtifactStream(site: SignedSite, cache: ImageCache): AsyncGenerator<Artifact> {
  const at = (url: string) => distPath(site.urls.site, url);
  const issuerName = site.content.issuer.name;

  const badges = new Map<string, Badge>();
  for (const slug of site.achievements.keys()) {
    const record = site.content.achievements.get(slug)!;
    const badge = await renderBadge(cache, slug, record.data.name, record.badge);
    badges.set(slug, badge);
    yield { path: at(site.urls.achievementImage(slug, 'svg')), bytes: badge.svg };
    yield { path: at(site.urls.achievementImage(slug, 'png')), bytes: badge.png };
  }

  for (const { record, json } of site.awards) {
    const achievement = site.content.achievements.get(record.achievement)!;
    const badge = badges.get(record.achievement)!;
    const urls = certificateUrls(site.urls, record.id);
    yield { path: at(urls.png), bytes: bakePng(badge.png, json) };
    yield { path: at(urls.svg), bytes: bakeSvg(badge.svg, json) };

    const card = {
      learnerName: record.recipient.name,
      achievementName: achievement.data.name,
      issuerName,
      awardedOn: isoDay(record.awardedOn),
      accentColor: badge.design.primaryColor,
    };
    yield {
      path: at(urls.shareCard),
      bytes: await cache.get('share-card', 'png', { ...card, badge: sha256(badge.svg) }, () => renderShareCard({ ...card, badgeSvg: badge.svg })),
    };

    const certificate = {
      ...card,
      achievementDescription: achievement.data.description,
      ...(record.validUntil === undefined ? {} : { validUntil: isoDay(record.validUntil) }),
      credentialUrl: urls.page,
      skills: skillsOf(achievement).map((skill) => skill.name),
    };
    yield {
      path: at(urls.pdf),
      bytes: await cache.get('certificate-pdf', 'pdf', { ...certificate, badge: sha256(badge.png) }, async () =>
        renderCertificatePdf({ ...certificate, badgePng: badge.png, qrSvg: await qrCodeSvg(urls.page) }),
      ),
    };
  }
}

function perItem(stats: Readonly<KindStats> | undefined): string {
  if (!stats) return '0';
  const each = stats.rendered ? `, ${(stats.renderMs / stats.rendered / 1000).toFixed(2)} s each` : '';
  return `${stats.rendered + stats.cached} (${stats.rendered} rendered${each})`;
}

/** A one-line account of what was rendered and what came from the cache. */
export function imageSummary(cache: ImageCache): string {
  const kinds = cache.stats;
  return `Images: badges ${perItem(kinds.get('badge-svg'))}, share cards ${perItem(kinds.get('share-card'))}, PDFs ${perItem(kinds.get('certificate-pdf'))}.`;
}

/** Runs `consume` over every image file, then prunes the default cache and logs the summary. */
async function eachImage(site: SignedSite, root: string, options: ImageArtifactOptions, consume: (artifact: Artifact) => Promise<void> | void): Promise<void> {
  const owned = options.cache === undefined;
  const cache = options.cache ?? createImageCache({ directory: imageCacheDirectory(root), fingerprint: await rendererFingerprint(root) });
  for await (const artifact of imageArtifactStream(site, cache)) await consume(artifact);
  const pruned = owned ? await cache.prune() : 0;
  (options.log ?? console.log)(`${imageSummary(cache)}${pruned ? ` ${pruned} stale cache entries removed.` : ''}`);
}

/** Every image file of the site, in memory (about 0.4 MB per award): for small sites and tests. */
export async function imageArtifacts(site: SignedSite, root: string, options: ImageArtifactOptions = {}): Promise<Artifact[]> {
  const artifacts: Artifact[] = [];
  await eachImage(site, root, options, (artifact) => void artifacts.push(artifact));
  return artifacts;
}

/** Writes every image file under `directory` as it is made, so memory stays flat for any number of awards. */
export async function writeImageArtifacts(site: SignedSite, root: string, directory: string, options: ImageArtifactOptions = {}): Promise<number> {
  const folders = new Set<string>();
  let count = 0;
  await eachImage(site, root, options, async (artifact) => {
    const file = path.join(directory, artifact.path);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(file, artifact.bytes);
    count += 1;
  });
  return count;
}
