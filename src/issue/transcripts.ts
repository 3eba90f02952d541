/**
 * The CLR 2.0 transcript of each portfolio (src/content/portfolios.ts): a ClrCredential holding
 * the learner's credentials in force, as they were signed, and how their achievements relate (a
 * block `isPartOf` the stack it was earned towards). Pure: the caller signs it with the rest of
 * the site.
 */
import { buildClrCredential, latestAwardDate, latestIdentifiers, type AssociationInput } from '../core/clr-credential.ts';
import type { JsonObject } from '../core/json.ts';
import { MAX_CLR_CREDENTIALS } from '../core/limits.ts';
import { isInForce } from '../content/stacks.ts';
import type { Portfolio } from '../content/portfolios.ts';
import type { AwardRecord } from '../content/validate.ts';
import type { SiteUrls } from './urls.ts';

export interface UnsignedTranscript {
  /** The portfolio's id. */
  readonly portfolio: string;
  /** The awards it holds, in award order. */
  readonly awards: readonly string[];
  readonly unsecured: JsonObject;
  readonly created: string;
}

const achievementIdOf = (credential: JsonObject) => ((credential['credentialSubject'] as JsonObject)['achievement'] as JsonObject)['id'] as string;

/**
 * The transcript of one portfolio, or undefined when none of its awards is in force. A learner
 * with more credentials than a verifier checks in one transcript (MAX_CLR_CREDENTIALS) gets the
 * latest ones, marked `partial` (CLR 2.0 §ClrCredential).
 */
export function unsignedTranscript(portfolio: Portfolio<AwardRecord>, credentials: ReadonlyMap<string, JsonObject>, issuer: JsonObject, urls: SiteUrls, name: string): UnsignedTranscript | undefined {
  const held = portfolio.awards.filter(isInForce).filter((award) => credentials.has(award.id));
  const kept = held.slice(-MAX_CLR_CREDENTIALS);
  if (!kept.length) return undefined;
  const signed = kept.map((award) => credentials.get(award.id)!);
  const inRecord = new Map(kept.map((award) => [award.id, credentials.get(award.id)!]));
  const associations: AssociationInput[] = [];
  const seen = new Set<string>();
  for (const award of kept) {
    for (const block of award.blocks) {
      const blockCredential = inRecord.get(block);
      if (!blockCredential) continue;
      const association: AssociationInput = { associationType: 'isPartOf', sourceId: achievementIdOf(blockCredential), targetId: achievementIdOf(inRecord.get(award.id)!) };
      const key = `${association.sourceId} ${association.targetId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      associations.push(association);
    }
  }
  const validFrom = latestAwardDate(signed)!;
  return {
    portfolio: portfolio.id,
    awards: kept.map((award) => award.id),
    created: validFrom,
    unsecured: buildClrCredential({
      id: urls.portfolioTranscript(portfolio.id),
      name,
      issuer,
      validFrom,
      identifier: latestIdentifiers(signed),
      credentials: signed,
      associations,
      partial: held.length > kept.length ? true : undefined,
    }),
  };
}
