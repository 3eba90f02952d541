/**
 * The frontmatter of `content/achievements/<slug>.<language>.md`: an achievement's words in one
 * more of the site's languages. Only what a reader reads is here; everything else (type, credits,
 * skills, badge, validity) is the achievement's own file's, once for every language. The
 * Markdown body is the criteria.
 */
import { z } from 'zod';
import { descriptionText, nameText } from './common.ts';

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
  })
  .strict();

export type TranslationData = z.output<typeof translationSchema>;
