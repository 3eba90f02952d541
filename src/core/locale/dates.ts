/**
 * Dates and durations in words through Intl (ECMA-402), the same on the page, the share card and
 * the PDF, in Node and in the browser: both carry the full CLDR data. A credential's dates are
 * UTC (VC Data Model 2.0 §4.9), so they are formatted in UTC, never in the reader's zone.
 */
import { formattingLocale } from './language.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "14 March 2026" (en), "March 14, 2026" (en-US), "1er décembre 2026" (fr). */
export function formatDate(isoDate: string, language = 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) throw new RangeError(`expected a date like 2026-03-14, got "${isoDate}"`);
  const locale = formattingLocale(language);
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return dateInWords(format.formatToParts(date), locale);
}

/**
 * A date Intl formatted in `locale`, as text. French writes the first day of a month as an
 * ordinal, "1er" (Lexique des règles typographiques en usage à l'Imprimerie nationale); CLDR has
 * no ordinal day, so Intl writes "1".
 */
export function dateInWords(parts: readonly Intl.DateTimeFormatPart[], locale: string): string {
  const french = locale.toLowerCase().startsWith('fr');
  return parts.map((part) => (french && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}

export type DurationUnit = 'year' | 'month' | 'day';

/** "2 years", "1 year and 6 months", "1 an et 6 mois": counts in words, joined the language's way. */
export function formatDuration(parts: ReadonlyArray<readonly [count: number, unit: DurationUnit]>, language = 'en'): string {
  const locale = formattingLocale(language);
  const words = parts.map(([count, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count));
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
}
