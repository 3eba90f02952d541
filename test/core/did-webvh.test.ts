/**
 * did:webvh logs: Laurel's writer against didwebvh-ts's resolver, didwebvh-ts's writer against
 * Laurel's resolver, and every tampering the hash chain and the proofs must catch.
 */
import { describe, expect, it } from 'vitest';
import { buildDidDocument } from '../../src/core/did.ts';
import {
  appendDidLogEntry,
  createDidLog,
  didWebvhToUrl,
  keyHistoryOf,
  parseDidLog,
  resolveDidLog,
  serializeDidLog,
  type DidLogEntry,
  type UpdateKey,
} from '../../src/core/did-webvh.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { MAX_DID_LOG_ENTRIES } from '../../src/core/limits.ts';
import { didwebvhTs, resolveWithDidwebvhTs, signerFor, verifier } from '../helpers/didwebvh-ts.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const LOCATION = 'issuer.example:badges';

async function keys(): Promise<UpdateKey[]> {
  return Promise.all([1, 2, 3].map(async (seed) => signerFor(seed)));
}

const stateFor = (did: string, keys: readonly string[]): JsonObject => ({ ...(buildDidDocument(did, keys) as unknown as JsonObject), alsoKnownAs: [`did:web:${LOCATION}`] });

/** Created with the first key, rotated to the second, then the first removed as compromised. */
async function history(): Promise<{ log: DidLogEntry[]; did: string; keys: UpdateKey[] }> {
  const [first, second] = await keys();
  const created = await createDidLog({ location: LOCATION, state: (did) => stateFor(did, [first!.publicKeyMultibase]), updateKey: first!, versionTime: '2026-01-10T09:00:00Z', portable: true });
  const did = created.state['id'] as string;
  const log = [created];
  // Rotation: the old key, still in force, hands over to the new one.
  log.push(await appendDidLogEntry(log, { state: stateFor(did, [first!.publicKeyMultibase, second!.publicKeyMultibase]), parameters: { updateKeys: [second!.publicKeyMultibase] }, versionTime: '2026-02-01T09:00:00Z', signer: first! }));
  // Compromise: the new key removes the old one from the document.
  log.push(await appendDidLogEntry(log, { state: stateFor(did, [second!.publicKeyMultibase]), parameters: {}, versionTime: '2026-03-01T09:00:00Z', signer: second! }));
  return { log, did, keys: await keys() };
}

const urlOf = (did: string) => {
  const url = didWebvhToUrl(did);
  if (!url.ok) throw new Error(url.reason);
  return url.value;
};

describe('a log Laurel writes', () => {
  it('is resolved by didwebvh-ts to the same DID, version and keys', async () => {
    const { log, did, keys: [first, second] } = await history();
    const theirs = await resolveWithDidwebvhTs(serializeDidLog(log));
    expect(theirs.ok, theirs.ok ? '' : theirs.reason).toBe(true);
    if (!theirs.ok) return;
    expect(theirs.did).toBe(did);
    expect(theirs.meta.versionId).toBe(log[2]!.versionId);
    expect(theirs.meta.updateKeys).toEqual([second!.publicKeyMultibase]);
    expect(theirs.doc.verificationMethod?.map((method) => method.publicKeyMultibase)).toEqual([second!.publicKeyMultibase]);
    // didwebvh-ts's historical query: the second version still lists the first key.
    const before = await resolveWithDidwebvhTs(serializeDidLog(log), { versionNumber: 2 });
    expect(before.ok && before.doc.verificationMethod?.map((method) => method.publicKeyMultibase)).toEqual([first!.publicKeyMultibase, second!.publicKeyMultibase]);
  });

  it('is resolved by Laurel, with each key\'s history', async () => {
    const { log, did, keys: [first, second] } = await history();
    const parsed = parseDidLog(serializeDidLog(log));
    expect(parsed.ok).toBe(true);
    const resolved = await resolveDidLog(parsed.ok ? parsed.value : [], did, urlOf(did), NOW);
    expect(resolved.ok, resolved.ok ? '' : resolved.reason).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.versions.map((version) => version.versionId)).toEqual(log.map((entry) => entry.versionId));
    expect(resolved.value.document['id']).toBe(did);
    expect(keyHistoryOf(resolved.value, first!.publicKeyMultibase)).toEqual({ added: '2026-01-10T09:00:00Z', removed: '2026-03-01T09:00:00Z' });
    expect(keyHistoryOf(resolved.value, second!.publicKeyMultibase)).toEqual({ added: '2026-02-01T09:00:00Z' });
    expect(keyHistoryOf(resolved.value, 'z6MkNotInTheLog')).toBeUndefined();
    // The implicit services a did:webvh resolver adds.
    expect(resolved.value.document['service']).toEqual(expect.arrayContaining([expect.objectContaining({ id: '#files', serviceEndpoint: 'https://issuer.example/badges' })]));
  });

  it('moves to a new domain, as portable DIDs may, keeping its SCID and history', async () => {
    const { log, did, keys: [, second] } = await history();
    const moved = did.replace(`:${LOCATION}`, ':new-home.example');
    log.push(await appendDidLogEntry(log, { state: { ...stateFor(moved, [second!.publicKeyMultibase]), alsoKnownAs: [did] }, parameters: {}, versionTime: '2026-04-01T09:00:00Z', signer: second! }));
    const ours = await resolveDidLog(log, moved, urlOf(moved), NOW);
    expect(ours.ok && ours.value.did).toBe(moved);
    // The old DID still resolves to its log, now naming the new location.
    const old = await resolveDidLog(log, did, urlOf(did), NOW);
    expect(old.ok && old.value.did).toBe(moved);
    const theirs = await resolveWithDidwebvhTs(log);
    expect(theirs.ok && theirs.did).toBe(moved);
  });
});

describe('a log didwebvh-ts writes', () => {
  it('is resolved by Laurel, through a rotation and a pre-rotation', async () => {
    const { createDID, updateDID, deriveNextKeyHash } = await didwebvhTs();
    const [a, b, c] = await Promise.all([signerFor(11), signerFor(12), signerFor(13)]);
    const vm = { type: 'Multikey' as const, publicKeyMultibase: a.publicKeyMultibase, purpose: 'assertionMethod' as const };
    const created = await createDID({ domain: 'theirs.example', signer: a.signer, updateKeys: [a.publicKeyMultibase], verificationMethods: [vm], created: '2026-01-01T00:00:00Z', verifier });
    const rotated = await updateDID({ log: created.log, signer: a.signer, updateKeys: [b.publicKeyMultibase], nextKeyHashes: [await deriveNextKeyHash(c.publicKeyMultibase)], verificationMethods: [{ ...vm, publicKeyMultibase: b.publicKeyMultibase }], updated: '2026-02-01T00:00:00Z', verifier });
    const prerotated = await updateDID({ log: rotated.log, signer: c.signer, updateKeys: [c.publicKeyMultibase], nextKeyHashes: [], verificationMethods: [{ ...vm, publicKeyMultibase: c.publicKeyMultibase }], updated: '2026-03-01T00:00:00Z', verifier });
    const parsed = parseDidLog(prerotated.log.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    expect(parsed.ok).toBe(true);
    const resolved = await resolveDidLog(parsed.ok ? parsed.value : [], created.did, urlOf(created.did), NOW);
    expect(resolved.ok, resolved.ok ? '' : resolved.reason).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.versions).toHaveLength(3);
    expect(resolved.value.versions.at(-1)!.updateKeys).toEqual([c.publicKeyMultibase]);
    expect(resolved.value.document['id']).toBe(prerotated.did);
  });

  it('refuses, as Laurel does, a pre-rotated key that was not announced', async () => {
    const { createDID, deriveNextKeyHash } = await didwebvhTs();
    const [a, b, c] = await Promise.all([signerFor(21), signerFor(22), signerFor(23)]);
    const vm = { type: 'Multikey' as const, publicKeyMultibase: a.publicKeyMultibase, purpose: 'assertionMethod' as const };
    const created = await createDID({ domain: 'theirs.example', signer: a.signer, updateKeys: [a.publicKeyMultibase], nextKeyHashes: [await deriveNextKeyHash(b.publicKeyMultibase)], verificationMethods: [vm], created: '2026-01-01T00:00:00Z', verifier });
    // Laurel writes the entry didwebvh-ts would refuse to write: c was never announced.
    const forged = await appendDidLogEntry(created.log as unknown as DidLogEntry[], { state: created.log[0]!.state as unknown as JsonObject, parameters: { updateKeys: [c.publicKeyMultibase] }, versionTime: '2026-02-01T00:00:00Z', signer: c });
    const log = [...(created.log as unknown as DidLogEntry[]), forged];
    const ours = await resolveDidLog(log, created.did, urlOf(created.did), NOW);
    expect(ours.ok ? '' : ours.reason).toMatch(/did not announce in nextKeyHashes/);
    expect((await resolveWithDidwebvhTs(log)).ok).toBe(false);
  });
});

describe('tampering', () => {
  type Tamper = (log: DidLogEntry[], keys: UpdateKey[]) => Promise<DidLogEntry[]> | DidLogEntry[];
  const cases: Array<[string, Tamper, RegExp]> = [
    ['a changed document', (log) => log.map((entry, index) => (index === 1 ? { ...entry, state: { ...entry.state, alsoKnownAs: ['did:web:attacker.example'] } } : entry)), /does not chain|signature/],
    ['a dropped entry', (log) => [log[0]!, log[2]!], /versionId/],
    ['reordered entries', (log) => [log[0]!, log[2]!, log[1]!], /versionId/],
    ['a changed first entry (SCID)', (log) => [{ ...log[0]!, state: { ...log[0]!.state, alsoKnownAs: [] } }, ...log.slice(1)], /SCID .* is not the hash/],
    ['an entry signed by a key not in force', async (log, [first, , third]) => [...log, await appendDidLogEntry(log, { state: log[2]!.state, parameters: { updateKeys: [third!.publicKeyMultibase] }, versionTime: '2026-04-01T09:00:00Z', signer: first! })], /not one of the update keys in force/],
    ['an entry dated before the one before it', async (log, [, second]) => [...log, await appendDidLogEntry(log, { state: log[2]!.state, parameters: {}, versionTime: '2026-02-15T09:00:00Z', signer: second! })], /not after the entry before it/],
    ['an entry dated in the future', async (log, [, second]) => [...log, await appendDidLogEntry(log, { state: log[2]!.state, parameters: {}, versionTime: '2027-01-01T00:00:00Z', signer: second! })], /in the future/],
    ['a proof value replaced', (log) => log.map((entry, index) => (index === 2 ? { ...entry, proof: [{ ...entry.proof[0]!, proofValue: log[1]!.proof[0]!.proofValue }] } : entry)), /signature does not verify/],
    ['a proof by another method', (log) => log.map((entry, index) => (index === 2 ? { ...entry, proof: [{ ...entry.proof[0]!, verificationMethod: 'https://attacker.example/key' }] } : entry)), /not the did:key of an update key/],
    ['witnesses asked for', async (log, [, second]) => [...log, await appendDidLogEntry(log, { state: log[2]!.state, parameters: { witness: { threshold: 1, witnesses: [{ id: 'did:key:z6Mkw' }] } }, versionTime: '2026-04-01T09:00:00Z', signer: second! })], /witnesses/],
  ];
  it.each(cases)('%s is refused by Laurel and by didwebvh-ts', async (_name, tamper, reason) => {
    const { log, did, keys } = await history();
    const tampered = await tamper(log, keys);
    const ours = await resolveDidLog(tampered, did, urlOf(did), NOW);
    expect(ours.ok ? 'resolved' : ours.reason).toMatch(reason);
    expect((await resolveWithDidwebvhTs(tampered)).ok).toBe(false);
  });

  it('refuses a move when the DID is not portable', async () => {
    const [first] = await keys();
    const created = await createDidLog({ location: LOCATION, state: (did) => stateFor(did, [first!.publicKeyMultibase]), updateKey: first!, versionTime: '2026-01-10T09:00:00Z', portable: false });
    const did = created.state['id'] as string;
    const moved = did.replace(`:${LOCATION}`, ':elsewhere.example');
    const log = [created, await appendDidLogEntry([created], { state: stateFor(moved, [first!.publicKeyMultibase]), parameters: {}, versionTime: '2026-02-01T09:00:00Z', signer: first! })];
    const ours = await resolveDidLog(log, did, urlOf(did), NOW);
    expect(ours.ok ? '' : ours.reason).toMatch(/not portable/);
    expect((await resolveWithDidwebvhTs(log)).ok).toBe(false);
  });

  it('refuses the log of another DID', async () => {
    const { log, did } = await history();
    const other = did.replace(/did:webvh:[^:]+:/, 'did:webvh:QmNotTheScidOfThisLogAtAll1111111111111111111:');
    const ours = await resolveDidLog(log, other, urlOf(other), NOW);
    expect(ours.ok ? '' : ours.reason).toMatch(/not .*'s/);
  });
});

describe('reading did.jsonl', () => {
  it('finds the log where did:webvh puts it, with did:web\'s rules for the domain', () => {
    expect(didWebvhToUrl('did:webvh:QmScid:issuer.example')).toEqual({ ok: true, value: 'https://issuer.example/.well-known/did.jsonl' });
    expect(didWebvhToUrl('did:webvh:QmScid:org.github.io:repo')).toEqual({ ok: true, value: 'https://org.github.io/repo/did.jsonl' });
    expect(didWebvhToUrl('did:webvh:QmScid:issuer.example%3A8443')).toEqual({ ok: true, value: 'https://issuer.example:8443/.well-known/did.jsonl' });
    for (const bad of ['did:webvh:QmScid:0x7f.1', 'did:webvh:QmScid', 'did:web:issuer.example', 'did:webvh:QmScid:issuer.example:..']) expect(didWebvhToUrl(bad).ok).toBe(false);
  });

  it('refuses what is not a log of entries, within the limits', () => {
    expect(parseDidLog('')).toMatchObject({ ok: false, reason: 'The DID log is empty.' });
    expect(parseDidLog('{"versionId":"1-x"}\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/line 1 .* not a DID log entry/) });
    expect(parseDidLog('not json\n')).toMatchObject({ ok: false, reason: 'line 1 of the DID log is not JSON.' });
    expect(parseDidLog(`${'['.repeat(100)}${']'.repeat(100)}\n`)).toMatchObject({ ok: false, reason: expect.stringMatching(/nested more than/) });
    expect(parseDidLog('{}\n'.repeat(MAX_DID_LOG_ENTRIES + 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/more than/) });
    const entry = { versionId: '1-x', versionTime: '2026-01-01T00:00:00Z', parameters: {}, state: {}, proof: [{}] };
    expect(parseDidLog(`${JSON.stringify({ ...entry, extra: 1 })}\n`)).toMatchObject({ ok: false, reason: expect.stringMatching(/"extra"/) });
    expect(parseDidLog(`${JSON.stringify(entry)}\n`).ok).toBe(true);
  });
});
