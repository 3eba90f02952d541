/** `/credentials/<id>/share.png`: one award's own link-preview card, only with issuer.yaml `shareCards: personal`. */
import type { APIContext } from 'astro';
import type { SignedAward } from '../../issue/signed-site.ts';
import { imageResponse } from '../responses.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths() {
  if (site.content.issuer.shareCards !== 'personal') return [];
  return site.awards.map((award) => ({ params: { id: award.record.id }, props: { award } }));
}

export async function GET({ props }: APIContext<{ award: SignedAward }>) {
  return imageResponse(await images.personalShareCard(props.award), 'png');
}
