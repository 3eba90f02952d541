/**
 * Stacks on the pages (src/content/stacks.ts): what a stacked achievement is made of, what a block
 * counts towards, how far a learner is towards each stack a block is part of, and which blocks a
 * stacked award was earned with. Pure: read from the signed site, in the page's language.
 *
 * What a block's page tells of the learner's other awards is a count, never which awards: the
 * learner chose to share this one. Only a stacked award names its blocks, which its credential
 * carries as evidence anyway.
 */
import type { AchievementRecord, AwardRecord } from '../content/validate.ts';
import { awardsByLearner, isInForce, stackRule } from '../content/stacks.ts';
import type { SignedSite } from '../issue/signed-site.ts';
import { achievementWords, type LanguageText } from './achievement-words.ts';
import type { PageLanguage } from './page-language.ts';

export interface AchievementLink {
  readonly slug: string;
  readonly name: LanguageText;
  /** Its page in the page's language. */
  readonly page: string;
}

export interface StackMakeup {
  readonly blocks: readonly AchievementLink[];
  /** How many of the blocks it takes. */
  readonly needed: number;
  /** An ISO 8601 duration: the longest time between the first block and the last. */
  readonly within: string | undefined;
}

export interface StackProgress {
  readonly stack: AchievementLink;
  readonly needed: number;
  readonly total: number;
  /** How many of its blocks the learner holds in force; undefined for an award without a learner key, whose other awards are not known. */
  readonly held: number | undefined;
  /** The learner's stacked award of it, in force: its certificate page where that is listed, else '' (held, but not linked). */
  readonly holds: string | undefined;
}

export interface BlockLine {
  readonly name: LanguageText;
  /** The block's certificate page, in the page's language; undefined for a block that was erased. */
  readonly page: string | undefined;
  readonly awardedOn: string | undefined;
}

function link(record: AchievementRecord, language: PageLanguage): AchievementLink {
  return { slug: record.slug, name: achievementWords(record, language).name, page: language.pages.achievementPage(record.slug) };
}

/** The published stacks, the site's order. */
function stacks(site: SignedSite): AchievementRecord[] {
  return [...site.content.achievements.values()].filter((record) => !record.data.draft && stackRule(record));
}

/** What a stacked achievement is made of, for its page; undefined for one that stacks nothing. */
export function stackMakeup(site: SignedSite, record: AchievementRecord, language: PageLanguage): StackMakeup | undefined {
  const rule = stackRule(record);
  if (!rule) return undefined;
  const blocks = rule.achievements.flatMap((slug) => {
    const block = site.content.achievements.get(slug);
    return block && !block.data.draft ? [link(block, language)] : [];
  });
  return { blocks, needed: rule.count, within: rule.within };
}

/** The stacks an achievement is a block of, for its page. */
export function stacksOf(site: SignedSite, slug: string, language: PageLanguage): AchievementLink[] {
  return stacks(site).filter((record) => stackRule(record)!.achievements.includes(slug)).map((record) => link(record, language));
}

/** Each learner's awards, found once per signed site: a certificate page asks for its learner's. */
const learnersOf = new WeakMap<SignedSite, Map<string, AwardRecord[]>>();

function learnerAwards(site: SignedSite, award: AwardRecord): readonly AwardRecord[] | undefined {
  if (award.learner === undefined) return undefined;
  let byLearner = learnersOf.get(site);
  if (!byLearner) learnersOf.set(site, (byLearner = awardsByLearner(site.content.awards)));
  return byLearner.get(award.learner) ?? [award];
}

/** For a block's certificate page: each stack it is part of, and how far its learner is towards it. */
export function stackProgress(site: SignedSite, award: AwardRecord, language: PageLanguage): StackProgress[] {
  const own = learnerAwards(site, award);
  return stacks(site).flatMap((record) => {
    const rule = stackRule(record)!;
    if (!rule.achievements.includes(award.achievement)) return [];
    const held = own && new Set(own.filter((other) => rule.achievements.includes(other.achievement) && isInForce(other)).map((other) => other.achievement)).size;
    const stacked = own?.find((other) => other.achievement === record.slug && isInForce(other));
    return [{
      stack: link(record, language),
      needed: rule.count,
      total: rule.achievements.length,
      held,
      holds: stacked && (stacked.listed ? language.pages.credentialPage(stacked.id) : ''),
    }];
  });
}

const awardsById = new WeakMap<SignedSite, Map<string, { readonly achievement: string; readonly record?: AwardRecord }>>();

/** For a stacked award's certificate page: the blocks it was earned with, as its credential names them. */
export function earnedWith(site: SignedSite, award: AwardRecord, language: PageLanguage): BlockLine[] {
  if (!award.blocks.length) return [];
  let byId = awardsById.get(site);
  if (!byId) {
    byId = new Map([...site.content.erased.map((erased) => [erased.id, { achievement: erased.achievement }] as const), ...site.content.awards.map((record) => [record.id, { achievement: record.achievement, record }] as const)]);
    awardsById.set(site, byId);
  }
  return award.blocks.flatMap((id) => {
    const block = byId.get(id)?.record;
    const slug = byId.get(id)?.achievement;
    const record = slug === undefined ? undefined : site.content.achievements.get(slug);
    if (!record) return [];
    return [{ name: achievementWords(record, language).name, page: block && language.pages.credentialPage(block.id), awardedOn: block?.awardedOn }];
  });
}
