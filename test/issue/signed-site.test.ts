/**
 * The signed site, built in memory from content: every credential is valid against the official
 * OB 3.0 schema, verifies with its key, and a field the contexts do not define makes signing fail.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { buildSignedSite, CREDENTIAL_ISSUER_FIELDS } from '../../src/issue/signed-site.ts';
import { signSequentially, type SignMany } from '../../src/issue/signing.ts';
import { issuerFields } from '../../src/content/schemas/issuer.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { verifyProof, type DataIntegrityProof } from '../../src/core/proof.ts';
import { decodeStatusList, getBit } from '../../src/core/status-list.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';
import { validateAchievementCredential, validateProfile } from '../helpers/ob-schema.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const pair = keyPairFromSecretKey(seed);
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const keys = [{ type: 'Multikey' as const, publicKeyMultibase: pair.publicKeyMultibase, created: identity.created, status: 'current' as const, file: 'keys/test.json' }];
const loader = createDocumentLoader();

const ACADEMY = path.resolve(import.meta.dirname, '../fixtures/sites/academy');

async function academyContent(): Promise<SiteContent> {
  const result = validateContent(await readContentFiles(ACADEMY));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

function proofOf(credential: Record<string, unknown>): DataIntegrityProof {
  return (credential['proof'] as DataIntegrityProof[])[0]!;
}

describe('the signed academy fixture', async () => {
  const site = await buildSignedSite(await academyContent(), { identity, keys, cache: memoryProofCache() });

  it('signs every award, with the issuer did:web and a key it controls', async () => {
    expect(site.awards).toHaveLength((await academyContent()).awards.length);
    for (const { credential, record } of site.awards) {
      expect(credential['id']).toBe(`https://credentials.harbourside.example/credentials/${record.id}.json`);
      expect((credential['issuer'] as { id: string }).id).toBe('did:web:credentials.harbourside.example');
      expect(proofOf(credential).verificationMethod).toBe(`did:web:credentials.harbourside.example#${pair.publicKeyMultibase}`);
    }
  });

  it('emits credentials valid against the official OB 3.0 JSON Schema', () => {
    for (const { credential, record } of site.awards) expect(validateAchievementCredential(credential), record.id).toEqual([]);
    expect(validateProfile(site.issuerProfile)).toEqual([]);
  });

  it('emits credentials whose proofs verify, and fail once a value changes', async () => {
    for (const { credential } of site.awards.slice(0, 5)) {
      expect((await verifyProof(credential, proofOf(credential), pair.publicKey, loader)).verified).toBe(true);
      const tampered = { ...credential, validFrom: '1999-01-01T00:00:00Z' };
      expect((await verifyProof(tampered, proofOf(credential), pair.publicKey, loader)).verified).toBe(false);
    }
  });

  it('takes dates from the records, never from the clock', () => {
    // The 2024 incident-response cohort: validFor P1Y from 20 May 2024.
    const expired = site.awards.find((award) => award.record.achievement === 'incident-response' && award.record.awardedOn.startsWith('2024'))!;
    expect(expired.credential['validFrom']).toBe('2024-05-20T00:00:00Z');
    expect(expired.credential['validUntil']).toBe('2025-05-20T00:00:00Z');
    // Proofs are dated by the later of the award and the key's creation.
    expect(proofOf(expired.credential).created).toBe('2026-01-01T00:00:00Z');
  });

  it('sets the revocation bit of revoked awards only, in a signed list of at least 131,072 entries', async () => {
    const list = site.statusLists.get('revocation')!;
    expect((await verifyProof(list, proofOf(list), pair.publicKey, loader)).verified).toBe(true);
    const decoded = decodeStatusList((list['credentialSubject'] as { encodedList: string }).encodedList);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.bits.length * 8).toBeGreaterThanOrEqual(131_072);
    for (const { record } of site.awards) expect(getBit(decoded.bits, record.statusIndex), record.id).toBe(record.revoked ? 1 : 0);
  });
});

describe('signing', () => {
  it('fails, naming the award, when a field is not defined by the contexts', async () => {
    const result = validateContent(toContentFiles(fixtureTree()));
    if (!result.ok) throw new Error('fixture invalid');
    const cache = memoryProofCache();
    const site = await buildSignedSite(result.content, { identity, keys, cache });
    expect(site.awards).toHaveLength(1);
    // Simulate a builder bug that adds an undefined term: signing must refuse rather than sign around it.
    const { signDocument } = await import('../../src/core/proof.ts');
    const unsigned = { ...site.awards[0]!.credential, proof: undefined, favouriteColour: 'blue' } as Record<string, unknown>;
    delete unsigned['proof'];
    const signed = await signDocument(unsigned, { secretKey: seed, verificationMethod: 'did:web:badges.example.org#k' }, '2026-01-01T00:00:00Z', loader);
    expect(signed.ok).toBe(false);
    if (!signed.ok) expect(signed.failure.kind).toBe('canonicalization');
    if (!signed.ok && signed.failure.kind === 'canonicalization') expect(signed.failure.failure.message).toContain('favouriteColour');
  });

  it('signs every credential again for a change to the issuer fields they carry, and none for the others', async () => {
    const content = await academyContent();
    const changes: Record<keyof SiteContent['issuer'], unknown> = {
      name: 'Another School',
      url: 'https://badges.another.example/',
      homepage: 'https://www.another.example/',
      email: 'badges@another.example',
      phone: '+44 23 9200 0000',
      logo: '/another.svg',
      address: { addressLocality: 'Lyon', addressCountry: 'FR' },
      description: 'Another description.',
      linkedinOrganizationId: '42',
      language: 'fr',
      languages: ['fr', 'en'],
      shareCards: 'personal',
      earners: 'unlisted',
      badgeName: 'Another',
      microCredentialElements: 'error',
    };
    // Every field of issuer.yaml is here, so a new one is decided on too.
    expect(Object.keys(changes).sort()).toEqual(Object.keys(issuerFields.shape).sort());
    const cache = memoryProofCache();
    const base = await buildSignedSite(content, { identity, keys, cache });
    for (const [field, value] of Object.entries(changes)) {
      let signed = 0;
      // The credentials and status lists; a portfolio's transcript is named in the site's language, so a new language signs it again.
      const signMany: SignMany = (jobs, key) => ((signed += jobs.filter((job) => !(job.unsecured['type'] as string[]).includes('ClrCredential')).length), signSequentially(loader)(jobs, key));
      const changed = await buildSignedSite({ ...content, issuer: { ...content.issuer, [field]: value } }, { identity, keys, cache, signMany });
      const same = changed.awards.filter((award, index) => award.json === base.awards[index]!.json).length;
      if (CREDENTIAL_ISSUER_FIELDS.has(field)) expect([field, same, signed >= changed.awards.length]).toEqual([field, 0, true]);
      else expect([field, same, signed]).toEqual([field, changed.awards.length, 0]);
    }
  });

  it('reuses cached proofs: a second build signs nothing and gives the same bytes', async () => {
    const content = await academyContent();
    const cache = memoryProofCache();
    const first = await buildSignedSite(content, { identity, keys, cache });
    const entries = cache.size;
    const second = await buildSignedSite(content, { identity, keys, cache });
    expect(cache.size).toBe(entries);
    expect(second.awards.map((award) => award.json)).toEqual(first.awards.map((award) => award.json));
  });
});

describe('erased awards', () => {
  it('keep their revocation bit, so a saved copy does not start verifying again', async () => {
    const tree = fixtureTree();
    tree.set('content/awards/erased.yaml', 'id: 00000000-0000-4000-8000-0000000000e1\nachievement: teamwork\nstatusIndex: 99\nerased: { on: 2026-05-01 }\nrevoked: { on: 2026-04-01 }\n');
    const result = validateContent(toContentFiles(tree));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const site = await buildSignedSite(result.content, { identity, keys, cache: memoryProofCache() });
    expect(site.awards.map((award) => award.record.id)).not.toContain('00000000-0000-4000-8000-0000000000e1');
    const list = site.statusLists.get('revocation')!;
    const decoded = decodeStatusList((list['credentialSubject'] as { encodedList: string }).encodedList);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(getBit(decoded.bits, 99)).toBe(1);
    expect(getBit(decoded.bits, 4242)).toBe(0);
    expect(JSON.stringify(site.revocationList)).toContain('00000000-0000-4000-8000-0000000000e1');
  });

  it('are withdrawn: an erased award never revoked gets its revocation bit, dated by the erasure', async () => {
    const tree = fixtureTree();
    tree.set('content/awards/erased.yaml', 'id: 00000000-0000-4000-8000-0000000000e2\nachievement: teamwork\nstatusIndex: 77\nerased: { on: 2031-05-01 }\n');
    const result = validateContent(toContentFiles(tree));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const site = await buildSignedSite(result.content, { identity, keys, cache: memoryProofCache() });
    const revocation = site.statusLists.get('revocation')!;
    const decoded = decodeStatusList((revocation['credentialSubject'] as { encodedList: string }).encodedList);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(getBit(decoded.bits, 77)).toBe(1);
    expect(revocation['validFrom']).toBe('2031-05-01T00:00:00Z');
    const suspension = decodeStatusList((site.statusLists.get('suspension')!['credentialSubject'] as { encodedList: string }).encodedList);
    if (!suspension.ok) throw new Error(suspension.reason);
    expect(getBit(suspension.bits, 77)).toBe(0);
    expect(site.revocationList['revokedCredential']).toContainEqual({ id: site.urls.credentialJson('00000000-0000-4000-8000-0000000000e2'), revoked: true });
  });
});
