/**
 * The did:webvh DID log (`/.well-known/did.jsonl`, or `<path>/did.jsonl`): every version of the
 * DID document, hash-chained and signed (src/issue/did-history.ts). JSON Lines, as did:webvh has it.
 */
import { site } from '../site-data.ts';

export const GET = () =>
  site.didLog === undefined ? new Response('This site has no DID log.\n', { status: 404 }) : new Response(site.didLog, { headers: { 'content-type': 'application/jsonl' } });
