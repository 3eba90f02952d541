/**
 * An achievement's words in one of the site's languages: its translation's where it has one
 * (./translations.ts), else its own, each with the language it is really in, so that a page can
 * mark a fallback with its `lang` (WCAG 2.2 SC 3.1.2 Language of Parts) and a credential can say
 * which language its Achievement is in. Pure.
 */
import { languageFolder } from '../core/locale/language.ts';
import type { BadgeDesign } from './badge-design.ts';
import type { MicroCredentialText } from './schemas/micro-credential.ts';
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
  /** The programme it is part of, or undefined for one outside any programme. */
  readonly programme?: { readonly name: LanguageText; readonly part?: LanguageText | undefined } | undefined;
  /** An EU micro-credential element written in words (./schemas/micro-credential.ts), or undefined where the achievement states none. */
  microCredentialText(field: MicroCredentialText): LanguageText | undefined;
}

/** The translation into `language`, matched on its primary subtag as the pages' folders are. */
export function translationInto(record: Pick<AchievementRecord, 'translations'>, language: string): AchievementTranslation | undefined {
  return record.translations.find((translation) => languageFolder(translation.language) === languageFolder(language));
}

export function achievementText(record: Pick<AchievementRecord, 'data' | 'criteria' | 'language' | 'translations'>, language: string): AchievementText {
  const translation = translationInto(record, language);
  const own = (text: string): LanguageText => ({ text, lang: record.language });
  const translated = (text: string | undefined, fallback: string): LanguageText => (translation && text ? { text, lang: translation.language } : own(fallback));
  const { programme } = record.data;
  return {
    language,
    name: translated(translation?.data.name, record.data.name),
    description: translated(translation?.data.description, record.data.description),
    criteria: translated(translation?.criteria, record.criteria),
    resultName: (id) => {
      const name = record.data.resultDescriptions.find((description) => description.id === id)?.name ?? id;
      return translated(translation?.data.resultDescriptions[id], name);
    },
    programme: programme && {
      name: translated(translation?.data.programme?.name, programme.name),
      part: programme.part ? translated(translation?.data.programme?.part, programme.part) : undefined,
    },
    microCredentialText: (field) => {
      const text = record.data.microCredential?.[field];
      return text === undefined ? undefined : translated(translation?.data.microCredential?.[field], text);
    },
  };
}

/**
 * The words on the achievement's badge in `language`: its label, and its ribbon if it has one.
 * Where the translation gives none, a label written in the achievement's own file stays, and the
 * translated name stands in for a label nobody wrote, as the name does in the achievement's own
 * language; a ribbon keeps the achievement's own, or else the programme part, translated where the
 * translation gives it.
 */
export function badgeWords(record: Pick<AchievementRecord, 'data' | 'badge' | 'criteria' | 'language' | 'translations'>, language: string): { readonly label: string; readonly ribbon: string | undefined } {
  const translation = translationInto(record, language);
  const words = achievementText(record, language);
  const ribbon = translation?.data.badge?.ribbon ?? record.badge?.ribbon ?? (words.programme?.part?.text.trim() || undefined);
  return { label: translation?.data.badge?.label ?? record.badge?.label ?? words.name.text.trim(), ribbon: ribbon || undefined };
}

/** The achievement's badge design (./badge-design.ts) with the words of `language` on it. */
export function badgeDesignIn(record: Pick<AchievementRecord, 'data' | 'badge' | 'criteria' | 'language' | 'translations'>, language: string): BadgeDesign {
  const { label, ribbon } = badgeWords(record, language);
  return { shape: 'circle', ...record.badge, label, ribbon: ribbon ?? false };
}

/**
 * The language whose badge a page in `language` shows: its translation's, where that puts other
 * words on the badge than the achievement's own language does; undefined for the achievement's own
 * badge. A translation that changes no word on the badge adds no image to the site.
 */
export function badgeLanguage(record: Pick<AchievementRecord, 'data' | 'badge' | 'criteria' | 'language' | 'translations'>, language: string): string | undefined {
  const translation = translationInto(record, language);
  if (!translation) return undefined;
  const own = badgeWords(record, record.language);
  const theirs = badgeWords(record, translation.language);
  return own.label === theirs.label && own.ribbon === theirs.ribbon ? undefined : translation.language;
}
