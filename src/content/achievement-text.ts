/**
 * An achievement's words in one of the site's languages: its translation's where it has one
 * (./translations.ts), else its own, each with the language it is really in, so that a page can
 * mark a fallback with its `lang` (WCAG 2.2 SC 3.1.2 Language of Parts) and a credential can say
 * which language its Achievement is in. Pure.
 */
import { languageFolder } from '../core/locale/language.ts';
import type { AchievementTranslation } from './translations.ts';
import type { AchievementRecord } from './validate.ts';

/** A text and the language tag it is written in. */
export interface LanguageText {
  readonly text: string;
  readonly lang: string;
}

export interface AchievementText {
  /** The language asked for. */
  readonly language: string;
  readonly name: LanguageText;
  readonly description: LanguageText;
  /** Markdown. */
  readonly criteria: LanguageText;
  /** A resultDescription's name, by its id. */
  resultName(id: string): LanguageText;
}

/** The translation into `language`, matched on its primary subtag as the pages' folders are. */
export function translationInto(record: Pick<AchievementRecord, 'translations'>, language: string): AchievementTranslation | undefined {
  return record.translations.find((translation) => languageFolder(translation.language) === languageFolder(language));
}

export function achievementText(record: Pick<AchievementRecord, 'data' | 'criteria' | 'language' | 'translations'>, language: string): AchievementText {
  const translation = translationInto(record, language);
  const own = (text: string): LanguageText => ({ text, lang: record.language });
  const translated = (text: string | undefined, fallback: string): LanguageText => (translation && text ? { text, lang: translation.language } : own(fallback));
  return {
    language,
    name: translated(translation?.data.name, record.data.name),
    description: translated(translation?.data.description, record.data.description),
    criteria: translated(translation?.criteria, record.criteria),
    resultName: (id) => {
      const name = record.data.resultDescriptions.find((description) => description.id === id)?.name ?? id;
      return translated(translation?.data.resultDescriptions[id], name);
    },
  };
}
