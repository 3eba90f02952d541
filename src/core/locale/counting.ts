/**
 * Counts in a language: its plural category (CLDR plural rules through Intl.PluralRules, so
 * French takes the singular for 0 and 1 and English only for 1) and the count written with its
 * digit grouping ("1,500", « 1 500 »). Each catalog makes one for its own locale.
 */
export interface Counting {
  /** 'one' or 'other' for the languages Laurel speaks (ECMA-402 §16, Intl.PluralRules.select). */
  plural(count: number): Intl.LDMLPluralRule;
  number(count: number): string;
}

export function counting(locale: string): Counting {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return { plural: (count) => plurals.select(count), number: (count) => numbers.format(count) };
}
