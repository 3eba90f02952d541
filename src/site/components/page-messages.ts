/**
 * The words of the page a script runs on: the catalog of its `<html lang>`, which the build set
 * from the site's language (src/core/locale/messages.ts). Only the scripts' own catalogs are
 * bundled, not the pages' whole interface.
 */
import { scriptMessagesFor, type ScriptMessages } from '../../core/locale/messages.ts';

export function pageMessages(): ScriptMessages {
  return scriptMessagesFor(document.documentElement.lang || 'en');
}
