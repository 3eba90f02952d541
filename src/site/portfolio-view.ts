/**
 * A learner's portfolio page (src/content/portfolios.ts), in one of the site's languages: their
 * credentials, newest first, each with its status as of the build and a link to its certificate
 * page, and the signed transcript beside them. Pure.
 */
import type { Portfolio } from '../content/portfolios.ts';
import type { SignedSite } from '../issue/signed-site.ts';
import type { AwardRecord } from '../content/validate.ts';
import { achievementWords, type LanguageText } from './achievement-words.ts';
import type { PageLanguage } from './page-language.ts';
import { credentialStatus, type CredentialStatus } from './page-model.ts';

export interface PortfolioEntry {
  readonly id: string;
  readonly achievement: LanguageText;
  readonly awardedOn: string;
  readonly status: CredentialStatus;
  /** Its certificate page in the page's language. */
  readonly page: string;
}

export interface PortfolioView {
  readonly id: string;
  readonly learnerName: string;
  readonly entries: readonly PortfolioEntry[];
  /** The transcript's URL; undefined when none of the credentials is in force. */
  readonly transcript: string | undefined;
}

export function portfolioView(site: SignedSite, portfolio: Portfolio<AwardRecord>, now: Date, language: PageLanguage): PortfolioView {
  const entries = portfolio.awards.toReversed().map((award) => ({
    id: award.id,
    achievement: achievementWords(site.content.achievements.get(award.achievement)!, language).name,
    awardedOn: award.awardedOn,
    status: credentialStatus(award, now, language.messages),
    page: language.pages.credentialPage(award.id),
  }));
  return {
    id: portfolio.id,
    // The name on their latest award: the one they go by now.
    learnerName: portfolio.awards.at(-1)!.recipient.name,
    entries,
    transcript: site.transcripts.has(portfolio.id) ? site.urls.portfolioTranscript(portfolio.id) : undefined,
  };
}

