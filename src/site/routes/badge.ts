/** `/achievements/<slug>.png` and `.svg`: the achievement's badge. */
import type { APIContext } from 'astro';
import { formatOf, imageResponse } from '../responses.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths({ routePattern }: { routePattern: string }) {
  return [...site.achievements.keys()].map((slug) => ({ params: { slug }, props: { format: formatOf(routePattern) } }));
}

export async function GET({ params, props }: APIContext<{ format: 'png' | 'svg' }>) {
  const badge = await images.badge(params['slug']!);
  return imageResponse(props.format === 'png' ? badge.png : badge.svg, props.format);
}
