/** The did:web document (`/.well-known/did.json`, or `<path>/did.json`): every key that may still verify. */
import { jsonResponse } from '../responses.ts';
import { site } from '../site-data.ts';

export const GET = () => jsonResponse(site.didDocument);
