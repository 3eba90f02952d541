/** `/credentials/<id>.png` and `.svg`: the badge with the signed credential baked in (OB 3.0 §"Baking"). */
import type { APIContext } from 'astro';
import type { SignedAward } from '../../issue/signed-site.ts';
import { formatOf, imageResponse } from '../responses.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths({ routePattern }: { routePattern: string }) {
  return site.awards.map((award) => ({ params: { id: award.record.id }, props: { award, format: formatOf(routePattern) } }));
}

export async function GET({ props }: APIContext<{ award: SignedAward; format: 'png' | 'svg' }>) {
  return imageResponse(await images.bakedBadge(props.award, props.format), props.format);
}
