/**
 * The log check's Bitcoin timestamps (src/core/verify/log.ts anchorFor, src/core/tlog/anchor.ts):
 * a credential whose entry an anchored checkpoint holds is said to be in the log by the block's
 * time, proven from tiles of a later size when the anchored size's own partial tile is gone;
 * a pending anchor is said to be pending; a header, proof or checkpoint that does not check out
 * turns the check into a warning and is never taken for a timestamp.
 */
import { describe, expect, it } from 'vitest';
import { readBlockHeader } from '../../../src/core/timestamp/bitcoin.ts';
import { ANCHOR_INDEX_PATH, anchorIndexJson, anchorProofPath, blockHeaderPath, anchoredCheckpointPath } from '../../../src/core/tlog/anchor.ts';
import { verifyCredential } from '../../../src/core/verify/verify.ts';
import { ANCHOR_HEADER, ANCHOR_HEIGHT, LOG, anchorProof, anchoredLog, logOf, loggedSite, others, published } from '../../helpers/logged-site.ts';
import { otherKey, sign, unsignedCredential, type Json } from '../../helpers/verify-site.ts';

const logCheck = async (credential: Json, deps: Parameters<typeof verifyCredential>[1]) => (await verifyCredential(credential, deps)).checks.find((check) => check.id === 'log')!;

async function site(change: (files: Map<string, Uint8Array>, anchored: Uint8Array) => void = () => undefined, size = 601) {
  const credential = await sign(unsignedCredential('ada'));
  const { log, anchored, files: anchors } = await anchoredLog(credential, { size });
  const served = await loggedSite(log, (files) => {
    for (const [file, bytes] of anchors) files.set(LOG + file, bytes);
    change(files, anchored);
  });
  return { credential, ...served };
}

describe("the log check's Bitcoin timestamp", () => {
  it('names the block that proves the credential was in the log by its time, from the earliest anchor that holds it', async () => {
    const header = readBlockHeader(ANCHOR_HEADER)!;
    const { credential, deps } = await site();
    const log = await logCheck(credential, deps);
    expect(log).toMatchObject({ state: 'passed', code: 'log.logged', params: { anchor: { state: 'anchored', size: 301, height: ANCHOR_HEIGHT, blockHash: header.hash, time: new Date(header.time * 1000).toISOString() } } });
    expect(log.summary).toContain(`Bitcoin proves it was in the log by`);
    expect(log.summary).toContain(`timestamped in block ${ANCHOR_HEIGHT}, whose hash ${header.hash} any block explorer confirms`);
  });

  it("proves the entry against the anchored checkpoint from a later size's tile when its own partial tile is gone", async () => {
    // A log of 400 entries: tile 0/001 is still partial, 144 wide; the anchored size's, 45 wide, is
    // gone, as after a deploy that fetched only the live size's partial tiles.
    const { credential, deps, calls } = await site((files) => {
      expect(files.delete(`${LOG}tile/0/001.p/45`)).toBe(true);
    }, 400);
    const log = await logCheck(credential, deps);
    expect(log.params?.['anchor']).toMatchObject({ state: 'anchored', size: 301 });
    expect(calls).toEqual(expect.arrayContaining([`${LOG}tile/0/001.p/45`, `${LOG}tile/0/001`, `${LOG}tile/0/001.p/144`]));
  });

  it('says a timestamp is pending when only a pending anchor holds the entry', async () => {
    const { credential, deps } = await site((files) => {
      files.set(LOG + ANCHOR_INDEX_PATH, new TextEncoder().encode(anchorIndexJson([{ size: 601 }])));
    });
    const log = await logCheck(credential, deps);
    expect(log).toMatchObject({ state: 'passed', code: 'log.logged', params: { anchor: { state: 'pending' } } });
    expect(log.summary).toContain('Bitcoin timestamp of it is not complete yet');
  });

  it('says nothing of timestamps for a log that has none, or whose anchors were made before the entry', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const plain = await loggedSite(logOf([[...others(300), published(credential)]]));
    const none = await logCheck(credential, plain.deps);
    expect(none).toMatchObject({ state: 'passed', params: { anchor: { state: 'none' } } });
    expect(none.summary).not.toContain('Bitcoin');
    const late = await site((files) => files.set(LOG + ANCHOR_INDEX_PATH, new TextEncoder().encode(anchorIndexJson([{ size: 300, bitcoin: ANCHOR_HEIGHT }]))));
    expect((await logCheck(late.credential, late.deps)).params?.['anchor']).toEqual({ state: 'none' });
  });

  const broken: Array<[string, (files: Map<string, Uint8Array>, anchored: Uint8Array) => void, string]> = [
    ['a header one bit off', (files) => files.set(LOG + blockHeaderPath(ANCHOR_HEIGHT), ANCHOR_HEADER.map((byte, index) => (index === 76 ? byte ^ 1 : byte))), 'header-mismatch'],
    ['a proof ending in another block', (files, anchored) => files.set(LOG + anchorProofPath(301), anchorProof(anchored, { kind: 'bitcoin', height: ANCHOR_HEIGHT + 1 })), 'no-bitcoin-attestation'],
    ['a proof of another file', (files) => files.set(LOG + anchorProofPath(301), anchorProof(new TextEncoder().encode('something else'), { kind: 'bitcoin', height: ANCHOR_HEIGHT })), 'proof-of-other-file'],
    ['a proof that is not one', (files) => files.set(LOG + anchorProofPath(301), new Uint8Array([0, 1, 2])), 'proof-unreadable'],
    ['an anchored checkpoint another key signed', (files) => files.set(LOG + anchoredCheckpointPath(301), logOf([[...others(301)]], otherKey).files.find((file) => file.path === 'checkpoint')!.bytes), 'checkpoint-not-signed'],
    ['a missing header', (files) => files.delete(LOG + blockHeaderPath(ANCHOR_HEIGHT)), 'file-unreachable'],
    ['an unreadable list', (files) => files.set(LOG + ANCHOR_INDEX_PATH, new TextEncoder().encode('{"anchors": "all"}')), 'index-unreadable'],
  ];
  for (const [what, change, problem] of broken) {
    it(`warns, and names no block, for ${what}`, async () => {
      const { credential, deps } = await site(change);
      const report = await verifyCredential(credential, deps);
      const log = report.checks.find((check) => check.id === 'log')!;
      expect(log).toMatchObject({ state: 'warning', code: 'log.anchor-invalid', params: { anchor: { state: 'invalid', problem } } });
      expect(log.summary).toContain("Bitcoin timestamp does not check out");
      expect(log.summary).not.toContain('Bitcoin proves');
      expect(report.status).toBe('warning');
    });
  }
});
