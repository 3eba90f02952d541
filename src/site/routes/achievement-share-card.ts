/** `/achievements/<slug>/share.png`: the link-preview card of every certificate page of an achievement (the default `shareCards`). */
import type { APIContext } from 'astro';
import { imageResponse } from '../responses.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths() {
  if (site.content.issuer.shareCards !== 'achievement') return [];
  return [...site.achievements.keys()].map((slug) => ({ params: { slug } }));
}

export async function GET({ params }: APIContext) {
  return imageResponse(await images.achievementShareCard(params['slug']!), 'png');
}
