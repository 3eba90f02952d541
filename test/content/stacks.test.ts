/**
 * Stack computation (src/content/stacks.ts): when one learner's awards add up to a stacked
 * achievement (all of its blocks, or N of them, within a time window), which award of a block
 * counts, and which stacked awards are due. In memory, with awards made here.
 */
import { describe, expect, it } from 'vitest';
import { blocksProblem, dueStacks, earnedStack, stackRule, withdrawnBlocks, type BlockAward, type StackRule } from '../../src/content/stacks.ts';

const LEARNER = 'lk-aaaaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER = 'lk-bbbbbbbbbbbbbbbbbbbbbbbbbb';

function block(id: string, achievement: string, awardedOn: string, extra: Partial<BlockAward> = {}): BlockAward {
  return { id, achievement, learner: LEARNER, awardedOn: `${awardedOn}T00:00:00Z`, validUntil: undefined, revoked: undefined, suspended: undefined, blocks: [], ...extra };
}

const allOf = (...achievements: string[]): StackRule => ({ achievements, count: achievements.length, within: undefined });
const ids = (earned: ReturnType<typeof earnedStack>) => earned && { awardedOn: earned.awardedOn.slice(0, 10), blocks: earned.blocks.map((award) => award.id) };

describe('a stack', () => {
  it('takes all its blocks by default, and the count it names otherwise', () => {
    expect(stackRule({ data: { requires: { achievements: ['a', 'b', 'c'] }, draft: false } })).toEqual({ achievements: ['a', 'b', 'c'], count: 3, within: undefined });
    expect(stackRule({ data: { requires: { achievements: ['a', 'b', 'c'], count: 2, within: 'P2Y' }, draft: false } })).toEqual({ achievements: ['a', 'b', 'c'], count: 2, within: 'P2Y' });
    expect(stackRule({ data: { draft: false } })).toBeUndefined();
  });

  it('is earned, all of it, on the day the last block was earned, with each block in the rule\'s order', () => {
    const awards = [block('b-1', 'b', '2026-05-01'), block('a-1', 'a', '2026-02-01'), block('x-1', 'x', '2026-01-01')];
    expect(ids(earnedStack(allOf('a', 'b'), awards))).toEqual({ awardedOn: '2026-05-01', blocks: ['a-1', 'b-1'] });
    expect(earnedStack(allOf('a', 'b', 'c'), awards)).toBeUndefined();
  });

  it('is earned, N of M, on the day the Nth block was earned, with the blocks held then', () => {
    const awards = [block('c-1', 'c', '2026-09-01'), block('a-1', 'a', '2026-02-01'), block('b-1', 'b', '2026-05-01')];
    expect(ids(earnedStack({ achievements: ['a', 'b', 'c'], count: 2, within: undefined }, awards))).toEqual({ awardedOn: '2026-05-01', blocks: ['a-1', 'b-1'] });
    expect(ids(earnedStack({ achievements: ['a', 'b', 'c', 'd'], count: 1, within: undefined }, awards))).toEqual({ awardedOn: '2026-02-01', blocks: ['a-1'] });
  });

  it('counts a block awarded twice once, its latest award on that day being the one named', () => {
    const awards = [block('a-2', 'a', '2026-03-01'), block('a-1', 'a', '2026-01-01'), block('b-1', 'b', '2026-02-01'), block('a-3', 'a', '2026-02-01')];
    expect(ids(earnedStack(allOf('a', 'b'), awards))).toEqual({ awardedOn: '2026-02-01', blocks: ['a-3', 'b-1'] });
    // Two awards of one block are not two blocks.
    expect(earnedStack({ achievements: ['a', 'b'], count: 2, within: undefined }, [block('a-1', 'a', '2026-01-01'), block('a-2', 'a', '2026-02-01')])).toBeUndefined();
  });

  it('does not count a revoked or suspended block, and counts another award of it', () => {
    const revoked = block('a-1', 'a', '2026-01-01', { revoked: { on: '2026-02-01' } });
    const suspended = block('a-2', 'a', '2026-01-15', { suspended: { on: '2026-02-01' } });
    const b = block('b-1', 'b', '2026-03-01');
    expect(earnedStack(allOf('a', 'b'), [revoked, suspended, b])).toBeUndefined();
    expect(ids(earnedStack(allOf('a', 'b'), [revoked, suspended, b, block('a-3', 'a', '2026-06-01')]))).toEqual({ awardedOn: '2026-06-01', blocks: ['a-3', 'b-1'] });
  });

  it('counts a block only while it is valid: one expired before the last block was earned does not count', () => {
    const expiring = block('a-1', 'a', '2025-01-01', { validUntil: '2026-01-01T00:00:00Z' });
    expect(earnedStack(allOf('a', 'b'), [expiring, block('b-1', 'b', '2026-01-01')])).toBeUndefined();
    // Earned the day before it expired: the stack stands, whatever the block does later.
    expect(ids(earnedStack(allOf('a', 'b'), [expiring, block('b-1', 'b', '2025-12-31')]))).toEqual({ awardedOn: '2025-12-31', blocks: ['a-1', 'b-1'] });
  });

  it('counts, with a window, only the blocks earned within it of the last', () => {
    const awards = [block('a-1', 'a', '2024-01-01'), block('b-1', 'b', '2025-06-01'), block('c-1', 'c', '2025-08-01')];
    expect(earnedStack({ achievements: ['a', 'b', 'c'], count: 3, within: 'P1Y' }, awards)).toBeUndefined();
    expect(ids(earnedStack({ achievements: ['a', 'b', 'c'], count: 2, within: 'P1Y' }, awards))).toEqual({ awardedOn: '2025-08-01', blocks: ['b-1', 'c-1'] });
    expect(ids(earnedStack({ achievements: ['a', 'b', 'c'], count: 3, within: 'P2Y' }, awards))).toEqual({ awardedOn: '2025-08-01', blocks: ['a-1', 'b-1', 'c-1'] });
  });
});

describe('the stacked awards due', () => {
  const achievements = new Map([
    ['a', { slug: 'a', data: { draft: false } }],
    ['b', { slug: 'b', data: { draft: false } }],
    ['ab', { slug: 'ab', data: { requires: { achievements: ['a', 'b'] }, draft: false } }],
    ['draft', { slug: 'draft', data: { requires: { achievements: ['a'] }, draft: true } }],
  ]);

  it('are one per learner who holds the blocks and has no award of the stack in any state', () => {
    const awards = [block('a-1', 'a', '2026-01-01'), block('b-1', 'b', '2026-02-01'), block('a-2', 'a', '2026-01-01', { learner: OTHER }), block('b-2', 'b', '2026-02-01', { learner: undefined })];
    const due = dueStacks({ achievements, awards });
    expect(due.map((stack) => ({ achievement: stack.achievement, learner: stack.learner, awardedOn: stack.awardedOn, blocks: stack.blocks.map((award) => award.id) }))).toEqual([
      { achievement: 'ab', learner: LEARNER, awardedOn: '2026-02-01T00:00:00Z', blocks: ['a-1', 'b-1'] },
    ]);
    // Awarded already, even revoked: nothing is due (a revoked stacked award is not made again by itself).
    expect(dueStacks({ achievements, awards: [...awards, block('ab-1', 'ab', '2026-02-01', { revoked: { on: '2026-03-01' } })] })).toEqual([]);
  });
});

describe("a stacked award's blocks", () => {
  const rule: StackRule = { achievements: ['a', 'b', 'c'], count: 2, within: 'P1Y' };
  const stacked = { achievement: 'abc', awardedOn: '2026-06-01T00:00:00Z', learner: LEARNER };

  it('make up its stack, or say what is wrong with them', () => {
    const a = block('a-1', 'a', '2026-01-01');
    const b = block('b-1', 'b', '2026-02-01');
    expect(blocksProblem(stacked, rule, [a, b])).toBeUndefined();
    expect(blocksProblem({ ...stacked, learner: undefined }, rule, [a, b])).toMatch(/has no learner key/);
    expect(blocksProblem(stacked, rule, [a, block('x-1', 'x', '2026-01-01')])).toBe('include x-1 (x), which is not one of the blocks of abc: a, b, c.');
    expect(blocksProblem(stacked, rule, [a, block('b-2', 'b', '2026-01-01', { learner: OTHER })])).toMatch(/^include b-2, awarded to another learner/);
    expect(blocksProblem(stacked, rule, [a, block('a-2', 'a', '2026-01-01')])).toBe('name the same block twice: give one award of each block.');
    expect(blocksProblem(stacked, rule, [a])).toBe('make 1 of the 2 blocks abc needs (a, b, c).');
    expect(blocksProblem(stacked, rule, [a, block('b-3', 'b', '2026-07-01')])).toBe("include b-3 (awarded 2026-07-01), awarded after this award's date (2026-06-01).");
    expect(blocksProblem(stacked, rule, [block('a-0', 'a', '2025-01-01'), b])).toBe('were earned from 2025-01-01 to 2026-02-01, longer than the P1Y abc allows (its requires.within).');
  });

  it('are withdrawn when revoked or suspended since, unless the stacked award is withdrawn too', () => {
    const revoked = block('a-1', 'a', '2026-01-01', { revoked: { on: '2026-07-01' } });
    const byId = new Map([revoked, block('b-1', 'b', '2026-02-01')].map((award) => [award.id, award]));
    const award = block('abc-1', 'abc', '2026-06-01', { blocks: ['a-1', 'b-1'] });
    expect(withdrawnBlocks(award, byId).map((found) => found.id)).toEqual(['a-1']);
    expect(withdrawnBlocks({ ...award, revoked: { on: '2026-07-01' } }, byId)).toEqual([]);
  });
});
