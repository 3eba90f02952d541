/**
 * Free text is bounded and names are what they look like: every field has a maximum length, and a
 * name or title refuses the invisible controls that would show it in another order than written.
 * Each refusal is an invalid-value error at the field's line, which never repeats the hidden
 * characters as they are.
 */
import { describe, expect, it } from 'vitest';
import { describeReceived } from '../../src/content/content-error.ts';
import { TEXT_LIMITS, lineTextProblem } from '../../src/content/schemas/common.ts';
import { validateContent } from '../../src/content/validate.ts';
import { formatError } from '../../src/core/error.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const AWARD = 'content/awards/teamwork-ada.yaml';
const ACHIEVEMENT = 'content/achievements/teamwork.md';
const ISSUER = 'content/issuer.yaml';

/** The minimal tree with one file's text changed. */
function validateWith(file: string, change: (text: string) => string) {
  const tree = fixtureTree();
  tree.set(file, change(tree.get(file)!));
  return validateContent(toContentFiles(tree));
}

function errorsOf(result: ReturnType<typeof validateContent>) {
  if (result.ok) throw new Error('the content was accepted');
  return result.errors;
}

function accepted(result: ReturnType<typeof validateContent>) {
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.content;
}

describe('text lengths', () => {
  it('refuses a 5,000-character name, at its line, saying how long it is and what fits', () => {
    const errors = errorsOf(validateWith(AWARD, (text) => text.replace('name: Ada Example', `name: ${'Ada '.repeat(1_250).trim()}`)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'invalid-value', file: AWARD, line: 5, field: 'recipient.name' });
    expect(errors[0]!.message).toBe('is 4,999 characters long: at most 200 characters fit here.');
  });

  it('accepts a name of exactly the limit', () => {
    const name = 'A'.repeat(TEXT_LIMITS.line);
    expect(accepted(validateWith(AWARD, (text) => text.replace('name: Ada Example', `name: ${name}`))).awards[0]!.recipient.name).toBe(name);
  });

  it.each([
    ['the issuer name', ISSUER, (text: string) => text.replace('name: Example Academy', `name: ${'x'.repeat(201)}`), 'name'],
    ['the issuer description', ISSUER, (text: string) => text.replace('description: A fictional issuer used by the tests.', `description: ${'x'.repeat(TEXT_LIMITS.description + 1)}`), 'description'],
    ['an achievement name', ACHIEVEMENT, (text: string) => text.replace('name: Teamwork', `name: ${'x'.repeat(201)}`), 'name'],
    ['an achievement description', ACHIEVEMENT, (text: string) => text.replace('description: Collaborates effectively in a group.', `description: ${'x'.repeat(TEXT_LIMITS.description + 1)}`), 'description'],
    ['a tag', ACHIEVEMENT, (text: string) => text.replace('tags: [collaboration]', `tags: [${'x'.repeat(201)}]`), 'tags[0]'],
    ['an alignment name', ACHIEVEMENT, (text: string) => text.replace('- targetName: Teamwork', `- targetName: ${'x'.repeat(201)}`), 'alignments[0].targetName'],
    ['a link', ACHIEVEMENT, (text: string) => text.replace('targetUrl: https://example.org/skills/teamwork', `targetUrl: https://example.org/${'x'.repeat(TEXT_LIMITS.url)}`), 'alignments[0].targetUrl'],
    ['a narrative', AWARD, (text: string) => `${text}narrative: ${'x'.repeat(TEXT_LIMITS.narrative + 1)}\n`, 'narrative'],
    ['an evidence narrative', AWARD, (text: string) => `${text}evidence:\n  - narrative: ${'x'.repeat(TEXT_LIMITS.narrative + 1)}\n`, 'evidence[0].narrative'],
    ['an evidence name', AWARD, (text: string) => `${text}evidence:\n  - url: https://example.org/work\n    name: ${'x'.repeat(201)}\n`, 'evidence[0].name'],
    ['a revocation reason', AWARD, (text: string) => `${text}revoked:\n  on: 2026-04-01\n  reason: ${'x'.repeat(TEXT_LIMITS.description + 1)}\n`, 'revoked.reason'],
    ['a result value', AWARD, (text: string) => `${text}results:\n  - resultDescription: score\n    value: "${'9'.repeat(201)}"\n`, 'results[0].value'],
  ])('refuses %s over its limit', (_what, file, change, field) => {
    const errors = errorsOf(validateWith(file, change));
    expect(errors.map((error) => [error.code, error.file, error.field])).toEqual([['invalid-value', file, field]]);
    expect(errors[0]!.message).toMatch(/characters long: at most [\d,]+ characters fit here\.$/);
  });

  it('refuses criteria (the Markdown body) over the narrative limit, at the line where they start', () => {
    const errors = errorsOf(validateWith(ACHIEVEMENT, (text) => `${text}\n${'Long criteria. '.repeat(TEXT_LIMITS.narrative / 10)}\n`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'invalid-value', file: ACHIEVEMENT, line: 13, field: 'criteria' });
  });
});

describe('hidden characters in names and titles', () => {
  it.each([
    ['U+202E (right-to-left override)', '\u202E'],
    ['U+202A (left-to-right embedding)', '\u202A'],
    ['U+2066 (left-to-right isolate)', '\u2066'],
    ['U+2069 (pop directional isolate)', '\u2069'],
  ])('refuses %s in a recipient name, without showing it as it is', (_what, control) => {
    const errors = errorsOf(validateWith(AWARD, (text) => text.replace('name: Ada Example', `name: "Ada ${control}elpmaxE"`)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'invalid-value', file: AWARD, line: 5, field: 'recipient.name' });
    expect(errors[0]!.message).toContain(`direction control U+${control.codePointAt(0)!.toString(16).toUpperCase()}`);
    const shown = formatError(errors[0]!);
    expect(shown).not.toContain(control);
    expect(shown).toContain(`\\u${control.codePointAt(0)!.toString(16).toUpperCase()}`);
  });

  it.each([
    ['the issuer name', ISSUER, 'name: Example Academy', 'name: "Example \u202EAcademy"', 'name'],
    ['an achievement name', ACHIEVEMENT, 'name: Teamwork', 'name: "Team\u202Ework"', 'name'],
    ['a badge label', ACHIEVEMENT, 'tags:', 'badge:\n  label: "Team\u2067work"\ntags:', 'badge.label'],
    ['a result name', ACHIEVEMENT, 'name: Score', 'name: "Sc\u202Dore"', 'resultDescriptions[0].name'],
    ['a tag', ACHIEVEMENT, 'tags: [collaboration]', 'tags: ["colla\u202Eboration"]', 'tags[0]'],
  ])('refuses a direction control in %s', (_what, file, from, to, field) => {
    const errors = errorsOf(validateWith(file, (text) => text.replace(from, to)));
    expect(errors.map((error) => [error.code, error.file, error.field])).toEqual([['invalid-value', file, field]]);
  });

  it('refuses a line break or another control character in a name', () => {
    const errors = errorsOf(validateWith(AWARD, (text) => text.replace('name: Ada Example', 'name: "Ada\\nExample"')));
    expect(errors.map((error) => [error.code, error.field])).toEqual([['invalid-value', 'recipient.name']]);
    expect(errors[0]!.message).toContain('U+000A');
  });

  it.each([
    ['a right-to-left name with a right-to-left mark', '\u05D3\u05E0\u05D4 \u05DB\u05D4\u05DF\u200F'],
    ['a Persian name with a zero-width non-joiner', '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'],
    ['an emoji sequence with zero-width joiners', 'Ada \u{1F469}\u200D\u{1F4BB}'],
    ['accents', 'Zoë Brontë-Ångström'],
  ])('accepts %s', (_what, name) => {
    expect(accepted(validateWith(AWARD, (text) => text.replace('name: Ada Example', `name: "${name}"`))).awards[0]!.recipient.name).toBe(name);
  });

  it('explains each refusal by the code point it found', () => {
    expect(lineTextProblem('plain')).toBeUndefined();
    expect(lineTextProblem('a\u202Eb')).toMatch(/^contains the invisible direction control U\+202E/);
    expect(lineTextProblem('a\u0007b')).toMatch(/^contains the control character U\+0007/);
  });
});

describe('values shown in errors', () => {
  it('writes invisible characters as escapes', () => {
    expect(describeReceived('a\u202Eb\u200Bc\uFEFF')).toBe('"a\\u202Eb\\u200Bc\\uFEFF"');
  });

  it('never repeats an email address, even in a value shown for another reason', () => {
    const errors = errorsOf(validateWith(ISSUER, (text) => text.replace('description: A fictional issuer used by the tests.', `description: write to someone@example.org ${'x'.repeat(TEXT_LIMITS.description)}`)));
    expect(errors.map((error) => error.code)).toEqual(['invalid-value']);
    expect(errors.map(formatError).join('\n')).not.toContain('someone@example.org');
  });
});
