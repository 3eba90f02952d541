/**
 * The frontmatter of `content/achievements/<slug>.md` (or `.mdx`): the OB 3.0 Achievement
 * (OB 3.0 §B.1.1). The Markdown body is the criteria narrative.
 */
import { z } from 'zod';
import { TEXT_LIMITS, atMost, descriptionText, isoDuration, languageCode, lineText, nameText, webUrl } from './common.ts';
import { microCredentialSchema } from './micro-credential.ts';

/** OB 3.0 AchievementType enumeration (§B.3.1), plus `ext:` extensions. */
export const ACHIEVEMENT_TYPES = [
  'Achievement', 'ApprenticeshipCertificate', 'Assessment', 'Assignment', 'AssociateDegree', 'Award',
  'Badge', 'BachelorDegree', 'Certificate', 'CertificateOfCompletion', 'Certification', 'CommunityService',
  'Competency', 'Course', 'CoCurricular', 'Degree', 'Diploma', 'DoctoralDegree', 'Fieldwork',
  'GeneralEducationDevelopment', 'JourneymanCertificate', 'LearningProgram', 'License', 'Membership',
  'ProfessionalDoctorate', 'QualityAssuranceCredential', 'MasterCertificate', 'MasterDegree',
  'MicroCredential', 'ResearchDoctorate', 'SecondarySchoolDiploma',
] as const;

export const achievementTypeSchema = z
  .union([z.enum(ACHIEVEMENT_TYPES), z.string().regex(/^ext:[A-Za-z0-9._-]+$/)])
  .describe(`one of ${ACHIEVEMENT_TYPES.join(', ')}, or ext:YourType`);

/** OB 3.0 AlignmentTargetType (§B.3.2). */
export const ALIGNMENT_TARGET_TYPES = ['ceasn:Competency', 'ceterms:Credential', 'CFItem', 'CFRubric', 'CFRubricCriterion', 'CFRubricCriterionLevel', 'CTDL'] as const;

/**
 * France's national register of professional certifications (RNCP, Code de l'éducation L.6113-1):
 * a certification's code is `RNCP` and its number, a skill block's the certification's code and
 * `BC` with the block's two digits (`RNCP38596BC02`); France Compétences publishes each
 * certification, its blocks included, at `https://www.francecompetences.fr/recherche/rncp/<number>/`.
 */
export const RNCP_CODE = /^RNCP(\d{3,6})(BC\d{2})?$/;
export const RNCP_PAGE = /^https:\/\/www\.francecompetences\.fr\/recherche\/rncp\/(\d{3,6})\/?$/;

/** An alignment to the RNCP names a certification or block by its code, and links its page on France Compétences. */
function checkRncpAlignment(alignment: { targetFramework?: string | undefined; targetCode?: string | undefined; targetUrl: string }, ctx: z.RefinementCtx): void {
  if (alignment.targetFramework?.trim().toUpperCase() !== 'RNCP') return;
  const code = alignment.targetCode === undefined ? undefined : RNCP_CODE.exec(alignment.targetCode.trim());
  if (!code) {
    ctx.addIssue({
      code: 'custom', path: ['targetCode'], input: alignment.targetCode,
      message: alignment.targetCode === undefined
        ? 'is missing: an RNCP alignment names the certification or skill block by its code.'
        : `"${alignment.targetCode}" is not an RNCP code: RNCP and the certification's number (RNCP38596), with BC and two digits for a skill block (RNCP38596BC02).`,
    });
    return;
  }
  const page = RNCP_PAGE.exec(alignment.targetUrl.trim());
  if (page?.[1] === code[1]) return;
  ctx.addIssue({
    code: 'custom', path: ['targetUrl'], input: alignment.targetUrl,
    message: page
      ? `is the page of RNCP${page[1]}, not of ${alignment.targetCode!.trim()}: use https://www.francecompetences.fr/recherche/rncp/${code[1]}/.`
      : `is not a France Compétences page: the page of ${alignment.targetCode!.trim()} is https://www.francecompetences.fr/recherche/rncp/${code[1]}/.`,
  });
}

export const alignmentSchema = z
  .object({
    /** The skill or competency's name, e.g. "Accessible web design". */
    targetName: nameText.describe('the skill or competency name'),
    /** A page that describes it, in the framework's own site. */
    targetUrl: webUrl.describe("the URL of the skill in the framework's site"),
    /** The framework, e.g. "ESCO", "SFIA 9", or "RNCP" (whose alignments are checked: checkRncpAlignment). */
    targetFramework: lineText.optional().describe('the framework name, like ESCO, SFIA 9 or RNCP'),
    /** The skill's code in that framework. */
    targetCode: lineText.optional().describe("the skill's code in the framework"),
    targetDescription: descriptionText.optional().describe('a short description of the skill'),
    targetType: z
      .union([z.enum(ALIGNMENT_TARGET_TYPES), z.string().regex(/^ext:[A-Za-z0-9._-]+$/)])
      .optional()
      .describe(`one of ${ALIGNMENT_TARGET_TYPES.join(', ')}, or ext:YourType`),
  })
  .strict()
  .superRefine(checkRncpAlignment);

/** OB 3.0 ResultType (§B.3.6). */
export const RESULT_TYPES = ['GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'RawScore', 'Result', 'RubricCriterion', 'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status'] as const;

export const resultDescriptionSchema = z
  .object({
    /** A short key awards use to refer to this result, e.g. "final-score". */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line)).describe('a short lower-case key like final-score'),
    name: nameText.describe('what is measured, like "Final project score"'),
    resultType: z.enum(RESULT_TYPES).describe(`one of ${RESULT_TYPES.join(', ')}`),
    valueMin: lineText.optional().describe('lowest possible value, as text'),
    valueMax: lineText.optional().describe('highest possible value, as text'),
    allowedValues: z.array(lineText).optional().describe('the values allowed, in order'),
    requiredValue: lineText.optional().describe('the value needed to earn the achievement'),
  })
  .strict();

export const programmeSchema = z
  .object({
    /** The larger programme this achievement is a part of. */
    name: nameText.describe('the name of the larger programme'),
    url: webUrl.optional().describe("the programme's page"),
    /** Where this achievement sits in it, e.g. "Block 2 of 4". */
    part: lineText.optional().describe('where this sits in the programme, like "Block 2 of 4"'),
  })
  .strict();

/**
 * What a stacked achievement is made of: all of its blocks, or `count` of them, earned within
 * `within` of each other if that is set. A learner who holds them receives it (src/content/stacks.ts).
 */
export const requiresSchema = z
  .object({
    /** The file names (without .md) of the blocks: other achievements in content/achievements/. */
    achievements: z.array(z.string().max(TEXT_LIMITS.line, atMost(TEXT_LIMITS.line))).min(1).describe('a list of achievement file names, without .md'),
    /** How many of them: all when left out. */
    count: z.number().int().positive().optional().describe('a whole number of blocks, at most the number listed'),
    /** The longest time between the first and the last block counted. */
    within: isoDuration.optional(),
  })
  .strict();

export function achievementSchema<Badge extends z.ZodType>(badgeDesign: Badge) {
  return z
    .object({
      /** The achievement's name, e.g. "Accessible Front-End Development". */
      name: nameText.describe('the achievement name'),
      /** One or two sentences on what the holder can do. */
      description: descriptionText.describe('one or two sentences on what the holder can do'),
      achievementType: achievementTypeSchema.default('MicroCredential'),
      /** Keywords, shown on the pages and used as search filters. */
      tags: z.array(nameText).default([]).describe('a list of keywords'),
      /** The skills this achievement certifies, in public skill frameworks. */
      alignments: z.array(alignmentSchema).default([]).describe('a list of skills with targetName and targetUrl'),
      /** Credit points (e.g. ECTS) the achievement is worth; an EU micro-credential's notional workload, in ECTS credits. */
      creditsAvailable: z.number().positive().optional().describe('a positive number of credits'),
      fieldOfStudy: lineText.optional().describe('the field of study'),
      /** The code people use for it, e.g. "WEB-201". */
      humanCode: lineText.optional().describe('a short code like WEB-201'),
      inLanguage: languageCode.optional(),
      version: lineText.optional().describe('a version label'),
      /** How long an award stays valid; absent means it never expires. */
      validFor: isoDuration.optional(),
      programme: programmeSchema.optional(),
      /** The blocks this achievement stacks: a learner who holds them is awarded it by `npm run stack`. */
      requires: requiresSchema.optional(),
      resultDescriptions: z.array(resultDescriptionSchema).default([]).describe('the results an award may report'),
      /** The elements of an EU micro-credential (./micro-credential.ts); writing the block marks the achievement as one. */
      microCredential: microCredentialSchema.optional().describe('the EU micro-credential elements: eqfLevel, assessment, participation, qualityAssurance, prerequisites, supervision, integration'),
      /** The badge image design. */
      badge: badgeDesign.optional(),
      /** A draft is validated but not published. */
      draft: z.boolean().default(false).describe('true or false'),
    })
    .strict();
}
