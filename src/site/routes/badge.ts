/** `/achievements/<slug>.png` and `.svg`: the achievement's badge; `<slug>.fr.png` its badge in another language. */
import type { APIContext } from 'astro';
import { formatOf, imageResponse } from '../responses.ts';
import { badgeFiles, type BadgeFile } from '../images.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths({ routePattern }: { routePattern: string }) {
  return badgeFiles(site).map((file) => ({ params: { slug: file.name }, props: { format: formatOf(routePattern), file } }));
}

export async function GET({ props }: APIContext<{ format: 'png' | 'svg'; file: BadgeFile }>) {
  const badge = await images.badge(props.file.slug, props.file.language);
  return imageResponse(props.format === 'png' ? badge.png : badge.svg, props.format);
}
