/** `/achievements/<slug>/small.svg`: the achievement's small badge, for the catalogue and search results. */
import type { APIContext } from 'astro';
import { imageResponse } from '../responses.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths() {
  return [...site.achievements.keys()].map((slug) => ({ params: { slug } }));
}

export async function GET({ params }: APIContext) {
  return imageResponse((await images.badge(params['slug']!)).small, 'svg');
}
