/**
 * The languages Laurel's interface is written in, and which one a site's language tag gets. A tag
 * is matched on its primary language subtag (BCP 47 §2.2.1): `fr-CA` reads the French catalog and
 * keeps its own region for dates and numbers. Any other language reads English.
 */
export const INTERFACE_LANGUAGES = ['en', 'fr'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

export function interfaceLanguage(tag: string): InterfaceLanguage {
  const primary = tag.split('-')[0]!.toLowerCase();
  return (INTERFACE_LANGUAGES as readonly string[]).includes(primary) ? (primary as InterfaceLanguage) : 'en';
}

/**
 * The locale Intl formats dates and durations with: the site's own tag when the interface speaks
 * its language, so `fr-CA` keeps its region; otherwise English, since the date sits in an English
 * sentence. A bare `en` is written the British way ("14 March 2026": day, month, year, the order
 * most readers take without doubt); `en-US` keeps its own.
 */
export function formattingLocale(tag: string): string {
  const primary = tag.split('-')[0]!.toLowerCase();
  if (interfaceLanguage(tag) !== primary) return 'en-GB';
  return tag.toLowerCase() === 'en' ? 'en-GB' : tag;
}

/**
 * The folder of a language's pages on a site in several: its primary subtag, lower-cased (`fr` for
 * fr-CA), as the shortest address a reader recognises.
 */
export function languageFolder(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
