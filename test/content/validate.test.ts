/**
 * Content validation: the minimal tree is valid; each negative fixture yields exactly its error,
 * with the file, line, field and code it must name; all errors are reported at once.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { CONTENT_ERROR_CODES, READING_ERROR_CODES } from '../../src/content/content-error.ts';
import { ERROR_CODES, formatError } from '../../src/core/error.ts';
import { errorFixtureNames, expectedError, fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

describe('content validation', () => {
  it('accepts the minimal tree and turns it into records', () => {
    const result = validateContent(toContentFiles(fixtureTree()));
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    const [award] = result.content.awards;
    expect(award).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', achievement: 'teamwork', awardedOn: '2026-03-14T00:00:00Z', listed: true });
    expect(result.content.achievements.get('teamwork')?.criteria).toBe('Nominated by peers and confirmed by a tutor.');
  });

  it('has one negative fixture for every error code', () => {
    // The codes of reading files from disk (links, encodings) are tested in files.test.ts, on real files.
    expect(errorFixtureNames()).toEqual(CONTENT_ERROR_CODES.filter((code) => !(READING_ERROR_CODES as readonly string[]).includes(code)).sort());
    // Every content code is one of the codes of Laurel's one error type.
    for (const code of CONTENT_ERROR_CODES) expect(ERROR_CODES).toContain(code);
  });

  it.each(errorFixtureNames())('reports %s with its file, line, field and code', (name) => {
    const expected = expectedError(name);
    const result = validateContent(toContentFiles(fixtureTree(name)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors, result.errors.map(formatError).join('\n')).toHaveLength(1);
    const [error] = result.errors;
    expect(error).toMatchObject({ code: expected.code, file: expected.file, line: expected.line });
    if (expected.field !== undefined) expect(error!.field).toBe(expected.field);
    if (expected.messageIncludes) expect(error!.message).toContain(expected.messageIncludes);
    const text = formatError(error!);
    expect(text.startsWith(`${expected.file}:${expected.line}:`)).toBe(true);
    expect(text).toContain(`error[${expected.code}]`);
  });

  it('reports every error at once, in file and line order', () => {
    const tree = fixtureTree('unknown-achievement');
    for (const [file, text] of fixtureTree('plain-email')) if (file.includes('grace')) tree.set(file, text);
    tree.set('content/awards/zz.yaml', 'id: x\n');
    const result = validateContent(toContentFiles(tree));
    if (result.ok) throw new Error('expected errors');
    const codes = result.errors.map((error) => error.code);
    expect(codes).toContain('unknown-achievement');
    expect(codes).toContain('plain-email');
    expect(codes).toContain('missing-field');
    expect(codes).toContain('invalid-value');
    const order = result.errors.map((error) => `${error.file}:${String(error.line).padStart(4, '0')}`);
    expect(order).toEqual([...order].sort());
  });

  it('refuses an achievement slug made twice, by a subfolder too, naming both files, and keeps the first', () => {
    const tree = fixtureTree();
    tree.set('content/achievements/programmes/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('name: Teamwork', 'name: Another teamwork'));
    const result = validateContent(toContentFiles(tree));
    if (result.ok) throw new Error('two files of one slug were accepted');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'duplicate-achievement', file: 'content/achievements/teamwork.md', line: 1 });
    expect(result.errors[0]!.message).toContain('content/achievements/programmes/teamwork.md');
    expect(result.errors[0]!.expected).toContain('content/achievements/teamwork.md');
  });

  it('reports a YAML alias bomb as its file\'s error, with the errors of the other files', () => {
    const tree = fixtureTree('yaml-alias-limit');
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('name: Teamwork', 'nmae: Teamwork'));
    // Nine levels of nine: 387,420,489 strings if the aliases were expanded.
    const levels = Array.from({ length: 9 }, (_, level) => `l${level + 1}: &l${level + 1} [${level === 0 ? 'lol, '.repeat(9).slice(0, -2) : `*l${level}, `.repeat(9).slice(0, -2)}]`);
    tree.set('content/achievements/laughs.md', `---\n${levels.join('\n')}\n---\n\nNo criteria.\n`);
    const result = validateContent(toContentFiles(tree));
    if (result.ok) throw new Error('an alias bomb was accepted');
    const found = result.errors.map((error) => [error.code, error.file, error.line]);
    expect(found).toContainEqual(['yaml-alias-limit', 'content/achievements/laughs.md', 3]);
    expect(found).toContainEqual(['yaml-alias-limit', 'content/awards/laughs.yaml', 3]);
    expect(found).toContainEqual(['unknown-field', 'content/achievements/teamwork.md', 2]);
  });

  it('never repeats an email address in an error message', () => {
    const result = validateContent(toContentFiles(fixtureTree('plain-email')));
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map(formatError).join('\n')).not.toContain('grace@example.org');
  });

  it('does not repeat an email address pasted as the identity hash, in any error of it', () => {
    // The plain-email error, and the invalid-value error of the hash's shape, both at that field.
    const tree = fixtureTree();
    tree.set('content/awards/teamwork-ada.yaml', tree.get('content/awards/teamwork-ada.yaml')!.replace(/hash: .*/, 'hash: test.person@example.org'));
    const result = validateContent(toContentFiles(tree));
    if (result.ok) throw new Error('expected errors');
    const printed = result.errors.map(formatError).join('\n');
    expect(result.errors.map((error) => error.code)).toContain('plain-email');
    expect(printed).not.toContain('test.person@example.org');
    expect(printed).not.toContain('test.person');
  });

  it('derives validUntil from the achievement validity, and lets the award override it', () => {
    const tree = fixtureTree();
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('tags:', 'validFor: P1Y6M\ntags:'));
    let result = validateContent(toContentFiles(tree));
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.awards[0]!.validUntil).toBe('2027-09-14T00:00:00Z');
    tree.set('content/awards/teamwork-ada.yaml', `${tree.get('content/awards/teamwork-ada.yaml')}validUntil: never\n`);
    result = validateContent(toContentFiles(tree));
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.awards[0]!.validUntil).toBeUndefined();
  });

  it('refuses a revocation or suspension dated before the award, pointing at its date', () => {
    const tree = fixtureTree();
    tree.set('content/awards/teamwork-ada.yaml', `${tree.get('content/awards/teamwork-ada.yaml')}suspended:\n  on: 2020-01-01\n  reason: Under review.\n`);
    const result = validateContent(toContentFiles(tree));
    if (result.ok) throw new Error('a suspension before the award was accepted');
    expect(result.errors).toHaveLength(1);
    expect(formatError(result.errors[0]!)).toBe(
      'content/awards/teamwork-ada.yaml:12:3 error[invalid-date] suspended.on: is before the award date (2026-03-14).\n    expected: a date on or after 2026-03-14\n    found:    2020-01-01',
    );
  });
});
