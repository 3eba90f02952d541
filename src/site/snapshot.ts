/**
 * The signed site as the pages receive it. The integration signs in its own process and writes
 * this snapshot to a file; the virtual module `virtual:laurel/site` reads it back wherever Astro
 * renders (the dev server, the build), so the pages never sign and never read content/ themselves.
 * Plain JSON: maps become lists of entries, URLs are derived again from the site URL.
 */
import type { AchievementRecord, SiteContent } from '../content/validate.ts';
import type { JsonObject } from '../core/json.ts';
import type { SignedAward, SignedSite } from '../issue/signed-site.ts';
import { siteUrls, type StatusPurpose } from '../issue/urls.ts';

/** What the image routes need to render and cache badges and share cards. */
export interface ImageSettings {
  /** Where rendered images are cached (`.laurel/cache/images`). */
  readonly cacheDirectory: string;
  /** A hash of the renderers' code and libraries: a change makes every cached image stale. */
  readonly fingerprint: string;
}

export interface SiteSnapshot {
  readonly format: 1;
  readonly site: {
    readonly content: Omit<SiteContent, 'achievements'> & { readonly achievements: ReadonlyArray<[string, AchievementRecord]> };
    readonly did: string;
    readonly development: boolean;
    readonly issuerProfile: JsonObject;
    readonly didDocument: JsonObject;
    readonly achievements: ReadonlyArray<[string, JsonObject]>;
    readonly awards: ReadonlyArray<Omit<SignedAward, 'credential'>>;
    readonly statusLists: ReadonlyArray<[StatusPurpose, JsonObject]>;
    readonly revocationList: JsonObject;
  };
  readonly images: ImageSettings;
}

export function toSnapshot(site: SignedSite, images: ImageSettings): SiteSnapshot {
  return {
    format: 1,
    site: {
      content: { ...site.content, achievements: [...site.content.achievements] },
      did: site.did,
      development: site.development,
      issuerProfile: site.issuerProfile,
      didDocument: site.didDocument,
      achievements: [...site.achievements],
      // The credential is its JSON text parsed: the text alone travels.
      awards: site.awards.map(({ record, json }) => ({ record, json })),
      statusLists: [...site.statusLists],
      revocationList: site.revocationList,
    },
    images,
  };
}

export function fromSnapshot(snapshot: SiteSnapshot): { site: SignedSite; images: ImageSettings } {
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
      achievements: new Map(site.achievements),
      awards: site.awards.map(({ record, json }) => ({ record, json, credential: JSON.parse(json) as JsonObject })),
      erased: content.erased,
      statusLists: new Map(site.statusLists),
      revocationList: site.revocationList,
    },
    images: snapshot.images,
  };
}
