/**
 * Field types shared by the content schemas. Each carries a description that doubles as editor
 * help and as the "expected" part of an error message.
 */
import { z } from 'zod';

/** A calendar date or a UTC date-time; Laurel turns either into an XML Schema dateTimeStamp in UTC. */
export const dateOrDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: false })])
  .describe('a date like 2026-03-14, or a UTC date-time like 2026-03-14T09:30:00Z');

// --- lengths -------------------------------------------------------------------------------------

/**
 * The longest text each kind of field may hold, in characters (UTF-16 code units, as JavaScript
 * counts them: most emoji count two). Generous for what people write, and small enough that one
 * field cannot make a page tens of thousands of pixels long, overflow the PDF certificate or the
 * badge, or slow every check of the file down. docs/issuing.md, "How long a field may be", lists
 * them; change them here and there.
 */
export const TEXT_LIMITS = {
  /** Names and titles, tags, codes, levels, values, address lines: one line of text. */
  line: 200,
  /** Descriptions and the reason of a revocation or suspension: a few paragraphs. */
  description: 20_000,
  /** Narratives (an award's, an evidence's) and an achievement's criteria, in Markdown. */
  narrative: 50_000,
  /** Links. Browsers and servers commonly refuse much longer ones. */
  url: 2_000,
  /** An email address (RFC 5321 §4.5.3.1.3: a path is at most 256 octets, its brackets included). */
  email: 254,
} as const;

/** The zod option that reports a value over `limit` by its length, not by repeating it. */
export function atMost(limit: number): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => {
      const length = typeof issue.input === 'string' ? issue.input.length : undefined;
      return `is ${length === undefined ? 'too long' : `${length.toLocaleString('en')} characters long`}: at most ${limit.toLocaleString('en')} characters fit here`;
    },
  };
}

// --- characters refused in a line of text --------------------------------------------------------

/**
 * The bidirectional embedding, override and isolate controls (Unicode UAX #9 §2.1–2.4: LRE, RLE,
 * PDF, LRO, RLO, LRI, RLI, FSI, PDI). They are invisible and reorder the text after them, so a
 * name could be shown as something other than what was typed and reviewed (the "Trojan Source"
 * attack, CVE-2021-42574), on the page, in the PDF and in a verifier's view of the credential.
 * A name needs none of them: the Unicode bidirectional algorithm lays a right-to-left name out by
 * itself, and the implicit marks adjust one where needed. Those marks (LRM U+200E, RLM U+200F,
 * ALM U+061C) stay allowed: they open no embedding that could reorder the rest of a line, and
 * right-to-left names use them. So do ZWJ and ZWNJ (U+200C, U+200D), which Persian, Indic scripts
 * and emoji sequences need, and the zero-width space (U+200B), a word-break hint in Thai and Khmer.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** C0 and C1 control characters (tab and line breaks included): a line of text has none of them. */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** U+202E, for an error message. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `text` cannot be one line of published text, or undefined when it can. */
export function lineTextProblem(text: string): string | undefined {
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) return `contains the invisible direction control ${codePoint(bidi[0])}, which makes the text display in another order than it is written; remove it`;
  const control = CONTROL_CHARACTER.exec(text);
  if (control) return `contains the control character ${codePoint(control[0])} (a line break, a tab or an invisible code); write it on one line`;
  return undefined;
}

function refuseHiddenCharacters(text: string, ctx: z.core.$RefinementCtx<string>): void {
  const problem = lineTextProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', input: text, message: problem });
}

/** A name or a title: one line, not empty, at most TEXT_LIMITS.line characters. */
export const nameText = z.string().trim().min(1).max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).superRefine(refuseHiddenCharacters).describe('some text');

/** A short value (a code, a level, a phone number): one line, at most TEXT_LIMITS.line characters. */
export const lineText = z.string().max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).superRefine(refuseHiddenCharacters).describe('a line of text');

/** A description: some text, at most TEXT_LIMITS.description characters. */
export const descriptionText = z.string().trim().min(1).max(TEXT_LIMITS.description, atMost(TEXT_LIMITS.description)).describe('some text');

/** Markdown about what someone did: at most TEXT_LIMITS.narrative characters. */
export const narrativeText = z.string().max(TEXT_LIMITS.narrative, atMost(TEXT_LIMITS.narrative)).describe('some text, in Markdown');

// --- formats -------------------------------------------------------------------------------------

export const httpsUrl = z
  .url({ protocol: /^https$/ })
  .max(TEXT_LIMITS.url, atMost(TEXT_LIMITS.url))
  .describe('an https:// URL');

export const webUrl = z
  .url({ protocol: /^https?$/ })
  .max(TEXT_LIMITS.url, atMost(TEXT_LIMITS.url))
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

// --- status lists --------------------------------------------------------------------------------

/** The status list holds at least 131,072 entries (Bitstring Status List §4.1 minimum, herd privacy). */
export const STATUS_LIST_SIZE = 131_072;

export const statusIndex = z
  .number()
  .int()
  .min(0)
  .max(STATUS_LIST_SIZE * 8 - 1)
  .describe('a whole number, the position of this award in the status lists (chosen at random by `npm run award`)');
