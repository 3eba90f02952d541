/**
 * `/portfolios/<id>/transcript.json`: the signed CLR 2.0 transcript of a learner's portfolio, the
 * exact bytes its id names (src/issue/transcripts.ts). Served in dev and build alike.
 */
import type { APIContext } from 'astro';
import type { SignedTranscript } from '../../issue/signed-site.ts';
import { JSON_TYPE } from '../responses.ts';
import { site } from '../site-data.ts';

export function getStaticPaths() {
  return [...site.transcripts].map(([id, transcript]) => ({ params: { id }, props: { transcript } }));
}

export const GET = ({ props }: APIContext<{ transcript: SignedTranscript }>) => new Response(props.transcript.json, { headers: { 'content-type': JSON_TYPE } });
