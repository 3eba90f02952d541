/**
 * The "micro-credential facts" panel's rows, in English and in French (a narrow no-break space
 * before a colon and inside « »), from the micro-credential fixture; none for an achievement that
 * states no element.
 */
import { describe, expect, it } from 'vitest';
import { achievementText } from '../../src/content/achievement-text.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { messagesFor } from '../../src/core/locale/messages.ts';
import { microCredentialFacts } from '../../src/site/micro-credential-facts.ts';
import { fixtureTreeWith, toContentFiles } from '../helpers/content-fixtures.ts';

function content(edit?: (tree: Map<string, string>) => void): SiteContent {
  const tree = fixtureTreeWith('micro-credential');
  edit?.(tree);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

function factsIn(site: SiteContent, slug: string, language: string) {
  const record = site.achievements.get(slug)!;
  return microCredentialFacts(record, achievementText(record, language), site.issuer, messagesFor(language));
}

describe('the micro-credential facts panel', () => {
  it('shows the elements the achievement states, in English', () => {
    expect(factsIn(content(), 'data-literacy', 'en')).toEqual([
      { label: 'EQF level', value: 'EQF level 5', lang: undefined },
      { label: 'Type of assessment', value: 'Written exam and a graded project.', lang: undefined },
      { label: 'Form of participation', value: 'Blended: online and on site' },
      { label: 'Supervision and identity verification', value: 'Supervised, with identity verification' },
      { label: 'Stackability', value: 'Stackable towards Certificate in Applied Data' },
    ]);
  });

  it('shows them in French, with the translation\'s words and French typography', () => {
    expect(factsIn(content(), 'data-literacy', 'fr')).toEqual([
      { label: 'Niveau du CEC', value: 'Niveau 5 du CEC', lang: undefined },
      { label: 'Type d’évaluation', value: 'Examen écrit et projet noté.', lang: undefined },
      { label: 'Forme de participation', value: 'Hybride\u202F: en ligne et sur place' },
      { label: 'Surveillance et vérification de l’identité', value: 'Sous surveillance, avec vérification de l’identité' },
      { label: 'Possibilités d’empilement', value: 'Peut être empilée pour obtenir «\u202FCertificat de données appliquées\u202F»' },
    ]);
  });

  it('names the issuer\'s country and the workload in each language, and marks the achievement\'s own words on a French page', () => {
    const site = content((tree) => {
      tree.set('content/issuer.yaml', tree.get('content/issuer.yaml')!.replace('addressLocality: Lyon', 'addressLocality: Lyon\n  addressCountry: FR'));
      const file = 'content/achievements/data-literacy.md';
      tree.set(file, tree.get(file)!.replace('microCredential:\n', 'creditsAvailable: 2.5\nmicroCredential:\n  qualityAssurance: Reviewed every year by the academic board.\n  qualityAssuranceUrl: https://example.org/decisions/qa-7\n'));
    });
    expect(factsIn(site, 'data-literacy', 'en').slice(0, 2)).toEqual([{ label: 'Country of the issuer', value: 'France' }, { label: 'Notional workload', value: '2.5 ECTS credits' }]);
    const french = factsIn(site, 'data-literacy', 'fr');
    expect(french.slice(0, 2)).toEqual([{ label: 'Pays de l’émetteur', value: 'France' }, { label: 'Charge de travail théorique', value: '2,5 crédits ECTS' }]);
    // The translation gives no quality assurance: the English words stay, marked as English.
    expect(french.find((fact) => fact.label === 'Assurance de la qualité')).toEqual({ label: 'Assurance de la qualité', value: 'Reviewed every year by the academic board.', lang: 'en', url: 'https://example.org/decisions/qa-7' });
  });

  it('has no rows, so no panel, for an achievement without the block, or whose block states nothing', () => {
    expect(factsIn(content(), 'teamwork', 'en')).toEqual([]);
    const empty = content((tree) => tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('tags:', 'microCredential: {}\ntags:')));
    expect(factsIn(empty, 'teamwork', 'fr')).toEqual([]);
  });
});
