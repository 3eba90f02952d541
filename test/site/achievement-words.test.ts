/**
 * Achievements on the pages of a site in several languages (src/site/achievement-words.ts): the
 * catalogue, the certificate and its search record in the page's language where the achievement
 * has a translation, and the achievement's own words, marked with their `lang`, where it has none.
 */
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent } from '../../src/content/validate.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { catalogue, certificateView } from '../../src/site/page-model.ts';
import { certificateSearchRecord } from '../../src/site/search-records.ts';
import { siteLanguages } from '../../src/site/page-language.ts';
import { achievementJsonFor } from '../../src/site/achievement-words.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const NOW = new Date('2026-06-01T12:00:00Z');

/** The minimal fixture in English and French: teamwork translated, leadership not. */
async function bilingualSite() {
  const tree = fixtureTree();
  tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}languages: [en, fr]\n`);
  tree.set('content/achievements/teamwork.fr.md', '---\nname: Travail en équipe\ndescription: Collabore efficacement au sein d’un groupe.\nresultDescriptions:\n  score: Note\n---\n\nProposé par ses pairs et confirmé par un tuteur.\n');
  tree.set('content/awards/scored.yaml', 'id: scored-0000-award\nachievement: teamwork\nstatusIndex: 21\nrecipient:\n  name: Sam Scored\n  identity:\n    type: sourcedId\n    value: S-21\nawardedOn: 2026-03-01\nresults:\n  - resultDescription: score\n    value: "87"\n');
  tree.set('content/achievements/leadership.md', '---\nname: Team Leadership\ndescription: Leads a small team through a project.\n---\n\nLeads a team of four for a term.\n');
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  expect(result.warnings.map((warning) => warning.file)).toEqual(['content/achievements/leadership.md']);
  return buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
}

describe('achievements on the pages of a site in several languages', async () => {
  const site = await bilingualSite();
  const [english, french] = siteLanguages(site);

  it('lists each achievement in the page\'s language where it can, and marks the fallback with its lang', () => {
    const entries = (language: typeof english) => catalogue(site, language).flatMap((group) => group.entries).map(({ slug, name, nameLang, descriptionLang }) => ({ slug, name, nameLang, descriptionLang }));
    expect(entries(french!)).toEqual(expect.arrayContaining([
      { slug: 'teamwork', name: 'Travail en équipe', nameLang: undefined, descriptionLang: undefined },
      { slug: 'leadership', name: 'Team Leadership', nameLang: 'en', descriptionLang: 'en' },
    ]));
    expect(entries(english!)).toEqual(expect.arrayContaining([{ slug: 'teamwork', name: 'Teamwork', nameLang: undefined, descriptionLang: undefined }]));
  });

  it('names the achievement and its results in the certificate page\'s language, and finds it by those words', () => {
    const award = site.awards.find((candidate) => candidate.record.id === 'scored-0000-award')!;
    const view = certificateView(site, award, NOW, french);
    expect(view.words.name).toEqual({ text: 'Travail en équipe', lang: 'fr' });
    expect(view.words.criteria.text).toBe('Proposé par ses pairs et confirmé par un tuteur.');
    expect(view.results[0]).toMatchObject({ name: 'Note', nameLang: undefined });
    expect(certificateView(site, award, NOW, english).results[0]).toMatchObject({ name: 'Score', nameLang: undefined });
    expect(certificateSearchRecord(view, site)?.meta['title']).toContain('Travail en équipe');
    expect(certificateView(site, award, NOW, english).words.name).toEqual({ text: 'Teamwork', lang: 'en' });
  });

  it('links each language\'s page to its own language\'s Achievement', () => {
    const record = site.content.achievements.get('teamwork')!;
    expect(achievementJsonFor(record, french!, site.urls)).toBe('https://badges.example.org/achievements/teamwork.fr.json');
    expect(achievementJsonFor(record, english!, site.urls)).toBe('https://badges.example.org/achievements/teamwork.json');
  });
});
