/**
 * Credentials in other issuers' shapes, made and signed here: a static issuer's badge in JSON-LD
 * compacted form (single-string `type` on nested classes), OB 3.0 endorsements (alone and embedded)
 * and a CLR 2.0 ClrCredential holding two credentials, one of them tampered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS, type CheckId, type VerificationReport } from '../../../src/core/verify/check.ts';
import { createDocumentLoader } from '../../../src/core/document-loader.ts';
import { MAX_NESTED_CREDENTIALS } from '../../../src/core/limits.ts';
import { openBadgeSchemas, validateOpenBadgeSchema } from '../../../src/core/schemas/ob-schema.ts';
import { expandCompacted } from '../../../src/core/verify/schema.ts';
import { verifyCredential, type VerifyDeps } from '../../../src/core/verify/verify.ts';
import { DID, NOW, SITE, buildSite, key, loader as pinnedLoader, memoryFetch, sign, unsignedCredential, type Json } from '../../helpers/verify-site.ts';
import { createProof } from '../../../src/core/proof.ts';

const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/** The CLR 2.0 context is pinned (src/core/contexts/SOURCES.md): the verifier's own loader signs and checks a CLR. */
const clrLoader = createDocumentLoader();

let site: Map<string, unknown>;
beforeAll(async () => {
  site = await buildSite();
});

const deps = (overrides: Partial<VerifyDeps> = {}): VerifyDeps => ({ now: NOW, fetchJson: memoryFetch(site), validateSchema: openBadgeSchemas, ...overrides });
const codes = (report: VerificationReport): Record<CheckId, string> => Object.fromEntries(report.checks.map((c) => [c.id, `${c.state} ${c.code}`])) as Record<CheckId, string>;

async function signWith(document: Json, documentLoader = pinnedLoader): Promise<Json> {
  const result = await createProof(
    document,
    { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-06-01T00:00:00Z', verificationMethod: `${DID}#${key.publicKeyMultibase}`, proofPurpose: 'assertionMethod' },
    key.secretKey,
    documentLoader,
  );
  if (!result.ok) throw new Error(`signing failed: ${JSON.stringify(result.failure)}`);
  return { ...document, proof: result.proof };
}

/** A badge shaped as a static-site issuer writes it: JSON-LD compacted, one type as one string, one proof as one object. */
function compactedBadge(): Json {
  return unsignedCredential('compacted', {
    issuer: { id: DID, type: 'Profile', name: 'Example Academy', url: SITE, address: { type: 'Address', addressCountry: 'NL' } },
    credentialSubject: {
      type: 'AchievementSubject',
      identifier: (unsignedCredential('x')['credentialSubject'] as Json)['identifier'],
      result: { type: 'Result', value: 'A', resultDescription: `${SITE}achievements/data-stewardship#grade` },
      achievement: {
        id: `${SITE}achievements/data-stewardship`,
        type: 'Achievement',
        name: 'Data Stewardship',
        description: 'Looks after research data across its life.',
        criteria: { narrative: 'Completed the course.' },
        image: { id: `${SITE}images/data-stewardship.png`, type: 'Image' },
        alignment: { type: 'Alignment', targetName: 'FAIR principles', targetUrl: 'https://www.go-fair.org/fair-principles/' },
        resultDescription: { id: `${SITE}achievements/data-stewardship#grade`, type: 'ResultDescription', name: 'Grade', resultType: 'LetterGrade' },
        tag: 'research',
      },
    },
    evidence: { type: 'Evidence', name: 'Project report', narrative: 'The assessed project.' },
  });
}

function endorsementOf(subjectId: string, slug: string): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `${SITE}endorsements/${slug}.json`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsed by the Example Academy board',
    issuer: { id: DID, type: ['Profile'], name: 'Example Academy' },
    validFrom: '2025-05-01T00:00:00Z',
    credentialSubject: { id: subjectId, type: ['EndorsementSubject'], endorsementComment: 'Meets the board’s standard for data courses.' },
  };
}

const ACHIEVEMENT_ID = `${SITE}achievements/data-stewardship`;

describe('compacted single values below the top level (OB 3.0 serialization)', () => {
  it('a static issuer’s compacted badge passes the schema check, its signature checked as given', async () => {
    const badge = await sign(compactedBadge());
    // The defect: as given, the schema rejects the single-string types it allows in compacted form.
    expect(validateOpenBadgeSchema({ ...badge, type: [badge['type']].flat(), proof: [badge['proof']] }).some((error) => error.startsWith('/credentialSubject/type'))).toBe(true);
    const report = await verifyCredential(badge, deps());
    expect(codes(report)).toMatchObject({ format: 'passed format.open-badge', schema: 'passed schema.valid', proof: 'passed proof.valid', 'issuer-key': 'passed issuer-key.published' });
    expect(report.status).toBe('verified');
  });

  it('expands every listed class at any depth, and leaves single-valued classes and strings elsewhere alone', () => {
    const expanded = expandCompacted(compactedBadge()) as Json;
    const subject = expanded['credentialSubject'] as Json;
    const achievement = subject['achievement'] as Json;
    expect(subject['type']).toEqual(['AchievementSubject']);
    expect(achievement['type']).toEqual(['Achievement']);
    expect(achievement['alignment']).toEqual([expect.objectContaining({ type: ['Alignment'] })]);
    expect(achievement['tag']).toEqual(['research']);
    expect((expanded['issuer'] as Json)['type']).toEqual(['Profile']);
    expect(((expanded['issuer'] as Json)['address'] as Json)['type']).toEqual(['Address']);
    expect(expanded['evidence']).toEqual([expect.objectContaining({ type: ['Evidence'] })]);
    // Image and IdentityObject have one type; Result.resultDescription is a URI, not a set.
    expect((achievement['image'] as Json)['type']).toBe('Image');
    expect(((subject['identifier'] as Json[])[0] as Json)['type']).toBe('IdentityObject');
    expect((subject['result'] as Json[])[0]).toMatchObject({ type: ['Result'], resultDescription: `${SITE}achievements/data-stewardship#grade` });
  });

  it('still fails a nested class of the wrong type', async () => {
    const badge = compactedBadge();
    ((badge['credentialSubject'] as Json)['achievement'] as Json)['type'] = 'Badge';
    // Unsigned: its contexts do not define Badge, so it could not be signed; the schema check runs all the same.
    const report = await verifyCredential(badge, deps());
    expect(codes(report).schema).toBe('failed schema.invalid');
  });
});

describe('endorsements (OB 3.0 EndorsementCredential)', () => {
  it('verifies a standalone endorsement with its own schema and rules', async () => {
    const endorsement = await sign(endorsementOf(ACHIEVEMENT_ID, 'alone'));
    const report = await verifyCredential(endorsement, deps());
    expect(codes(report)).toMatchObject({ format: 'passed format.endorsement', schema: 'passed schema.valid', proof: 'passed proof.valid', status: 'passed status.none' });
    expect(report.status).toBe('verified');
    // The AchievementCredential schema is not the endorsement's: given only that one, it is not applied.
    expect(codes(await verifyCredential(endorsement, deps({ validateSchema: validateOpenBadgeSchema }))).schema).toBe('skipped schema.no-validator');
  });

  it('refuses an endorsement whose subject has no id, and one that breaks the endorsement schema', async () => {
    const unnamed = endorsementOf(ACHIEVEMENT_ID, 'unnamed');
    delete (unnamed['credentialSubject'] as Json)['id'];
    const report = await verifyCredential(await sign(unnamed), deps());
    expect(codes(report).format).toBe('failed format.malformed');
    expect(report.checks[0]!.params).toMatchObject({ kind: 'endorsement', problem: 'endorsement-subject' });
    const badComment = endorsementOf(ACHIEVEMENT_ID, 'bad');
    (badComment['credentialSubject'] as Json)['endorsementComment'] = 42;
    expect(codes(await verifyCredential(await sign(badComment), deps())).schema).toBe('failed schema.invalid');
  });

  it('verifies endorsements embedded in the achievement and the issuer, each in its own report', async () => {
    const good = await sign(endorsementOf(ACHIEVEMENT_ID, 'good'));
    const tampered = { ...(await sign(endorsementOf(DID, 'issuer'))), name: 'Endorsed by everyone' };
    const badge = unsignedCredential('endorsed');
    ((badge['credentialSubject'] as Json)['achievement'] as Json)['endorsement'] = [good];
    (badge['issuer'] as Json)['endorsement'] = [tampered];
    const report = await verifyCredential(await sign(badge), deps());
    // The badge's own checks are the same eight, and its verdict is its own.
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(codes(report).proof).toBe('passed proof.valid');
    const nested = report.nested!;
    expect(nested.notVerified).toBe(0);
    expect(nested.reports.map((r) => [r.role, r.pointer, r.endorses])).toEqual([
      ['endorsement', '/issuer/endorsement/0', { id: DID, matches: true }],
      ['endorsement', '/credentialSubject/achievement/endorsement/0', { id: ACHIEVEMENT_ID, matches: true }],
    ]);
    expect(codes(nested.reports[0]!.report).proof).toBe('failed proof.bad-signature');
    expect(nested.reports[0]!.report.status).toBe('failed');
    expect(nested.reports[1]!.report.status).toBe('verified');
  });

  it('says when an embedded endorsement endorses something else', async () => {
    const elsewhere = await sign(endorsementOf(`${SITE}achievements/another`, 'elsewhere'));
    const badge = unsignedCredential('misplaced', { endorsement: [elsewhere] });
    const report = await verifyCredential(await sign(badge), deps());
    expect(report.nested!.reports[0]!.endorses).toEqual({ id: badge['id'], matches: false });
  });

  it(`verifies at most ${MAX_NESTED_CREDENTIALS}, one level deep`, async () => {
    const inner = await sign({ ...endorsementOf(ACHIEVEMENT_ID, 'inner'), endorsement: [await sign(endorsementOf(ACHIEVEMENT_ID, 'deeper'))] });
    const badge = unsignedCredential('many');
    ((badge['credentialSubject'] as Json)['achievement'] as Json)['endorsement'] = Array.from({ length: MAX_NESTED_CREDENTIALS + 3 }, () => inner);
    const report = await verifyCredential(await sign(badge), deps());
    expect(report.nested!.reports).toHaveLength(MAX_NESTED_CREDENTIALS);
    expect(report.nested!.notVerified).toBe(3);
    expect(report.nested!.reports.every((r) => r.report.nested === undefined && r.report.status === 'verified')).toBe(true);
  });
});

describe('CLR 2.0 ClrCredential', () => {
  it('verifies the outer proof and each credential inside it, a tampered one failing, and the record with it', async () => {
    const first = await sign(unsignedCredential('clr-first'));
    const second = { ...(await sign(unsignedCredential('clr-second'))), name: 'Data Stewardship with distinction' };
    const clr = await signWith(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', CLR_CONTEXT, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: `${SITE}records/ada.json`,
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: { id: DID, type: ['Profile'], name: 'Example Academy' },
        validFrom: '2025-07-01T00:00:00Z',
        credentialSubject: { type: ['ClrSubject'], verifiableCredential: [first, second] },
      },
      clrLoader,
    );
    const report = await verifyCredential(clr, deps({ documentLoader: clrLoader }));
    expect(codes(report)).toMatchObject({ format: 'passed format.clr', contexts: 'passed contexts.known', schema: 'skipped schema.clr', proof: 'passed proof.valid' });
    const [a, b] = report.nested!.reports;
    expect([a!.role, a!.pointer, b!.pointer]).toEqual(['clr-credential', '/credentialSubject/verifiableCredential/0', '/credentialSubject/verifiableCredential/1']);
    expect(codes(a!.report)).toMatchObject({ format: 'passed format.open-badge', schema: 'passed schema.valid', proof: 'passed proof.valid' });
    expect(codes(b!.report).proof).toBe('failed proof.bad-signature');
    // The CLR's own checks pass; its verdict is its credentials' too (./nested.ts heldVerdict).
    expect([a!.report.status, b!.report.status, report.status]).toEqual(['verified', 'failed', 'failed']);
    expect(report.held).toMatchObject({ count: 2, notVerified: [{ pointer: '/credentialSubject/verifiableCredential/1', name: 'Data Stewardship with distinction', status: 'failed' }] });
  });

  it('refuses a ClrCredential that holds no credentials, its pinned CLR context known', async () => {
    const empty = {
      '@context': ['https://www.w3.org/ns/credentials/v2', CLR_CONTEXT],
      id: `${SITE}records/empty.json`,
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: DID,
      validFrom: '2025-07-01T00:00:00Z',
      credentialSubject: { type: ['ClrSubject'] },
    };
    const report = await verifyCredential(empty, deps());
    expect(report.checks[0]!.params).toMatchObject({ kind: 'clr', problem: 'clr-subject' });
    expect(codes(report).contexts).toBe('passed contexts.known');
    expect(report.nested).toBeUndefined();
    // A CLR context version that is not pinned is still refused, never fetched.
    const unknown = await verifyCredential({ ...empty, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.9.json'] }, deps());
    expect(codes(unknown).contexts).toBe('failed contexts.unknown');
  });
});
