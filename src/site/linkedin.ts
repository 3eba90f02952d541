/**
 * LinkedIn's "Add to profile" link for a certification (the parameters LinkedIn's add-to-profile generator uses; LinkedIn publishes no specification for it). Pure: the certificate page
 * builds one per award. LinkedIn documents no API for this; the parameters are the ones its
 * generator at addtoprofile.linkedin.com writes, and the ones every badge platform uses.
 */

export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';
/** LinkedIn's "share" dialog: a post to the learner's feed, previewed from the page's Open Graph tags. */
export const LINKEDIN_SHARE = 'https://www.linkedin.com/sharing/share-offsite/';

export interface LinkedInCertification {
  /** The certification's name as it will appear on the profile: the achievement's name. */
  readonly name: string;
  /** The numeric id of the issuer's LinkedIn company page: links the issuer's logo and page. */
  readonly organizationId?: string | undefined;
  /** Used when there is no organizationId: the issuer's name, as plain text. */
  readonly organizationName: string;
  /** When it was awarded: a dateTimeStamp or `YYYY-MM-DD`, read in UTC. */
  readonly issuedOn: string;
  /** When it expires, in the same form; absent for a certification that never expires. */
  readonly expiresOn?: string | undefined;
  /** The public page LinkedIn links as "Show credential": the certificate page. */
  readonly certUrl: string;
  /** The credential id LinkedIn shows: the award id. */
  readonly certId: string;
}

/** Year and month (1–12) of a UTC date, read from the text so that no time zone shifts it. */
function yearMonth(date: string): [year: string, month: string] {
  const match = /^(\d{4})-(\d{2})-\d{2}/.exec(date);
  if (!match) throw new RangeError(`expected a date like 2026-03-14, got "${date}"`);
  return [match[1]!, String(Number(match[2]))];
}

/**
 * The "Add to profile" URL. Parameters are percent-encoded (spaces as %20, not +), empty ones are
 * left out, and exactly one of organizationId / organizationName is given.
 */
export function linkedInAddToProfileUrl(certification: LinkedInCertification): string {
  const [issueYear, issueMonth] = yearMonth(certification.issuedOn);
  const expiration = certification.expiresOn === undefined ? undefined : yearMonth(certification.expiresOn);
  const organizationId = certification.organizationId?.trim();
  const parameters: Array<[string, string | undefined]> = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', certification.name],
    organizationId ? ['organizationId', organizationId] : ['organizationName', certification.organizationName],
    ['issueYear', issueYear],
    ['issueMonth', issueMonth],
    ['expirationYear', expiration?.[0]],
    ['expirationMonth', expiration?.[1]],
    ['certUrl', certification.certUrl],
    ['certId', certification.certId],
  ];
  const query = parameters
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${LINKEDIN_ADD_TO_PROFILE}?${query}`;
}

/**
 * The "Share in a post" URL: LinkedIn's share dialog with the certificate page, which LinkedIn
 * previews from the page's Open Graph tags (the share card). It takes the URL alone: the text of
 * the post is the learner's own (the page offers one to copy).
 */
export function linkedInShareUrl(pageUrl: string): string {
  return `${LINKEDIN_SHARE}?url=${encodeURIComponent(pageUrl)}`;
}
