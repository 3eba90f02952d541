/**
 * `content/awards/**\/*.yaml`: one award, or a batch of awards of one achievement. Each award
 * becomes one OpenBadgeCredential (OB 3.0 §B.1.2) whose subject is the recipient.
 */
import { z } from 'zod';
import { AWARD_ID_PATTERN } from '../award-id.ts';
import { TEXT_LIMITS, atMost, dateOrDateTime, descriptionText, lineText, nameText, narrativeText, statusIndex, webUrl } from './common.ts';

/** OB 3.0 IdentifierTypeEnum (§B.3.3), plus `ext:` extensions. */
export const IDENTIFIER_TYPES = [
  'name', 'sourcedId', 'systemId', 'productId', 'userName', 'accountId', 'emailAddress',
  'nationalIdentityNumber', 'isbn', 'issn', 'lisSourcedId', 'oneRosterSourcedId', 'sisSourcedId',
  'ltiContextId', 'ltiDeploymentId', 'ltiToolId', 'ltiPlatformId', 'ltiUserId', 'identifier',
] as const;

/**
 * A learner key: `lk-` and 26 base32 letters, 128 random bits. The awards of one person carry the
 * same key, so that the build can tell they are one learner's without knowing who: it is drawn at
 * random, never derived from an email, and never published (src/commands/learner-keys.ts).
 */
export const LEARNER_KEY_PATTERN = /^lk-[a-z2-7]{26}$/;

export const learnerKeySchema = z
  .string()
  .regex(LEARNER_KEY_PATTERN)
  .describe('lk- followed by 26 letters a to z and digits 2 to 7 (npm run award and npm run import write one; npm run link-awards changes it)');

/**
 * A portfolio id: `pf-` and 26 base32 letters, 128 random bits, the last part of the address of
 * a learner's portfolio page (`/portfolios/<id>/`). Random rather than the learner key, which is
 * never published (src/commands/publish-portfolio.ts).
 */
export const PORTFOLIO_ID_PATTERN = /^pf-[a-z2-7]{26}$/;

export const awardIdSchema = z
  .string()
  .regex(AWARD_ID_PATTERN)
  .describe('8 to 64 lower-case letters, digits and dashes (`npm run award` writes one)');

const identifierType = z
  .union([z.enum(IDENTIFIER_TYPES), z.string().regex(/^ext:[A-Za-z0-9._-]+$/)])
  .describe(`one of ${IDENTIFIER_TYPES.join(', ')}, or ext:YourType`);

/** A hashed identifier: `npm run award` and `npm run import` write these from an email address. */
export const hashedIdentitySchema = z
  .object({
    type: identifierType,
    /** `sha256$` and the hex SHA-256 of the identifier followed by the salt (OB 3.0 IdentityHash). */
    hash: z.string().regex(/^sha256\$[0-9a-fA-F]{64}$/).describe('sha256$ followed by 64 hex digits'),
    /** The random salt the hash was made with. */
    salt: z.string().min(8).max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).describe('the random salt, at least 8 characters'),
  })
  .strict();

/** An identifier published as it is: never an email address. */
export const plainIdentitySchema = z
  .object({
    type: identifierType,
    /** The identifier itself, e.g. a student number. It is published. */
    value: nameText.describe('the identifier, published as it is'),
  })
  .strict();

export const recipientSchema = z
  .object({
    /** The learner's name as it appears on the certificate. */
    name: nameText.describe("the learner's name as printed on the certificate"),
    /** How the learner proves the credential is theirs. */
    identity: z.union([hashedIdentitySchema, plainIdentitySchema]).describe('type plus hash and salt, or type plus value'),
    /** The learner's own DID or profile URL, if they gave one (becomes credentialSubject.id). */
    id: z.string().regex(/^(did:[a-z0-9]+:\S+|https:\/\/\S+)$/).max(TEXT_LIMITS.url, atMost(TEXT_LIMITS.url)).optional().describe('a DID or an https:// URL'),
  })
  .strict();

export const evidenceSchema = z
  .object({
    url: webUrl.optional().describe('a link to the work'),
    name: lineText.optional().describe('a title for the evidence'),
    description: descriptionText.optional().describe('a short description'),
    /** What the learner did, in Markdown. */
    narrative: narrativeText.optional().describe('what the learner did, in Markdown'),
    genre: lineText.optional().describe('the kind of evidence, like "Portfolio" or "Project"'),
  })
  .strict()
  .refine((value) => value.url !== undefined || value.narrative !== undefined, 'evidence needs a url or a narrative');

export const resultSchema = z
  .object({
    /** The key of one of the achievement's resultDescriptions. */
    resultDescription: lineText.optional().describe("the id of one of the achievement's resultDescriptions"),
    value: lineText.optional().describe('the value achieved, as text, like "92"'),
    achievedLevel: lineText.optional().describe('the level achieved'),
    status: z.enum(['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew']).optional(),
  })
  .strict();

export const statusChangeSchema = z
  .object({
    on: dateOrDateTime,
    /**
     * Why, for the issuer's records and the PR summary. Private by default: the certificate page
     * says only "revoked on <date>", since a reason often says something about the learner.
     */
    reason: descriptionText.describe('why, in a sentence (kept in the repository; published only with publishReason: true)'),
    /** true: the reason is also shown on the certificate page and in the 1EdTech revocation list. */
    publishReason: z.boolean().optional().describe('true to show the reason on the certificate page'),
  })
  .strict();

/** Fields an award may set, and a batch may set for all its awards. */
const awardDetails = {
  /** When the award was made; becomes validFrom and awardedDate. */
  awardedOn: dateOrDateTime,
  evidence: z.array(evidenceSchema).optional().describe('a list of evidence, each with a url and/or narrative'),
  /** About this learner's achievement, in Markdown. */
  narrative: narrativeText.optional().describe('about this learner’s achievement, in Markdown'),
  results: z.array(resultSchema).optional(),
  creditsEarned: z.number().nonnegative().optional().describe('a number of credits'),
  activityStartDate: dateOrDateTime.optional(),
  activityEndDate: dateOrDateTime.optional(),
  /** Overrides the achievement's validFor: a date, or `never`. */
  validUntil: z.union([dateOrDateTime, z.literal('never')]).optional(),
} as const;

/** What every award, live or erased, has for ever: its id and its place in the status lists. */
const permanentFields = {
  /** Chosen once by `npm run award`; the credential's URL is built from it and never changes. */
  id: awardIdSchema,
  /** Chosen once at random; never reused, even after erasure. */
  statusIndex,
} as const;

const liveFields = {
  ...permanentFields,
  /** The same for every award of one learner; kept in the repository, never published. */
  learner: learnerKeySchema.optional(),
  recipient: recipientSchema,
  /**
   * For an achievement that stacks others (its `requires`): the ids of the learner's awards of the
   * blocks it was earned with, as `npm run stack` writes them. Each becomes evidence in the credential.
   */
  blocks: z.array(awardIdSchema).min(1).optional().describe("the ids of the learner's awards of the blocks (npm run stack writes them)"),
  /**
   * The learner asked for a portfolio page of all their credentials and a signed transcript:
   * its id, on each of their awards (npm run publish-portfolio writes it).
   */
  portfolio: z.string().regex(PORTFOLIO_ID_PATTERN).optional().describe('pf- followed by 26 letters a to z and digits 2 to 7 (npm run publish-portfolio writes it)'),
  /** Revoked for good: the credential no longer verifies. */
  revoked: statusChangeSchema.optional(),
  /** Suspended until reinstated. */
  suspended: statusChangeSchema.optional(),
  /**
   * Overrides issuer.yaml's `earners` for this award. true: listed under "Recent earners" and
   * found by name in search. false: no search entry, no catalogue mention, noindex. The page and
   * JSON stay reachable by their link either way.
   */
  listed: z.boolean().optional().describe("true (listed and found by name) or false (reached by its link only); left out, issuer.yaml's earners decides"),
} as const;

/** An award erased at the holder's request: no personal data remains. */
export const erasedAwardSchema = z
  .object({
    ...permanentFields,
    achievement: z.string().max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).describe('the achievement slug'),
    erased: z.object({ on: dateOrDateTime }).strict(),
    /**
     * Kept from the award when it was erased: copies the learner saved must go on failing
     * verification. Only the date stays; the reason could name the learner.
     */
    revoked: z.object({ on: dateOrDateTime }).strict().optional(),
    suspended: z.object({ on: dateOrDateTime }).strict().optional(),
  })
  .strict();

export const singleAwardSchema = z
  .object({
    ...liveFields,
    ...awardDetails,
    /** The file name (without .md) of an achievement in content/achievements/. */
    achievement: z.string().max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).describe('the file name of an achievement in content/achievements/, without .md'),
  })
  .strict();

/** An award inside a batch: the same fields as a single award, the batch giving the defaults. */
export const batchEntrySchema = z
  .object({
    ...liveFields,
    ...awardDetails,
    awardedOn: awardDetails.awardedOn.optional(),
  })
  .strict();

/**
 * A batch: one achievement, many recipients. Entries are checked one by one (live or erased) so
 * that each error names the entry's own line.
 */
export const batchSchema = z
  .object({
    achievement: z.string().max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).describe('the file name of an achievement in content/achievements/, without .md'),
    ...awardDetails,
    awardedOn: awardDetails.awardedOn.optional(),
    /** The awards of this batch; each may override the batch's dates, evidence and other details. */
    awards: z.array(z.record(z.string(), z.unknown())).min(1).describe('a list of awards'),
  })
  .strict();

/**
 * Every field of an award, by path (`[]` for each item of a list), as personal or not: what
 * `npm run forget` scrubs from the git history, and what it leaves. A field added to the schemas
 * above must be added to one of the two lists (test/commands/forget.test.ts walks the schema).
 * Personal: what names, identifies or is written about the learner (GDPR Art. 4(1): a grade is
 * personal data too). Not personal: ids and dates the tombstone keeps, and values chosen from a
 * fixed list or shared with the achievement, which rewriting the history would change everywhere.
 */
export const PERSONAL_AWARD_FIELDS = [
  'recipient.name', 'recipient.id', 'recipient.identity.hash', 'recipient.identity.salt', 'recipient.identity.value',
  'narrative', 'evidence[].url', 'evidence[].name', 'evidence[].description', 'evidence[].narrative',
  'results[].value', 'results[].achievedLevel', 'revoked.reason', 'suspended.reason', 'learner',
] as const;

export const IMPERSONAL_AWARD_FIELDS = [
  'id', 'achievement', 'statusIndex', 'listed', 'blocks[]', 'portfolio', 'awardedOn', 'activityStartDate', 'activityEndDate', 'validUntil', 'creditsEarned',
  'recipient.identity.type', 'evidence[].genre', 'results[].resultDescription', 'results[].status', 'revoked.on', 'revoked.publishReason', 'suspended.on', 'suspended.publishReason',
] as const;

/** The personal values an award's fields hold, as written (its own fields; a batch's shared ones are not the learner's). */
export function personalValues(award: Readonly<Record<string, unknown>>): Array<{ field: string; value: string }> {
  const at = (value: unknown, segments: readonly string[], field: string): Array<{ field: string; value: string }> => {
    if (value === undefined || value === null) return [];
    if (!segments.length) return typeof value === 'string' ? [{ field, value }] : [];
    const [head, ...rest] = segments as [string, ...string[]];
    if (head.endsWith('[]')) {
      const list = (value as Record<string, unknown>)[head.slice(0, -2)];
      return Array.isArray(list) ? list.flatMap((item) => at(item, rest, field)) : [];
    }
    return typeof value === 'object' ? at((value as Record<string, unknown>)[head], rest, field) : [];
  };
  return PERSONAL_AWARD_FIELDS.flatMap((field) => at(award, field.split('.'), field));
}

export type SingleAward = z.output<typeof singleAwardSchema>;
export type ErasedAward = z.output<typeof erasedAwardSchema>;
export type Batch = z.output<typeof batchSchema>;
export type BatchEntry = z.output<typeof batchEntrySchema>;
export type Recipient = z.output<typeof recipientSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type Result = z.output<typeof resultSchema>;
export type StatusChange = z.output<typeof statusChangeSchema>;
