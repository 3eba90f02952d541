/**
 * The verifier end to end, offline: credentials signed here with the 1EdTech OB 3.0 vector key
 * (see verify-site.ts), the W3C and 1EdTech vectors, tampering as property tests, and each way a
 * check can fail, warn or be unable to check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { CHECK_IDS, overallStatus, worstVerdict, type Check, type CheckId, type CheckResult, type VerificationReport } from '../../../src/core/verify/check.ts';
import { MAX_PROOFS } from '../../../src/core/limits.ts';
import { jsonNestingDepth } from '../../../src/core/verify/input.ts';
import { describeVerdict, english } from '../../../src/core/verify/messages.ts';
import { plannedChecks, verifyCredential, verifyCredentialJson, withRecipient, type VerifyDeps } from '../../../src/core/verify/verify.ts';
import { buildDidDocument } from '../../../src/core/did.ts';
import { decodeBase58btc, encodeBase58btc } from '../../../src/core/multibase.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalizeRdfc } from '../../../src/core/canonicalize.ts';
import { createDocumentLoader } from '../../../src/core/document-loader.ts';
import { keyPairFromSeed, signBytes } from '../../../src/core/multikey.ts';
import { createProof } from '../../../src/core/proof.ts';
import schema from '../../fixtures/schemas/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };
import rdfcVector from '../../fixtures/vectors/eddsa-rdfc-2022-vector.json' with { type: 'json' };
import ob3Vector from '../../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json' with { type: 'json' };
import {
  DID,
  DID_URL,
  EMAIL,
  NOW,
  REVOCATION_LIST,
  REVOKED_INDEX,
  SUSPENDED_INDEX,
  SUSPENSION_LIST,
  buildSite,
  key,
  memoryFetch,
  otherKey,
  sign,
  statusEntry,
  statusList,
  unsignedCredential,
  type Json,
} from '../../helpers/verify-site.ts';

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validateOb = ajv.compile(schema);
const validateSchema = (credential: Record<string, unknown>): string[] =>
  validateOb(credential) ? [] : (validateOb.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());

let site: Map<string, unknown>;
let credential: Json;

beforeAll(async () => {
  site = await buildSite();
  credential = await sign(unsignedCredential('ada'));
});

function deps(overrides: Partial<VerifyDeps> & { site?: Map<string, unknown> } = {}): VerifyDeps & { fetchJson: ReturnType<typeof memoryFetch> } {
  const { site: served = site, ...rest } = overrides;
  return { now: NOW, fetchJson: memoryFetch(served), validateSchema, ...rest } as VerifyDeps & { fetchJson: ReturnType<typeof memoryFetch> };
}

const byId = (report: VerificationReport): Record<CheckId, Check> =>
  Object.fromEntries(report.checks.map((c) => [c.id, c])) as Record<CheckId, Check>;
const states = (report: VerificationReport): Record<string, string> => Object.fromEntries(report.checks.map((c) => [c.id, c.state]));
const failed = (report: VerificationReport): CheckId[] => report.checks.filter((c) => c.state === 'failed').map((c) => c.id);

describe('the checklist', () => {
  it('is known before it runs, and every report lists it in that order', async () => {
    expect(plannedChecks().map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(CHECK_IDS).toEqual(['format', 'contexts', 'schema', 'issuer-key', 'proof', 'status', 'log', 'validity', 'recipient']);
    expect(plannedChecks().every((c) => c.title.length > 0)).toBe(true);
    for (const input of [credential, 'not an object', null]) {
      const report = await verifyCredential(input, deps());
      expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
      expect(report.checks.every((c) => c.summary.length > 0 && c.title === plannedChecks().find((p) => p.id === c.id)?.title)).toBe(true);
    }
  });
});

describe('reports as data', () => {
  it('give every check a stable code of its own, and the sentence is the messages module\'s for that code', async () => {
    const tampered = { ...credential, validFrom: '2020-01-01T00:00:00Z' };
    const reports = await Promise.all([
      verifyCredential(credential, deps()),
      verifyCredential(tampered, deps()),
      verifyCredential(credential, deps({ site: new Map() })),
      verifyCredentialJson('{"not": "closed"', deps()),
      verifyCredential(credential, deps({ recipientEmail: EMAIL })),
    ]);
    const codes = new Set<string>();
    for (const report of reports) {
      for (const check of report.checks) {
        expect(check.code.startsWith(`${check.id}.`) || check.code.startsWith('skipped.') || check.code === 'internal-error', check.code).toBe(true);
        expect(check.summary).toBe(english.summary(check.code, check.params ?? {}));
        expect(check.title).toBe(english.titles[check.id]);
        codes.add(check.code);
      }
    }
    expect(byId(reports[0]!).proof.code).toBe('proof.valid');
    expect(byId(reports[1]!).proof.code).toBe('proof.bad-signature');
    expect(byId(reports[2]!)['issuer-key'].code).toBe('issuer-key.not-found');
    expect(byId(reports[3]!).format).toMatchObject({ code: 'format.unreadable', params: { unreadable: 'invalid-json' } });
    expect(byId(reports[4]!).recipient.code).toBe('recipient.match');
    expect(codes.size).toBeGreaterThanOrEqual(12);
  });

  it('words a report in other messages without changing its verdict', async () => {
    const shouting = { ...english, summary: (code: Parameters<typeof english.summary>[0], params: Parameters<typeof english.summary>[1]) => english.summary(code, params).toUpperCase() };
    const plain = await verifyCredential(credential, deps());
    const loud = await verifyCredential(credential, deps({ messages: shouting }));
    expect(loud.status).toBe(plain.status);
    expect(loud.checks.map((c) => [c.id, c.state, c.code])).toEqual(plain.checks.map((c) => [c.id, c.state, c.code]));
    expect(byId(loud).proof.summary).toBe(byId(plain).proof.summary.toUpperCase());
  });

  it('redoes the recipient check alone, for an address typed after verifying', async () => {
    const report = await verifyCredential(credential, deps());
    expect(byId(report).recipient.state).toBe('skipped');
    const matched = withRecipient(report, ` ${EMAIL.toUpperCase()} `);
    expect(byId(matched).recipient).toMatchObject({ state: 'passed', code: 'recipient.match' });
    expect(matched.status).toBe(report.status);
    const other = withRecipient(report, 'someone.else@example.org');
    expect(byId(other).recipient).toMatchObject({ state: 'failed', code: 'recipient.mismatch' });
    expect(other.status).toBe('failed');
    expect(byId(withRecipient(report, '  ')).recipient.state).toBe('skipped');
  });
});

describe("a Laurel credential (did:web, eddsa-rdfc-2022, status list)", () => {
  it('verifies, with every step explained', async () => {
    const d = deps({ recipientEmail: '  Ada@Example.org ' });
    const report = await verifyCredential(credential, d);
    // This issuer keeps no transparency log (./log.test.ts has one that does).
    expect(states(report)).toEqual({ format: 'passed', contexts: 'passed', schema: 'passed', 'issuer-key': 'passed', proof: 'passed', status: 'passed', log: 'skipped', validity: 'passed', recipient: 'passed' });
    expect(report.status).toBe('verified');
    const checks = byId(report);
    expect(checks['issuer-key'].details).toMatchObject({ source: 'did:web', documentUrl: DID_URL, controller: DID, publicKeyMultibase: key.publicKeyMultibase });
    expect(checks.proof.details?.['canonicalDocument']).toContain('<https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential>');
    expect(checks.proof.details?.['hashDataHex']).toMatch(/^[0-9a-f]{128}$/);
    expect(checks.status.details).toMatchObject({ entries: [{ outcome: 'clear', statusListCredential: REVOCATION_LIST, statusListIndex: '17', value: 0, byteIndex: 2, bitMask: '0x40' }] });
    // Each URL fetched once: the did.json serves both the credential and its status list.
    expect(d.fetchJson.calls).toEqual([DID_URL, REVOCATION_LIST]);
  });

  it('verifies from JSON text, a byte-order mark included', async () => {
    const report = await verifyCredentialJson(`\uFEFF${JSON.stringify(credential, null, 2)}`, deps());
    expect(report.status).toBe('verified');
  });

  it('verifies an eddsa-jcs-2022 signature too, and prefers eddsa-rdfc-2022 in a proof set', async () => {
    const unsigned = unsignedCredential('jcs');
    const jcs = await sign(unsigned, { cryptosuite: 'eddsa-jcs-2022' });
    expect((await verifyCredential(jcs, deps())).status).toBe('verified');
    const rdfc = await sign(unsigned);
    const set = { ...unsigned, proof: [{ ...(jcs['proof'] as Json), proofValue: encodeBase58btc(new Uint8Array(64)) }, rdfc['proof']] };
    const report = await verifyCredential(set, deps());
    expect(report.status).toBe('verified');
    expect(byId(report).proof.details).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022', otherProofsIgnored: 1 });
  });

  it('accepts any one valid proof of a set, whatever its place', async () => {
    const unsigned = unsignedCredential('proof-set');
    const good = (await sign(unsigned))['proof'] as Json;
    const forged = { ...good, proofValue: encodeBase58btc(new Uint8Array(64).fill(7)) };
    const stranger = (await sign(unsigned, { secretKey: otherKey.secretKey, verificationMethod: `${DID}#${otherKey.publicKeyMultibase}` }))['proof'] as Json;
    for (const proofs of [[forged, good], [stranger, good], [forged, stranger, good]]) {
      const report = await verifyCredential({ ...unsigned, proof: proofs }, deps());
      expect(states(report)).toMatchObject({ 'issuer-key': 'passed', proof: 'passed' });
      expect(byId(report).proof.details).toMatchObject({ proofValue: good['proofValue'] });
      expect(report.status).toBe('verified');
    }
    // With no valid proof, the best-ranked one's failure is what is reported.
    const none = await verifyCredential({ ...unsigned, proof: [forged, { ...good, proofValue: encodeBase58btc(new Uint8Array(64).fill(9)) }] }, deps());
    expect(byId(none).proof).toMatchObject({ state: 'failed', code: 'proof.bad-signature', details: { proofValue: forged['proofValue'] } });
    expect(none.status).toBe('failed');
  });

  it('tries at most MAX_PROOFS proofs, so a hostile proof set cannot multiply the work', async () => {
    const unsigned = unsignedCredential('many-proofs');
    const good = (await sign(unsigned))['proof'] as Json;
    const forged = Array.from({ length: MAX_PROOFS }, (_, i) => ({ ...good, proofValue: encodeBase58btc(new Uint8Array(64).fill(i + 1)) }));
    const d = deps();
    const report = await verifyCredential({ ...unsigned, proof: [...forged, good] }, d);
    expect(byId(report).proof).toMatchObject({ state: 'failed', code: 'proof.bad-signature' });
    expect(report.status).toBe('failed');
    expect((await verifyCredential({ ...unsigned, proof: [...forged.slice(1), good] }, deps())).status).toBe('verified');
  });

  it('verifies when the issuer is a did:key', async () => {
    const didKey = `did:key:${key.publicKeyMultibase}`;
    const signed = await sign(unsignedCredential('didkey', { issuer: { id: didKey, type: ['Profile'], name: 'Key holder' } }), { verificationMethod: `${didKey}#${key.publicKeyMultibase}` });
    const d = deps();
    const report = await verifyCredential(signed, d);
    expect(states(report)['issuer-key']).toBe('passed');
    expect(report.status).toBe('verified');
    // Only the status list (signed by the site's did:web) needs the did.json.
    expect(d.fetchJson.calls).toEqual([REVOCATION_LIST, DID_URL]);
  });
});

describe('the published vectors', () => {
  it('W3C eddsa-rdfc-2022: verifies with the did:key, with warnings that it is no Open Badge and the key does not confirm the named issuer', async () => {
    const d = deps();
    const report = await verifyCredential(rdfcVector.expectedSigned, d);
    const checks = byId(report);
    expect(checks.proof.state).toBe('passed');
    expect(checks['issuer-key'].details).toMatchObject({ source: 'did:key', controller: `did:key:${rdfcVector.publicKeyMultibase}` });
    // The vector names https://vc.example/issuers/5678 as issuer, but its key is a did:key that nothing
    // ties to that URL. The OB key-provenance rule (controller = issuer) is Open Badges'; for a plain
    // VC the signature stands and the result says plainly that the named issuer is not confirmed.
    expect(checks['issuer-key']).toMatchObject({ state: 'warning', summary: expect.stringContaining('names https://vc.example/issuers/5678 as its issuer, which that key does not confirm') });
    // An AlumniCredential is a valid VC, not an Open Badge: a format warning, and no OB schema.
    expect(checks.format).toMatchObject({ state: 'warning', summary: expect.stringContaining('not an Open Badge (its type is AlumniCredential)') });
    expect(checks.schema.state).toBe('skipped');
    expect(report.status).toBe('warning');
    expect(d.fetchJson.calls).toEqual([]);
  });

  it('still fails an Open Badge whose key is not controlled by its issuer', async () => {
    const keys = keyPairFromSeed(new Uint8Array(32).fill(11));
    const didKey = `did:key:${keys.publicKeyMultibase}`;
    const badge = structuredClone(ob3Vector.unsigned) as Record<string, unknown>;
    const signed = await createProof(badge, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z', verificationMethod: `${didKey}#${keys.publicKeyMultibase}`, proofPurpose: 'assertionMethod' }, keys.secretKey, createDocumentLoader());
    if (!signed.ok) throw new Error('signing failed');
    const report = await verifyCredential({ ...badge, proof: signed.proof }, deps());
    expect(byId(report).proof.state).toBe('passed');
    expect(byId(report)['issuer-key']).toMatchObject({ state: 'failed', summary: expect.stringContaining(`belongs to ${didKey}, not to the issuer https://example.edu/issuers/565049`) });
    expect(report.status).toBe('failed');
  });

  it('a valid Verifiable Credential that is not an Open Badge reads "verified, with warnings"', async () => {
    // The W3C vector re-signed with its own published key after naming the did:key as the issuer
    // (a derived document, not a published vector).
    const didKey = `did:key:${rdfcVector.publicKeyMultibase}`;
    const unsigned = { ...rdfcVector.unsigned, issuer: didKey };
    const signed = await sign(unsigned, { secretKey: hexToBytes(rdfcVector.secretKeySeedHex), verificationMethod: rdfcVector.verificationMethod });
    const d = deps();
    const report = await verifyCredential(signed, d);
    expect(states(report)).toEqual({ format: 'warning', contexts: 'passed', schema: 'skipped', 'issuer-key': 'passed', proof: 'passed', status: 'passed', log: 'skipped', validity: 'passed', recipient: 'skipped' });
    expect(report.status).toBe('warning');
    expect(d.fetchJson.calls).toEqual([]);
    // A broken one is still a failure, not a warning.
    const broken = await verifyCredential({ ...signed, credentialSubject: 'nobody' }, deps());
    expect(byId(broken).format).toMatchObject({ state: 'failed', summary: expect.stringContaining('not a well-formed Verifiable Credential') });
  });

  it('holds anything that claims to be an Open Badge to the Open Badges rules', async () => {
    const { type: _type, ...rest } = unsignedCredential('typeless');
    const report = await verifyCredential({ ...rest, type: ['VerifiableCredential', 'AlumniCredential'] }, deps());
    expect(byId(report).format).toMatchObject({ state: 'failed', summary: expect.stringContaining('type must include OpenBadgeCredential') });
  });

  it('1EdTech OB 3.0: <issuer>#<multikey> verifies only when the issuer publishes that key', async () => {
    const vector = ob3Vector.expectedSigned as Json;
    const issuer = (vector['issuer'] as Json)['id'] as string;
    const vm = (vector['proof'] as Json)['verificationMethod'] as string;
    // The vector's issuer URL serves nothing here: the key written into the name is not enough.
    const unpublished = await verifyCredential(vector, deps());
    expect(byId(unpublished).proof.state).toBe('skipped');
    expect(byId(unpublished)['issuer-key']).toMatchObject({ state: 'failed', code: 'issuer-key.not-found', summary: expect.stringContaining(`Could not fetch the key document ${issuer}`) });
    expect(unpublished.status).toBe('failed');
    // Served an issuer profile that lists the key, it verifies; the schema accepts the compacted single proof.
    const profile = { id: issuer, type: ['Profile'], verificationMethod: [{ id: vm, type: 'Multikey', controller: issuer, publicKeyMultibase: ob3Vector.publicKeyMultibase }], assertionMethod: [vm] };
    const published = await verifyCredential(vector, deps({ site: new Map([...site, [issuer, profile]]) }));
    const checks = byId(published);
    expect(checks.proof.state).toBe('passed');
    expect(checks['issuer-key']).toMatchObject({ state: 'passed', details: { source: 'controlled-identifier-document', documentUrl: issuer } });
    expect(checks.schema.state).toBe('passed');
  });

  it('fails a forgery "from" an https issuer that writes its own key into the key name', async () => {
    // The attack: name a well-known https issuer, sign with your own key, and spell that key in
    // the verification method's fragment, hoping the verifier reads the key from the name.
    const forger = keyPairFromSeed(new Uint8Array(32).fill(66));
    const issuer = 'https://www.university.example/';
    const vm = `${issuer}#${forger.publicKeyMultibase}`;
    const forged = await sign(unsignedCredential('forged', { issuer: { id: issuer, type: ['Profile'], name: 'A University' } }), { secretKey: forger.secretKey, verificationMethod: vm });
    const publicProfile = { id: issuer, type: ['Profile'], name: 'A University' };
    for (const served of [site, new Map([...site, [issuer, publicProfile]])]) {
      const report = await verifyCredential(forged, deps({ site: served }));
      expect(byId(report)['issuer-key']).toMatchObject({ state: 'failed', code: 'issuer-key.not-found' });
      expect(report.status).toBe('failed');
    }
  });

});

/**
 * The Ed25519Signature2020 test vector of Digital Bazaar's reference implementation of the suite
 * (github.com/digitalbazaar/ed25519-signature-2020, test/test-vectors.js @ e482a157, created and
 * verified there with jsonld-signatures): the W3C vc-di-eddsa Alumni credential and key, with the
 * suite context. Every context it names is pinned.
 */
const ED25519_2020_VECTOR = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2', 'https://w3id.org/security/suites/ed25519-2020/v1'],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
  proof: {
    type: 'Ed25519Signature2020',
    created: '2023-02-24T23:36:38Z',
    verificationMethod: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    proofPurpose: 'assertionMethod',
    proofValue: 'z57Mm1vboMtZiCyJ4aReZsv8co4Re64Y8GEjL1ZARzMbXZgkARFLqFs1P345NpPGG2hgCrS4nNdvJhpwnrNyG3kEF',
  },
};

describe('Ed25519Signature2020, for older credentials of other issuers', () => {
  it('verifies the reference implementation\'s vector, and fails it when tampered with', async () => {
    const d = deps();
    const report = await verifyCredential(ED25519_2020_VECTOR, d);
    const checks = byId(report);
    expect(checks.proof).toMatchObject({ state: 'passed', details: { type: 'Ed25519Signature2020' } });
    expect(checks.proof.details?.['canonicalProofConfig']).toContain('<https://w3id.org/security#Ed25519Signature2020>');
    expect(checks['issuer-key'].details).toMatchObject({ source: 'did:key' });
    // As with the W3C eddsa vector: the did:key does not confirm the named issuer.
    expect(checks['issuer-key'].state).toBe('warning');
    expect(d.fetchJson.calls).toEqual([]);
    const tampered = await verifyCredential({ ...ED25519_2020_VECTOR, name: 'Honorary Alumni Credential' }, deps());
    expect(byId(tampered).proof).toMatchObject({ state: 'failed', summary: expect.stringContaining('does not match') });
  });

  it('reads a valid one from its did:key issuer as verified, with a warning that it is not an Open Badge', async () => {
    // Signed here with the vector's key and the suite's algorithm, after naming the did:key as issuer.
    const { proof, ...vector } = ED25519_2020_VECTOR;
    const { proofValue: _value, ...options } = proof;
    const unsigned = { ...vector, issuer: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' };
    const loader = createDocumentLoader();
    const canonical = async (value: object) => {
      const result = await canonicalizeRdfc(value, loader);
      if (!result.ok) throw new Error(result.failure.message);
      return sha256(utf8ToBytes(result.nquads));
    };
    const data = concatBytes(await canonical({ '@context': unsigned['@context'], ...options }), await canonical(unsigned));
    const signed = { ...unsigned, proof: { ...options, proofValue: encodeBase58btc(signBytes(data, hexToBytes(rdfcVector.secretKeySeedHex))) } };
    const report = await verifyCredential(signed, deps());
    expect(states(report)).toMatchObject({ format: 'warning', 'issuer-key': 'passed', proof: 'passed' });
    expect(report.status).toBe('warning');
  });

  it('says so when the credential lacks the suite context', async () => {
    const report = await verifyCredential({ ...ED25519_2020_VECTOR, '@context': ED25519_2020_VECTOR['@context'].slice(0, 2) }, deps());
    expect(byId(report).proof).toMatchObject({ state: 'failed', summary: expect.stringContaining('needs its vocabulary https://w3id.org/security/suites/ed25519-2020/v1') });
  });
});

// ---------------------------------------------------------------------------------------------
// Tampering

type Path = Array<string | number>;

function walk(value: unknown, path: Path, visit: (value: unknown, path: Path) => void): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index], visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], root);
}

const leaves = (doc: Json): Path[] => {
  const found: Path[] = [];
  walk(doc, [], (value, path) => {
    if (value === null || typeof value !== 'object') found.push(path);
  });
  return found;
};
const objects = (doc: Json): Path[] => {
  const found: Path[] = [];
  walk(doc, [], (value, path) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) found.push(path);
  });
  return found;
};
const keys = (doc: Json): Path[] => objects(doc).flatMap((path) => Object.keys(at(doc, path) as Json).map((k) => [...path, k]));

function changed(value: unknown, salt: string): unknown {
  if (typeof value === 'string') return `${value}${salt}`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return salt;
}

async function expectTamperedFails(tampered: Json, where: Path): Promise<void> {
  const report = await verifyCredential(tampered, deps());
  const names = failed(report);
  expect(report.status, `${JSON.stringify(where)} → ${JSON.stringify(states(report))}`).toBe('failed');
  expect(names.length).toBeGreaterThan(0);
  expect(byId(report).proof.state).not.toBe('passed');
  // A changed context is caught before the signature; a changed key reference when looking for the key.
  const expected: CheckId = where[0] === '@context' ? 'contexts' : where[1] === 'verificationMethod' || (where[0] === 'issuer' && where[1] === 'id') ? 'issuer-key' : 'proof';
  expect(names, JSON.stringify(where)).toContain(expected);
}

describe('tampering', () => {
  const runs = { numRuns: 30 };

  it('changing any value fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), async (pick, salt) => {
        const paths = leaves(credential);
        const path = paths[pick % paths.length]!;
        const tampered = structuredClone(credential);
        const parent = at(tampered, path.slice(0, -1)) as Record<string | number, unknown>;
        parent[path.at(-1)!] = changed(parent[path.at(-1)!], salt);
        await expectTamperedFails(tampered, path);
      }),
      runs,
    );
  });

  it('adding a field fails, even one the contexts do not define (canonicalization safe mode)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/), async (pick, name) => {
        const paths = objects(credential);
        const path = paths[pick % paths.length]!;
        const tampered = structuredClone(credential);
        const target = at(tampered, path) as Json;
        fc.pre(!(name in target));
        target[name] = 'added';
        await expectTamperedFails(tampered, [...path, name]);
      }),
      runs,
    );
  });

  it('an undefined top-level field is named as such', async () => {
    const report = await verifyCredential({ ...credential, favouriteColour: 'green' }, deps());
    expect(byId(report).proof).toMatchObject({ state: 'failed', summary: expect.stringContaining('field or type ("favouriteColour") its vocabularies do not define') });
  });

  it('removing a field fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (pick) => {
        const paths = keys(credential);
        const path = paths[pick % paths.length]!;
        const tampered = structuredClone(credential);
        delete (at(tampered, path.slice(0, -1)) as Json)[path.at(-1) as string];
        await expectTamperedFails(tampered, path);
      }),
      runs,
    );
  });

  it('flipping any bit of the signature fails the proof check', async () => {
    const signature = decodeBase58btc((credential['proof'] as Json)['proofValue'] as string)!;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: signature.length * 8 - 1 }), async (bit) => {
        const flipped = signature.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const tampered = { ...credential, proof: { ...(credential['proof'] as Json), proofValue: encodeBase58btc(flipped) } };
        const report = await verifyCredential(tampered, deps());
        expect(report.status).toBe('failed');
        expect(failed(report)).toEqual(['proof']);
        expect(byId(report).status.state).toBe('skipped');
      }),
      { numRuns: 20 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Contexts, keys, status, dates, recipient

describe('contexts', () => {
  it('fails on a context that is not pinned, and never fetches it', async () => {
    const evil = 'https://evil.example/context.json';
    const d = deps();
    const report = await verifyCredential({ ...credential, '@context': [...(credential['@context'] as string[]), evil] }, d);
    const checks = byId(report);
    expect(checks.contexts).toMatchObject({ state: 'failed', details: { unknown: [evil] } });
    expect(checks.proof.state).toBe('skipped');
    expect(report.status).toBe('failed');
    expect(d.fetchJson.calls).not.toContain(evil);
  });
});

describe('issuer key', () => {
  it('fails when the key controller is not the issuer', async () => {
    const signed = await sign(unsignedCredential('impostor', { issuer: { id: 'did:web:university.example', type: ['Profile'], name: 'A Famous University' } }));
    const report = await verifyCredential(signed, deps());
    expect(byId(report)['issuer-key']).toMatchObject({ state: 'failed', summary: expect.stringContaining('not to the issuer did:web:university.example') });
    expect(byId(report).status.state).toBe('skipped');
    expect(report.status).toBe('failed');
  });

  it('fails when the key is not in the DID document, and skips the signature', async () => {
    const signed = await sign(unsignedCredential('other-key'), { secretKey: otherKey.secretKey, verificationMethod: `${DID}#${otherKey.publicKeyMultibase}` });
    const report = await verifyCredential(signed, deps());
    expect(states(report)).toMatchObject({ 'issuer-key': 'failed', proof: 'skipped', status: 'skipped' });
  });

  it('fails when the DID document cannot be fetched', async () => {
    const report = await verifyCredential(credential, deps({ site: new Map() }));
    expect(states(report)).toMatchObject({ 'issuer-key': 'failed', proof: 'skipped' });
    expect(report.status).toBe('failed');
  });

  it('fails when the issuer has marked the key revoked', async () => {
    const document = buildDidDocument(DID, [key.publicKeyMultibase]) as unknown as Json;
    (document['verificationMethod'] as Json[])[0]!['revoked'] = '2026-01-01T00:00:00Z';
    const served = new Map(site);
    served.set(DID_URL, document);
    const report = await verifyCredential(credential, deps({ site: served }));
    expect(byId(report)['issuer-key']).toMatchObject({ state: 'failed', summary: expect.stringContaining('withdrawn') });
  });

  it('fails a signature dated after the key expired, and doubts one dated in the future', async () => {
    // The key expired on 2025-03-01; the credential's proof says 2025-06-01.
    const document = buildDidDocument(DID, [key.publicKeyMultibase]) as unknown as Json;
    (document['verificationMethod'] as Json[])[0]!['expires'] = '2025-03-01T00:00:00Z';
    const report = await verifyCredential(credential, deps({ site: new Map([...site, [DID_URL, document]]) }));
    expect(byId(report).proof).toMatchObject({ state: 'failed', code: 'proof.after-key-expired', summary: expect.stringContaining('after the issuer\'s key expired') });
    // Dates in the reader's words; the exact values stay in the parameters.
    expect(byId(report).proof.summary).toContain(new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date('2025-03-01T00:00:00Z')));
    expect(byId(report).proof.summary).not.toContain('2025-03-01T');
    expect(report.status).toBe('failed');
    // Signed before that date, the key's expiry since is only a warning (unchanged).
    (document['verificationMethod'] as Json[])[0]!['expires'] = '2025-12-01T00:00:00Z';
    const before = await verifyCredential(credential, deps({ site: new Map([...site, [DID_URL, document]]) }));
    expect(states(before)).toMatchObject({ 'issuer-key': 'warning', proof: 'passed' });
    // A proof dated a day after "now": the signature holds, the date is doubted.
    const unsigned = unsignedCredential('future');
    const future = await createProof(unsigned, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: new Date(NOW.getTime() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'), verificationMethod: `${DID}#${key.publicKeyMultibase}`, proofPurpose: 'assertionMethod' }, key.secretKey, createDocumentLoader());
    if (!future.ok) throw new Error('signing failed');
    const ahead = await verifyCredential({ ...unsigned, proof: future.proof }, deps());
    expect(byId(ahead).proof).toMatchObject({ state: 'warning', code: 'proof.created-in-future' });
    expect(ahead.status).toBe('warning');
  });

  it('fails on a proof for another purpose or an unknown suite', async () => {
    for (const change of [{ proofPurpose: 'authentication' }, { cryptosuite: 'ecdsa-rdfc-2019' }, { type: 'JsonWebSignature2020' }]) {
      const report = await verifyCredential({ ...credential, proof: { ...(credential['proof'] as Json), ...change } }, deps());
      expect(states(report)).toMatchObject({ 'issuer-key': 'skipped', proof: 'failed' });
    }
    const unsigned = await verifyCredential(unsignedCredential('unsigned'), deps());
    expect(byId(unsigned).proof).toMatchObject({ state: 'failed', summary: expect.stringContaining('not signed') });
  });
});

describe('status', () => {
  it('fails when the revocation bit is set', async () => {
    const revoked = await sign(unsignedCredential('revoked', { credentialStatus: statusEntry('revocation', REVOKED_INDEX) }));
    const report = await verifyCredential(revoked, deps());
    expect(byId(report).status).toMatchObject({ state: 'failed', summary: 'The issuer has revoked this credential.' });
    expect(byId(report).status.details).toMatchObject({ entries: [{ outcome: 'revoked', statusListIndex: String(REVOKED_INDEX), value: 1, byteIndex: 11820, bitMask: '0x01' }] });
    expect(report.status).toBe('failed');
  });

  it('reads every entry of a credentialStatus array, and fails when suspended', async () => {
    const clear = await sign(unsignedCredential('both', { credentialStatus: [statusEntry('revocation', 17), statusEntry('suspension', 18)] }));
    const clearReport = await verifyCredential(clear, deps({ validateSchema: undefined }));
    expect(byId(clearReport).status).toMatchObject({ state: 'passed', summary: expect.stringContaining('revoked or suspended') });
    const suspended = await sign(unsignedCredential('suspended', { credentialStatus: [statusEntry('revocation', 17), statusEntry('suspension', SUSPENDED_INDEX)] }));
    const report = await verifyCredential(suspended, deps({ validateSchema: undefined }));
    expect(byId(report).status).toMatchObject({ state: 'failed', summary: 'The issuer has suspended this credential.' });
  });

  it('says "could not check", never "not revoked", when the list cannot be fetched', async () => {
    const served = new Map(site);
    served.delete(REVOCATION_LIST);
    const report = await verifyCredential(credential, deps({ site: served }));
    expect(byId(report).status).toMatchObject({ state: 'unknown', summary: expect.stringContaining('Could not check') });
    // Once "warning"; a credential whose revocation could not be checked is not verified.
    expect(report.status).toBe('unchecked');
  });

  const brokenLists: Array<[string, () => Promise<unknown>]> = [
    ['a tampered list', async () => ({ ...(site.get(REVOCATION_LIST) as Json), validFrom: '2020-01-01T00:00:00Z' })],
    ['an unsigned list', async () => ({ ...(site.get(REVOCATION_LIST) as Json), proof: undefined })],
    ['a list signed by another key', async () => {
      const list = structuredClone(site.get(REVOCATION_LIST) as Json);
      delete list['proof'];
      return sign(list, { secretKey: otherKey.secretKey, verificationMethod: `${DID}#${otherKey.publicKeyMultibase}` });
    }],
    ['a list shorter than 131,072 entries', () => statusList(REVOCATION_LIST, 'revocation', [], 8192)],
    ['a list for another purpose', () => statusList(REVOCATION_LIST, 'suspension', [])],
    ['a list whose encodedList is not GZIP', async () => {
      const list = structuredClone(site.get(REVOCATION_LIST) as Json);
      delete list['proof'];
      (list['credentialSubject'] as Json)['encodedList'] = 'uAAAA';
      return sign(list);
    }],
    ['a suspension list served at the revocation list address', async () => site.get(SUSPENSION_LIST)],
    ['not JSON object', async () => ['nope']],
  ];
  it.each(brokenLists)('is unknown, not passed, for %s', async (_name, make) => {
    const served = new Map(site);
    served.set(REVOCATION_LIST, await make());
    const report = await verifyCredential(credential, deps({ site: served }));
    expect(byId(report).status.state).toBe('unknown');
    expect(report.status).toBe('unchecked');
  });

  // Neither type is defined by the pinned contexts, so RDFC safe mode refuses them: sign with JCS.
  it('supports 1EdTechRevocationList', async () => {
    const listUrl = 'https://badges.example.org/academy/revocations.json';
    const signed = await sign(unsignedCredential('1edtech', { credentialStatus: { id: listUrl, type: '1EdTechRevocationList' } }), { cryptosuite: 'eddsa-jcs-2022' });
    const served = new Map(site);
    served.set(listUrl, { revokedCredential: [{ id: 'https://elsewhere.example/1', revoked: true }] });
    expect(byId(await verifyCredential(signed, deps({ site: served }))).status.state).toBe('passed');
    served.set(listUrl, { revokedCredential: [{ id: signed['id'], revocationReason: 'misconduct' }] });
    expect(byId(await verifyCredential(signed, deps({ site: served }))).status.state).toBe('failed');
  });

  it('is unknown for a status method it does not know, and passes with no status at all', async () => {
    const custom = await sign(unsignedCredential('custom', { credentialStatus: { id: 'https://badges.example.org/x', type: 'ExampleStatusMethod2030' } }), { cryptosuite: 'eddsa-jcs-2022' });
    expect(byId(await verifyCredential(custom, deps())).status.state).toBe('unknown');
    const { credentialStatus: _none, ...withoutStatus } = unsignedCredential('nostatus');
    const report = await verifyCredential(await sign(withoutStatus), deps());
    expect(byId(report).status).toMatchObject({ state: 'passed', summary: expect.stringContaining('has no status list') });
    expect(report.status).toBe('verified');
  });
});

describe('validity', () => {
  // An expired credential was once "verified, with warnings"; it is not in force (OB 3.0
  // §Verification, VCDM 2.0 §4.9): the check fails with validity.expired and the verdict is "expired".
  it('is expired once past validUntil, and fails before it starts', async () => {
    const expiring = await sign(unsignedCredential('expiring', { validUntil: '2026-01-01T00:00:00Z' }));
    const expired = await verifyCredential(expiring, deps());
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date('2026-01-01T00:00:00Z'));
    expect(byId(expired).validity).toMatchObject({ state: 'failed', code: 'validity.expired', summary: expect.stringContaining(`This credential expired on ${day}`) });
    expect(byId(expired).validity.summary).not.toContain('T00:00:00Z');
    expect(byId(expired).proof.state).toBe('passed');
    expect(expired.status).toBe('expired');
    const current = await verifyCredential(expiring, deps({ now: new Date('2025-12-31T23:59:59Z') }));
    expect(byId(current).validity.state).toBe('passed');
    const early = await verifyCredential(expiring, deps({ now: new Date('2025-05-31T00:00:00Z') }));
    expect(byId(early).validity).toMatchObject({ state: 'failed', summary: expect.stringContaining('not valid yet') });
    expect(early.status).toBe('failed');
  });

  it('is not checked for a forgery: a changed credential\'s dates and recipient mean nothing', async () => {
    const expiring = await sign(unsignedCredential('expiring', { validUntil: '2027-01-01T00:00:00Z' }));
    const report = await verifyCredential({ ...expiring, name: 'Changed' }, deps({ recipientEmail: EMAIL }));
    expect(states(report)).toMatchObject({ proof: 'failed', validity: 'skipped', recipient: 'skipped' });
    expect(byId(report).validity.code).toBe('validity.not-authentic');
    expect(report.status).toBe('failed');
    // Comparing an address later does not bring it back either.
    expect(byId(withRecipient(report, EMAIL)).recipient.state).toBe('skipped');
  });
});

describe('the verdict', () => {
  const check = (id: CheckResult['id'], state: CheckResult['state'], code: CheckResult['code']): CheckResult => ({ id, state, code });
  const passed = check('proof', 'passed', 'proof.valid');
  const expiredCheck = check('validity', 'failed', 'validity.expired');
  const unknown = check('status', 'unknown', 'status.unknown');
  const warned = check('format', 'warning', 'format.not-open-badge');
  const revoked = check('status', 'failed', 'status.revoked');

  it('ranks failed over expired over could-not-check over warning over verified', () => {
    expect(overallStatus([passed])).toBe('verified');
    expect(overallStatus([passed, warned])).toBe('warning');
    expect(overallStatus([passed, warned, unknown])).toBe('unchecked');
    expect(overallStatus([passed, unknown, expiredCheck])).toBe('expired');
    expect(overallStatus([expiredCheck, revoked])).toBe('failed');
    expect(overallStatus([check('validity', 'failed', 'validity.not-yet')])).toBe('failed');
    expect(worstVerdict(['verified', 'warning', 'unchecked'])).toBe('unchecked');
    expect(worstVerdict(['expired', 'unchecked', 'verified'])).toBe('expired');
    expect(worstVerdict(['expired', 'failed'])).toBe('failed');
    expect(worstVerdict([])).toBe('verified');
  });

  it('names the issuer and the host of its key only once both are proven', async () => {
    const report = await verifyCredential(credential, deps());
    const name = ((credential as Json)['issuer'] as Json)['name'] as string;
    expect(describeVerdict(report)).toEqual({ title: 'Verified', issuer: `Issued by ${name}, whose key is published by badges.example.org.` });
    const forged = await verifyCredential({ ...(credential as Json), name: 'Changed' }, deps());
    expect(describeVerdict(forged)).toEqual({ title: 'Not verified' });
  });

  it('titles its checks in plain words', () => {
    for (const title of Object.values(english.titles)) expect(title).not.toMatch(/vocabular|JSON-LD|eddsa|rdfc|jcs|schema|did:/i);
  });
});

describe('recipient', () => {
  it('matches the hashed email, normalised, and rejects another address', async () => {
    expect(byId(await verifyCredential(credential, deps({ recipientEmail: EMAIL.toUpperCase() }))).recipient.state).toBe('passed');
    const other = await verifyCredential(credential, deps({ recipientEmail: 'eve@example.org' }));
    expect(byId(other).recipient.state).toBe('failed');
    expect(other.status).toBe('failed');
    expect(byId(await verifyCredential(credential, deps())).recipient.state).toBe('skipped');
  });

  it('cannot compare an email with a credential that names its recipient otherwise', async () => {
    // The W3C vector: signed by a did:key (its signature holds), naming no recipient by email.
    const report = await verifyCredential(rdfcVector.expectedSigned, deps({ recipientEmail: EMAIL }));
    expect(byId(report).proof.state).toBe('passed');
    expect(byId(report).recipient.state).toBe('unknown');
    expect(report.status).toBe('unchecked');
  });
});

describe('schema', () => {
  it('reports a broken OB 3.0 rule with the path, and says when it could not check', async () => {
    const unsigned = unsignedCredential('noname');
    delete ((unsigned['credentialSubject'] as Json)['achievement'] as Json)['name'];
    const report = await verifyCredential(await sign(unsigned), deps());
    expect(byId(report).schema).toMatchObject({ state: 'failed', summary: expect.stringContaining('/credentialSubject/achievement') });
    expect(byId(report).proof.state).toBe('passed');
    const without = await verifyCredential(credential, deps({ validateSchema: undefined }));
    expect(byId(without).schema).toMatchObject({ state: 'skipped', summary: expect.stringContaining('Could not check') });
    expect(without.status).toBe('verified');
  });
});

describe('hostile input', () => {
  it('refuses oversized, deep, non-JSON and non-object input with a clear format failure', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i += 1) deep = { a: deep };
    const cyclic: Json = { ...credential };
    cyclic['self'] = cyclic;
    const inputs: Array<[unknown, RegExp]> = [
      [{ ...credential, padding: 'x'.repeat(1024 * 1024) }, /larger than/],
      [deep, /nested more than 64/],
      [cyclic, /nested|values/],
      [[credential], /not a JSON object/],
      [{ ...credential, when: new Date() }, /not JSON/],
      [{ ...credential, n: Number.NaN }, /number/],
      [undefined, /not JSON/],
    ];
    for (const [input, reason] of inputs) {
      const report = await verifyCredential(input, deps());
      expect(report.status).toBe('failed');
      expect(byId(report).format).toMatchObject({ state: 'failed', summary: expect.stringMatching(reason) });
      expect(report.checks.slice(1).every((c) => c.state === 'skipped')).toBe(true);
    }
    for (const text of ['{', '', 'null', '[]', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'x'.repeat(1024 * 1024 + 1)]) {
      const report = await verifyCredentialJson(text, deps());
      expect(report.status).toBe('failed');
      expect(byId(report).format.state).toBe('failed');
    }
  });

  it('refuses deeply nested JSON text before parsing it, counting only real brackets', async () => {
    expect(jsonNestingDepth('{"a":"[[[[{{{{","b":[{"c":"\\"]]"}]}')).toBe(3);
    const deep = await verifyCredentialJson(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, deps());
    expect(byId(deep).format).toMatchObject({ state: 'failed', summary: 'This file cannot be read as a credential: it is nested more than 64 levels deep.' });
  });

  it('survives any JSON value and a fetcher that throws', async () => {
    const throwing: VerifyDeps['fetchJson'] = async () => {
      throw new Error('offline');
    };
    const report = await verifyCredential(credential, { now: NOW, fetchJson: throwing });
    expect(byId(report)['issuer-key'].state).toBe('failed');
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const result = await verifyCredential(value, deps());
        expect(result.status).toBe('failed');
      }),
      { numRuns: 50 },
    );
  });
});
