/**
 * An achievement's words on a page: in the page's language where it has a translation, else its
 * own (src/content/achievement-text.ts), and the `lang` a fallback must carry so that a screen
 * reader reads English words as English on a French page (WCAG 2.2 SC 3.1.2 Language of Parts).
 */
import { achievementText, badgeLanguage, translationInto, type AchievementText, type LanguageText } from '../content/achievement-text.ts';
import type { AchievementRecord } from '../content/validate.ts';
import { languageFolder } from '../core/locale/language.ts';
import type { SiteUrls } from '../issue/urls.ts';

export type { AchievementText, LanguageText };
export { badgeLanguage };

export function achievementWords(record: AchievementRecord, language: { readonly tag: string }): AchievementText {
  return achievementText(record, language.tag);
}

/** The `lang` attribute a text needs on a page in `language`: its own tag when it is in another language, else none. */
export function langFor(text: LanguageText, language: { readonly tag: string }): string | undefined {
  return languageFolder(text.lang) === languageFolder(language.tag) ? undefined : text.lang;
}

/** The achievement's OB 3.0 JSON in the page's language, where it has an edition in it (src/issue/signed-site.ts). */
export function achievementJsonFor(record: AchievementRecord, language: { readonly tag: string }, urls: SiteUrls): string {
  const translation = translationInto(record, language.tag);
  return translation ? urls.achievementJsonIn(record.slug, translation.language) : urls.achievementJson(record.slug);
}
