/** `/credentials/<id>/share.png`: the 1200×630 card link previews show. */
import type { APIContext } from 'astro';
import type { SignedAward } from '../../issue/signed-site.ts';
import { imageResponse } from '../responses.ts';
import { images, site } from '../site-data.ts';

export function getStaticPaths() {
  return site.awards.map((award) => ({ params: { id: award.record.id }, props: { award } }));
}

export async function GET({ props }: APIContext<{ award: SignedAward }>) {
  return imageResponse(await images.shareCard(props.award), 'png');
}
