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

/** Where a value is an email address, the build refuses it: see the privacy rules in the README. */
export const EMAIL_LIKE = /[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/i;

/** The status list holds at least 131,072 entries (Bitstring Status List §4.1 minimum, herd privacy). */
export const STATUS_LIST_SIZE = 131_072;

export const statusIndex = z
  .number()
  .int()
  .min(0)
  .max(STATUS_LIST_SIZE * 8 - 1)
  .describe('a whole number, the position of this award in the status lists (chosen at random by `npm run award`)');
