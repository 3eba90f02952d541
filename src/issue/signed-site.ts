/**
 * Builds every signed document of the site from validated content and the signing identity:
 * credentials, achievements, the issuer profile, the DID document and the status lists. No file
 * I/O and no clock: the caller writes the result and passes the proof cache.
 */
import { toDateTimeStamp } from '../core/dates.ts';
import { buildAchievement, buildCredential, buildProfile, type EvidenceInput, type IdentityObjectInput, type RelatedInput } from '../core/credential.ts';
import { languageFolder } from '../core/locale/language.ts';
import { messagesFor } from '../core/locale/messages.ts';
import { achievementText, badgeLanguage } from '../content/achievement-text.ts';
import { microCredentialAlignments } from '../core/micro-credential.ts';
import { didWebForSiteUrl, buildDidDocument, TRANSPARENCY_LOG_SERVICE_FRAGMENT } from '../core/did.ts';
import { CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT, createDocumentLoader, type DocumentLoader } from '../core/document-loader.ts';
import type { JsonObject } from '../core/json.ts';
import { LaurelError } from '../core/error.ts';
import type { DataIntegrityProof, ProofFailure, SigningKey } from '../core/proof.ts';
import { signSequentially, type SignMany, type SigningJob } from './signing.ts';
import { unsignedTranscript } from './transcripts.ts';
import { portfoliosOf } from '../content/portfolios.ts';
import { buildStatusListCredential, createBitstring, encodeStatusList, setBit, MIN_STATUS_LIST_ENTRIES } from '../core/status-list.ts';
import type { AchievementRecord, AwardRecord, ErasedRecord, SiteContent } from '../content/validate.ts';
import { publishedReason } from '../content/privacy.ts';
import type { KeyFile, SigningIdentity } from './keys.ts';
import { credentialText } from './json-text.ts';
import { proofCacheKey, type ProofCache } from './proof-cache.ts';
import { pageUrls, siteUrls, type SiteUrls, type StatusPurpose } from './urls.ts';
import { credentialsOverVerifierLimits, throwOverVerifierLimits, type CredentialText } from './verifier-limits.ts';

export interface SignedAward {
  readonly record: AwardRecord;
  readonly credential: JsonObject;
  /** The exact bytes hosted at the credential URL and baked into its images. */
  readonly json: string;
}

export interface SignedSite {
  readonly content: SiteContent;
  readonly urls: SiteUrls;
  readonly did: string;
  readonly development: boolean;
  readonly issuerProfile: JsonObject;
  readonly didDocument: JsonObject;
  /** The did:webvh DID log (did.jsonl) a build publishes beside the DID document (./did-history.ts). */
  readonly didLog?: string | undefined;
  readonly achievements: ReadonlyMap<string, JsonObject>;
  /**
   * The other language editions of achievements with translations, by the name of their file
   * (`<slug>.fr`, hosted at `achievements/<slug>.fr.json`, urls.achievementJsonIn).
   */
  readonly achievementEditions: ReadonlyMap<string, JsonObject>;
  readonly awards: readonly SignedAward[];
  readonly erased: readonly ErasedRecord[];
  readonly statusLists: ReadonlyMap<StatusPurpose, JsonObject>;
  /** For OB 3.0 displayers that read 1EdTechRevocationList (OB 3.0 §"Revocation"). */
  readonly revocationList: JsonObject;
  /** The signed CLR 2.0 transcript of each portfolio, by its id (./transcripts.ts). */
  readonly transcripts: ReadonlyMap<string, SignedTranscript>;
}

export interface SignedTranscript {
  /** The awards it holds. */
  readonly awards: readonly string[];
  /** The exact bytes hosted at its URL. */
  readonly json: string;
}

/** A document the build could not sign: a field its contexts do not define, most likely. */
function signingError(where: { file: string; line?: number | undefined }, what: string, failure: ProofFailure): LaurelError {
  const reason = failure.kind === 'canonicalization' ? failure.failure.message : failure.message;
  return new LaurelError('signing-failed', `could not sign ${what}: ${reason}`, { ...where, cause: failure });
}

export interface BuildSiteOptions {
  readonly identity: SigningIdentity;
  readonly keys: readonly KeyFile[];
  readonly cache: ProofCache;
  readonly documentLoader?: DocumentLoader;
  /** How cache misses are signed; in this thread unless the caller brings a pool. */
  readonly signMany?: SignMany;
}

/**
 * A proof as large as any this build makes (vc-di-eddsa §3.2: an Ed25519 signature is 64 bytes,
 * at most 88 base58btc characters), to measure a document before it is signed.
 */
function standInProof(verificationMethod: string, created: string): DataIntegrityProof {
  return { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created, verificationMethod, proofPurpose: 'assertionMethod', proofValue: `z${'z'.repeat(88)}` };
}

/** Latest of two dateTimeStamps in UTC `Z` form (which compare correctly as strings). */
function later(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * The fields of content/issuer.yaml that every credential is made from (its issuer, and through
 * `url` its ids, see buildSignedSite): changing one signs every credential again. The others
 * (the description, the LinkedIn page, the language, the share cards) change no credential.
 */
export const CREDENTIAL_ISSUER_FIELDS: ReadonlySet<string> = new Set<keyof SiteContent['issuer']>(['name', 'url', 'homepage', 'email', 'phone', 'logo', 'address']);

export function issuerDid(content: SiteContent): string {
  const did = didWebForSiteUrl(content.issuer.url);
  if (!did.ok) throw new RangeError(`content/issuer.yaml: url: ${did.reason}`);
  return did.value;
}

/**
 * The elements of an EU micro-credential (its `microCredential:` block) as alignments, in the
 * edition's language (src/core/micro-credential.ts); none for an achievement without the block,
 * whose credentials keep their bytes.
 */
function microCredentialAlignmentsOf(record: AchievementRecord, language: string) {
  const block = record.data.microCredential;
  if (!block) return [];
  const words = achievementText(record, language);
  return microCredentialAlignments({
    ...block,
    assessment: words.microCredentialText('assessment')?.text,
    qualityAssurance: words.microCredentialText('qualityAssurance')?.text,
    prerequisites: words.microCredentialText('prerequisites')?.text,
    programme: words.programme?.name.text,
  }, messagesFor(language).microCredential);
}

function achievementDocument(record: AchievementRecord, urls: SiteUrls, issuerProfile: JsonObject, version?: AchievementVersion): JsonObject {
  const { data } = record;
  const achievementUrl = version?.id ?? urls.achievementJson(record.slug);
  const text = version && achievementText(record, version.language);
  const name = text?.name.text ?? data.name;
  return buildAchievement({
    id: achievementUrl,
    name,
    description: text?.description.text ?? data.description,
    criteriaUrl: `${version?.page ?? urls.achievementPage(record.slug)}#criteria`,
    criteriaNarrative: text?.criteria.text ?? record.criteria,
    achievementType: data.achievementType,
    imageUrl: urls.achievementImage(record.slug, 'png', version && badgeLanguage(record, version.language)),
    // An achievement in one language keeps the words it always had; each language edition its own.
    imageCaption: version ? messagesFor(version.language).badgeAlt(name) : `${data.name} badge`,
    tags: data.tags,
    alignments: [...data.alignments, ...microCredentialAlignmentsOf(record, version?.language ?? record.language)],
    creditsAvailable: data.creditsAvailable,
    fieldOfStudy: data.fieldOfStudy,
    humanCode: data.humanCode,
    inLanguage: version?.language ?? data.inLanguage,
    related: version?.related,
    version: data.version,
    resultDescriptions: data.resultDescriptions.map((description) => ({ ...description, name: text?.resultName(description.id).text ?? description.name, id: `${achievementUrl}#result-${description.id}` })),
    creator: { id: issuerProfile['id'] as string, type: ['Profile'], name: issuerProfile['name'] as string },
  });
}

/** One language edition of an achievement with translations: where it is, and the others it names. */
interface AchievementVersion {
  readonly language: string;
  readonly id: string;
  /** Its achievement page in that language (the criteria's address), or the default's for a language the site has no pages in. */
  readonly page: string;
  readonly related: readonly RelatedInput[];
}

/**
 * An achievement's editions, its own language first, then its translations' in the site's order.
 * OB 3.0 requires Achievement.name and description to be plain strings, so each language is an
 * Achievement of its own, with its `inLanguage`, that names the others by `related` (OB 3.0
 * §Related: "alternate language editions"). An achievement with no translations has one edition,
 * made as it always was (no inLanguage it did not write, no related): its credentials keep their
 * bytes.
 */
export function achievementVersions(record: AchievementRecord, urls: SiteUrls, siteLanguages: readonly string[]): readonly AchievementVersion[] | undefined {
  if (!record.translations.length) return undefined;
  const languages = [record.language, ...record.translations.map((translation) => translation.language)];
  const id = (language: string) => (language === record.language ? urls.achievementJson(record.slug) : urls.achievementJsonIn(record.slug, language));
  const pageOf = (language: string) => {
    const index = siteLanguages.findIndex((tag) => languageFolder(tag) === languageFolder(language));
    return pageUrls(urls.site, index > 0 ? `${languageFolder(siteLanguages[index]!)}/` : '').achievementPage(record.slug);
  };
  return languages.map((language) => ({
    language,
    id: id(language),
    page: pageOf(language),
    related: languages.filter((other) => other !== language).map((other) => ({ id: id(other), inLanguage: other })),
  }));
}

/**
 * The edition an award carries: the site's default language's, where the achievement has one,
 * else its own. A credential is signed once, in one language; the site's default is the one its
 * certificate page (the credential's own link) is in, and the others are a `related` away.
 */
export function signedVersion(versions: readonly AchievementVersion[], siteLanguage: string): AchievementVersion {
  return versions.find((version) => languageFolder(version.language) === languageFolder(siteLanguage)) ?? versions[0]!;
}

function identifiersOf(award: AwardRecord): IdentityObjectInput[] {
  const identity = award.recipient.identity;
  return 'hash' in identity
    ? [{ identityType: identity.type, hashed: true, identityHash: identity.hash, salt: identity.salt }]
    : [{ identityType: identity.type, hashed: false, identityHash: identity.value }];
}

/**
 * A stacked award's blocks, as evidence (OB 3.0 §B.1.13 Evidence: "a URL to a webpage or file
 * presenting the evidence"): each block's credential, by its id, named by its achievement.
 */
function blockEvidence(award: AwardRecord, achievementOf: ReadonlyMap<string, string>, achievements: ReadonlyMap<string, JsonObject>, urls: SiteUrls): EvidenceInput[] {
  return award.blocks.map((id) => {
    const name = achievements.get(achievementOf.get(id) ?? '')?.['name'];
    return { id: urls.credentialJson(id), name: typeof name === 'string' ? name : undefined };
  });
}

function unsignedCredential(award: AwardRecord, achievementJson: JsonObject, issuerProfile: JsonObject, urls: SiteUrls, blocks: readonly EvidenceInput[]): JsonObject {
  const achievementUrl = achievementJson['id'] as string;
  return buildCredential({
    id: urls.credentialJson(award.id),
    issuer: issuerProfile,
    achievement: achievementJson,
    validFrom: award.awardedOn,
    validUntil: award.validUntil,
    awardedDate: award.awardedOn,
    // For display (OB 3.0 AchievementCredential.image, 0..1): the badge of the Achievement it
    // carries, a file every site publishes. The badge with this credential baked in is made in
    // the learner's browser.
    imageUrl: (achievementJson['image'] as { id: string }).id,
    subject: {
      id: award.recipient.id,
      name: award.recipient.name,
      identifiers: identifiersOf(award),
      narrative: award.narrative,
      creditsEarned: award.creditsEarned,
      activityStartDate: award.activityStartDate,
      activityEndDate: award.activityEndDate,
      results: award.results.map((result) => ({
        ...result,
        resultDescription: result.resultDescription === undefined ? undefined : `${achievementUrl}#result-${result.resultDescription}`,
      })),
    },
    evidence: [...blocks, ...award.evidence.map(({ url, ...rest }) => ({ id: url, ...rest }))],
    status: { statusListCredential: urls.statusList('revocation'), statusListIndex: award.statusIndex, statusPurpose: 'revocation' },
  });
}

/** The day an erased award stopped verifying: its revocation, or else its erasure. */
export function withdrawnOn(award: ErasedRecord): string {
  return award.revokedOn !== undefined && award.revokedOn < award.erasedOn ? award.revokedOn : award.erasedOn;
}

/** Enough entries for every index in use, and never fewer than the spec minimum (BSL §4.1). */
function statusListLength(indices: readonly number[]): number {
  const highest = Math.max(-1, ...indices);
  return Math.ceil((highest + 1) / MIN_STATUS_LIST_ENTRIES) * MIN_STATUS_LIST_ENTRIES || MIN_STATUS_LIST_ENTRIES;
}

interface Signable {
  readonly unsecured: JsonObject;
  /** The award a credential is made from. */
  readonly record?: AwardRecord;
  readonly created: string;
  /** Where the document comes from, and what it is, for an error message. */
  readonly where: { file: string; line?: number | undefined };
  readonly what: string;
}

/**
 * One status list (Bitstring Status List §2.2) with the bits of every award, erased ones included.
 * Erasing an award withdraws the credential: its revocation bit is set from the day it was erased
 * (or revoked, if that came first), so a copy saved before the erasure fails as revoked, as the
 * page left at its address says. The list is dated by the latest change it carries, so an
 * unchanged list keeps its bytes.
 */
function statusListDocument(content: SiteContent, purpose: StatusPurpose, urls: SiteUrls, did: string, since: string): Signable {
  const bits = createBitstring(statusListLength([...content.awards, ...content.erased].map((award) => award.statusIndex)));
  let changed = since;
  const changes = [
    ...content.awards.map((award) => ({ index: award.statusIndex, on: (purpose === 'revocation' ? award.revoked : award.suspended)?.on })),
    ...content.erased.map((award) => ({ index: award.statusIndex, on: purpose === 'revocation' ? withdrawnOn(award) : award.suspendedOn })),
  ];
  for (const { index, on } of changes) {
    if (on === undefined) continue;
    setBit(bits, index, true);
    changed = later(changed, toDateTimeStamp(on));
  }
  const unsecured = buildStatusListCredential({ id: urls.statusList(purpose), issuer: did, validFrom: changed, statusPurpose: purpose, encodedList: encodeStatusList(bits) }) as JsonObject;
  return { unsecured, created: changed, where: { file: 'content/awards' }, what: `the ${purpose} list` };
}

/**
 * Signs every document, taking proofs from the cache where it has them and signing only the rest,
 * all at once, so the caller's `signMany` can spread them over several cores.
 */
async function signAll(documents: readonly Signable[], key: SigningKey, options: BuildSiteOptions, beforeSigning: (pending: readonly CredentialText[]) => void): Promise<JsonObject[]> {
  const proofs: Array<DataIntegrityProof | undefined> = [];
  const jobs: SigningJob[] = [];
  const jobOf: number[] = [];
  documents.forEach((document, index) => {
    const created = later(document.created, options.identity.created);
    const cacheKey = proofCacheKey(document.unsecured, key.verificationMethod, created);
    const cached = options.cache.get(cacheKey);
    proofs.push(cached);
    if (cached) return;
    jobs.push({ unsecured: document.unsecured, created, cacheKey });
    jobOf.push(index);
  });
  beforeSigning(jobs.flatMap((job, index) => {
    const { record } = documents[jobOf[index]!]!;
    if (!record) return [];
    const credential = { ...job.unsecured, proof: [standInProof(key.verificationMethod, job.created)] } as JsonObject;
    return [{ record, credential, json: credentialText(credential) }];
  }));
  const signMany = options.signMany ?? signSequentially(options.documentLoader ?? createDocumentLoader());
  const outcomes = await signMany(jobs, key);
  outcomes.forEach((outcome, job) => {
    const index = jobOf[job]!;
    const document = documents[index]!;
    if (!outcome.ok) throw signingError(document.where, document.what, outcome.failure);
    options.cache.set(jobs[job]!.cacheKey, outcome.proof);
    proofs[index] = outcome.proof;
  });
  return documents.map((document, index) => ({ ...document.unsecured, proof: [proofs[index]!] }) as JsonObject);
}

export async function buildSignedSite(content: SiteContent, options: BuildSiteOptions): Promise<SignedSite> {
  const urls = siteUrls(content.issuer.url);
  const did = issuerDid(content);
  const key: SigningKey = { secretKey: options.identity.secretKey, verificationMethod: `${did}#${options.identity.publicKeyMultibase}` };
  const issuer = content.issuer;
  const profile = {
    id: did,
    name: issuer.name,
    url: issuer.homepage ?? issuer.url,
    email: issuer.email,
    phone: issuer.phone,
    imageUrl: issuer.logo ? new URL(issuer.logo.slice(1), issuer.url).href : undefined,
    address: issuer.address,
  };
  // The issuer as every credential carries it: who it is and how to reach it, the country of its
  // address included (an element EU micro-credentials require: Council Recommendation 2022/C
  // 243/02, Annex I). Not its description (OB 3.0 Profile.description is 0..1), its longest text,
  // which every credential would repeat: it stays in /issuer.json and on the site's home page.
  const credentialIssuer = buildProfile(profile);
  const hostedProfile = buildProfile({ ...profile, description: issuer.description });

  const achievements = new Map<string, JsonObject>();
  const editions = new Map<string, JsonObject>();
  // What each award carries: the achievement's own document, or its edition in the default language.
  const signedAchievements = new Map<string, JsonObject>();
  for (const record of content.achievements.values()) {
    if (record.data.draft) continue;
    const versions = achievementVersions(record, urls, issuer.languages);
    if (!versions) {
      const document = achievementDocument(record, urls, credentialIssuer);
      achievements.set(record.slug, document);
      signedAchievements.set(record.slug, document);
      continue;
    }
    const signedLanguage = signedVersion(versions, issuer.language).language;
    for (const version of versions) {
      const document = achievementDocument(record, urls, credentialIssuer, version);
      if (version.language === record.language) achievements.set(record.slug, document);
      else editions.set(`${record.slug}.${languageFolder(version.language)}`, document);
      if (version.language === signedLanguage) signedAchievements.set(record.slug, document);
    }
  }

  const achievementOf = new Map([...content.awards, ...content.erased].map((award) => [award.id, award.achievement]));
  const documents: Signable[] = content.awards.map((record) => ({
    record,
    unsecured: unsignedCredential(record, signedAchievements.get(record.achievement)!, credentialIssuer, urls, blockEvidence(record, achievementOf, signedAchievements, urls)),
    created: record.awardedOn,
    where: record.origin,
    what: `award ${record.id}`,
  }));

  const purposes = ['revocation', 'suspension'] as const;
  for (const purpose of purposes) documents.push(statusListDocument(content, purpose, urls, did, options.identity.created));

  const hosted = (documents: ReadonlyMap<string, JsonObject>) => new Map([...documents].map(([slug, json]) => [slug, { '@context': [CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT], ...json } as JsonObject]));
  const hostedAchievements = hosted(achievements);
  const hostedEditions = hosted(editions);
  // Before the costly signing, a credential its own verifier could not read is refused (the
  // signed bytes are checked again by signRepository).
  const refuseUnreadable = (pending: readonly CredentialText[]) => throwOverVerifierLimits(credentialsOverVerifierLimits(content, new Map([...hostedAchievements, ...hostedEditions]), pending));
  const signed = await signAll(documents, key, options, refuseUnreadable);
  const awards: SignedAward[] = content.awards.map((record, index) => ({ record, credential: signed[index]!, json: credentialText(signed[index]) }));
  const statusLists = new Map<StatusPurpose, JsonObject>(purposes.map((purpose, index) => [purpose, signed[content.awards.length + index]!]));
  // Transcripts hold signed credentials, so they are signed once those are.
  const signedById = new Map(awards.map((award) => [award.record.id, award.credential]));
  const words = messagesFor(issuer.language);
  const pending = portfoliosOf(content.awards).flatMap((portfolio) => {
    const transcript = unsignedTranscript(portfolio, signedById, credentialIssuer, urls, words.transcriptName(portfolio.awards.at(-1)!.recipient.name));
    return transcript ? [transcript] : [];
  });
  const signedTranscripts = await signAll(pending.map((transcript) => ({ unsecured: transcript.unsecured, created: transcript.created, where: { file: 'content/awards' }, what: `the transcript of portfolio ${transcript.portfolio}` })), key, options, () => {});
  const transcripts = new Map(pending.map((transcript, index) => [transcript.portfolio, { awards: transcript.awards, json: credentialText(signedTranscripts[index]) }]));

  const publishedKeyIds = [
    ...options.keys.filter((candidate) => candidate.status !== 'compromised').map((candidate) => candidate.publicKeyMultibase),
    options.identity.publicKeyMultibase,
  ];
  // The OB 3.0 schema allows one credentialStatus, which Laurel gives to revocation; the
  // suspension list is announced here, where a verifier already looks for the issuer's keys.
  const didDocument = buildDidDocument(did, publishedKeyIds, [
    { id: `${did}#suspension-list`, type: 'BitstringStatusListCredential', serviceEndpoint: urls.statusList('suspension') },
    { id: `${did}#issuer-profile`, type: 'OpenBadgesProfile', serviceEndpoint: urls.issuerJson },
    // Where verifiers find the log (src/core/verify/log.ts); its checkpoint is signed by these keys.
    { id: `${did}#${TRANSPARENCY_LOG_SERVICE_FRAGMENT}`, type: 'TransparencyLog', serviceEndpoint: urls.transparencyLog },
  ]) as unknown as JsonObject;

  const revocationList: JsonObject = {
    id: urls.revocationList,
    revokedCredential: [
      // A reason only where the award publishes it (src/content/privacy.ts): it may name the learner's fault.
      ...content.awards.filter((award) => award.revoked).map((award) => {
        const reason = publishedReason(award.revoked);
        return { id: urls.credentialJson(award.id), revoked: true, ...(reason === undefined ? {} : { revocationReason: reason }) };
      }),
      // Every erased award is withdrawn (see statusListDocument); no reason, which could name the learner.
      ...content.erased.map((award) => ({ id: urls.credentialJson(award.id), revoked: true })),
    ],
  };

  return {
    content,
    urls,
    did,
    development: options.identity.development,
    issuerProfile: { '@context': [CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT], ...hostedProfile },
    didDocument,
    achievements: hostedAchievements,
    achievementEditions: hostedEditions,
    awards,
    erased: content.erased,
    statusLists,
    revocationList,
    transcripts,
  };
}
