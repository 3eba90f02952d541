/**
 * Annex I of the Council Recommendation of 16 June 2022 on a European approach to micro-credentials
 * for lifelong learning and employability (2022/C 243/02): the elements describing a
 * micro-credential, which of them an achievement marked as one (its `microCredential:` block,
 * ./schemas/micro-credential.ts) states, and where Laurel takes each from. Part I's elements are
 * mandatory: each one missing is a warning, or an error where issuer.yaml says
 * `microCredentialElements: error`. Part II's are optional, and never reported. An achievement
 * without the block is no micro-credential here, whatever its achievementType (MicroCredential is
 * the default of every achievement), so a site that never asked is never told. Pure.
 */
import type { LaurelError } from '../core/error.ts';
import { contentError } from './content-error.ts';
import type { Issuer } from './schemas/issuer.ts';
import type { MicroCredential } from './schemas/micro-credential.ts';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** What the report reads of an achievement's record (./validate.ts AchievementRecord), written out here so that validate.ts can import this module. */
export interface AchievementFields {
  readonly slug: string;
  readonly file: string;
  readonly data: {
    readonly draft: boolean;
    readonly creditsAvailable?: number | undefined;
    readonly resultDescriptions: readonly unknown[];
    readonly microCredential?: MicroCredential | undefined;
  };
  /** Where its `microCredential:` block is. */
  readonly microCredentialAt?: Position | undefined;
}

export type AnnexIElementId =
  | 'learner' | 'title' | 'country' | 'awardingBody' | 'dateOfIssuing' | 'learningOutcomes' | 'workload' | 'level' | 'assessment' | 'participation' | 'qualityAssurance'
  | 'prerequisites' | 'supervision' | 'grade' | 'integration';

export interface AnnexIElement {
  readonly id: AnnexIElementId;
  /** Part I (mandatory) or part II (optional). */
  readonly mandatory: boolean;
  /** What Annex I calls it, shortened. */
  readonly name: string;
  /** Where Laurel takes it from: the file it is written in, and the field. */
  readonly in: 'achievement' | 'issuer' | 'award';
  readonly field: string;
  /** What to write when it is missing (mandatory elements a file may miss only). */
  readonly write?: string | undefined;
  stated(record: AchievementFields, issuer: Issuer): boolean;
}

const always = () => true;
const block = (record: AchievementFields) => record.data.microCredential ?? {};

/** Annex I's elements, in its order: part I, then part II ("Further information" aside, which is the achievement's own description and criteria). */
export const ANNEX_I_ELEMENTS: readonly AnnexIElement[] = [
  { id: 'learner', mandatory: true, name: 'identification of the learner', in: 'award', field: 'recipient', stated: always },
  { id: 'title', mandatory: true, name: 'title of the micro-credential', in: 'achievement', field: 'name', stated: always },
  {
    id: 'country', mandatory: true, name: 'country of the issuer', in: 'issuer', field: 'address.addressCountry',
    write: 'address: { addressCountry: FR } in content/issuer.yaml (the country name, or its ISO 3166 code)',
    stated: (_record, issuer) => !!issuer.address?.addressCountry,
  },
  { id: 'awardingBody', mandatory: true, name: 'awarding body', in: 'issuer', field: 'name', stated: always },
  { id: 'dateOfIssuing', mandatory: true, name: 'date of issuing', in: 'award', field: 'awardedOn', stated: always },
  // OB 3.0 Achievement.description says what the holder can do, and criteria how it is shown; alignments name the skills.
  { id: 'learningOutcomes', mandatory: true, name: 'learning outcomes', in: 'achievement', field: 'description', stated: always },
  {
    id: 'workload', mandatory: true, name: 'notional workload, in ECTS credits', in: 'achievement', field: 'creditsAvailable',
    write: 'creditsAvailable: the ECTS credits of the notional workload, like 2 (25 to 30 hours of learning each)',
    stated: (record) => record.data.creditsAvailable !== undefined,
  },
  {
    id: 'level', mandatory: true, name: 'level (EQF), if applicable', in: 'achievement', field: 'microCredential.eqfLevel',
    write: 'microCredential.eqfLevel: an EQF level from 1 to 8, or not-applicable',
    stated: (record) => block(record).eqfLevel !== undefined,
  },
  {
    id: 'assessment', mandatory: true, name: 'type of assessment', in: 'achievement', field: 'microCredential.assessment',
    write: 'microCredential.assessment: how the learning outcomes are assessed, like "Written exam and a graded project"',
    stated: (record) => block(record).assessment !== undefined,
  },
  {
    id: 'participation', mandatory: true, name: 'form of participation', in: 'achievement', field: 'microCredential.participation',
    write: 'microCredential.participation: online, onsite, blended, volunteering or work-experience',
    stated: (record) => block(record).participation !== undefined,
  },
  {
    id: 'qualityAssurance', mandatory: true, name: 'type of quality assurance', in: 'achievement', field: 'microCredential.qualityAssurance',
    write: 'microCredential.qualityAssurance: the quality assurance behind it, like "Internal quality assurance, accredited by the national agency"',
    stated: (record) => block(record).qualityAssurance !== undefined,
  },
  { id: 'prerequisites', mandatory: false, name: 'prerequisites', in: 'achievement', field: 'microCredential.prerequisites', stated: (record) => block(record).prerequisites !== undefined },
  { id: 'supervision', mandatory: false, name: 'supervision and identity verification', in: 'achievement', field: 'microCredential.supervision', stated: (record) => block(record).supervision !== undefined },
  { id: 'grade', mandatory: false, name: 'grade achieved', in: 'achievement', field: 'resultDescriptions', stated: (record) => record.data.resultDescriptions.length > 0 },
  { id: 'integration', mandatory: false, name: 'integration and stackability', in: 'achievement', field: 'microCredential.integration', stated: (record) => block(record).integration !== undefined },
];

export const ANNEX_I_MANDATORY_COUNT = ANNEX_I_ELEMENTS.filter((element) => element.mandatory).length;

/** Marked as an EU micro-credential: the achievement writes a `microCredential:` block, even an empty one. */
export function isMicroCredential(record: Pick<AchievementFields, 'data'>): boolean {
  return record.data.microCredential !== undefined;
}

export interface AnnexIReport {
  readonly slug: string;
  readonly file: string;
  /** Where its `microCredential:` block is: where the elements it misses would be written. */
  readonly at: Position;
  /** The mandatory elements it misses, in Annex I's order. */
  readonly missing: readonly AnnexIElement[];
}

/** For each published achievement marked as a micro-credential, the mandatory elements it misses. */
export function annexIReports(achievements: Iterable<AchievementFields>, issuer: Issuer): AnnexIReport[] {
  return [...achievements]
    .filter((record) => !record.data.draft && isMicroCredential(record))
    .map((record) => ({
      slug: record.slug, file: record.file, at: record.microCredentialAt ?? { line: 1, column: 1 },
      missing: ANNEX_I_ELEMENTS.filter((element) => element.mandatory && !element.stated(record, issuer)),
    }));
}

/**
 * One problem per mandatory element missing: at the achievement's block for what the achievement
 * writes, and once at `issuerAddress` in content/issuer.yaml, naming every achievement concerned,
 * for the issuer's country.
 */
export function missingAnnexIElements(reports: readonly AnnexIReport[], issuerAddress: Position): LaurelError[] {
  const problems: LaurelError[] = [];
  const withoutCountry: string[] = [];
  for (const report of reports) {
    for (const element of report.missing) {
      if (element.in === 'issuer') {
        withoutCountry.push(report.slug);
        continue;
      }
      problems.push(contentError({
        code: 'missing-micro-credential-element', file: report.file, ...report.at, field: element.field,
        message: `is missing: ${report.slug} is marked as an EU micro-credential (its microCredential block), and Annex I of Council Recommendation 2022/C 243/02 asks for its ${element.name}.`,
        expected: element.write,
      }));
    }
  }
  if (withoutCountry.length) {
    const country = ANNEX_I_ELEMENTS.find((element) => element.id === 'country')!;
    problems.push(contentError({
      code: 'missing-micro-credential-element', file: 'content/issuer.yaml', ...issuerAddress, field: country.field,
      message: `is missing: ${withoutCountry.join(', ')} ${withoutCountry.length === 1 ? 'is' : 'are'} marked as an EU micro-credential, and Annex I of Council Recommendation 2022/C 243/02 asks for the ${country.name}.`,
      expected: country.write,
    }));
  }
  return problems;
}

/** The lines `npm run check` prints: one per micro-credential, what it misses or that it misses nothing. */
export function annexIReportLines(reports: readonly AnnexIReport[]): string[] {
  if (!reports.length) return [];
  return [
    'EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I):',
    ...reports.map((report) => (report.missing.length
      ? `  ! ${report.slug}: ${report.missing.length} of the ${ANNEX_I_MANDATORY_COUNT} mandatory elements missing: ${report.missing.map((element) => `${element.name} (${element.in === 'issuer' ? `${element.field} in content/issuer.yaml` : element.field})`).join(', ')}.`
      : `  ✓ ${report.slug}: all ${ANNEX_I_MANDATORY_COUNT} mandatory elements stated.`)),
  ];
}
