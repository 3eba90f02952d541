/**
 * The issuer's DID history across builds: created on the first, unchanged while the DID document
 * is, a rotation recorded only when the key rotated out signs it, a compromise recorded by the
 * current key, and a previous log that does not resolve refused. Read back by didwebvh-ts.
 */
import { describe, expect, it } from 'vitest';
import { buildDidDocument } from '../../src/core/did.ts';
import { keyHistoryOf, parseDidLog, resolveDidLog } from '../../src/core/did-webvh.ts';
import { LaurelError } from '../../src/core/error.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { keyPairFromSeed } from '../../src/core/multikey.ts';
import { extendDidHistory, webvhState, type DidHistory } from '../../src/issue/did-history.ts';
import { resolveWithDidwebvhTs } from '../helpers/didwebvh-ts.ts';

const DID_WEB = 'did:web:records.example:learning';
const [first, second] = [1, 2].map((seed) => keyPairFromSeed(new Uint8Array(32).fill(40 + seed)));
const keyFiles = new Map([[first!.publicKeyMultibase, 'keys/2026-01-01-first.json'], [second!.publicKeyMultibase, 'keys/2026-05-01-second.json']]);
const didWebDocument = (...keys: string[]) =>
  buildDidDocument(DID_WEB, keys, [{ id: `${DID_WEB}#issuer-profile`, type: 'OpenBadgesProfile', serviceEndpoint: 'https://records.example/learning/issuer.json' }]) as unknown as JsonObject;

const build = (previous: DidHistory | undefined, document: JsonObject, current = first!, versionTime = '2026-01-01T10:00:00Z', previousKey?: typeof first) =>
  extendDidHistory({ previous: previous && { text: previous.text, file: '.laurel/log/did.jsonl' }, didWeb: DID_WEB, didWebDocument: document, current, previousKey, keyFiles, versionTime });

async function resolved(history: DidHistory) {
  const parsed = parseDidLog(history.text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const result = await resolveDidLog(parsed.value, history.did, 'https://records.example/learning/did.jsonl', new Date('2026-12-01T00:00:00Z'));
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('the DID history a build publishes', () => {
  it('starts with the did:web document under the did:webvh DID, which names the did:web as an alias', async () => {
    const history = await build(undefined, didWebDocument(first!.publicKeyMultibase));
    expect(history).toMatchObject({ versions: 1, appended: 1 });
    expect(history.did).toMatch(/^did:webvh:Qm[1-9A-HJ-NP-Za-km-z]{44}:records\.example:learning$/);
    const theirs = await resolveWithDidwebvhTs(history.text);
    expect(theirs.ok && theirs.did).toBe(history.did);
    expect(theirs.ok && theirs.doc.alsoKnownAs).toEqual([DID_WEB]);
    expect(theirs.ok && theirs.meta.portable).toBe(true);
    const state = (await resolved(history)).versions[0]!.document;
    expect(state).toEqual(webvhState(didWebDocument(first!.publicKeyMultibase), DID_WEB, history.did));
    expect(JSON.stringify(state)).not.toContain(`${DID_WEB}#`);
    expect(state['verificationMethod']).toEqual([{ id: `${history.did}#${first!.publicKeyMultibase}`, type: 'Multikey', controller: history.did, publicKeyMultibase: first!.publicKeyMultibase }]);
  });

  it('is published unchanged while the document is, and records a rotation only with the key rotated out', async () => {
    const start = await build(undefined, didWebDocument(first!.publicKeyMultibase));
    expect(await build(start, didWebDocument(first!.publicKeyMultibase), first, '2026-02-01T10:00:00Z')).toEqual({ did: start.did, text: start.text, versions: 1, appended: 0 });

    const rotatedDocument = didWebDocument(first!.publicKeyMultibase, second!.publicKeyMultibase);
    const unsigned = await build(start, rotatedDocument, second, '2026-05-01T10:00:00Z');
    expect(unsigned).toMatchObject({ text: start.text, appended: 0 });
    expect(unsigned.warning).toContain(`only ${first!.publicKeyMultibase} (keys/2026-01-01-first.json) may add to it`);
    expect(unsigned.warning).toContain('LAUREL_PREVIOUS_SIGNING_KEY');

    const rotated = await build(start, rotatedDocument, second, '2026-05-01T10:00:00Z', first);
    expect(rotated).toMatchObject({ versions: 2, appended: 1 });
    expect(rotated.text.startsWith(start.text)).toBe(true);
    const [, entry] = rotated.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(entry.parameters).toEqual({ updateKeys: [second!.publicKeyMultibase] });
    expect(entry.proof[0].verificationMethod).toBe(`did:key:${first!.publicKeyMultibase}#${first!.publicKeyMultibase}`);

    // Given again once the rotation is recorded, the retired key's secret is not needed, and the build says to delete it.
    expect((await build(rotated, rotatedDocument, second, '2026-05-02T10:00:00Z', first)).warning).toContain('did not need it');
    expect((await build(undefined, rotatedDocument, second, '2026-05-02T10:00:00Z', first)).warning).toContain('did not need it');
    expect((await build(start, rotatedDocument, second, '2026-05-01T10:00:00Z', first)).warning).toBeUndefined();

    // The compromise of the first key: the second, now in force, removes it.
    const compromised = await build(rotated, didWebDocument(second!.publicKeyMultibase), second, '2026-06-01T10:00:00Z');
    expect(compromised).toMatchObject({ versions: 3, appended: 1 });
    const history = await resolved(compromised);
    expect(keyHistoryOf(history, first!.publicKeyMultibase)).toEqual({ added: '2026-01-01T10:00:00Z', removed: '2026-06-01T10:00:00Z' });
    expect(keyHistoryOf(history, second!.publicKeyMultibase)).toEqual({ added: '2026-05-01T10:00:00Z' });
    const theirs = await resolveWithDidwebvhTs(compromised.text);
    expect(theirs.ok && theirs.meta.versionId).toBe(history.versions[2]!.versionId);
    expect(theirs.ok && theirs.doc.verificationMethod?.map((method) => method.publicKeyMultibase)).toEqual([second!.publicKeyMultibase]);
  });

  it('moves with the site to another domain, keeping its SCID and history, and names where it was', async () => {
    const start = await build(undefined, didWebDocument(first!.publicKeyMultibase));
    const movedWeb = 'did:web:badges.new-home.example';
    const moved = await extendDidHistory({ previous: { text: start.text, file: 'did.jsonl' }, didWeb: movedWeb, didWebDocument: buildDidDocument(movedWeb, [first!.publicKeyMultibase]) as unknown as JsonObject, current: first!, keyFiles, versionTime: '2026-03-01T00:00:00Z' });
    expect(moved).toMatchObject({ versions: 2, appended: 1 });
    expect(moved.did).toBe(start.did.replace(':records.example:learning', ':badges.new-home.example'));
    const theirs = await resolveWithDidwebvhTs(moved.text);
    expect(theirs.ok && theirs.did).toBe(moved.did);
    expect(theirs.ok && theirs.doc.alsoKnownAs).toEqual([movedWeb, start.did]);
  });

  it('dates two versions made in the same second one second apart', async () => {
    const start = await build(undefined, didWebDocument(first!.publicKeyMultibase));
    const next = await build(start, didWebDocument(first!.publicKeyMultibase, second!.publicKeyMultibase), first, '2026-01-01T10:00:00Z');
    expect((await resolved(next)).versions.map((version) => version.versionTime)).toEqual(['2026-01-01T10:00:00Z', '2026-01-01T10:00:01Z']);
  });

  it('refuses a previous log that does not resolve, or is dated after the build, naming the file', async () => {
    const start = await build(undefined, didWebDocument(first!.publicKeyMultibase));
    const refusal = async (history: DidHistory, versionTime: string) => {
      try {
        await build(history, didWebDocument(first!.publicKeyMultibase, second!.publicKeyMultibase), first, versionTime);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const tampered = { ...start, text: start.text.replace('records.example/learning/issuer.json', 'attacker.example/issuer.json') };
    expect(await refusal(tampered, '2026-02-01T00:00:00Z')).toMatchObject({ code: 'did-log-invalid', file: '.laurel/log/did.jsonl', message: expect.stringMatching(/SCID .* is not the hash/) });
    expect(await refusal({ ...start, text: 'not a log\n' }, '2026-02-01T00:00:00Z')).toBeInstanceOf(LaurelError);
    expect(await refusal(start, '2025-12-01T00:00:00Z')).toMatchObject({ code: 'did-log-invalid', message: expect.stringContaining("check the computer's clock") });
  });
});
