/**
 * The status check on credentials in the shapes other issuers send: VCDM 1.1 credentials naming
 * the Bitstring Status List v1 context, StatusList2021 entries and lists (W3C CCG report), a
 * statusListIndex written as a JSON number, lists published under another name, lists from
 * someone else. Each is made here and signed with a key of the test; each test asserts the status
 * check's state and code (the verdict is the report's business).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { base64 } from '@scure/base';
import { gzipSync } from 'fflate';
import type { Check, VerificationReport } from '../../../src/core/verify/check.ts';
import { verifyCredential } from '../../../src/core/verify/verify.ts';
import { buildStatusListCredential, createBitstring, encodeStatusList, setBit } from '../../../src/core/status-list.ts';
import { encodeBase64url } from '../../../src/core/multibase.ts';
import {
  DID,
  NOW,
  REVOCATION_LIST,
  REVOKED_INDEX,
  SITE,
  buildSite,
  memoryFetch,
  otherKey,
  sign,
  statusEntry,
  unsignedCredential,
  type Json,
} from '../../helpers/verify-site.ts';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const STATUS_V1 = 'https://www.w3.org/ns/credentials/status/v1';
const STATUS_2021 = 'https://w3id.org/vc/status-list/2021/v1';
const DATA_INTEGRITY = 'https://w3id.org/security/data-integrity/v2';
const LIST_2021 = `${SITE}status/2021/revocation.json`;
const SUSPENSION_2021 = `${SITE}status/2021/suspension.json`;

let site: Map<string, unknown>;

const statusOf = (report: VerificationReport): Check => report.checks.find((c) => c.id === 'status')!;
const entriesOf = (report: VerificationReport): Json[] => statusOf(report).details?.['entries'] as Json[];

async function statusCheck(credential: Json, changes: Array<[string, unknown]> = []): Promise<Check> {
  const served = new Map(site);
  for (const [url, json] of changes) served.set(url, json);
  return statusOf(await verifyCredential(credential, { now: NOW, fetchJson: memoryFetch(served) }));
}

function bitsWith(indices: number[]): Uint8Array {
  const bits = createBitstring();
  for (const index of indices) setBit(bits, index);
  return bits;
}

/** A StatusList2021Credential as deployed issuers publish it: VCDM 1.1, bare base64url encodedList. */
async function list2021(url: string, purpose: string, indices: number[], extra: Json = {}, encodedList?: string): Promise<Json> {
  return sign({
    '@context': [V1, STATUS_2021, DATA_INTEGRITY],
    id: url,
    type: ['VerifiableCredential', 'StatusList2021Credential'],
    issuer: DID,
    issuanceDate: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${url}#list`, type: 'StatusList2021', statusPurpose: purpose, encodedList: encodedList ?? encodeBase64url(gzipSync(bitsWith(indices))).slice(1) },
    ...extra,
  });
}

/** A VCDM 1.1 credential of another issuer with the given status entry. */
async function v1Credential(slug: string, contexts: string[], credentialStatus: Json): Promise<Json> {
  return sign({
    '@context': [V1, ...contexts, DATA_INTEGRITY],
    id: `${SITE}credentials/${slug}.json`,
    type: ['VerifiableCredential'],
    issuer: DID,
    issuanceDate: '2025-06-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner' },
    credentialStatus,
  });
}

const entry2021 = (url: string, purpose: string, index: number): Json => ({ id: `${url}#${index}`, type: 'StatusList2021Entry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url });

beforeAll(async () => {
  site = await buildSite();
  site.set(LIST_2021, await list2021(LIST_2021, 'revocation', [REVOKED_INDEX]));
  site.set(SUSPENSION_2021, await list2021(SUSPENSION_2021, 'suspension', [42]));
});

describe('a VCDM 1.1 credential with the Bitstring Status List v1 context', () => {
  it('is read: revoked fails, clear passes', async () => {
    const revoked = await v1Credential('v1-revoked', [STATUS_V1], statusEntry('revocation', REVOKED_INDEX));
    expect(await statusCheck(revoked)).toMatchObject({ state: 'failed', code: 'status.revoked' });
    const clear = await v1Credential('v1-clear', [STATUS_V1], statusEntry('revocation', 17));
    expect(await statusCheck(clear)).toMatchObject({ state: 'passed', code: 'status.clear' });
  });
});

describe('StatusList2021', () => {
  it('reads the bit: revoked, suspended, clear', async () => {
    const revoked = await v1Credential('sl-revoked', [STATUS_2021], entry2021(LIST_2021, 'revocation', REVOKED_INDEX));
    const check = await statusCheck(revoked);
    expect(check).toMatchObject({ state: 'failed', code: 'status.revoked' });
    expect(entriesOf({ checks: [check], status: 'failed' })[0]).toMatchObject({ type: 'StatusList2021Entry', outcome: 'revoked', value: 1 });
    const suspended = await v1Credential('sl-suspended', [STATUS_2021], entry2021(SUSPENSION_2021, 'suspension', 42));
    expect(await statusCheck(suspended)).toMatchObject({ state: 'failed', code: 'status.suspended' });
    const clear = await v1Credential('sl-clear', [STATUS_2021], entry2021(LIST_2021, 'revocation', 17));
    expect(await statusCheck(clear)).toMatchObject({ state: 'passed', code: 'status.clear' });
  });

  it('reads an encodedList in plain base64 with padding', async () => {
    const padded = base64.encode(gzipSync(bitsWith([REVOKED_INDEX])));
    const revoked = await v1Credential('sl-padded', [STATUS_2021], entry2021(LIST_2021, 'revocation', REVOKED_INDEX));
    expect(await statusCheck(revoked, [[LIST_2021, await list2021(LIST_2021, 'revocation', [], {}, padded)]])).toMatchObject({ state: 'failed', code: 'status.revoked' });
  });

  const unusable: Array<[string, string, () => Promise<Array<[string, unknown]>>]> = [
    ['has expired (expirationDate)', 'list-out-of-date', async () => [[LIST_2021, await list2021(LIST_2021, 'revocation', [REVOKED_INDEX], { expirationDate: '2026-01-01T00:00:00Z' })]]],
    ['is tampered with', 'list-unverified', async () => [[LIST_2021, { ...(site.get(LIST_2021) as Json), issuanceDate: '2020-01-01T00:00:00Z' }]]],
    ['is a Bitstring list', 'list-other-method', async () => [[LIST_2021, site.get(REVOCATION_LIST)]]],
    ['is for suspension', 'wrong-purpose', async () => [[LIST_2021, site.get(SUSPENSION_2021)]]],
    ['is not base64', 'list-not-expandable', async () => [[LIST_2021, await list2021(LIST_2021, 'revocation', [], {}, '!!not base64!!')]]],
  ];
  it.each(unusable)('is "could not check" when the list %s, even for a revoked credential', async (_name, problem, changes) => {
    const revoked = await v1Credential('sl-unusable', [STATUS_2021], entry2021(LIST_2021, 'revocation', REVOKED_INDEX));
    expect(await statusCheck(revoked, await changes())).toMatchObject({ state: 'unknown', code: 'status.unknown', params: { problem } });
  });
});

describe('a statusListIndex written as a JSON number', () => {
  const numeric = (index: unknown): Json => ({ ...statusEntry('revocation', 0), statusListIndex: index });

  it('still fails when its bit is set, with a warning', async () => {
    const revoked = await sign(unsignedCredential('numeric-revoked', { credentialStatus: numeric(REVOKED_INDEX) }));
    const check = await statusCheck(revoked);
    expect(check).toMatchObject({ state: 'failed', code: 'status.revoked', params: { warnings: ['index-not-string'] } });
    expect(check.summary).toMatch(/revoked.*written as a number/);
  });

  it('passes with a warning when its bit is clear', async () => {
    const clear = await sign(unsignedCredential('numeric-clear', { credentialStatus: numeric(17) }));
    expect(await statusCheck(clear)).toMatchObject({ state: 'warning', code: 'status.clear', params: { warnings: ['index-not-string'] } });
  });

  it.each([[1.5], [-1], [2 ** 60]])('is "could not check" for %s', async (index) => {
    const odd = await sign(unsignedCredential('numeric-odd', { credentialStatus: numeric(index) }));
    expect(await statusCheck(odd)).toMatchObject({ state: 'unknown', code: 'status.unknown', params: { problem: 'bad-index' } });
  });
});

describe('the list a credential names', () => {
  async function bitstringList(id: string, purpose: string, indices: number[], signer?: { issuer: string; secretKey: Uint8Array; verificationMethod: string }): Promise<Json> {
    const unsigned = buildStatusListCredential({ id, issuer: signer?.issuer ?? DID, validFrom: '2025-01-01T00:00:00Z', statusPurpose: 'revocation', encodedList: encodeStatusList(bitsWith(indices)) });
    (unsigned['credentialSubject'] as Json)['statusPurpose'] = purpose;
    return sign(unsigned, signer ?? {});
  }

  it('may carry an id other than the address it is served from (BSL §3.2 has no such step)', async () => {
    const renamed = await bitstringList('https://cdn.example.net/lists/1', 'revocation', [REVOKED_INDEX]);
    const revoked = await sign(unsignedCredential('renamed-revoked', { credentialStatus: statusEntry('revocation', REVOKED_INDEX) }));
    expect(await statusCheck(revoked, [[REVOCATION_LIST, renamed]])).toMatchObject({ state: 'failed', code: 'status.revoked' });
    const clear = await sign(unsignedCredential('renamed-clear', { credentialStatus: statusEntry('revocation', 17) }));
    expect(await statusCheck(clear, [[REVOCATION_LIST, renamed]])).toMatchObject({ state: 'passed', code: 'status.clear' });
  });

  it('is "could not check" when someone other than the issuer issued it, whatever its bits say', async () => {
    const stranger = `did:key:${otherKey.publicKeyMultibase}`;
    const signer = { issuer: stranger, secretKey: otherKey.secretKey, verificationMethod: `${stranger}#${otherKey.publicKeyMultibase}` };
    for (const indices of [[], [REVOKED_INDEX]]) {
      const foreign = await bitstringList(REVOCATION_LIST, 'revocation', indices, signer);
      const credential = await sign(unsignedCredential('foreign', { credentialStatus: statusEntry('revocation', REVOKED_INDEX) }));
      expect(await statusCheck(credential, [[REVOCATION_LIST, foreign]])).toMatchObject({ state: 'unknown', code: 'status.unknown', params: { problem: 'list-other-issuer' } });
    }
  });

  it('is "could not check" when its own signature fails', async () => {
    const tampered = { ...(site.get(REVOCATION_LIST) as Json), validFrom: '2020-01-01T00:00:00Z' };
    const revoked = await sign(unsignedCredential('tampered-list', { credentialStatus: statusEntry('revocation', REVOKED_INDEX) }));
    const check = await statusCheck(revoked, [[REVOCATION_LIST, tampered]]);
    expect(check).toMatchObject({ state: 'unknown', code: 'status.unknown', params: { problem: 'list-unverified' } });
    expect(check.summary).toMatch(/could not be verified \(Signature/);
  });

  it('is "could not check" when a status of a purpose the verifier does not know is set', async () => {
    const custom = await bitstringList(REVOCATION_LIST, 'eligibility', [REVOKED_INDEX]);
    const entry = (index: number): Json => ({ ...statusEntry('revocation', index), statusPurpose: 'eligibility' });
    const set = await sign(unsignedCredential('custom-set', { credentialStatus: entry(REVOKED_INDEX) }), { cryptosuite: 'eddsa-jcs-2022' });
    expect(await statusCheck(set, [[REVOCATION_LIST, custom]])).toMatchObject({ state: 'unknown', code: 'status.unknown', params: { problem: 'unknown-purpose' } });
    const unset = await sign(unsignedCredential('custom-unset', { credentialStatus: entry(17) }), { cryptosuite: 'eddsa-jcs-2022' });
    expect(await statusCheck(unset, [[REVOCATION_LIST, custom]])).toMatchObject({ state: 'passed', code: 'status.clear' });
  });
});
