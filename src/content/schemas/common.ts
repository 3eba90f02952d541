/**
 * Field types shared by the content schemas. Each carries a description that doubles as editor
 * help and as the "expected" part of an error message.
 */
import { z } from 'zod';

/** A calendar date or a UTC date-time; Laurel turns either into an XML Schema dateTimeStamp in UTC. */
export const dateOrDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: false })])
  .describe('a date like 2026-03-14, or a UTC date-time like 2026-03-14T09:30:00Z');

export const httpsUrl = z
  .url({ protocol: /^https$/ })
  .describe('an https:// URL');

export const webUrl = z
  .url({ protocol: /^https?$/ })
  .describe('an http:// or https:// URL');

export const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .describe('a colour like #1f6feb');

/** BCP 47 as OB 3.0 restricts it for `inLanguage` (OB 3.0 §B.2.1 LanguageCode pattern). */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/)
  .describe('a language tag like en, fr or pt-BR');

/** ISO 8601 duration in years, months and days, e.g. P2Y, P18M or P1Y6M. */
export const isoDuration = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+D)?$/)
  .describe('a duration like P2Y (two years), P18M or P90D');

export const nonEmptyText = z.string().trim().min(1).describe('some text');

// --- email addresses -----------------------------------------------------------------------------

/** What an address never holds on either side of its `@`: white space, `@`, `<`, `>`, `(`, `)` and quotes. */
const NOT_IN_ADDRESS = /[\s@<>()"']/;
const inAddress = (character: string | undefined): boolean => character !== undefined && !NOT_IN_ADDRESS.test(character);
const isAsciiLetter = (character: string | undefined): boolean => character !== undefined && /^[a-zA-Z]$/.test(character);

/**
 * True when `text` holds something shaped like an email address: a character of an address, `@`,
 * then a run of address characters with a dot after its first character followed by two letters
 * (`a@b.cd`). It finds exactly what the regular expression `/[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/i`
 * finds, but in linear time: that expression retries its first `+` from every starting position,
 * so a long run without `@` or spaces cost quadratic time (minutes for a megabyte).
 *
 * Why it is linear: `indexOf` visits each `@` once, left to right; for each, the inner loop reads
 * only the run of address characters right after it, which ends at the next `@` at the latest
 * (`@` is not an address character). Those runs do not overlap, so each character of `text` is
 * read a bounded number of times, whatever it holds.
 */
export function containsEmailAddress(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (!inAddress(text[at - 1]) || !inAddress(text[at + 1])) continue;
    for (let dot = at + 2; inAddress(text[dot]); dot += 1) {
      if (text[dot] === '.' && isAsciiLetter(text[dot + 1]) && isAsciiLetter(text[dot + 2])) return true;
    }
  }
  return false;
}

/**
 * Where a value is an email address, the build refuses it: see the privacy rules in the README.
 * Shaped like the regular expression it replaces (`EMAIL_LIKE.test(text)`), for its callers.
 */
export const EMAIL_LIKE: { readonly test: (text: string) => boolean } = { test: containsEmailAddress };

// --- status lists ------------------------------------------------------------------------------

/** The status list holds at least 131,072 entries (Bitstring Status List §4.1 minimum, herd privacy). */
export const STATUS_LIST_SIZE = 131_072;

export const statusIndex = z
  .number()
  .int()
  .min(0)
  .max(STATUS_LIST_SIZE * 8 - 1)
  .describe('a whole number, the position of this award in the status lists (chosen at random by `npm run award`)');
