/**
 * The catalog for a site's language. To add a language: a catalog file beside ./en.ts, its code
 * in ./language.ts, and one entry in `catalogs` and `scriptCatalogs` below (docs/languages.md).
 */
import type { Messages, ScriptMessages } from './catalog.ts';
import { en, enScripts } from './en.ts';
import { fr, frScripts } from './fr.ts';
import { interfaceLanguage, type InterfaceLanguage } from './language.ts';

export type { Messages, ScriptMessages, StatusState } from './catalog.ts';

const catalogs: Readonly<Record<InterfaceLanguage, Messages>> = { en, fr };

/** The catalog for a site's language tag (issuer.yaml `language`); English for any other. */
export function messagesFor(languageTag: string): Messages {
  return catalogs[interfaceLanguage(languageTag)];
}

const scriptCatalogs: Readonly<Record<InterfaceLanguage, ScriptMessages>> = { en: enScripts, fr: frScripts };

/** The words of the page's scripts for a page's language (its `<html lang>`). */
export function scriptMessagesFor(languageTag: string): ScriptMessages {
  return scriptCatalogs[interfaceLanguage(languageTag)];
}
