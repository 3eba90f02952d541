/** Badge images, baked badges, share cards and PDF certificates, as files under dist/. */
import type { Artifact } from './artifacts.ts';
import type { SignedSite } from './site.ts';

export async function imageArtifacts(_site: SignedSite, _root: string): Promise<Artifact[]> {
  return [];
}
