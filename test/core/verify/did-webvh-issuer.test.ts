/**
 * A credential whose issuer is a did:webvh DID: the verifier fetches its DID log, verifies the
 * whole history, and takes the key from the latest version; a key the history removed, a log that
 * does not verify, or a verifier that cannot read the log all fail the issuer-key check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDidDocument } from '../../../src/core/did.ts';
import { appendDidLogEntry, createDidLog, serializeDidLog, type DidLogEntry } from '../../../src/core/did-webvh.ts';
import type { JsonObject } from '../../../src/core/json.ts';
import type { FetchLogFile } from '../../../src/core/verify/log.ts';
import { makeBundle, recordingFetchers } from '../../../src/core/verify/bundle.ts';
import { verifyCredential } from '../../../src/core/verify/verify.ts';
import { NOW, SITE, buildSite, key, memoryFetch, otherKey, sign, unsignedCredential, type Json } from '../../helpers/verify-site.ts';
import { resolveWithDidwebvhTs } from '../../helpers/didwebvh-ts.ts';

const LOCATION = 'badges.example.org:academy';
const LOG_URL = `${SITE}did.jsonl`;
const current = { publicKeyMultibase: key.publicKeyMultibase, secretKey: key.secretKey };
const next = { publicKeyMultibase: otherKey.publicKeyMultibase, secretKey: otherKey.secretKey };

let site: Map<string, unknown>;
let log: DidLogEntry[];
let did: string;

beforeAll(async () => {
  site = await buildSite();
  const first = await createDidLog({ location: LOCATION, state: (id) => buildDidDocument(id, [key.publicKeyMultibase]) as unknown as JsonObject, updateKey: current, versionTime: '2025-05-01T00:00:00Z', portable: true });
  did = first.state['id'] as string;
  log = [first];
});

const served = (text: string): FetchLogFile => async (url) => (url === LOG_URL ? { ok: true, bytes: new TextEncoder().encode(text) } : { ok: false, reason: 'HTTP 404' });

async function credentialOf(issuer: string, signer = key): Promise<Json> {
  const unsigned = unsignedCredential('ada', { issuer: { id: issuer, type: ['Profile'], name: 'Example Academy', url: SITE } });
  return sign(unsigned, { verificationMethod: `${issuer}#${signer.publicKeyMultibase}`, secretKey: signer.secretKey });
}

const issuerKeyOf = async (credential: Json, fetchLogFile?: FetchLogFile) => {
  const report = await verifyCredential(credential, { now: NOW, fetchJson: memoryFetch(site), fetchLogFile });
  return { issuerKey: report.checks.find((check) => check.id === 'issuer-key')!, proof: report.checks.find((check) => check.id === 'proof')! };
};

describe('a did:webvh issuer', () => {
  it('is verified from its DID log, with the key\'s place in the history', async () => {
    const { issuerKey, proof } = await issuerKeyOf(await credentialOf(did), served(serializeDidLog(log)));
    expect(issuerKey).toMatchObject({ state: 'passed', code: 'issuer-key.published', details: { source: 'did:webvh', documentUrl: LOG_URL, controller: did, history: { added: '2025-05-01T00:00:00Z', versions: 1 } } });
    expect(issuerKey.summary).toContain("verifiable DID history (did:webvh) has listed it since");
    expect(proof.state).toBe('passed');
  });

  it('fails a key the history removed, naming when', async () => {
    const rotated = [...log];
    rotated.push(await appendDidLogEntry(rotated, { state: buildDidDocument(did, [key.publicKeyMultibase, otherKey.publicKeyMultibase]) as unknown as JsonObject, parameters: { updateKeys: [otherKey.publicKeyMultibase] }, versionTime: '2025-09-01T00:00:00Z', signer: current }));
    rotated.push(await appendDidLogEntry(rotated, { state: buildDidDocument(did, [otherKey.publicKeyMultibase]) as unknown as JsonObject, parameters: {}, versionTime: '2025-10-01T00:00:00Z', signer: next }));
    const text = serializeDidLog(rotated);
    // The same history, read by the DIF's own resolver.
    expect((await resolveWithDidwebvhTs(text)).ok).toBe(true);
    const old = await issuerKeyOf(await credentialOf(did, key), served(text));
    expect(old.issuerKey).toMatchObject({ state: 'failed', code: 'issuer-key.not-found' });
    expect(old.issuerKey.summary).toContain('listed this key from 2025-05-01T00:00:00Z until 2025-10-01T00:00:00Z, when it was removed');
    const renewed = await issuerKeyOf(await credentialOf(did, otherKey), served(text));
    expect(renewed.issuerKey).toMatchObject({ state: 'passed', details: { history: { added: '2025-09-01T00:00:00Z', versions: 3 } } });
  });

  it('fails when the log does not verify, cannot be fetched, or cannot be read here', async () => {
    const credential = await credentialOf(did);
    const tampered = serializeDidLog(log).replace(`"publicKeyMultibase":"${key.publicKeyMultibase}"`, `"publicKeyMultibase":"${otherKey.publicKeyMultibase}"`);
    expect((await issuerKeyOf(credential, served(tampered))).issuerKey.summary).toMatch(/DID log does not verify: .*SCID/);
    expect((await issuerKeyOf(credential, async () => ({ ok: false, reason: 'HTTP 404' }))).issuerKey.summary).toContain(`Could not fetch the issuer's DID log ${LOG_URL}: HTTP 404`);
    expect((await issuerKeyOf(credential)).issuerKey.summary).toContain('cannot be read here');
    expect((await issuerKeyOf(credential, async () => ({ ok: true, bytes: new Uint8Array([0xff, 0xfe]) }))).issuerKey.summary).toContain('not UTF-8');
  });

  it('is another issuer than the did:web at the same place: a did:web key does not sign for it', async () => {
    // Signed by a key of the did:web document, named as if it were the did:webvh's.
    const unsigned = unsignedCredential('ada', { issuer: { id: did, type: ['Profile'], name: 'Example Academy', url: SITE } });
    const credential = await sign(unsigned, { verificationMethod: `did:web:${LOCATION}#${key.publicKeyMultibase}` });
    const { issuerKey } = await issuerKeyOf(credential, served(serializeDidLog(log)));
    expect(issuerKey).toMatchObject({ state: 'failed', code: 'issuer-key.wrong-controller' });
  });
});

describe('a did:web issuer whose DID document names its did:webvh history', () => {
  /** The site with did.json naming `alias` (the log's DID by default) in alsoKnownAs. */
  const aliased = (alias = did, keys = [key.publicKeyMultibase]) => new Map([...site, [`${SITE}did.json`, { ...buildDidDocument(`did:web:${LOCATION}`, keys), alsoKnownAs: [alias] }]]);
  const run = async (served: Map<string, unknown>, fetchLogFile?: FetchLogFile) => {
    const report = await verifyCredential(await sign(unsignedCredential('ada')), { now: NOW, fetchJson: memoryFetch(served), fetchLogFile });
    return report.checks.find((check) => check.id === 'issuer-key')!;
  };

  it('says since when the history has listed the key', async () => {
    const issuerKey = await run(aliased(), served(serializeDidLog(log)));
    expect(issuerKey).toMatchObject({ state: 'passed', code: 'issuer-key.published', details: { source: 'did:web', history: { did, added: '2025-05-01T00:00:00Z', versions: 1 } } });
    expect(issuerKey.summary).toContain('has listed it since');
  });

  it('warns when that history does not verify, or removed the key the document still lists', async () => {
    const tampered = serializeDidLog(log).replace('"portable":true', '"portable":false');
    const broken = await run(aliased(), served(tampered));
    expect(broken).toMatchObject({ state: 'warning', code: 'issuer-key.history-problem' });
    expect(broken.summary).toContain('does not confirm it: The issuer\'s DID log does not verify');
    const removed = [...log];
    removed.push(await appendDidLogEntry(removed, { state: buildDidDocument(did, [otherKey.publicKeyMultibase]) as unknown as JsonObject, parameters: { updateKeys: [otherKey.publicKeyMultibase] }, versionTime: '2025-09-01T00:00:00Z', signer: current }));
    const disagreeing = await run(aliased(), served(serializeDidLog(removed)));
    expect(disagreeing).toMatchObject({ state: 'warning', code: 'issuer-key.history-problem', params: { reason: expect.stringContaining('removed this key on 2025-09-01T00:00:00Z') } });
  });

  it('fails a key gone from the document, saying when the history listed it', async () => {
    const removed = [...log];
    removed.push(await appendDidLogEntry(removed, { state: buildDidDocument(did, [otherKey.publicKeyMultibase]) as unknown as JsonObject, parameters: { updateKeys: [otherKey.publicKeyMultibase] }, versionTime: '2025-09-01T00:00:00Z', signer: current }));
    const issuerKey = await run(aliased(did, [otherKey.publicKeyMultibase]), served(serializeDidLog(removed)));
    expect(issuerKey).toMatchObject({ state: 'failed', code: 'issuer-key.not-found' });
    expect(issuerKey.summary).toContain("The issuer's DID history listed it from 2025-05-01T00:00:00Z until 2025-09-01T00:00:00Z");
  });

  it('is kept in a verification bundle, which gives the history with the network off', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const live = { now: NOW, fetchJson: memoryFetch(aliased()), fetchLogFile: served(serializeDidLog(log)) };
    const recording = recordingFetchers(live);
    await verifyCredential(credential, { ...live, ...recording });
    const bundle = makeBundle(credential, recording.files(), NOW);
    expect(Object.keys(bundle.files)).toEqual(expect.arrayContaining([`${SITE}did.json`, LOG_URL]));
    const off = async () => ({ ok: false as const, reason: 'offline' });
    const report = await verifyCredential(bundle, { now: NOW, fetchJson: off, fetchLogFile: off });
    expect(report.checks.find((check) => check.id === 'issuer-key')!.details).toMatchObject({ history: { did, added: '2025-05-01T00:00:00Z' } });
  });

  it('does not follow an alias on another site, nor read a history without a log fetcher', async () => {
    const elsewhere = did.replace(`:${LOCATION}`, ':elsewhere.example');
    for (const [served_, fetcher] of [[aliased(elsewhere), served(serializeDidLog(log))], [aliased(), undefined]] as const) {
      const issuerKey = await run(served_, fetcher);
      expect(issuerKey).toMatchObject({ state: 'passed', code: 'issuer-key.published' });
      expect(issuerKey.details).not.toHaveProperty('history');
    }
  });
});
