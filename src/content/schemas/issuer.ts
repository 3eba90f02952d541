/** `content/issuer.yaml`: who issues the credentials; becomes the OB 3.0 Profile at /issuer.json. */
import { z } from 'zod';
import { INTERFACE_LANGUAGES, languageFolder } from '../../core/locale/language.ts';
import { TEXT_LIMITS, atMost, descriptionText, httpsUrl, languageCode, lineText, nameText } from './common.ts';

/** The most the ring of a badge holds at its smallest size before the name is cut. */
const BADGE_NAME_LENGTH = 40;

export const addressSchema = z
  .object({
    /** Street and number. */
    streetAddress: lineText.optional().describe('street and number'),
    /** City or town. */
    addressLocality: lineText.optional().describe('city or town'),
    /** State, region or province. */
    addressRegion: lineText.optional().describe('state, region or province'),
    postalCode: lineText.optional().describe('postal code'),
    /** Country name or ISO 3166 code. */
    addressCountry: lineText.optional().describe('country'),
  })
  .strict();

/** The fields of issuer.yaml, as written. */
export const issuerFields = z.object({
  /** The issuer's name as it appears on every certificate. */
  name: nameText.describe("the issuer's name as it appears on every certificate"),
  /**
   * Where the site is published, ending in `/`. The issuer's did:web identity derives from it:
   * https://badges.example.org/ is did:web:badges.example.org, https://org.github.io/badges/ is
   * did:web:org.github.io:badges. Changing it later breaks every credential already issued.
   */
  url: httpsUrl
    .refine((value) => value.endsWith('/'), 'the site URL must end with /')
    .refine((value) => !new URL(value).search && !new URL(value).hash, 'the site URL must have no ?query or #fragment')
    .describe('the https:// URL where the site is published, ending with /'),
  /** The issuer's own website, if different from the badge site. */
  homepage: httpsUrl.optional().describe("the issuer's main website"),
  /** One or two sentences about the issuer, shown on the home page and in issuer.json. */
  description: descriptionText.describe('one or two sentences about the issuer'),
  /** A public contact address for questions about credentials (published). */
  email: z.email().max(TEXT_LIMITS.email, atMost(TEXT_LIMITS.email)).describe('a public contact email address'),
  /**
   * The issuer's name as set around the top of every badge, when the full name is too long to
   * read there (about 30 characters fit); the name if absent.
   */
  badgeName: nameText
    .max(BADGE_NAME_LENGTH, atMost(BADGE_NAME_LENGTH))
    .optional()
    .describe('a shorter form of the name for the ring of every badge, like "Northbridge Institute" (the name if absent)'),
  /** The issuer logo, a PNG or SVG file under public/, e.g. /logo.svg. */
  logo: z
    .string()
    .regex(/^\/[\w./-]+\.(png|svg)$/)
    .max(TEXT_LIMITS.url, atMost(TEXT_LIMITS.url))
    .optional()
    .describe('a PNG or SVG path under public/, like /logo.svg'),
  /** The numeric id of the issuer's LinkedIn company page, so "Add to profile" links to it. */
  linkedinOrganizationId: z
    .string()
    .regex(/^\d+$/)
    .max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line))
    .optional()
    .describe('the numeric id of your LinkedIn company page, in quotes'),
  address: addressSchema.optional().describe('postal address'),
  phone: lineText.optional().describe('a public phone number'),
  /** The language of the site's pages, for a site in one language. */
  language: languageCode.optional().describe('the language of the pages, a tag like en, fr or fr-CA'),
  /**
   * The languages of a site in several, the first its default: the default's pages are at the
   * site's paths, each other language's under its own folder (/fr/, /en/).
   */
  languages: z.array(languageCode).min(1).optional().describe(`the languages of the pages, the first the default, like [fr-CA, en] (Laurel's pages are written in ${INTERFACE_LANGUAGES.join(', ')})`),
  /**
   * The picture a link to a certificate page previews with (Open Graph, 1200×630).
   * `achievement` (the default): one card per achievement, naming no one, shared by all its
   * awards. `personal`: a card per award with the learner's name and date, about 130 kB each,
   * for small sites (a free host's 1 GB holds a few thousand).
   */
  shareCards: z.enum(['achievement', 'personal']).default('achievement').describe('achievement (one link-preview card per achievement) or personal (one per award, with the name of its learner)'),
  /**
   * Whether learners are named beyond their own page (GDPR, Quebec's Law 25: the issuer opts in).
   * `unlisted` (what `npm run init` writes): a learner's page is reached by its link only, never
   * listed under "Recent earners" nor found by name in search. `listed`: every award is, unless
   * it says `listed: false`. Either way an award's own `listed` wins. Left out, the site keeps
   * what it did before this setting existed (listed) and the build asks the issuer to choose
   * (src/content/privacy.ts).
   */
  earners: z
    .enum(['unlisted', 'listed'])
    .optional()
    .describe("unlisted (learners' pages reached by their link only; an award may opt in with listed: true) or listed (earners listed and found by name unless an award says listed: false)"),
  /**
   * What an achievement marked as an EU micro-credential (its `microCredential:` block) that
   * misses a mandatory element of Annex I of Council Recommendation 2022/C 243/02 makes of
   * `npm run check` and the build: `warning` (the default) reports it and publishes; `error`
   * refuses the content until every element is stated (src/content/annex-i.ts).
   */
  microCredentialElements: z
    .enum(['warning', 'error'])
    .default('warning')
    .describe('warning (the default: a micro-credential missing an Annex I element is reported and published) or error (the content is refused until it states them)'),
});

export const issuerSchema = issuerFields
  .strict()
  .superRefine((issuer, context) => {
    if (issuer.language !== undefined && issuer.languages !== undefined) {
      context.addIssue({ code: 'custom', path: ['languages'], message: `write either language (one language) or languages (several, the first the default), not both` });
    }
    if (issuer.languages === undefined || issuer.languages.length < 2) return;
    // Each language but the default has its pages under /<language>/: one folder per language.
    const seen = new Map<string, number>();
    issuer.languages.forEach((tag, index) => {
      const folder = languageFolder(tag);
      if (!(INTERFACE_LANGUAGES as readonly string[]).includes(folder)) {
        context.addIssue({ code: 'custom', path: ['languages', index], message: `Laurel's pages are not written in ${tag} yet (only in ${INTERFACE_LANGUAGES.join(', ')}); a site in several languages needs each of them (docs/languages.md says how to add one)` });
      }
      const earlier = seen.get(folder);
      if (earlier !== undefined) context.addIssue({ code: 'custom', path: ['languages', index], message: `${tag} and ${issuer.languages![earlier]} are the same language (${folder}): keep one` });
      seen.set(folder, index);
    });
  })
  // The site's languages, always as a list, and its default as `language`, whichever was written.
  .transform(({ languages, ...issuer }) => {
    const all = languages ?? [issuer.language ?? 'en'];
    return { ...issuer, language: all[0]!, languages: all };
  });

export type IssuerInput = z.input<typeof issuerSchema>;
export type Issuer = z.output<typeof issuerSchema>;
