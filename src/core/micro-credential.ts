/**
 * An EU micro-credential's elements (Council Recommendation 2022/C 243/02, Annex I) as OB 3.0
 * alignments of its Achievement (OB 3.0 §B.1.4 Alignment), with the `ext:` target types the
 * AlignmentTargetType enumeration allows for what it does not list (§B.3.2: "an extensible
 * enumeration"). Every field is an OB 3.0 term of the pinned context, so the credential keeps its
 * two contexts and safe-mode canonicalization drops nothing. The notional workload is the
 * Achievement's own `creditsAvailable` and the grade its results: neither is repeated here. Pure.
 */
import type { AlignmentInput } from './credential.ts';
import type { Messages } from './locale/messages.ts';

/** The Council Recommendation on EUR-Lex (CELEX 32022H0627(02)): the framework the elements other than the EQF level belong to. */
export const ANNEX_I_URL = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022H0627(02)';
export const ANNEX_I_FRAMEWORK = 'Council Recommendation 2022/C 243/02, Annex I';
export const EQF_FRAMEWORK = 'European Qualifications Framework';

/** The EU's own identifiers of the EQF levels (the European Learning Model's EQF vocabulary, http://data.europa.eu/snb/eqf/25831c2). */
export function eqfLevelUrl(level: number): string {
  return `http://data.europa.eu/snb/eqf/${level}`;
}

/** The `ext:` target type of each element (OB 3.0 §B.3.2); ext:EQFLevel as the Edubadges OB 3.0 model names it. */
export const MICRO_CREDENTIAL_TARGET_TYPES = {
  eqfLevel: 'ext:EQFLevel',
  assessment: 'ext:AssessmentType',
  participation: 'ext:FormOfParticipation',
  qualityAssurance: 'ext:QualityAssurance',
  prerequisites: 'ext:Prerequisites',
  supervision: 'ext:SupervisionAndIdentityVerification',
  integration: 'ext:Stackability',
} as const;

export interface MicroCredentialInput {
  readonly eqfLevel?: number | 'not-applicable' | undefined;
  /** The texts in the Achievement's language. */
  readonly assessment?: string | undefined;
  readonly qualityAssurance?: string | undefined;
  /** The quality-assurance decision's page: that alignment's targetUrl, in place of the Recommendation's. */
  readonly qualityAssuranceUrl?: string | undefined;
  readonly prerequisites?: string | undefined;
  readonly participation?: keyof Messages['microCredential']['participationForms'] | undefined;
  readonly supervision?: keyof Messages['microCredential']['supervisionLevels'] | undefined;
  readonly integration?: keyof Messages['microCredential']['integrationOptions'] | undefined;
  /** The programme a stackable micro-credential stacks towards, in the Achievement's language. */
  readonly programme?: string | undefined;
}

/**
 * One alignment per element stated, in Annex I's order, named in `words`' language (the
 * Achievement's edition's): its targetName the element, its targetDescription the value, its
 * targetCode the value's code where the element has a fixed list.
 */
export function microCredentialAlignments(input: MicroCredentialInput, words: Messages['microCredential']): AlignmentInput[] {
  const types = MICRO_CREDENTIAL_TARGET_TYPES;
  const element = (targetType: string, targetName: string, targetDescription: string, targetCode?: string, targetUrl = ANNEX_I_URL): AlignmentInput => ({
    targetName, targetDescription, targetUrl, targetFramework: ANNEX_I_FRAMEWORK, targetCode, targetType,
  });
  const alignments: AlignmentInput[] = [];
  if (typeof input.eqfLevel === 'number') {
    alignments.push({ targetName: words.eqfLevelValue(input.eqfLevel), targetUrl: eqfLevelUrl(input.eqfLevel), targetFramework: EQF_FRAMEWORK, targetCode: String(input.eqfLevel), targetType: types.eqfLevel });
  }
  if (input.assessment) alignments.push(element(types.assessment, words.assessment, input.assessment));
  if (input.participation) alignments.push(element(types.participation, words.participation, words.participationForms[input.participation], input.participation));
  if (input.qualityAssurance) alignments.push(element(types.qualityAssurance, words.qualityAssurance, input.qualityAssurance, undefined, input.qualityAssuranceUrl));
  if (input.prerequisites) alignments.push(element(types.prerequisites, words.prerequisites, input.prerequisites));
  if (input.supervision) alignments.push(element(types.supervision, words.supervision, words.supervisionLevels[input.supervision], input.supervision));
  if (input.integration) {
    const value = input.integration === 'stackable' && input.programme ? words.stackableTowards(input.programme) : words.integrationOptions[input.integration];
    alignments.push(element(types.integration, words.integration, value, input.integration));
  }
  return alignments;
}
