/**
 * A CLR 2.0 transcript made from fixture awards (the test vector's key, the in-memory site of
 * test/helpers/verify-site.ts): built by src/core/clr-credential.ts, signed like any credential,
 * verified by Laurel's verifier and by Digital Bazaar's, checked against 1EdTech's ClrCredential
 * schema, tampered inside and outside, and baked into PNG and SVG.
 */
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { bakePng, bakeSvg, CLR_BAKING, CLR_NAMESPACE, extractPng, extractSvg, OPEN_BADGE_BAKING } from '../../src/core/baking.ts';
import { buildClrCredential, latestAwardDate, latestIdentifiers, type AssociationInput } from '../../src/core/clr-credential.ts';
import { buildAchievement, buildCredential, buildProfile } from '../../src/core/credential.ts';
import { identityHash } from '../../src/core/identity-hash.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { MAX_CLR_CREDENTIALS, MAX_INPUT_BYTES } from '../../src/core/limits.ts';
import { signDocument } from '../../src/core/proof.ts';
import { openBadgeSchemas } from '../../src/core/schemas/ob-schema.ts';
import { credentialFromBytes, credentialFromText } from '../../src/core/verify/input.ts';
import { english } from '../../src/core/verify/messages.ts';
import { french } from '../../src/core/verify/messages-fr.ts';
import { verifyCredential, verifyCredentialJson, withRecipient, type VerifyDeps } from '../../src/core/verify/verify.ts';
import { compileClrCredentialSchema, validateAchievementCredential, validateClrCredential } from '../helpers/ob-schema.ts';
import { offlineDocumentLoader } from '../helpers/served-site.ts';
import { DID, DID_URL, EMAIL, NOW, REVOCATION_LIST, SITE, buildSite, key, loader, memoryFetch, VERIFICATION_METHOD, type Json } from '../helpers/verify-site.ts';

const issuer = buildProfile({ id: DID, name: 'Example Academy', url: SITE });
const signingKey = { secretKey: key.secretKey, verificationMethod: VERIFICATION_METHOD };

function achievement(slug: string, name: string, achievementType = 'Course'): JsonObject {
  return buildAchievement({
    id: `${SITE}achievements/${slug}`,
    name,
    description: `${name}, assessed.`,
    criteriaUrl: `${SITE}achievements/${slug}/`,
    criteriaNarrative: 'Completed the work and passed its assessment.',
    achievementType,
    imageUrl: `${SITE}achievements/${slug}.png`,
    tags: [],
    alignments: [],
    resultDescriptions: [],
  });
}

/** One signed award: each with its own salt, as the award command makes them. */
async function award(slug: string, forAchievement: JsonObject, awardedDate: string, index: number): Promise<JsonObject> {
  const salt = `salt-${slug}`;
  const unsigned = buildCredential({
    id: `${SITE}credentials/${slug}.json`,
    issuer,
    achievement: forAchievement,
    validFrom: awardedDate,
    awardedDate,
    subject: { name: 'Ada Lovelace', identifiers: [{ identityType: 'emailAddress', hashed: true, identityHash: identityHash(EMAIL, salt), salt }], results: [] },
    evidence: [],
    status: { statusListCredential: REVOCATION_LIST, statusListIndex: 200 + index, statusPurpose: 'revocation' },
  });
  const signed = await signDocument(unsigned, signingKey, awardedDate, loader);
  if (!signed.ok) throw new Error(`signing failed: ${JSON.stringify(signed.failure)}`);
  return signed.signed as JsonObject;
}

const programme = achievement('research-data', 'Research Data Programme', 'LearningProgram');
const stewardship = achievement('data-stewardship', 'Data Stewardship');
const publishing = achievement('open-publishing', 'Open Publishing');
const associations: AssociationInput[] = [
  { associationType: 'isPartOf', sourceId: String(stewardship['id']), targetId: String(programme['id']) },
  { associationType: 'isPartOf', sourceId: String(publishing['id']), targetId: String(programme['id']) },
  { associationType: 'precedes', sourceId: String(stewardship['id']), targetId: String(publishing['id']) },
];

async function transcript(credentials: readonly JsonObject[]): Promise<JsonObject> {
  const unsigned = buildClrCredential({
    id: `${SITE}transcripts/ada.json`,
    name: 'Transcript of Ada Lovelace',
    description: 'Every award of Example Academy to this learner.',
    issuer,
    validFrom: latestAwardDate(credentials)!,
    identifier: latestIdentifiers(credentials),
    credentials,
    associations: associations.filter((a) => credentials.some((c) => JSON.stringify(c).includes(a.sourceId)) && credentials.some((c) => JSON.stringify(c).includes(a.targetId))),
  });
  const signed = await signDocument(unsigned, signingKey, String(unsigned['validFrom']), loader);
  if (!signed.ok) throw new Error(`signing failed: ${JSON.stringify(signed.failure)}`);
  return signed.signed as JsonObject;
}

let site: Map<string, unknown>;
let awards: JsonObject[];
let clr: JsonObject;
beforeAll(async () => {
  site = await buildSite();
  awards = [
    await award('ada-stewardship', stewardship, '2025-03-01T00:00:00Z', 0),
    await award('ada-publishing', publishing, '2025-06-01T00:00:00Z', 1),
    await award('ada-programme', programme, '2025-05-01T00:00:00Z', 2),
  ];
  clr = await transcript(awards);
});

const deps = (): VerifyDeps => ({ now: NOW, fetchJson: memoryFetch(site), validateSchema: openBadgeSchemas });
const subjectOf = (document: Json): Json => document['credentialSubject'] as Json;

describe('buildClrCredential', () => {
  it('makes a ClrCredential with the CLR context, the credentials as signed, their achievements once, and the associations', () => {
    expect(clr['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(clr['type']).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr['issuer']).toEqual(issuer);
    const subject = subjectOf(clr);
    expect(subject['type']).toEqual(['ClrSubject']);
    expect(subject['verifiableCredential']).toEqual(awards);
    expect((subject['achievement'] as Json[]).map((a) => a['id'])).toEqual([stewardship['id'], publishing['id'], programme['id']]);
    expect(subject['association']).toEqual(associations.map((a) => ({ type: 'Association', ...a })));
  });

  it("names the learner as their most recent award does, and takes that award's date", () => {
    expect(subjectOf(clr)['identifier']).toEqual(subjectOf(awards[1]!)['identifier']);
    expect(clr['validFrom']).toBe('2025-06-01T00:00:00Z');
  });

  it('refuses an empty transcript and an association to an achievement it does not hold', () => {
    const base = { id: `${SITE}transcripts/x.json`, name: 'x', issuer, validFrom: '2025-01-01T00:00:00Z', identifier: [] };
    expect(() => buildClrCredential({ ...base, credentials: [] })).toThrow(/at least one credential/);
    expect(() => buildClrCredential({ ...base, credentials: awards, associations: [{ associationType: 'isPartOf', sourceId: String(stewardship['id']), targetId: `${SITE}achievements/elsewhere` }] })).toThrow(/achievements\/elsewhere/);
  });
});

describe("Laurel's verifier", () => {
  it('verifies the transcript and each credential it holds', async () => {
    const report = await verifyCredential(clr, deps());
    expect(report.checks.filter((c) => c.state !== 'passed' && c.id !== 'schema' && c.id !== 'log' && c.id !== 'recipient').map((c) => c.code)).toEqual([]);
    expect(report.status).toBe('verified');
    expect(report.held).toEqual({ status: 'verified', count: 3, notVerified: [], beyondLimit: 0 });
    expect(report.nested!.reports.map((one) => one.report.status)).toEqual(['verified', 'verified', 'verified']);
    expect(english.heldCredentials(report.held!)).toBe('Each of the 3 credentials this record holds verified as well.');
    expect(french.heldCredentials(report.held!)).toBe('Chacune des 3 attestations que contient ce relevé a été vérifiée elle aussi.');
  });

  it("finds the learner's email in the transcript, hashed with their latest award's salt", async () => {
    const report = await verifyCredential(clr, { ...deps(), recipientEmail: EMAIL });
    expect(report.checks.find((c) => c.id === 'recipient')!.code).toBe('recipient.match');
  });

  it('fails the whole transcript when a credential inside was changed, naming it, though the transcript itself is signed over the change', async () => {
    const changed = structuredClone(awards);
    changed[1] = { ...changed[1]!, name: 'Open Publishing, with distinction' };
    const report = await verifyCredential(await transcript(changed), deps());
    expect(report.checks.find((c) => c.id === 'proof')!.code).toBe('proof.valid');
    expect(report.status).toBe('failed');
    // Typing an email on the page redoes the recipient check only: the verdict stays the transcript's.
    expect(withRecipient(report, EMAIL).status).toBe('failed');
    expect(report.held!.notVerified).toEqual([{ pointer: '/credentialSubject/verifiableCredential/1', name: 'Open Publishing, with distinction', id: `${SITE}credentials/ada-publishing.json`, status: 'failed' }]);
    expect(english.heldCredentials(report.held!)).toBe(
      '1 of the 3 credentials this record holds did not verify, so the record cannot be relied on as a whole: "Open Publishing, with distinction" at /credentialSubject/verifiableCredential/1 (not verified).',
    );
    expect(french.heldCredentials(report.held!)).toBe(
      '1 des 3 attestations que contient ce relevé n’a pas été vérifiée, si bien que le relevé ne peut pas être tenu pour fiable dans son ensemble\u202F: «\u202FOpen Publishing, with distinction\u202F» en /credentialSubject/verifiableCredential/1 (non vérifiée).',
    );
  });

  it('fails a transcript changed after it was signed', async () => {
    const report = await verifyCredential({ ...clr, name: 'Transcript of someone else' }, deps());
    expect(report.checks.find((c) => c.id === 'proof')!.code).toBe('proof.bad-signature');
    expect(report.status).toBe('failed');
  });

  it(`reads a transcript of 50 credentials within the input limits, and checks up to ${MAX_CLR_CREDENTIALS}`, async () => {
    const many = await Promise.all(Array.from({ length: 50 }, (_, index) => award(`ada-${index}`, index % 2 ? stewardship : publishing, `2025-0${1 + (index % 9)}-01T00:00:00Z`, 10 + index)));
    const big = await transcript(many);
    const text = JSON.stringify(big);
    expect(text.length).toBeLessThan(MAX_INPUT_BYTES / 2);
    const report = await verifyCredentialJson(text, deps());
    expect(report.status).toBe('verified');
    expect(report.held).toMatchObject({ count: 50, beyondLimit: 0 });
  }, 120_000);

  it(`does not call verified a transcript of more than ${MAX_CLR_CREDENTIALS} credentials, whose last ones it did not check`, async () => {
    const one = awards[0]!;
    const big = await transcript(Array.from({ length: MAX_CLR_CREDENTIALS + 2 }, () => one));
    const report = await verifyCredential(big, deps());
    expect(report.nested!.reports).toHaveLength(MAX_CLR_CREDENTIALS);
    expect(report.held).toMatchObject({ status: 'unchecked', count: MAX_CLR_CREDENTIALS + 2, beyondLimit: 2, notVerified: [] });
    expect(report.status).toBe('unchecked');
    expect(english.heldCredentials(report.held!)).toBe(
      `The first ${MAX_CLR_CREDENTIALS} of the ${MAX_CLR_CREDENTIALS + 2} credentials this record holds verified as well; the other 2 were not checked, so the record cannot be called verified: a record is checked up to ${MAX_CLR_CREDENTIALS} credentials.`,
    );
    expect(french.heldCredentials(report.held!)).toBe(
      `Les ${MAX_CLR_CREDENTIALS} premières des ${MAX_CLR_CREDENTIALS + 2} attestations que contient ce relevé ont été vérifiées elles aussi\u202F; les 2 autres n’ont pas été contrôlées, si bien que le relevé ne peut pas être dit vérifié\u202F: un relevé est contrôlé jusqu’à ${MAX_CLR_CREDENTIALS} attestations.`,
    );
  }, 120_000);
});

describe("Digital Bazaar's vc library", () => {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  /** Laurel's pinned contexts, and the fixture site's DID document and status lists; nothing else. */
  const documentLoader = (url: string) => offlineDocumentLoader(site, DID_URL)(url);

  it('verifies the transcript and each credential it holds, and refuses a changed one', async () => {
    const outer = await vc.verifyCredential({ credential: clr, suite, documentLoader, now: NOW });
    expect(outer.verified, String(outer.error)).toBe(true);
    for (const inner of subjectOf(clr)['verifiableCredential'] as Json[]) {
      const result = await vc.verifyCredential({ credential: inner, suite, documentLoader, checkStatus, now: NOW });
      // The library leaves a set status bit to its caller; none of these is revoked.
      expect((result.statusResult?.['results'] as Array<{ status?: boolean }> | undefined)?.map((entry) => entry.status)).toEqual([false]);
      expect(result.verified, String(result.error)).toBe(true);
    }
    const changed = await vc.verifyCredential({ credential: { ...clr, name: 'Transcript of someone else' }, suite, documentLoader, now: NOW });
    expect(changed.verified).toBe(false);
    const changedInside = await vc.verifyCredential({ credential: { ...awards[1]!, name: 'Open Publishing, with distinction' }, suite, documentLoader, checkStatus, now: NOW });
    expect(changedInside.verified).toBe(false);
  });
});

describe("1EdTech's ClrCredential JSON Schema", () => {
  /**
   * The two rules of that copy a VC 2.0 transcript cannot meet (test/fixtures/schemas/SOURCE.md):
   * `issuanceDate`, which VC 2.0 names `validFrom`, on the ClrCredential and on each credential it
   * holds; and a CredentialStatus of `id` and `type` only, where a BitstringStatusListEntry (as
   * the OB 3.0 schema allows) has its list, index and purpose.
   */
  const vc11Only = (error: string): boolean =>
    error.endsWith("must have required property 'issuanceDate'") || /^\/credentialSubject\/verifiableCredential\/\d+\/credentialStatus must NOT have additional properties$/.test(error);

  it('holds for the transcript but for its VC 1.1 rules', () => {
    const errors = compileClrCredentialSchema()(clr);
    expect(errors.filter((error) => !vc11Only(error))).toEqual([]);
    expect(errors).toContain("/ must have required property 'issuanceDate'");
    // Met those two (and nothing else changed), the whole transcript passes.
    const vc11 = structuredClone(clr);
    vc11['issuanceDate'] = clr['validFrom']!;
    for (const inner of subjectOf(vc11)['verifiableCredential'] as Json[]) {
      const status = inner['credentialStatus'] as Json;
      Object.assign(inner, { issuanceDate: inner['validFrom'], credentialStatus: { id: status['id'], type: status['type'] } });
    }
    expect(compileClrCredentialSchema()(vc11)).toEqual([]);
  });

  it("passes 1EdTech's published CLR 2.0 schema (draft 2019-09, VC 2.0) as it is, which finds a broken association too", () => {
    expect(validateClrCredential(clr)).toEqual([]);
    const broken = structuredClone(clr);
    ((subjectOf(broken)['association'] as Json[])[0]!)['associationType'] = 'isNextTo';
    expect(validateClrCredential(broken).length).toBeGreaterThan(0);
  });

  it('finds a broken association', () => {
    const broken = structuredClone(clr);
    ((subjectOf(broken)['association'] as Json[])[0]!)['associationType'] = 'isNextTo';
    expect(compileClrCredentialSchema()(broken).filter((error) => !vc11Only(error)).length).toBeGreaterThan(0);
  });

  it('and each credential it holds passes the OB 3.0 AchievementCredential schema', () => {
    for (const inner of subjectOf(clr)['verifiableCredential'] as Json[]) expect(validateAchievementCredential(inner)).toEqual([]);
  });
});

describe('baking a transcript', () => {
  const png = (): Uint8Array => {
    const image = new PNG({ width: 2, height: 2 });
    image.data.fill(128);
    return new Uint8Array(PNG.sync.write(image));
  };
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><rect width="2" height="2"/></svg>';

  it('bakes into a PNG under the clrcredential keyword and reads back the same credential', async () => {
    const text = JSON.stringify(clr);
    const baked = bakePng(png(), text, CLR_BAKING);
    expect(Buffer.from(baked).includes(Buffer.from('iTXtclrcredential\0'))).toBe(true);
    expect(extractPng(baked)).toBe(text);
    expect(extractPng(baked, [OPEN_BADGE_BAKING])).toBeUndefined();
    const loaded = credentialFromBytes(baked);
    expect(loaded.ok && JSON.parse(loaded.text)).toEqual(clr);
    // Baking a badge again replaces the transcript: an image carries one credential.
    expect(extractPng(bakePng(baked, JSON.stringify(awards[0]), OPEN_BADGE_BAKING))).toBe(JSON.stringify(awards[0]));
  });

  it('bakes into an SVG as a credential element in the CLR 2.0 namespace and reads back the same credential', async () => {
    const text = JSON.stringify(clr);
    const baked = bakeSvg(svg, text, CLR_BAKING);
    expect(baked).toContain(`xmlns:clr="${CLR_NAMESPACE}"`);
    expect(baked).toContain('<clr:credential><![CDATA[');
    expect(extractSvg(baked)).toBe(text);
    expect(extractSvg(baked, [OPEN_BADGE_BAKING])).toBeUndefined();
    const loaded = credentialFromText(baked);
    expect(loaded.ok && JSON.parse(loaded.text)).toEqual(clr);
    const report = await verifyCredentialJson(extractSvg(baked)!, deps());
    expect(report.status).toBe('verified');
  });
});
