/**
 * The signed site as the pages receive it. The integration signs in its own process and writes
 * this snapshot to a file; the virtual module `virtual:laurel/site` reads it back wherever Astro
 * renders (the dev server, the build), so the pages never sign and never read content/ themselves.
 * Plain JSON: maps become lists of entries, URLs are derived again from the site URL. The awards
 * are a second file, one JSON line each, so that no single string holds all of them: at 100,000
 * awards, one would pass the longest string JavaScript allows.
 */
import { readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { AchievementRecord, SiteContent } from '../content/validate.ts';
import type { JsonObject } from '../core/json.ts';
import type { SignedAward, SignedSite, SignedTranscript } from '../issue/signed-site.ts';
import { siteUrls, type StatusPurpose } from '../issue/urls.ts';

/** What the image routes need to render and cache badges and share cards. */
export interface ImageSettings {
  /** Where rendered images are cached (`.laurel/cache/images`). */
  readonly cacheDirectory: string;
  /** A hash of the renderers' code and libraries: a change makes every cached image stale. */
  readonly fingerprint: string;
}

/** What a build renders: the pages' clock, and which certificate pages (all, when absent). */
export interface RenderPlan {
  /** When the pages are rendered, for every page alike: the status a certificate shows that day. */
  readonly now: string;
  /** The awards whose certificate page this build renders; the others come from the page cache. */
  readonly certificates?: readonly string[];
  /** The signed JSON is written by the integration, not by the pages' routes (a build's). */
  readonly jsonWrittenByIntegration: boolean;
  /** Whether the pages and routes receive each credential's JSON text (those that serve it do). */
  readonly credentialsInSnapshot: boolean;
}

type SnapshotAward = Omit<SignedAward, 'credential' | 'json'> & { readonly json?: string };

export interface SiteSnapshot {
  readonly format: 2;
  readonly site: {
    readonly content: Omit<SiteContent, 'achievements'> & { readonly achievements: ReadonlyArray<[string, AchievementRecord]> };
    readonly did: string;
    readonly development: boolean;
    readonly issuerProfile: JsonObject;
    readonly didDocument: JsonObject;
    readonly didLog?: string | undefined;
    readonly achievements: ReadonlyArray<[string, JsonObject]>;
    readonly achievementEditions: ReadonlyArray<[string, JsonObject]>;
    readonly awards: ReadonlyArray<SnapshotAward>;
    readonly statusLists: ReadonlyArray<[StatusPurpose, JsonObject]>;
    readonly revocationList: JsonObject;
    readonly transcripts: ReadonlyArray<[string, SignedTranscript]>;
  };
  readonly images: ImageSettings;
  readonly plan: RenderPlan;
}

function toSnapshot(site: SignedSite, images: ImageSettings, plan: RenderPlan): Omit<SiteSnapshot, 'site'> & { site: Omit<SiteSnapshot['site'], 'awards'> } {
  return {
    format: 2,
    site: {
      content: { ...site.content, achievements: [...site.content.achievements] },
      did: site.did,
      development: site.development,
      issuerProfile: site.issuerProfile,
      didDocument: site.didDocument,
      didLog: site.didLog,
      achievements: [...site.achievements],
      achievementEditions: [...site.achievementEditions],
      statusLists: [...site.statusLists],
      revocationList: site.revocationList,
      transcripts: [...site.transcripts],
    },
    images,
    plan,
  };
}

/**
 * Writes the snapshot to `file` and its awards to `file` + `.awards`, each through a temporary
 * file, so that a reader never sees half of one. The credential travels as its JSON text, and only
 * when a route serves it (the dev server's): a build writes the signed JSON itself.
 */
export async function writeSnapshot(file: string, site: SignedSite, images: ImageSettings, plan: RenderPlan): Promise<void> {
  const awards = await open(`${file}.awards.tmp`, 'w');
  try {
    const lines: string[] = [];
    const flush = async () => {
      await awards.write(lines.join(''));
      lines.length = 0;
    };
    for (const { record, json } of site.awards) {
      lines.push(`${JSON.stringify(plan.credentialsInSnapshot ? { record, json } : { record })}\n`);
      if (lines.length === 1000) await flush();
    }
    await flush();
  } finally {
    await awards.close();
  }
  await rename(`${file}.awards.tmp`, `${file}.awards`);
  const rest = await open(`${file}.tmp`, 'w');
  try {
    await rest.write(JSON.stringify(toSnapshot(site, images, plan)));
  } finally {
    await rest.close();
  }
  await rename(`${file}.tmp`, file);
}

/** The snapshot `writeSnapshot` wrote, awards read line by line from bytes. */
export function readSnapshot(file: string): SiteSnapshot {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Omit<SiteSnapshot, 'site'> & { site: Omit<SiteSnapshot['site'], 'awards'> };
  const bytes = readFileSync(`${file}.awards`);
  const awards: SnapshotAward[] = [];
  const decoder = new TextDecoder();
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (stop > start) awards.push(JSON.parse(decoder.decode(bytes.subarray(start, stop))) as SnapshotAward);
    start = stop + 1;
  }
  return { ...snapshot, site: { ...snapshot.site, awards } };
}

export function fromSnapshot(snapshot: SiteSnapshot): { site: SignedSite; images: ImageSettings; plan: RenderPlan } {
  const { site } = snapshot;
  const content: SiteContent = { ...site.content, achievements: new Map(site.content.achievements) };
  return {
    site: {
      content,
      urls: siteUrls(content.issuer.url),
      did: site.did,
      development: site.development,
      issuerProfile: site.issuerProfile,
      didDocument: site.didDocument,
      didLog: site.didLog,
      achievements: new Map(site.achievements),
      achievementEditions: new Map(site.achievementEditions),
      // A build's pages have no credential text: they do not serve it (see RenderPlan).
      awards: site.awards.map(({ record, json = '' }) => ({ record, json, get credential() { return JSON.parse(json) as JsonObject; } })),
      erased: content.erased,
      statusLists: new Map(site.statusLists),
      revocationList: site.revocationList,
      transcripts: new Map(site.transcripts),
    },
    images: snapshot.images,
    plan: snapshot.plan,
  };
}
