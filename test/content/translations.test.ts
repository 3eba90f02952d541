/**
 * Achievements in several languages (src/content/translations.ts): a translation beside its
 * achievement is attached to it in the site's order; a language with no translation is a warning
 * at the achievement's file; what cannot be placed is an error with its file, line and field.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { formatError, formatWarning } from '../../src/core/error.ts';
import { translationFileName } from '../../src/content/translations.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const FRENCH = ['---', 'name: Travail en équipe', 'description: Collabore efficacement au sein d’un groupe.', 'resultDescriptions:', '  score: Note', '---', '', 'Proposé par ses pairs et confirmé par un tuteur.', ''].join('\n');

function bilingual(languages = '[en, fr]'): Map<string, string> {
  const tree = fixtureTree();
  tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}languages: ${languages}\n`);
  return tree;
}

function validate(tree: Map<string, string>) {
  return validateContent(toContentFiles(tree));
}

function errorsOf(tree: Map<string, string>) {
  const result = validate(tree);
  if (result.ok) throw new Error('the content was accepted');
  return result.errors;
}

describe('achievement translations', () => {
  it('names a translation by its slug and language, and an achievement\'s own file by none', () => {
    expect(translationFileName('content/achievements/teamwork.fr.md')).toEqual({ slug: 'teamwork', language: 'fr' });
    expect(translationFileName('content/achievements/programmes/web.fr-CA.mdx')).toEqual({ slug: 'web', language: 'fr-CA' });
    expect(translationFileName('content/achievements/teamwork.md')).toBeUndefined();
  });

  it('attaches a translation to its achievement, in the site language its file name gives', () => {
    const tree = bilingual('[fr-CA, en]');
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('tags:', 'inLanguage: en\ntags:'));
    tree.set('content/achievements/teamwork.fr.md', FRENCH);
    const result = validate(tree);
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    const record = result.content.achievements.get('teamwork')!;
    expect(record.language).toBe('en');
    expect(record.translations).toEqual([{ language: 'fr-CA', file: 'content/achievements/teamwork.fr.md', data: { name: 'Travail en équipe', description: 'Collabore efficacement au sein d’un groupe.', resultDescriptions: { score: 'Note' } }, criteria: 'Proposé par ses pairs et confirmé par un tuteur.' }]);
    expect(result.warnings).toEqual([]);
  });

  it('takes the site default as the language of an achievement with no inLanguage, and gives it no translations on a site in one language', () => {
    const result = validate(fixtureTree());
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.achievements.get('teamwork')).toMatchObject({ language: 'en', translations: [] });
    expect(result.warnings).toEqual([]);
  });

  it('warns, naming the achievement\'s file, about a site language it has no translation for, and keeps the content valid', () => {
    const result = validate(bilingual());
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.warnings).toHaveLength(1);
    const [warning] = result.warnings;
    expect(warning).toMatchObject({ code: 'missing-translation', file: 'content/achievements/teamwork.md', line: 1 });
    expect(warning!.message).toContain('no translation into fr');
    expect(warning!.expected).toBe('content/achievements/teamwork.fr.md');
    expect(formatWarning(warning!)).toMatch(/^content\/achievements\/teamwork\.md:1:1 warning\[missing-translation\] /);
  });

  it('does not warn about a draft', () => {
    const tree = bilingual();
    tree.set('content/achievements/later.md', '---\nname: Later\ndescription: Not yet.\ndraft: true\n---\n\nLater.\n');
    const result = validate(tree);
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.warnings.map((warning) => warning.file)).toEqual(['content/achievements/teamwork.md']);
  });

  it('refuses a field a translation does not have, with its line and a suggestion', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.fr.md', FRENCH.replace('resultDescriptions:', 'tags: [équipe]\nresultDescriptions:'));
    const [error, ...others] = errorsOf(tree);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ code: 'unknown-field', file: 'content/achievements/teamwork.fr.md', line: 4, field: 'tags' });
  });

  it('refuses a translated result the achievement does not define, at its line', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.fr.md', FRENCH.replace('  score: Note', '  scor: Note'));
    const [error, ...others] = errorsOf(tree);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ code: 'unknown-result', file: 'content/achievements/teamwork.fr.md', line: 5, field: 'resultDescriptions.scor' });
    expect(error!.message).toContain('Did you mean "score"?');
  });

  it('refuses a translation into a language the site does not publish, or into the achievement\'s own', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.de.md', FRENCH);
    tree.set('content/achievements/teamwork.en.md', FRENCH);
    const errors = errorsOf(tree);
    expect(errors.map((error) => [error.code, error.file, error.line, error.field])).toEqual([
      ['unknown-language', 'content/achievements/teamwork.de.md', 1, ''],
      ['unknown-language', 'content/achievements/teamwork.en.md', 1, ''],
    ]);
    expect(errors[0]!.expected).toContain('one of en, fr');
    expect(errors[1]!.message).toContain('the language content/achievements/teamwork.md is written in');
  });

  it('refuses a translation with no achievement, and two translations into one language', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.fr.md', FRENCH);
    tree.set('content/achievements/more/teamwork.fr.md', FRENCH);
    tree.set('content/achievements/leadership.fr.md', FRENCH);
    const errors = errorsOf(tree);
    expect(errors.map((error) => [error.code, error.file, error.line])).toEqual([
      ['orphan-translation', 'content/achievements/leadership.fr.md', 1],
      ['duplicate-achievement', 'content/achievements/teamwork.fr.md', 1],
    ]);
  });

  it('does not report the translations of an achievement whose own file is invalid', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('name: Teamwork', 'nmae: Teamwork'));
    tree.set('content/achievements/teamwork.fr.md', FRENCH);
    expect(errorsOf(tree).map((error) => error.file)).not.toContain('content/achievements/teamwork.fr.md');
  });

  it('takes the words on the badge and the programme in a translation, and refuses the badge\'s look there, at its line', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('tags:', 'programme:\n  name: Skills\n  part: Block 1 of 3\ntags:'));
    tree.set('content/achievements/teamwork.fr.md', FRENCH.replace('resultDescriptions:', 'programme:\n  name: Compétences\n  part: Bloc 1 sur 3\nbadge:\n  label: Équipe\n  ribbon: Niveau 1\nresultDescriptions:'));
    const result = validate(tree);
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.achievements.get('teamwork')!.translations[0]!.data).toMatchObject({ programme: { name: 'Compétences', part: 'Bloc 1 sur 3' }, badge: { label: 'Équipe', ribbon: 'Niveau 1' } });
    tree.set('content/achievements/teamwork.fr.md', FRENCH.replace('resultDescriptions:', 'badge:\n  label: Équipe\n  shape: circle\nresultDescriptions:'));
    const [error, ...others] = errorsOf(tree);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ code: 'unknown-field', file: 'content/achievements/teamwork.fr.md', line: 6, field: 'badge.shape' });
  });

  it('refuses a programme translated for an achievement in none, at its line', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.fr.md', FRENCH.replace('resultDescriptions:', 'programme:\n  name: Compétences\nresultDescriptions:'));
    const [error, ...others] = errorsOf(tree);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ code: 'unknown-field', file: 'content/achievements/teamwork.fr.md', line: 5, field: 'programme.name' });
    expect(error!.message).toContain('content/achievements/teamwork.md, which is in none');
  });

  it('warns, at the translation, about a badge label or ribbon it leaves in the achievement\'s language, until it gives them', () => {
    const tree = bilingual();
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('tags:', 'programme:\n  name: Skills\n  part: Block 1 of 3\nbadge:\n  label: Team\ntags:'));
    tree.set('content/achievements/teamwork.fr.md', FRENCH);
    const result = validate(tree);
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'missing-translation', file: 'content/achievements/teamwork.fr.md', line: 1, field: 'badge.label' });
    expect(result.warnings[0]!.message).toBe('leaves the badge\'s label "Team" and ribbon "Block 1 of 3" as content/achievements/teamwork.md writes them: the badge on its fr pages shows them in en.');
    tree.set('content/achievements/teamwork.fr.md', FRENCH.replace('resultDescriptions:', 'programme:\n  part: Bloc 1 sur 3\nbadge:\n  label: Équipe\nresultDescriptions:'));
    const translated = validate(tree);
    if (!translated.ok) throw new Error(translated.errors.map(formatError).join('\n'));
    expect(translated.warnings).toEqual([]);
  });
});
