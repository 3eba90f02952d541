/**
 * What the site says about a learner beyond their own page: whether their award is listed (under
 * "Recent earners", in search, to search engines) and whether the reason of a revocation or
 * suspension is published. Both are the issuer's opt-in (GDPR, Quebec's Law 25); the one
 * exception is a site that has not chosen yet, which keeps listing as it did before it could
 * choose, and is told so on every build (`listingNotice`).
 */
import type { StatusChange } from './schemas/award.ts';
import type { Issuer } from './schemas/issuer.ts';

/**
 * Whether an award is listed: its own `listed`, else issuer.yaml's `earners`. A site whose
 * issuer.yaml has no `earners` predates the setting: it keeps listing, so that upgrading changes
 * nothing it publishes until the issuer decides.
 */
export function isListed(award: { readonly listed?: boolean | undefined }, issuer: Pick<Issuer, 'earners'>): boolean {
  return award.listed ?? issuer.earners !== 'unlisted';
}

/** The notice a build and `npm run check` give a site that has not chosen `earners`; none once it has. */
export function listingNotice(issuer: Pick<Issuer, 'earners'>): string | undefined {
  if (issuer.earners !== undefined) return undefined;
  return [
    'content/issuer.yaml has no `earners` setting, so this site lists its earners and lets search find them by name, as before.',
    'Choose, and this notice goes: `earners: unlisted` (a learner\'s page is reached by its link only; an award may opt in with `listed: true`)',
    'or `earners: listed` (keep listing; an award may opt out with `listed: false`). See docs/issuing.md, "Who is listed".',
  ].join('\n');
}

/** The reason the certificate page and the revocation list may show: only one the issuer chose to publish. */
export function publishedReason(change: Pick<StatusChange, 'reason' | 'publishReason'> | undefined): string | undefined {
  return change?.publishReason === true ? change.reason : undefined;
}
