/**
 * `/credentials/<id>.json`: the signed OpenBadgeCredential, the exact bytes its id names. The dev
 * server serves it from here; a build writes the same bytes itself (src/site/integration.ts),
 * because at scale a route per file costs more than the file.
 */
import type { APIContext } from 'astro';
import type { SignedAward } from '../../issue/signed-site.ts';
import { JSON_TYPE } from '../responses.ts';
import { plan, site } from '../site-data.ts';

export function getStaticPaths() {
  if (plan.jsonWrittenByIntegration) return [];
  return site.awards.map((award) => ({ params: { id: award.record.id }, props: { award } }));
}

export const GET = ({ props }: APIContext<{ award: SignedAward }>) => new Response(props.award.json, { headers: { 'content-type': JSON_TYPE } });
