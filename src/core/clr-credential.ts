/**
 * Builds the unsigned CLR 2.0 transcript of one learner: a ClrCredential (CLR 2.0 §"ClrCredential") whose
 * ClrSubject (§"ClrSubject") carries the learner's signed OpenBadgeCredentials as they are, the
 * achievements they certify, and the Associations (§"Association") between those achievements (a course
 * `isPartOf` a programme, one level `precedes` the next). Each credential keeps its own proof; the
 * ClrCredential is signed over the whole (./proof.ts signDocument), like any credential.
 */
import { CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT } from './document-loader.ts';
import { omitEmpty, type JsonObject, type JsonValue } from './json.ts';

/** CLR 2.0 §"Serialization": the CLR context, pinned (./contexts/SOURCES.md). */
export const CLR_V2P0_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/**
 * The VC context, then the CLR one (CLR 2.0 §"ClrCredential", `@context`), then OB 3.0: the CLR context
 * defines only ClrCredential, ClrSubject and Association, so the issuer Profile and the
 * Achievements listed in the ClrSubject need the OB terms, as in 1EdTech's own CLR 2.0 examples.
 */
export const CLR_CREDENTIAL_CONTEXTS = [CREDENTIALS_V2_CONTEXT, CLR_V2P0_CONTEXT, OB_V3P0_CONTEXT] as const;
export const CLR_CREDENTIAL_TYPES = ['VerifiableCredential', 'ClrCredential'] as const;

/** CLR 2.0 §"AssociationType": how the source achievement stands to the target one. */
export const ASSOCIATION_TYPES = ['exactMatchOf', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy'] as const;
export type AssociationType = (typeof ASSOCIATION_TYPES)[number];

export interface AssociationInput {
  readonly associationType: AssociationType;
  /** The id of an achievement of the record. */
  readonly sourceId: string;
  /** The id of another achievement of the record. */
  readonly targetId: string;
}

export interface ClrCredentialInput {
  /** The URL the transcript is published at. */
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
  /** The issuer Profile, as in the credentials (./credential.ts buildProfile). */
  readonly issuer: JsonObject;
  /** UTC `Z` date, taken from the records (the latest award), never from a clock. */
  readonly validFrom: string;
  /** The learner's IdentityObjects, as their credentials carry them (see latestIdentifiers). */
  readonly identifier: readonly JsonObject[];
  /** The learner's signed OpenBadgeCredentials, each with its proof. */
  readonly credentials: readonly JsonObject[];
  readonly associations?: readonly AssociationInput[] | undefined;
  /** CLR 2.0 §"ClrCredential" `partial`: true when the transcript is not the learner's whole record. */
  readonly partial?: boolean | undefined;
}

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function subjectOf(credential: JsonObject): JsonObject | undefined {
  const subject = credential['credentialSubject'];
  return isObject(subject) ? subject : undefined;
}

/** The Achievement a credential certifies (OB 3.0 AchievementSubject.achievement). */
export function achievementOf(credential: JsonObject): JsonObject | undefined {
  const achievement = subjectOf(credential)?.['achievement'];
  return isObject(achievement) ? achievement : undefined;
}

/** The credential's awarded date, else its validFrom (OB 3.0 §"AchievementCredential" `awardedDate`). */
function awardedOn(credential: JsonObject): string {
  const date = credential['awardedDate'] ?? credential['validFrom'];
  return typeof date === 'string' ? date : '';
}

/** The credentials' most recent award: the one whose date a transcript of them takes. */
function mostRecent(credentials: readonly JsonObject[]): JsonObject | undefined {
  let latest: JsonObject | undefined;
  for (const credential of credentials) if (!latest || Date.parse(awardedOn(credential)) > Date.parse(awardedOn(latest))) latest = credential;
  return latest;
}

/**
 * The hashed IdentityObjects of the learner's most recent award: each award has its own salt, so
 * the transcript names the learner as their latest credential does, and no email is hashed anew.
 */
export function latestIdentifiers(credentials: readonly JsonObject[]): JsonObject[] {
  const identifier = subjectOf(mostRecent(credentials) ?? {})?.['identifier'];
  return Array.isArray(identifier) ? identifier.filter(isObject) : [];
}

/** The validFrom of a transcript of these credentials: the date of the most recent award. */
export function latestAwardDate(credentials: readonly JsonObject[]): string | undefined {
  const latest = mostRecent(credentials);
  return latest ? awardedOn(latest) || undefined : undefined;
}

/** Each achievement once, in the order of the credentials (a learner may hold one twice, re-issued). */
function achievementsOf(credentials: readonly JsonObject[]): JsonObject[] {
  const seen = new Map<string, JsonObject>();
  for (const credential of credentials) {
    const achievement = achievementOf(credential);
    const id = achievement?.['id'];
    if (achievement && typeof id === 'string' && !seen.has(id)) seen.set(id, achievement);
  }
  return [...seen.values()];
}

/**
 * The unsigned ClrCredential. Throws when there is no credential (CLR 2.0 §"ClrSubject":
 * `verifiableCredential` is 1..*) or an association names an achievement the record does not
 * hold: a transcript whose links point nowhere is a mistake in the records, not a choice.
 */
export function buildClrCredential(input: ClrCredentialInput): JsonObject {
  if (input.credentials.length === 0) throw new TypeError('buildClrCredential: a transcript holds at least one credential');
  const achievements = achievementsOf(input.credentials);
  const ids = new Set(achievements.map((achievement) => achievement['id']));
  for (const association of input.associations ?? []) {
    for (const end of [association.sourceId, association.targetId]) {
      if (!ids.has(end)) throw new TypeError(`buildClrCredential: the association ${association.associationType} names ${end}, which is no achievement of this record`);
    }
  }
  return omitEmpty({
    '@context': [...CLR_CREDENTIAL_CONTEXTS],
    id: input.id,
    type: [...CLR_CREDENTIAL_TYPES],
    name: input.name,
    description: input.description,
    issuer: input.issuer,
    validFrom: input.validFrom,
    partial: input.partial,
    credentialSubject: {
      type: ['ClrSubject'],
      identifier: [...input.identifier],
      verifiableCredential: [...input.credentials],
      achievement: achievements,
      // CLR 2.0 §"Association": `type` is the single IRI "Association".
      association: (input.associations ?? []).map((association) => ({
        type: 'Association',
        associationType: association.associationType,
        sourceId: association.sourceId,
        targetId: association.targetId,
      })),
    },
  }) as JsonObject;
}
