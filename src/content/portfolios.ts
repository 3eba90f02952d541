/**
 * Portfolios: a learner who asked for it (npm run publish-portfolio) has a page of all their
 * credentials and a signed CLR 2.0 transcript of them, at `/portfolios/<id>/`. The id is written
 * into each of their awards (`portfolio:`); the awards are the learner's by their learner key.
 * Pure: which portfolios there are, and what is wrong with the fields that make them.
 */
import type { LaurelError } from '../core/error.ts';
import { contentError } from './content-error.ts';

/** The part of an award record (./validate.ts) that portfolios read. */
export interface PortfolioAward {
  readonly id: string;
  readonly learner: string | undefined;
  readonly portfolio: string | undefined;
  readonly origin: { readonly file: string; readonly line: number };
}

export interface Portfolio<A extends PortfolioAward = PortfolioAward> {
  readonly id: string;
  readonly learner: string;
  /** Every live award of the learner, in award order. */
  readonly awards: readonly A[];
}

/** The portfolios the awards ask for, in order of their first award. */
export function portfoliosOf<A extends PortfolioAward>(awards: readonly A[]): Array<Portfolio<A>> {
  const learners = new Map<string, string>();
  for (const award of awards) if (award.portfolio !== undefined && award.learner !== undefined && !learners.has(award.learner)) learners.set(award.learner, award.portfolio);
  return [...learners].map(([learner, id]) => ({ id, learner, awards: awards.filter((award) => award.learner === learner) }));
}

/**
 * A portfolio is one learner's: an award with `portfolio` has a learner key, the learner's awards
 * that give one give the same, and no other learner's does.
 */
export function portfolioProblems<A extends PortfolioAward>(awards: readonly A[], at: (award: A) => { file: string; line: number; column: number; field: string }): LaurelError[] {
  const errors: LaurelError[] = [];
  const byLearner = new Map<string, A>();
  const byId = new Map<string, A>();
  for (const award of awards) {
    if (award.portfolio === undefined) continue;
    if (award.learner === undefined) {
      errors.push(contentError({ ...at(award), code: 'invalid-value', message: `is given, but the award ${award.id} has no learner key: a portfolio holds one learner's awards, told apart by their key.`, expected: 'npm run publish-portfolio, which writes the portfolio into each of the learner\'s awards, after npm run link-awards if they have none' }));
      continue;
    }
    const first = byLearner.get(award.learner);
    if (first && first.portfolio !== award.portfolio) {
      errors.push(contentError({ ...at(award), code: 'invalid-value', message: `is ${award.portfolio}, but the same learner's award ${first.id} (${first.origin.file}:${first.origin.line}) has ${first.portfolio}: a learner has one portfolio.`, expected: `${first.portfolio}, or npm run publish-portfolio -- ${award.id} to write one into each award` }));
      continue;
    }
    byLearner.set(award.learner, first ?? award);
    const other = byId.get(award.portfolio);
    if (other && other.learner !== award.learner) {
      errors.push(contentError({ ...at(award), code: 'invalid-value', message: `is ${award.portfolio}, the portfolio of another learner (the award ${other.id}, ${other.origin.file}:${other.origin.line}).`, expected: 'a portfolio id of this learner\'s own: npm run publish-portfolio writes one' }));
      continue;
    }
    byId.set(award.portfolio, award);
  }
  return errors;
}
