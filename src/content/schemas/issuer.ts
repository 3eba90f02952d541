/** `content/issuer.yaml`: who issues the credentials; becomes the OB 3.0 Profile at /issuer.json. */
import { z } from 'zod';
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

export const issuerSchema = z
  .object({
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
    /** Language of the site's pages. */
    language: languageCode.default('en'),
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
  })
  .strict();

export type IssuerInput = z.input<typeof issuerSchema>;
export type Issuer = z.output<typeof issuerSchema>;
