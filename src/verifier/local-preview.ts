/**
 * A local preview: the site served by `npm run dev` or `npm run preview` on this computer, before
 * it is published. Its credentials name the published site (their ids, the issuer's did:web, the
 * status lists), which does not answer yet, or answers with what was published before. On a
 * loopback address, the verifier reads those URLs from the local server instead, and says so; on
 * any other address it fetches them as they are.
 */

/** localhost, 127.0.0.0/8 and [::1]: what only this computer can serve. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export interface LocalPreview {
  /** The published site, e.g. https://badges.example.org/programmes/ */
  readonly siteUrl: string;
  /** The same site on the local server, e.g. http://127.0.0.1:4321/programmes/ */
  readonly localUrl: string;
}

/** The preview the page at `page` is, for the site at `siteUrl`; undefined when it is the real site. */
export function localPreview(siteUrl: string | undefined, page: URL): LocalPreview | undefined {
  if (!siteUrl || !LOOPBACK.test(page.hostname)) return undefined;
  const site = new URL(siteUrl);
  if (site.origin === page.origin) return undefined;
  return { siteUrl: site.href, localUrl: new URL(site.pathname, page.origin).href };
}

/** The local address of a URL under the published site; any other URL unchanged. */
export function toLocal(preview: LocalPreview | undefined, url: string): string {
  return preview && url.startsWith(preview.siteUrl) ? `${preview.localUrl}${url.slice(preview.siteUrl.length)}` : url;
}
