/**
 * The browser verifier's words, loaded for the page's language only: a certificate page carries
 * the verifier in its first bytes, and every language's words there would grow every page with
 * each language a site could add.
 */
import { interfaceLanguage, type InterfaceLanguage } from '../core/locale/language.ts';
import type { VerifierPageWords } from './words.ts';

const loaders: Readonly<Record<InterfaceLanguage, () => Promise<VerifierPageWords>>> = {
  en: async () => (await import('./words-en.ts')).englishWords,
  fr: async () => (await import('./words-fr.ts')).frenchWords,
};

/** The words for a page's `lang`, as verifierPageWordsFor (words.ts) chooses them. */
export function loadVerifierPageWords(language: string): Promise<VerifierPageWords> {
  return loaders[interfaceLanguage(language)]();
}
