/**
 * The hosted JSON documents of a signed site as files: the path under dist/ and the exact bytes the
 * site's routes serve (src/site/routes/). Pure. The images are src/site/images.ts'.
 */
import { jsonText } from './json-text.ts';
import type { SignedSite } from './signed-site.ts';
import { distPath } from './urls.ts';

export interface Artifact {
  /** Relative to dist/, forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array | string;
}

export { jsonText };

export function jsonArtifacts(site: SignedSite): Artifact[] {
  const { urls } = site;
  const at = (url: string) => distPath(urls.site, url);
  const artifacts: Artifact[] = [
    { path: at(urls.issuerJson), bytes: jsonText(site.issuerProfile) },
    { path: at(urls.didDocument), bytes: jsonText(site.didDocument) },
    { path: at(urls.revocationList), bytes: jsonText(site.revocationList) },
  ];
  if (site.didLog !== undefined) artifacts.push({ path: at(urls.didLog), bytes: site.didLog });
  for (const [purpose, list] of site.statusLists) artifacts.push({ path: at(urls.statusList(purpose)), bytes: jsonText(list) });
  for (const [slug, achievement] of site.achievements) artifacts.push({ path: at(urls.achievementJson(slug)), bytes: jsonText(achievement) });
  for (const [name, edition] of site.achievementEditions) artifacts.push({ path: at(`${urls.achievementJson(name)}`), bytes: jsonText(edition) });
  for (const award of site.awards) artifacts.push({ path: at(urls.credentialJson(award.record.id)), bytes: award.json });
  for (const [id, transcript] of site.transcripts) artifacts.push({ path: at(urls.portfolioTranscript(id)), bytes: transcript.json });
  return artifacts;
}
