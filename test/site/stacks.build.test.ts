/**
 * Stacks on a built site: the academy fixture's Interface Design Certificate stacks its two
 * blocks (test/fixtures/sites/README.md). A block's certificate page says which stack it is part
 * of and how many of its blocks the learner holds (a count, never which), or links the stacked
 * award they hold; the stacked award's page lists the blocks it was earned with; the stack's
 * achievement page lists its blocks and what it takes, and a block's says what it counts towards.
 * Read with JavaScript off: the words are in the HTML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const { dist } = inject('sites').academy;
const html = (page: string) => readFileSync(path.join(dist, page, 'index.html'), 'utf8');
/** The page's text as a reader gets it: tags out, spaces collapsed. */
const text = (page: string) => html(page).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ \./g, '.');

const ZAINAB_BLOCKS = ['1a521cf3-550f-4750-b1e0-ba0987d85b45', '2b060ff1-cd7f-4494-9346-b6ecc7f6b596'];
const ZAINAB_STACKED = '201d6a12-6f0d-4000-af9b-e0e0e37070cd';
/** Kenji Mori holds one of the blocks, with a learner key; Aiko Tanaka one, without. */
const KENJI_BLOCK = 'f03ab81a-54ba-4f1b-a4ca-8e178ad8d519';
const AIKO_BLOCK = 'e28a4715-c804-4e45-90d6-e3b35e1b9849';

describe("a block's certificate page", () => {
  it('links the stacked award its learner holds', () => {
    for (const id of ZAINAB_BLOCKS) {
      expect(text(`credentials/${id}`)).toContain('One of the 2 blocks of Interface Design Certificate. Zainab Okoye holds it.');
      expect(html(`credentials/${id}`)).toContain(`<a href="/credentials/${ZAINAB_STACKED}/">Zainab Okoye holds it.</a>`);
      expect(html(`credentials/${id}`)).toContain('<a href="/achievements/interface-design/"');
    }
  });

  it('counts the blocks a learner holds towards a stack not yet earned, and says nothing of a learner it cannot tell', () => {
    expect(text(`credentials/${KENJI_BLOCK}`)).toContain('One of the 2 blocks of Interface Design Certificate. Kenji Mori holds 1 of the 2 it takes.');
    // Its programme is the stack: said once.
    expect(text(`credentials/${KENJI_BLOCK}`)).not.toContain('Part of Interface Design Certificate');
    const aiko = text(`credentials/${AIKO_BLOCK}`);
    expect(aiko).toContain('One of the 2 blocks of Interface Design Certificate.');
    expect(aiko).not.toMatch(/Aiko Tanaka holds/);
  });
});

describe("a stacked award's certificate page", () => {
  it('lists the blocks it was earned with, each linking its certificate page, with its date', () => {
    const page = html(`credentials/${ZAINAB_STACKED}`);
    expect(text(`credentials/${ZAINAB_STACKED}`)).toContain('Earned with these blocks Accessible Interfaces 3 October 2025 Design Systems 20 April 2026');
    for (const id of ZAINAB_BLOCKS) expect(page).toContain(`href="/credentials/${id}/"`);
    // The credential behind the page carries them as evidence.
    const json = JSON.parse(readFileSync(path.join(dist, 'credentials', `${ZAINAB_STACKED}.json`), 'utf8')) as { evidence: Array<{ id: string }> };
    expect(json.evidence.map((evidence) => evidence.id)).toEqual(ZAINAB_BLOCKS.map((id) => `https://credentials.harbourside.example/credentials/${id}.json`));
  });
});

describe('the achievement pages', () => {
  it("of the stack list its blocks and what it takes of them", () => {
    expect(text('achievements/interface-design')).toContain('Its blocks Awarded to each learner who holds both blocks below, earned within 3 years of each other. Accessible Interfaces Design Systems');
    const page = html('achievements/interface-design');
    expect(page).toContain('href="/achievements/accessible-interfaces/"');
    expect(page).toContain('href="/achievements/design-systems/"');
  });

  it('of a block say what it counts towards', () => {
    expect(text('achievements/design-systems')).toContain('Counts towards Interface Design Certificate.');
    expect(text('achievements/incident-response')).not.toContain('Counts towards');
  });
});
