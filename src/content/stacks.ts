/**
 * Stacks: an achievement made of others (its `requires`), which a learner earns by holding its
 * blocks. Pure: what a learner's awards add up to, which stacked awards are due, and whether a
 * stacked award still rests on its blocks. The awards are told apart by learner key alone
 * (./schemas/award.ts): without one, an award cannot count towards a stack.
 *
 * The rules, in the words of docs/stacks.md:
 * - a block counts when it is awarded, neither revoked nor suspended, and still valid (not
 *   expired) on the day the stack is earned; a block that expires later leaves the stack as it is;
 * - the stack is earned on the day the last block it needs was earned;
 * - a block awarded twice counts once (its latest award on that day is the evidence);
 * - with `within`, the blocks counted were all earned within that long of each other.
 */
import { addIsoDuration } from '../core/dates.ts';
import type { z } from 'zod';
import type { requiresSchema } from './schemas/achievement.ts';

/** The part of an achievement record (./validate.ts) that stacking reads. */
export interface StackableAchievement {
  readonly slug: string;
  readonly data: { readonly requires?: z.output<typeof requiresSchema> | undefined; readonly draft: boolean };
}

/** The part of an award record (./validate.ts) that stacking reads. */
export interface BlockAward {
  readonly id: string;
  readonly achievement: string;
  readonly learner: string | undefined;
  /** dateTimeStamps, UTC. */
  readonly awardedOn: string;
  readonly validUntil: string | undefined;
  readonly revoked: object | undefined;
  readonly suspended: object | undefined;
  readonly blocks: readonly string[];
}

export interface StackRule {
  readonly achievements: readonly string[];
  /** How many distinct blocks it takes. */
  readonly count: number;
  /** An ISO 8601 duration (P2Y): the longest time from the first block counted to the last. */
  readonly within: string | undefined;
}

export function stackRule(record: Pick<StackableAchievement, 'data'>): StackRule | undefined {
  const requires = record.data.requires;
  if (!requires) return undefined;
  return { achievements: requires.achievements, count: requires.count ?? requires.achievements.length, within: requires.within };
}

export interface EarnedStack<A extends BlockAward> {
  /** The day the last block needed was earned (dateTimeStamp, UTC). */
  readonly awardedOn: string;
  /** One award per block counted, in the order of the rule's list. */
  readonly blocks: readonly A[];
}

/** Whether the award counts today: it is neither revoked nor suspended. */
export function isInForce(award: Pick<BlockAward, 'revoked' | 'suspended'>): boolean {
  return !award.revoked && !award.suspended;
}

/** Whether the block is still valid on the day (validUntil is exclusive: VC Data Model 2.0 §4.9). */
function validOn(award: BlockAward, day: string): boolean {
  return award.validUntil === undefined || award.validUntil > day;
}

/**
 * The earliest day one learner's awards meet the rule, and the awards that meet it; undefined when
 * they do not. Each award of a block, in date order, is tried as the last one: the blocks counted
 * are those earned on or before it, in force, valid on its day, and (with `within`) earned no
 * longer before it than the rule allows.
 */
export function earnedStack<A extends BlockAward>(rule: StackRule, awards: readonly A[]): EarnedStack<A> | undefined {
  const candidates = awards
    .filter((award) => rule.achievements.includes(award.achievement) && isInForce(award))
    .sort((a, b) => a.awardedOn.localeCompare(b.awardedOn) || a.id.localeCompare(b.id));
  for (const last of candidates) {
    const day = last.awardedOn;
    const latestOfEach = new Map<string, A>();
    for (const award of candidates) {
      if (award.awardedOn > day) break;
      if (!validOn(award, day)) continue;
      if (rule.within !== undefined && addIsoDuration(award.awardedOn, rule.within) < day) continue;
      latestOfEach.set(award.achievement, award);
    }
    if (latestOfEach.size < rule.count) continue;
    const blocks = rule.achievements.flatMap((slug) => (latestOfEach.has(slug) ? [latestOfEach.get(slug)!] : []));
    return { awardedOn: day, blocks };
  }
  return undefined;
}

export interface DueStack<A extends BlockAward> {
  /** The stacked achievement's slug. */
  readonly achievement: string;
  readonly learner: string;
  readonly awardedOn: string;
  readonly blocks: readonly A[];
}

/** The live awards of each learner key, in award order. */
export function awardsByLearner<A extends BlockAward>(awards: readonly A[]): Map<string, A[]> {
  const byLearner = new Map<string, A[]>();
  for (const award of awards) {
    if (award.learner === undefined) continue;
    const list = byLearner.get(award.learner);
    if (list) list.push(award);
    else byLearner.set(award.learner, [award]);
  }
  return byLearner;
}

/**
 * The stacked awards due: a learner whose awards meet a stack's rule and who has no award of that
 * stack at all. An award of it in any state counts as one: a stacked award that was revoked is not
 * made again by itself, which would undo the revocation; the issuer awards it anew by hand.
 * Drafts are never due. Stacks of stacks: only what the awards already made add up to, so a
 * command that writes the due awards asks again until nothing more is due.
 */
export function dueStacks<A extends BlockAward>(content: { readonly achievements: ReadonlyMap<string, StackableAchievement>; readonly awards: readonly A[] }): Array<DueStack<A>> {
  const due: Array<DueStack<A>> = [];
  const byLearner = awardsByLearner(content.awards);
  for (const record of content.achievements.values()) {
    const rule = stackRule(record);
    if (!rule || record.data.draft) continue;
    for (const [learner, awards] of byLearner) {
      if (awards.some((award) => award.achievement === record.slug)) continue;
      const earned = earnedStack(rule, awards);
      if (earned) due.push({ achievement: record.slug, learner, awardedOn: earned.awardedOn, blocks: earned.blocks });
    }
  }
  return due;
}

/** Why an award's `blocks` do not make up the stack it awards; undefined when they do. */
export function blocksProblem(award: Pick<BlockAward, 'achievement' | 'awardedOn' | 'learner'>, rule: StackRule, blocks: readonly BlockAward[]): string | undefined {
  const names = (list: readonly string[]) => list.join(', ');
  if (award.learner === undefined) return 'belong to a learner, but this award has no learner key: give it the key its blocks share (learner: lk-…).';
  const foreign = blocks.filter((block) => !rule.achievements.includes(block.achievement));
  if (foreign.length) return `include ${names(foreign.map((block) => `${block.id} (${block.achievement})`))}, which is not one of the blocks of ${award.achievement}: ${names(rule.achievements)}.`;
  const others = blocks.filter((block) => block.learner !== award.learner);
  if (others.length) return `include ${names(others.map((block) => block.id))}, awarded to another learner (a different learner key): a stack is earned with one learner's own blocks.`;
  const distinct = new Set(blocks.map((block) => block.achievement));
  if (distinct.size < blocks.length) return 'name the same block twice: give one award of each block.';
  if (distinct.size < rule.count) return `make ${distinct.size} of the ${rule.count} blocks ${award.achievement} needs (${names(rule.achievements)}).`;
  const later = blocks.filter((block) => block.awardedOn > award.awardedOn);
  if (later.length) return `include ${names(later.map((block) => `${block.id} (awarded ${block.awardedOn.slice(0, 10)})`))}, awarded after this award's date (${award.awardedOn.slice(0, 10)}).`;
  if (rule.within !== undefined) {
    const first = blocks.reduce((a, b) => (a.awardedOn <= b.awardedOn ? a : b));
    const last = blocks.reduce((a, b) => (a.awardedOn >= b.awardedOn ? a : b));
    if (addIsoDuration(first.awardedOn, rule.within) < last.awardedOn) return `were earned from ${first.awardedOn.slice(0, 10)} to ${last.awardedOn.slice(0, 10)}, longer than the ${rule.within} ${award.achievement} allows (its requires.within).`;
  }
  return undefined;
}

/** The blocks of a stacked award in force that are no longer: revoked or suspended since. */
export function withdrawnBlocks<A extends BlockAward>(award: BlockAward, awardsById: ReadonlyMap<string, A>): A[] {
  if (!isInForce(award)) return [];
  return award.blocks.flatMap((id) => {
    const block = awardsById.get(id);
    return block && !isInForce(block) ? [block] : [];
  });
}
