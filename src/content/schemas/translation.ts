/**
 * The frontmatter of `content/achievements/<slug>.<language>.md`: an achievement's words in one
 * more of the site's languages. Only what a reader reads is here; everything else (type, credits,
 * skills, the badge's shape and colours, validity) is the achievement's own file's, once for every
 * language. The Markdown body is the criteria.
 */
import { z } from 'zod';
import { badgeLabelText, badgeRibbonText } from '../badge-design.ts';
import { descriptionText, lineText, nameText } from './common.ts';
import { microCredentialTranslationSchema } from './micro-credential.ts';

export const translationSchema = z
  .object({
    /** The achievement's name in this language (OB 3.0 Achievement.name). */
    name: nameText.describe('the achievement name in this language'),
    /** What the holder can do, in this language (OB 3.0 Achievement.description). */
    description: descriptionText.describe('one or two sentences on what the holder can do, in this language'),
    /**
     * The names of the achievement's resultDescriptions in this language, by their id:
     * `final-score: Note du projet final`. One left out keeps the achievement's own name.
     */
    resultDescriptions: z.record(z.string(), nameText).default({}).describe('a mapping of each result id to its name in this language, like final-score: Note du projet final'),
    /** The programme's name and this achievement's place in it, in this language; one left out keeps the achievement's own. */
    programme: z
      .object({
        name: nameText.optional().describe('the name of the larger programme in this language'),
        part: lineText.optional().describe('where this sits in the programme in this language, like "Bloc 2 sur 4"'),
      })
      .strict()
      .optional()
      .describe("the programme's name and part in this language"),
    /** The EU micro-credential elements written in words, in this language; one left out keeps the achievement's own. */
    microCredential: microCredentialTranslationSchema.optional().describe('the micro-credential assessment, qualityAssurance and prerequisites in this language'),
    /**
     * The words on the badge in this language: its label and ribbon. The badge's shape, colours
     * and emblem are the achievement's own, the same in every language.
     */
    badge: z
      .object({
        label: badgeLabelText.optional().describe('short text on the badge in this language, best under 40 characters'),
        ribbon: badgeRibbonText.optional().describe('the ribbon across the badge in this language, like "Niveau 2"; false for none'),
      })
      .strict()
      .optional()
      .describe('the words on the badge in this language: label and ribbon (its shape, colours and emblem are the achievement\'s own)'),
  })
  .strict();

export type TranslationData = z.output<typeof translationSchema>;
