/**
 * The Annex I report (Council Recommendation 2022/C 243/02): an achievement marked as an EU
 * micro-credential is told exactly which mandatory elements it misses, at the file and line to write
 * them in; an achievement without the block is told nothing; issuer.yaml can make the report an error.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import type { LaurelError } from '../../src/core/error.ts';
import { ANNEX_I_ELEMENTS, annexIReportLines, annexIReports } from '../../src/content/annex-i.ts';
import { fixtureTree, fixtureTreeWith, toContentFiles } from '../helpers/content-fixtures.ts';

const ACHIEVEMENT = 'content/achievements/data-literacy.md';

function validated(tree: Map<string, string>) {
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const reported = (warnings: readonly LaurelError[]) => warnings.filter((warning) => warning.code === 'missing-micro-credential-element');

describe('the Annex I report', () => {
  it('lists exactly the mandatory elements the fixture achievement misses, where to write each', () => {
    const result = validated(fixtureTreeWith('micro-credential'));
    expect(reported(result.warnings).map(({ file, line, field }) => ({ file, line, field }))).toEqual([
      { file: ACHIEVEMENT, line: 9, field: 'creditsAvailable' },
      { file: ACHIEVEMENT, line: 9, field: 'microCredential.qualityAssurance' },
      { file: 'content/issuer.yaml', line: 6, field: 'address.addressCountry' },
    ]);
    const [report] = annexIReports(result.content.achievements.values(), result.content.issuer);
    expect(report!.slug).toBe('data-literacy');
    expect(report!.missing.map((element) => element.id)).toEqual(['country', 'workload', 'qualityAssurance']);
    expect(annexIReportLines(annexIReports(result.content.achievements.values(), result.content.issuer))).toEqual([
      'EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I):',
      '  ! data-literacy: 3 of the 11 mandatory elements missing: country of the issuer (address.addressCountry in content/issuer.yaml), notional workload, in ECTS credits (creditsAvailable), type of quality assurance (microCredential.qualityAssurance).',
    ]);
  });

  it('says what to write, and names the achievements the issuer\'s country is missing for', () => {
    const warnings = reported(validated(fixtureTreeWith('micro-credential')).warnings);
    expect(warnings[2]!.message).toBe('is missing: data-literacy is marked as an EU micro-credential, and Annex I of Council Recommendation 2022/C 243/02 asks for the country of the issuer.');
    expect(warnings[1]!.message).toBe('is missing: data-literacy is marked as an EU micro-credential (its microCredential block), and Annex I of Council Recommendation 2022/C 243/02 asks for its type of quality assurance.');
    expect(warnings[1]!.expected).toContain('microCredential.qualityAssurance:');
  });

  it('covers every mandatory element of Annex I part I, and reports none the achievement or issuer supplies', () => {
    expect(ANNEX_I_ELEMENTS.filter((element) => element.mandatory).map((element) => element.id)).toEqual(
      ['learner', 'title', 'country', 'awardingBody', 'dateOfIssuing', 'learningOutcomes', 'workload', 'level', 'assessment', 'participation', 'qualityAssurance'],
    );
    const tree = fixtureTreeWith('micro-credential');
    tree.set('content/issuer.yaml', tree.get('content/issuer.yaml')!.replace('addressLocality: Lyon', 'addressLocality: Lyon\n  addressCountry: FR'));
    tree.set(ACHIEVEMENT, tree.get(ACHIEVEMENT)!.replace('microCredential:\n', 'creditsAvailable: 2\nmicroCredential:\n  qualityAssurance: Internal quality assurance, reviewed every year.\n'));
    const result = validated(tree);
    expect(reported(result.warnings)).toEqual([]);
    expect(annexIReportLines(annexIReports(result.content.achievements.values(), result.content.issuer))).toEqual([
      'EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I):',
      '  ✓ data-literacy: all 11 mandatory elements stated.',
    ]);
  });

  it('tells an achievement without a microCredential block nothing, whatever its achievementType', () => {
    const result = validated(fixtureTree());
    expect(result.content.achievements.get('teamwork')!.data.achievementType).toBe('MicroCredential');
    expect(reported(result.warnings)).toEqual([]);
    expect(annexIReports(result.content.achievements.values(), result.content.issuer)).toEqual([]);
  });

  it('reports every element of an empty block, and a draft\'s none', () => {
    const tree = fixtureTree();
    const teamwork = 'content/achievements/teamwork.md';
    tree.set(teamwork, tree.get(teamwork)!.replace('tags:', 'microCredential: {}\ntags:'));
    expect(reported(validated(tree).warnings).map((warning) => warning.field)).toEqual(
      ['creditsAvailable', 'microCredential.eqfLevel', 'microCredential.assessment', 'microCredential.participation', 'microCredential.qualityAssurance', 'address.addressCountry'],
    );
    tree.set(teamwork, tree.get(teamwork)!.replace('tags:', 'draft: true\ntags:'));
    tree.delete('content/awards/teamwork-ada.yaml');
    expect(reported(validated(tree).warnings)).toEqual([]);
  });

  it('refuses the content where issuer.yaml says microCredentialElements: error', () => {
    const tree = fixtureTreeWith('micro-credential');
    tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}microCredentialElements: error\n`);
    const result = validateContent(toContentFiles(tree));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.code, error.field])).toEqual([
      ['missing-micro-credential-element', 'creditsAvailable'],
      ['missing-micro-credential-element', 'microCredential.qualityAssurance'],
      ['missing-micro-credential-element', 'address.addressCountry'],
    ]);
  });

  it('refuses a translation of an element the achievement does not state', () => {
    const tree = fixtureTreeWith('micro-credential');
    const french = 'content/achievements/data-literacy.fr.md';
    tree.set(french, tree.get(french)!.replace('  assessment:', '  qualityAssurance: Revue chaque année.\n  assessment:'));
    const result = validateContent(toContentFiles(tree));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.code, error.file, error.line, error.field])).toEqual([['unknown-field', french, 7, 'microCredential.qualityAssurance']]);
  });

  it('refuses a value outside Annex I\'s lists, naming the values allowed', () => {
    const tree = fixtureTreeWith('micro-credential');
    tree.set(ACHIEVEMENT, tree.get(ACHIEVEMENT)!.replace('participation: blended', 'participation: hybrid').replace('eqfLevel: 5', 'eqfLevel: 9'));
    const result = validateContent(toContentFiles(tree));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.code, error.field, error.line])).toEqual([
      ['invalid-value', 'microCredential.eqfLevel', 10],
      ['invalid-value', 'microCredential.participation', 12],
    ]);
  });
});
