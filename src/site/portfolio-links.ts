/**
 * Which learners have a portfolio page (src/content/portfolios.ts), for the pages that link to it:
 * found once per signed site, since every certificate page asks.
 */
import { portfoliosOf, type Portfolio } from '../content/portfolios.ts';
import type { AwardRecord } from '../content/validate.ts';
import type { SignedSite } from '../issue/signed-site.ts';
import type { PageLanguage } from './page-language.ts';

export function portfolios(site: SignedSite): Array<Portfolio<AwardRecord>> {
  return portfoliosOf(site.content.awards);
}

/** Each learner key's portfolio id, found once per signed site: every certificate page asks. */
const portfolioOfLearner = new WeakMap<SignedSite, Map<string, string>>();

/** The portfolio page of an award's learner, in the page's language, where they have one. */
export function portfolioPageOf(site: SignedSite, award: AwardRecord, language: PageLanguage): string | undefined {
  if (award.learner === undefined) return undefined;
  let byLearner = portfolioOfLearner.get(site);
  if (!byLearner) portfolioOfLearner.set(site, (byLearner = new Map(portfolios(site).map((portfolio) => [portfolio.learner, portfolio.id]))));
  const id = byLearner.get(award.learner);
  return id === undefined ? undefined : language.pages.portfolioPage(id);
}
