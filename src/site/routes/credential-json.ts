/** `/credentials/<id>.json`: the signed OpenBadgeCredential, the exact bytes its id names. */
import type { APIContext } from 'astro';
import type { SignedAward } from '../../issue/signed-site.ts';
import { JSON_TYPE } from '../responses.ts';
import { site } from '../site-data.ts';

export function getStaticPaths() {
  return site.awards.map((award) => ({ params: { id: award.record.id }, props: { award } }));
}

export const GET = ({ props }: APIContext<{ award: SignedAward }>) => new Response(props.award.json, { headers: { 'content-type': JSON_TYPE } });
