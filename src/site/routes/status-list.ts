/** `/status/<list>.json`: the signed revocation and suspension lists, and the 1EdTech revocation list. */
import type { APIContext } from 'astro';
import { distPath } from '../../issue/urls.ts';
import { jsonResponse } from '../responses.ts';
import { site } from '../site-data.ts';

const lists = new Map([...site.statusLists.values(), site.revocationList].map((list) => [distPath(site.urls.site, String(list['id'])), list]));

export function getStaticPaths() {
  return [...lists.keys()].map((file) => ({ params: { list: file.replace(/^status\/|\.json$/g, '') } }));
}

export const GET = ({ params }: APIContext) => jsonResponse(lists.get(`status/${params['list']}.json`)!);
