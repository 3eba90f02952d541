/**
 * Builds the unsigned OB 3.0 documents from plain inputs: the issuer Profile (OB 3.0 §B.2.6), the
 * Achievement (§B.1.1) and the OpenBadgeCredential (§B.1.2), shaped as the OB 3.0 JSON Schema expects:
 * arrays wherever the model allows many, objects for images, nothing empty.
 */
import { CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT } from './document-loader.ts';
import { omitEmpty, type JsonObject } from './json.ts';

export const CREDENTIAL_CONTEXTS = [CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT] as const;
export const CREDENTIAL_TYPES = ['VerifiableCredential', 'OpenBadgeCredential'] as const;

export interface ProfileInput {
  /** The issuer's did:web. */
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly description?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly imageUrl?: string | undefined;
  readonly address?: Readonly<Record<string, string | undefined>> | undefined;
}

export function buildProfile(input: ProfileInput): JsonObject {
  return omitEmpty({
    id: input.id,
    type: ['Profile'],
    name: input.name,
    url: input.url,
    description: input.description,
    email: input.email,
    phone: input.phone,
    image: input.imageUrl ? { id: input.imageUrl, type: 'Image' } : undefined,
    address: input.address && Object.values(input.address).some(Boolean) ? { type: ['Address'], ...input.address } : undefined,
  }) as JsonObject;
}

export interface AlignmentInput {
  readonly targetName: string;
  readonly targetUrl: string;
  readonly targetFramework?: string | undefined;
  readonly targetCode?: string | undefined;
  readonly targetDescription?: string | undefined;
  readonly targetType?: string | undefined;
}

export interface ResultDescriptionInput {
  readonly id: string;
  readonly name: string;
  readonly resultType: string;
  readonly valueMin?: string | undefined;
  readonly valueMax?: string | undefined;
  readonly allowedValues?: readonly string[] | undefined;
  readonly requiredValue?: string | undefined;
}

export interface AchievementInput {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly criteriaUrl: string;
  readonly criteriaNarrative: string;
  readonly achievementType: string;
  readonly imageUrl: string;
  readonly imageCaption?: string | undefined;
  readonly tags: readonly string[];
  readonly alignments: readonly AlignmentInput[];
  readonly creditsAvailable?: number | undefined;
  readonly fieldOfStudy?: string | undefined;
  readonly humanCode?: string | undefined;
  readonly inLanguage?: string | undefined;
  readonly version?: string | undefined;
  readonly resultDescriptions: readonly ResultDescriptionInput[];
  readonly creator?: JsonObject | undefined;
  /** The same achievement in other languages (OB 3.0 Related: "alternate language editions or previous versions"; id, type, inLanguage). */
  readonly related?: readonly RelatedInput[] | undefined;
}

export interface RelatedInput {
  /** The other language's Achievement. */
  readonly id: string;
  readonly inLanguage: string;
}

export function buildAchievement(input: AchievementInput): JsonObject {
  return omitEmpty({
    id: input.id,
    type: ['Achievement'],
    achievementType: input.achievementType,
    name: input.name,
    description: input.description,
    criteria: { id: input.criteriaUrl, narrative: input.criteriaNarrative || undefined },
    image: { id: input.imageUrl, type: 'Image', caption: input.imageCaption },
    creator: input.creator,
    creditsAvailable: input.creditsAvailable,
    fieldOfStudy: input.fieldOfStudy,
    humanCode: input.humanCode,
    inLanguage: input.inLanguage,
    related: input.related?.map((related) => ({ id: related.id, type: ['Related'], inLanguage: related.inLanguage })),
    version: input.version,
    tag: [...input.tags],
    alignment: input.alignments.map((alignment) => ({ type: ['Alignment'], ...alignment })),
    resultDescription: input.resultDescriptions.map((description) => ({
      id: description.id,
      type: ['ResultDescription'],
      name: description.name,
      resultType: description.resultType,
      valueMin: description.valueMin,
      valueMax: description.valueMax,
      allowedValue: description.allowedValues ? [...description.allowedValues] : undefined,
      requiredValue: description.requiredValue,
    })),
  }) as JsonObject;
}

export interface IdentityObjectInput {
  readonly identityType: string;
  readonly hashed: boolean;
  /** `sha256$…` when hashed, the plain identifier otherwise. */
  readonly identityHash: string;
  readonly salt?: string | undefined;
}

export interface EvidenceInput {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly narrative?: string | undefined;
  readonly genre?: string | undefined;
}

export interface ResultInput {
  readonly resultDescription?: string | undefined;
  readonly value?: string | undefined;
  readonly achievedLevel?: string | undefined;
  readonly status?: string | undefined;
}

export interface StatusEntryInput {
  readonly statusListCredential: string;
  readonly statusListIndex: number;
  readonly statusPurpose: 'revocation' | 'suspension';
}

export interface CredentialInput {
  readonly id: string;
  readonly issuer: JsonObject;
  readonly achievement: JsonObject;
  readonly validFrom: string;
  readonly validUntil?: string | undefined;
  readonly awardedDate: string;
  readonly imageUrl?: string | undefined;
  readonly subject: {
    readonly id?: string | undefined;
    readonly name: string;
    readonly identifiers: readonly IdentityObjectInput[];
    readonly narrative?: string | undefined;
    readonly creditsEarned?: number | undefined;
    readonly activityStartDate?: string | undefined;
    readonly activityEndDate?: string | undefined;
    readonly results: readonly ResultInput[];
  };
  readonly evidence: readonly EvidenceInput[];
  readonly status?: StatusEntryInput | undefined;
}

/** A BitstringStatusListEntry (Bitstring Status List v1.0 §2.1); the index is a string there. */
export function buildStatusEntry(input: StatusEntryInput): JsonObject {
  return {
    id: `${input.statusListCredential}#${input.statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.statusPurpose,
    statusListIndex: String(input.statusListIndex),
    statusListCredential: input.statusListCredential,
  };
}

export function buildCredential(input: CredentialInput): JsonObject {
  const achievementName = typeof input.achievement['name'] === 'string' ? input.achievement['name'] : undefined;
  return omitEmpty({
    '@context': [...CREDENTIAL_CONTEXTS],
    id: input.id,
    type: [...CREDENTIAL_TYPES],
    name: achievementName,
    image: input.imageUrl ? { id: input.imageUrl, type: 'Image' } : undefined,
    issuer: input.issuer,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    awardedDate: input.awardedDate,
    credentialSubject: {
      id: input.subject.id,
      type: ['AchievementSubject'],
      name: input.subject.name,
      identifier: input.subject.identifiers.map((identifier) => ({
        type: 'IdentityObject',
        identityType: identifier.identityType,
        hashed: identifier.hashed,
        identityHash: identifier.identityHash,
        salt: identifier.salt,
      })),
      achievement: input.achievement,
      narrative: input.subject.narrative,
      creditsEarned: input.subject.creditsEarned,
      activityStartDate: input.subject.activityStartDate,
      activityEndDate: input.subject.activityEndDate,
      result: input.subject.results.map((result) => ({ type: ['Result'], ...result })),
    },
    evidence: input.evidence.map((evidence) => ({ type: ['Evidence'], ...evidence })),
    credentialStatus: input.status ? buildStatusEntry(input.status) : undefined,
  }) as JsonObject;
}
