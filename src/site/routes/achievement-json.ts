/**
 * `/achievements/<slug>.json`: the achievement as an OB 3.0 Achievement; `/achievements/<slug>.fr.json`
 * its edition in another language (src/issue/signed-site.ts, achievementVersions).
 */
import type { APIContext } from 'astro';
import { jsonResponse } from '../responses.ts';
import { site } from '../site-data.ts';

export function getStaticPaths() {
  return [...site.achievements.keys(), ...site.achievementEditions.keys()].map((slug) => ({ params: { slug } }));
}

export const GET = ({ params }: APIContext) => jsonResponse(site.achievements.get(params['slug']!) ?? site.achievementEditions.get(params['slug']!)!);
