/**
 * The verifier's words for a language, matched as the site's pages are
 * (../locale/language.ts): any French reads the French sentences, any other language English.
 */
import { interfaceLanguage } from '../locale/language.ts';
import { english, type VerifierMessages } from './messages.ts';
import { french } from './messages-fr.ts';

const catalogs: Readonly<Record<ReturnType<typeof interfaceLanguage>, VerifierMessages>> = { en: english, fr: french };

/** The messages for a BCP 47 tag such as `fr-CA` or a page's `lang`. */
export function verifierMessagesFor(language: string): VerifierMessages {
  return catalogs[interfaceLanguage(language)];
}
