/**
 * The status check's suspension list announced in the issuer's did:web document (the OB 3.0
 * JSON Schema allows one credentialStatus, which carries the revocation entry): read at the
 * revocation entry's index, verified like any status list, and "could not check" when it cannot be.
 * Revocation itself is covered in verify.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDidDocument } from '../../../src/core/did.ts';
import type { Check, VerificationReport } from '../../../src/core/verify/check.ts';
import { verifyCredential, type VerifyDeps } from '../../../src/core/verify/verify.ts';
import {
  DID,
  DID_URL,
  NOW,
  REVOCATION_LIST,
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

const SERVICE_ID = `${DID}#suspension-list`;

function didDocumentWith(service: unknown[]): Json {
  return { ...(buildDidDocument(DID, [key.publicKeyMultibase]) as unknown as Json), service };
}

const suspensionService = (endpoint: unknown = SUSPENSION_LIST): Json => ({ id: SERVICE_ID, type: 'BitstringStatusListCredential', serviceEndpoint: endpoint });

let site: Map<string, unknown>;
let clear: Json;
let suspended: Json;

beforeAll(async () => {
  site = await buildSite();
  site.set(DID_URL, didDocumentWith([suspensionService(), { id: `${DID}#issuer-profile`, type: 'OpenBadgesProfile', serviceEndpoint: 'https://badges.example.org/academy/issuer.json' }]));
  clear = await sign(unsignedCredential('clear', { credentialStatus: statusEntry('revocation', 17) }));
  suspended = await sign(unsignedCredential('suspended', { credentialStatus: statusEntry('revocation', SUSPENDED_INDEX) }));
});

function deps(served: Map<string, unknown> = site): VerifyDeps & { fetchJson: ReturnType<typeof memoryFetch> } {
  return { now: NOW, fetchJson: memoryFetch(served) };
}

const statusOf = (report: VerificationReport): Check => report.checks.find((c) => c.id === 'status')!;
const entriesOf = (report: VerificationReport): Json[] => statusOf(report).details?.['entries'] as Json[];

function serving(changes: Array<[string, unknown]>): Map<string, unknown> {
  const served = new Map(site);
  for (const [url, json] of changes) {
    if (json === undefined) served.delete(url);
    else served.set(url, json);
  }
  return served;
}

describe('the suspension list announced in the DID document', () => {
  it('is read at the revocation entry index: clear passes, and says both were checked', async () => {
    const d = deps();
    const report = await verifyCredential(clear, d);
    expect(statusOf(report)).toMatchObject({ state: 'passed', summary: "The issuer's status lists show this credential has not been revoked or suspended." });
    expect(entriesOf(report)).toMatchObject([
      { outcome: 'clear', statusPurpose: 'revocation', statusListCredential: REVOCATION_LIST, statusListIndex: '17', value: 0 },
      { outcome: 'clear', statusPurpose: 'suspension', statusListCredential: SUSPENSION_LIST, statusListIndex: '17', value: 0, announcedBy: SERVICE_ID, announcedIn: DID_URL, listIssuer: DID },
    ]);
    expect(report.status).toBe('verified');
    // The DID document is fetched once, for the key and the service both.
    expect(d.fetchJson.calls).toEqual([DID_URL, REVOCATION_LIST, SUSPENSION_LIST]);
  });

  it('fails when the bit at the same index is set', async () => {
    const report = await verifyCredential(suspended, deps());
    expect(statusOf(report)).toMatchObject({ state: 'failed', summary: 'The issuer has suspended this credential.' });
    expect(entriesOf(report)[1]).toMatchObject({ outcome: 'suspended', statusListIndex: String(SUSPENDED_INDEX), value: 1 });
    expect(report.status).toBe('failed');
  });

  it('revocation wins over suspension', async () => {
    const served = serving([[REVOCATION_LIST, await statusList(REVOCATION_LIST, 'revocation', [SUSPENDED_INDEX])]]);
    expect(statusOf(await verifyCredential(suspended, deps(served))).summary).toBe('The issuer has revoked this credential.');
  });

  const unusable: Array<[string, RegExp, () => Promise<Array<[string, unknown]>>]> = [
    ['cannot be fetched', /could not be fetched/, async () => [[SUSPENSION_LIST, undefined]]],
    ['is tampered with', /could not be verified \(Signature/, async () => [[SUSPENSION_LIST, { ...(site.get(SUSPENSION_LIST) as Json), validFrom: '2020-01-01T00:00:00Z' }]]],
    ['is a revocation list', /is for revocation, not suspension/, async () => [[SUSPENSION_LIST, await statusList(SUSPENSION_LIST, 'revocation', [])]]],
    ['is shorter than 131,072 entries', /fewer than the 131072/, async () => [[SUSPENSION_LIST, await statusList(SUSPENSION_LIST, 'suspension', [], 8192)]]],
    [
      'is issued by someone else, even with a valid signature', /is issued by did:key:.*not by the issuer did:web/,
      async () => {
        const stranger = `did:key:${otherKey.publicKeyMultibase}`;
        const list = structuredClone(site.get(SUSPENSION_LIST) as Json);
        delete list['proof'];
        list['issuer'] = stranger;
        return [[SUSPENSION_LIST, await sign(list, { secretKey: otherKey.secretKey, verificationMethod: `${stranger}#${otherKey.publicKeyMultibase}` })]];
      },
    ],
    ['is announced without an https address', /without a single https address/, async () => [[DID_URL, didDocumentWith([suspensionService('http://badges.example.org/academy/status/suspension.json')])]]],
    ['is announced with two addresses', /without a single https address/, async () => [[DID_URL, didDocumentWith([suspensionService([SUSPENSION_LIST, REVOCATION_LIST])])]]],
  ];
  it.each(unusable)('is "could not check", never "not suspended", when the list %s', async (_name, reason, changes) => {
    const served = serving(await changes());
    for (const credential of [clear, suspended]) {
      const report = await verifyCredential(credential, deps(served));
      expect(statusOf(report)).toMatchObject({ state: 'unknown', summary: expect.stringContaining('Could not check') });
      expect(statusOf(report).summary).toMatch(reason);
      expect(report.status).toBe('unchecked');
    }
  });

  it('accepts a relative service id and a one-element endpoint list', async () => {
    const served = serving([[DID_URL, didDocumentWith([{ id: '#suspension-list', type: ['BitstringStatusListCredential'], serviceEndpoint: [SUSPENSION_LIST] }])]]);
    expect(statusOf(await verifyCredential(suspended, deps(served))).state).toBe('failed');
  });

  it('is not consulted when the credential names its own suspension list, or has no revocation entry to share an index with', async () => {
    const own = await sign(unsignedCredential('own', { credentialStatus: [statusEntry('revocation', SUSPENDED_INDEX), statusEntry('suspension', 18)] }));
    const ownReport = await verifyCredential(own, deps());
    expect(statusOf(ownReport).state).toBe('passed');
    expect(entriesOf(ownReport).map((entry) => entry['statusListIndex'])).toEqual([String(SUSPENDED_INDEX), '18']);
    const { credentialStatus: _none, ...withoutStatus } = unsignedCredential('nostatus');
    const d = deps();
    const report = await verifyCredential(await sign(withoutStatus), d);
    expect(statusOf(report)).toMatchObject({ state: 'passed', summary: expect.stringContaining('has no status list') });
    expect(d.fetchJson.calls).toEqual([DID_URL]);
  });

  it('is ignored for a key that does not come from a did:web document', async () => {
    const didKey = `did:key:${key.publicKeyMultibase}`;
    const signed = await sign(unsignedCredential('didkey', { issuer: { id: didKey, type: ['Profile'], name: 'Key holder' }, credentialStatus: statusEntry('revocation', SUSPENDED_INDEX) }), {
      verificationMethod: `${didKey}#${key.publicKeyMultibase}`,
    });
    const d = deps();
    const report = await verifyCredential(signed, d);
    expect(statusOf(report).state).toBe('passed');
    expect(entriesOf(report)).toHaveLength(1);
    expect(d.fetchJson.calls).not.toContain(SUSPENSION_LIST);
  });

  it('does not exist for a did:web document without the service', async () => {
    const served = serving([[DID_URL, buildDidDocument(DID, [key.publicKeyMultibase])]]);
    const report = await verifyCredential(suspended, deps(served));
    expect(statusOf(report)).toMatchObject({ state: 'passed', summary: "The issuer's status list shows this credential has not been revoked." });
  });
});
