/**
 * The browser verifier's words for a language, all languages at hand: for the build (the
 * checklist a page is sent with) and the engine (run.ts, loaded on demand). The element itself
 * loads only its page's language (load-words.ts).
 */
import { interfaceLanguage } from '../core/locale/language.ts';
import type { VerifierPageWords } from './words.ts';
import { englishWords } from './words-en.ts';
import { frenchWords } from './words-fr.ts';

const pageWords: Readonly<Record<ReturnType<typeof interfaceLanguage>, VerifierPageWords>> = { en: englishWords, fr: frenchWords };

/** The words for a page's `lang`: any French reads French, any other language English. */
export function verifierPageWordsFor(language: string): VerifierPageWords {
  return pageWords[interfaceLanguage(language)];
}

export { englishWords, frenchWords };
