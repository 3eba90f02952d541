/**
 * The issuer's settings in content/issuer.yaml that choose what the site publishes: `shareCards`
 * defaults to one card per achievement, accepts `personal`, and refuses anything else with the
 * file, line, field and the values it takes.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { formatError } from '../../src/core/error.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

/** The minimal tree with `lines` added at the end of its issuer.yaml. */
function withIssuerLines(lines: string) {
  const tree = fixtureTree();
  tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}${lines}`);
  return validateContent(toContentFiles(tree));
}

describe('shareCards in issuer.yaml', () => {
  it('is one card per achievement unless the issuer asks for personal ones', () => {
    const unset = validateContent(toContentFiles(fixtureTree()));
    if (!unset.ok) throw new Error(unset.errors.map(formatError).join('\n'));
    expect(unset.content.issuer.shareCards).toBe('achievement');
    for (const value of ['achievement', 'personal'] as const) {
      const result = withIssuerLines(`shareCards: ${value}\n`);
      if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
      expect(result.content.issuer.shareCards).toBe(value);
    }
  });

  it('refuses any other value at its file and line, naming both it takes', () => {
    const lines = fixtureTree().get('content/issuer.yaml')!.split('\n').length;
    const result = withIssuerLines('shareCards: personnal\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error).toMatchObject({ code: 'invalid-value', file: 'content/issuer.yaml', line: lines, field: 'shareCards' });
    const text = formatError(error!);
    expect(text.startsWith(`content/issuer.yaml:${lines}:`)).toBe(true);
    expect(text).toContain('"achievement"');
    expect(text).toContain('"personal"');
    expect(text).toContain('personnal');
  });
});

describe('languages in issuer.yaml', () => {
  const validIssuer = (lines: string) => {
    const result = withIssuerLines(lines);
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    return result.content.issuer;
  };
  const errorsOf = (lines: string) => {
    const result = withIssuerLines(lines);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  };

  it('gives every site its list of languages, the first the default, whether it writes one language or several', () => {
    expect(validIssuer('')).toMatchObject({ language: 'en', languages: ['en'] });
    expect(validIssuer('language: fr-CA\n')).toMatchObject({ language: 'fr-CA', languages: ['fr-CA'] });
    expect(validIssuer('languages: [fr-CA, en]\n')).toMatchObject({ language: 'fr-CA', languages: ['fr-CA', 'en'] });
    expect(validIssuer('languages: [en-GB, fr]\n')).toMatchObject({ language: 'en-GB', languages: ['en-GB', 'fr'] });
    // One language with no catalog of its own is what it was: its dates, English words.
    expect(validIssuer('languages: [de]\n')).toMatchObject({ language: 'de', languages: ['de'] });
  });

  it('refuses both fields at once, a language the pages are not written in, and one language twice, at the line of each', () => {
    const lines = fixtureTree().get('content/issuer.yaml')!.split('\n').length;
    const [both] = errorsOf('language: fr\nlanguages: [fr, en]\n');
    expect(both).toMatchObject({ file: 'content/issuer.yaml', line: lines + 1, field: 'languages' });
    expect(formatError(both!)).toContain('either language');

    const [unknown] = errorsOf('languages: [en, de]\n');
    expect(unknown).toMatchObject({ file: 'content/issuer.yaml', line: lines, field: 'languages[1]' });
    expect(formatError(unknown!)).toContain('not written in de');
    expect(formatError(unknown!)).toContain('docs/languages.md');

    const [twice] = errorsOf('languages: [fr-CA, en, fr-FR]\n');
    expect(twice).toMatchObject({ file: 'content/issuer.yaml', field: 'languages[2]' });
    expect(formatError(twice!)).toContain('fr-FR and fr-CA are the same language');
  });
});
