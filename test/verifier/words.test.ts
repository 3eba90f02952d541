import { describe, expect, it } from 'vitest';
import type { VerifierPageWords } from '../../src/verifier/words.ts';
import { englishWords, frenchWords, verifierPageWordsFor } from '../../src/verifier/page-words.ts';
import { loadVerifierPageWords } from '../../src/verifier/load-words.ts';

/** Every key of a words object, nested ones as `claims.heading`. */
const keys = (words: object, prefix = ''): string[] =>
  Object.entries(words)
    .flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]))
    .sort();

describe('the verify page’s words', () => {
  it('are the same entries in English and French, each said in French', () => {
    expect(keys(frenchWords)).toEqual(keys(englishWords));
    const sameWords = Object.entries(englishWords).filter(([key, value]) => typeof value === 'string' && (frenchWords as unknown as Record<string, unknown>)[key] === value);
    expect(sameWords).toEqual([]);
  });

  it('are chosen by the page’s language', () => {
    expect(verifierPageWordsFor('fr-CA')).toBe(frenchWords);
    expect(verifierPageWordsFor('en-US')).toBe(englishWords);
    expect(verifierPageWordsFor('')).toBe(englishWords);
  });

  it('load for one language as they are chosen for it', async () => {
    for (const language of ['fr-CA', 'fr', 'en-US', 'de', '']) expect(await loadVerifierPageWords(language)).toBe(verifierPageWordsFor(language));
  });

  it('set French punctuation with a narrow no-break space', () => {
    const words: VerifierPageWords = frenchWords;
    expect(words.checkLine('Signature', 'La signature est valide.')).toBe('Signature\u202F: La signature est valide.');
    expect(englishWords.checkLine('Signature', 'The signature is valid.')).toBe('Signature: The signature is valid.');
  });
});
