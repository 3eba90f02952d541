/** `/achievements/<slug>.json`: the achievement as an OB 3.0 Achievement. */
import type { APIContext } from 'astro';
import { jsonResponse } from '../responses.ts';
import { site } from '../site-data.ts';

export function getStaticPaths() {
  return [...site.achievements.keys()].map((slug) => ({ params: { slug } }));
}

export const GET = ({ params }: APIContext) => jsonResponse(site.achievements.get(params['slug']!)!);
