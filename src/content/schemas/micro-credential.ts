/**
 * The `microCredential:` block of an achievement: the elements of an EU micro-credential that
 * OB 3.0 has no field of its own for (Council Recommendation of 16 June 2022 on a European approach
 * to micro-credentials for lifelong learning and employability, 2022/C 243/02, Annex I). Writing
 * the block, even empty, marks the achievement as one: `npm run check` then reports the mandatory
 * elements it misses (src/content/annex-i.ts). The notional workload is `creditsAvailable`, in ECTS
 * credits, and the grade the achievement's resultDescriptions: each number has one place.
 */
import { z } from 'zod';
import { descriptionText, webUrl } from './common.ts';

/** Annex I, part I: "Form of participation in the learning activity (online, onsite or blended, volunteering, work experience)". */
export const PARTICIPATION_FORMS = ['online', 'onsite', 'blended', 'volunteering', 'work-experience'] as const;

/**
 * Annex I, part II: "Supervision and identity verification during assessment (unsupervised with
 * no identity verification, supervised with no identity verification, supervised online or onsite
 * with identity verification)".
 */
export const SUPERVISION_LEVELS = ['unsupervised', 'supervised', 'supervised-with-identity-verification'] as const;

/**
 * Annex I, part II: "Integration/stackability options (stand-alone, independent micro-credential /
 * integrated, stackable towards another credential)". The credential it stacks towards is the
 * achievement's `programme`, where it names one.
 */
export const INTEGRATION_OPTIONS = ['stand-alone', 'stackable'] as const;

/** Annex I, part I: "Level (and cycle, if applicable) of the learning experience (EQF, QF-EHEA), if applicable": an EQF level, 1 to 8. */
export const EQF_NOT_APPLICABLE = 'not-applicable';

export const microCredentialSchema = z
  .object({
    /** The European Qualifications Framework level, 1 to 8, or not-applicable (Annex I asks for it "if applicable"). */
    eqfLevel: z
      .union([z.int().min(1).max(8), z.literal(EQF_NOT_APPLICABLE)])
      .optional()
      .describe(`an EQF level from 1 to 8, or ${EQF_NOT_APPLICABLE}`),
    /** How the learning outcomes are assessed, e.g. "Written exam and a graded project". */
    assessment: descriptionText.optional().describe('the type of assessment, like "Written exam and a graded project"'),
    participation: z.enum(PARTICIPATION_FORMS).optional().describe(`the form of participation: one of ${PARTICIPATION_FORMS.join(', ')}`),
    /** The quality assurance behind it, e.g. "Internal quality assurance of the institute, accredited by the national agency". */
    qualityAssurance: descriptionText.optional().describe('the type of quality assurance, like "Internal quality assurance, accredited by the national agency"'),
    /** The page of the accreditation or quality-assurance decision, where there is one (as the educredentials and DC4EU examples link it). */
    qualityAssuranceUrl: webUrl.optional().describe("the page of the quality-assurance or accreditation decision"),
    /** Optional in Annex I: what a learner needs before enrolling. */
    prerequisites: descriptionText.optional().describe('what a learner needs before enrolling'),
    supervision: z.enum(SUPERVISION_LEVELS).optional().describe(`supervision and identity verification during assessment: one of ${SUPERVISION_LEVELS.join(', ')}`),
    integration: z.enum(INTEGRATION_OPTIONS).optional().describe(`one of ${INTEGRATION_OPTIONS.join(', ')} (the programme names what it stacks towards)`),
  })
  .strict();

export type MicroCredential = z.output<typeof microCredentialSchema>;

/** The block's texts in another language (`<slug>.<language>.md`); its codes and level are the achievement's own. */
export const microCredentialTranslationSchema = microCredentialSchema
  .pick({ assessment: true, qualityAssurance: true, prerequisites: true })
  .strict();

/** The fields of the block a translation gives words for. */
export const MICRO_CREDENTIAL_TEXTS = ['assessment', 'qualityAssurance', 'prerequisites'] as const;
export type MicroCredentialText = (typeof MICRO_CREDENTIAL_TEXTS)[number];
