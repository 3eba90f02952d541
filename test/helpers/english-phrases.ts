/**
 * The English interface's sentences, as a reader would meet them, for the tests that make sure a
 * page in another language shows none of them: the pages' catalog (src/core/locale/en.ts), the
 * verifier's check sentences (src/core/verify/messages.ts) and the browser verifier's own words
 * (src/verifier/words-en.ts).
 */
import { en, enScripts } from '../../src/core/locale/en.ts';
import { english as englishVerifier } from '../../src/core/verify/messages.ts';
import { englishWords } from '../../src/verifier/words-en.ts';

/**
 * Every string in `sources`, at any depth, cut at sentence and clause ends, and the fixed parts of
 * every sentence a function makes (called with placeholders; one that needs another kind of
 * argument is skipped: its fixed words are in the other sentences' tests).
 */
export function phrasesOf(...sources: unknown[]): string[] {
  const phrases = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') for (const part of value.split(/[.:]\s+/)) phrases.add(part.trim());
    else if (Array.isArray(value)) value.forEach(add);
    else if (typeof value === 'function') {
      try {
        add((value as (...args: string[]) => unknown)('\u0000', '\u0000', '\u0000', '\u0000'));
      } catch {
        // Not a sentence of strings.
      }
    } else if (typeof value === 'object' && value !== null) Object.values(value).forEach(add);
  };
  sources.forEach(add);
  // A part of a sentence around a value: keep the words, not the placeholder.
  // Words, not a single one: "achievements" is also in every achievement's URL.
  return [...phrases].flatMap((phrase) => phrase.split('\u0000')).map((part) => part.trim()).filter((part) => part.length >= 12 && part.includes(' '));
}

/** The pages' English catalog (its `language` is a code, not a sentence). */
export const englishPagePhrases = (): string[] => phrasesOf({ ...en, language: undefined }, enScripts);

/** The verifier's English: its check sentences and its page's words. */
export const englishVerifierPhrases = (): string[] => phrasesOf(englishVerifier, englishWords);
