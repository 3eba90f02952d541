/**
 * Stacks in the pages' view models (src/site/stack-view.ts) and their words in English and French:
 * what a stack is made of, what a block counts towards, a learner's progress on a block's
 * certificate page (a count, never which awards), the blocks on a stacked award's page. On a
 * bilingual site signed in memory (test/helpers/stack-content.ts).
 */
import { describe, expect, it } from 'vitest';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { en } from '../../src/core/locale/en.ts';
import { fr } from '../../src/core/locale/fr.ts';
import { siteLanguages } from '../../src/site/page-language.ts';
import { certificateView, durationInWords } from '../../src/site/page-model.ts';
import { earnedWith, stackMakeup, stackProgress, stacksOf } from '../../src/site/stack-view.ts';
import { BLOCK_IDS, stackIdentity as identity, stackKeys as keys, stackedContent } from '../helpers/stack-content.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('stacks on the pages', async () => {
  const { content, id } = stackedContent({ languages: '[en, fr]', others: true });
  const site = await buildSignedSite(content, { identity, keys, cache: memoryProofCache() });
  const [english, french] = siteLanguages(site) as [ReturnType<typeof siteLanguages>[number], ReturnType<typeof siteLanguages>[number]];
  const award = (awardId: string) => site.content.awards.find((record) => record.id === awardId)!;

  it("give a stack's blocks and what it takes, and a block's stacks, with their pages in the page's language", () => {
    const makeup = stackMakeup(site, site.content.achievements.get('project-lead')!, french)!;
    expect(makeup.blocks.map((block) => [block.name.text, block.page])).toEqual([
      ['Planning', 'https://badges.example.org/fr/achievements/planning/'],
      ['Delivery', 'https://badges.example.org/fr/achievements/delivery/'],
    ]);
    expect([makeup.needed, makeup.within]).toEqual([2, 'P2Y']);
    expect(stackMakeup(site, site.content.achievements.get('planning')!, english)).toBeUndefined();
    expect(stacksOf(site, 'delivery', english).map((stack) => stack.page)).toEqual(['https://badges.example.org/achievements/project-lead/']);
    expect(stacksOf(site, 'teamwork', english)).toEqual([]);
  });

  it("on a block's certificate page: the stacked award its learner holds, or how many blocks, or nothing for a learner without a key", () => {
    const [holder] = stackProgress(site, award(BLOCK_IDS[0]), french);
    expect(holder).toMatchObject({ needed: 2, total: 2, held: 2, holds: `https://badges.example.org/fr/credentials/${id}/` });
    expect(stackProgress(site, award('planning-00000002'), english)).toMatchObject([{ held: 1, holds: undefined }]);
    expect(stackProgress(site, award('planning-00000003'), english)).toMatchObject([{ held: undefined, holds: undefined }]);
    expect(stackProgress(site, award('00000000-0000-4000-8000-000000000001'), english)).toEqual([]);
    // The view of the certificate page carries them.
    expect(certificateView(site, site.awards.find((signed) => signed.record.id === BLOCK_IDS[1])!, NOW, english).stacks).toHaveLength(1);
  });

  it("on a stacked award's certificate page: the blocks it was earned with", () => {
    expect(earnedWith(site, award(id), french).map((block) => [block.name.text, block.page, block.awardedOn])).toEqual([
      ['Planning', `https://badges.example.org/fr/credentials/${BLOCK_IDS[0]}/`, '2026-02-01T00:00:00Z'],
      ['Delivery', `https://badges.example.org/fr/credentials/${BLOCK_IDS[1]}/`, '2026-04-15T00:00:00Z'],
    ]);
    expect(earnedWith(site, award(BLOCK_IDS[0]), english)).toEqual([]);
  });
});

describe('the words of stacks', () => {
  it('in English', () => {
    expect(`${en.blockOf(4)} X. ${en.blocksHeld('Ada', 1, 3)}`).toBe('One of the 4 blocks of X. Ada holds 1 of the 3 it takes.');
    expect(en.blockOf(1)).toBe('The block of');
    expect(en.holdsStack('Ada')).toBe('Ada holds it.');
    expect(en.stackRule(2, 2, durationInWords('P3Y', 'en'))).toBe('Awarded to each learner who holds both blocks below, earned within 3 years of each other.');
    expect(en.stackRule(3, 5, undefined)).toBe('Awarded to each learner who holds 3 of the 5 blocks below.');
    expect(en.stackRule(4, 4, undefined)).toBe('Awarded to each learner who holds all 4 blocks below.');
  });

  it('in French', () => {
    expect(`${fr.blockOf(4)} X. ${fr.blocksHeld('Ada', 1, 3)}`).toBe('L’un des 4 blocs de X. Ada en détient 1 sur les 3 requis.');
    expect(fr.blockOf(1)).toBe('Le bloc de');
    expect(fr.holdsStack('Ada')).toBe('Ada en est titulaire.');
    expect(fr.earnedWith).toBe('Obtenue avec ces blocs');
    expect(fr.stackRule(2, 2, durationInWords('P3Y', 'fr'))).toBe('Délivrée à toute personne qui détient les 2 blocs ci-dessous, obtenus à moins de 3 ans d’intervalle.');
    expect(fr.stackRule(3, 5, undefined)).toBe('Délivrée à toute personne qui détient 3 des 5 blocs ci-dessous.');
    expect(fr.countsTowards).toBe('Compte pour');
  });
});
