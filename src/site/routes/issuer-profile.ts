/** `/issuer.json`: the issuer's OB 3.0 Profile. */
import { jsonResponse } from '../responses.ts';
import { site } from '../site-data.ts';

export const GET = () => jsonResponse(site.issuerProfile);
