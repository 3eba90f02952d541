/**
 * Verification bundles (src/core/verify/bundle.ts): a bundle recorded while a logged credential
 * verified live checks again with no network at all, and then says what it can no longer confirm
 * (the issuer's key, the current status: "could not be fully checked", never "verified"); with
 * the issuer's site back, the live files decide. A forged bundle (a key of the forger's own
 * under the issuer's DID), a changed credential or a changed log file never read "Verified".
 */
import { describe, expect, it } from 'vitest';
import { buildDidDocument } from '../../../src/core/did.ts';
import { MAX_INPUT_BYTES } from '../../../src/core/limits.ts';
import type { CheckId, VerificationReport } from '../../../src/core/verify/check.ts';
import { bundleFileName, makeBundle, readBundle, recordingFetchers, type VerificationBundle } from '../../../src/core/verify/bundle.ts';
import type { FetchLogFile } from '../../../src/core/verify/log.ts';
import { verifyCredential, verifyCredentialJson, type VerifyDeps } from '../../../src/core/verify/verify.ts';
import { ANCHOR_HEIGHT, LOG, anchoredLog, logOf, loggedSite, logService, others, published } from '../../helpers/logged-site.ts';
import { DID, DID_URL, NOW, REVOCATION_LIST, otherKey, sign, statusList, unsignedCredential, type Json } from '../../helpers/verify-site.ts';

const SAVED = new Date('2026-02-01T10:00:00Z');

/** Fetchers with the network off: every request fails, and is counted. */
function offline(): VerifyDeps & { asked: string[] } {
  const asked: string[] = [];
  const fail = async (url: string) => {
    asked.push(url);
    return { ok: false as const, reason: 'offline' };
  };
  return { now: NOW, fetchJson: fail, fetchLogFile: fail as FetchLogFile, asked };
}

/** Verifies the credential live, recording, and returns the bundle of what was read. */
async function recordBundle(credential: Json, deps: VerifyDeps): Promise<{ report: VerificationReport; bundle: VerificationBundle }> {
  const recording = recordingFetchers(deps);
  const report = await verifyCredential(credential, { ...deps, ...recording });
  return { report, bundle: makeBundle(credential, recording.files(), SAVED) };
}

const check = (report: VerificationReport, id: CheckId) => report.checks.find((one) => one.id === id)!;

async function loggedCredential() {
  const credential = await sign(unsignedCredential('ada'));
  const site = await loggedSite(logOf([[...others(300), published(credential)]]));
  return { credential, ...site };
}

describe('a verification bundle', () => {
  it('holds the credential and every file its live verification read, in a stable order', async () => {
    const { credential, deps } = await loggedCredential();
    const { report, bundle } = await recordBundle(credential, deps);
    expect(report.status).toBe('verified');
    const urls = Object.keys(bundle.files);
    expect(urls).toEqual([...urls].sort());
    expect(urls).toEqual(expect.arrayContaining([DID_URL, REVOCATION_LIST, `${LOG}checkpoint`]));
    expect(urls.filter((url) => url.startsWith(`${LOG}tile/`)).length).toBeGreaterThan(0);
    // The issuer's documents as JSON, the log's files as bytes.
    expect(bundle.files[DID_URL]).toHaveProperty('json');
    expect(bundle.files[`${LOG}checkpoint`]).toHaveProperty('base64');
    expect(bundle).toMatchObject({ type: 'LaurelVerificationBundle', version: 1, savedAt: SAVED.toISOString(), credential });
    expect(JSON.stringify(bundle).length).toBeLessThan(MAX_INPUT_BYTES);
    expect(bundleFileName(credential)).toBe('ada.verification-bundle.json');
  });

  it('verifies with the network off, from its files alone, and says what it cannot confirm', async () => {
    const { credential, deps } = await loggedCredential();
    const { bundle } = await recordBundle(credential, deps);
    const network = offline();
    // Read back from its text, as a saved file is.
    const report = await verifyCredentialJson(JSON.stringify(bundle), network);
    expect(report.status).toBe('unchecked');
    expect(check(report, 'proof')).toMatchObject({ state: 'passed', code: 'proof.valid' });
    expect(check(report, 'issuer-key')).toMatchObject({ state: 'unknown', code: 'issuer-key.recorded', params: { savedAt: SAVED.toISOString() }, details: { recordedCode: 'issuer-key.published' } });
    expect(check(report, 'issuer-key').summary).toContain('anyone can write a bundle');
    expect(check(report, 'status')).toMatchObject({ state: 'unknown', code: 'status.recorded', details: { recordedCode: 'status.clear' } });
    expect(check(report, 'status').summary).toMatch(/whether it has been since could not be checked/);
    expect(check(report, 'log')).toMatchObject({ state: 'passed', code: 'log.logged', params: { savedAt: SAVED.toISOString(), events: [{ index: 300, event: 'issued' }] } });
    expect(check(report, 'log').summary).toMatch(/This is the log as the verification bundle saved it on/);
    expect(report.bundle).toEqual({ savedAt: SAVED.toISOString(), files: Object.keys(bundle.files).length, recorded: Object.keys(bundle.files) });
    // Every file was asked for live first, and came from the bundle; so was the list of the log's
    // Bitcoin timestamps, which this log has not got (a 404 is not saved).
    expect(new Set(network.asked)).toEqual(new Set([...Object.keys(bundle.files), `${LOG}anchors/index.json`]));
  });

  it('with the issuer\'s site reachable, is checked live: verified, none of its files needed', async () => {
    const { credential, deps } = await loggedCredential();
    const { bundle } = await recordBundle(credential, deps);
    const report = await verifyCredential(bundle, deps);
    expect(report.status).toBe('verified');
    expect(report.bundle).toMatchObject({ recorded: [] });
    expect(check(report, 'issuer-key').code).toBe('issuer-key.published');
  });

  it('cannot hide a revocation the issuer published since: the live status list decides', async () => {
    const { credential, deps, site } = await loggedCredential();
    const { bundle } = await recordBundle(credential, deps);
    site.set(REVOCATION_LIST, await statusList(REVOCATION_LIST, 'revocation', [17]));
    const report = await verifyCredential(bundle, deps);
    expect(report.status).toBe('failed');
    expect(check(report, 'status')).toMatchObject({ state: 'failed', code: 'status.revoked' });
  });

  it('marks only what rested on a saved file: a status list that cannot be fetched, the rest live', async () => {
    const { credential, deps, site } = await loggedCredential();
    const { bundle } = await recordBundle(credential, deps);
    site.delete(REVOCATION_LIST);
    const report = await verifyCredential(bundle, deps);
    expect(report.bundle?.recorded).toEqual([REVOCATION_LIST]);
    expect(check(report, 'issuer-key')).toMatchObject({ state: 'passed', code: 'issuer-key.published' });
    expect(check(report, 'status')).toMatchObject({ state: 'unknown', code: 'status.recorded' });
    expect(check(report, 'log').params).not.toHaveProperty('savedAt');
    expect(report.status).toBe('unchecked');
  });

  it('a forged bundle, the forger\'s key in a DID document of the issuer\'s name, never reads "Verified"', async () => {
    const { deps } = await loggedCredential();
    // The forger signs with their own key and writes a bundle whose saved DID document lists it.
    const forged = await sign(unsignedCredential('mallory'), { secretKey: otherKey.secretKey, verificationMethod: `${DID}#${otherKey.publicKeyMultibase}` });
    const bundle = makeBundle(forged, { [DID_URL]: { json: buildDidDocument(DID, [otherKey.publicKeyMultibase], [logService]) } }, SAVED);
    const offlineReport = await verifyCredential(bundle, offline());
    expect(offlineReport.status).not.toMatch(/^(verified|warning)$/);
    expect(check(offlineReport, 'issuer-key').state).toBe('unknown');
    // The issuer's site reachable: its own DID document does not list that key.
    const onlineReport = await verifyCredential(bundle, deps);
    expect(onlineReport.status).toBe('failed');
    expect(check(onlineReport, 'issuer-key').state).toBe('failed');
  });

  it('fails a changed credential or a changed log file, offline too', async () => {
    const { credential, deps } = await loggedCredential();
    const { bundle } = await recordBundle(credential, deps);
    const changed = { ...bundle, credential: { ...bundle.credential, name: 'Something else' } };
    expect((await verifyCredential(changed, offline())).status).toBe('failed');
    expect(check(await verifyCredential(changed, offline()), 'proof').code).toBe('proof.bad-signature');
    const tile = Object.keys(bundle.files).find((url) => url.startsWith(`${LOG}tile/0/`))!;
    const bytes = Uint8Array.from(atob((bundle.files[tile] as { base64: string }).base64), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    const badTile = { ...bundle, files: { ...bundle.files, [tile]: { base64: btoa(String.fromCharCode(...bytes)) } } };
    const report = await verifyCredential(badTile, offline());
    expect(check(report, 'log')).toMatchObject({ state: 'failed', code: 'log.inconsistent' });
    expect(report.status).toBe('failed');
  });

  it("keeps the log's Bitcoin timestamp: offline, the bundle still says by when Bitcoin proves the credential was logged", async () => {
    const credential = await sign(unsignedCredential('ada'));
    const { log, files: anchors } = await anchoredLog(credential);
    const { deps } = await loggedSite(log, (files) => {
      for (const [file, bytes] of anchors) files.set(LOG + file, bytes);
    });
    const { bundle } = await recordBundle(credential, deps);
    expect(Object.keys(bundle.files)).toEqual(expect.arrayContaining([`${LOG}anchors/index.json`, `${LOG}anchors/301.checkpoint.ots`, `${LOG}anchors/blocks/${ANCHOR_HEIGHT}.header`]));
    const report = await verifyCredential(bundle, offline());
    expect(check(report, 'log')).toMatchObject({ state: 'passed', params: { anchor: { state: 'anchored', height: ANCHOR_HEIGHT }, savedAt: SAVED.toISOString() } });
    expect(check(report, 'log').summary).toContain('Bitcoin proves it was in the log by');
  });

  it('is refused, with why, when it is not a bundle this verifier reads', async () => {
    const { credential, deps } = await loggedCredential();
    const { bundle } = await recordBundle(credential, deps);
    const cases: Array<[unknown, RegExp]> = [
      [{ ...bundle, version: 2 }, /version this verifier does not read/],
      [{ ...bundle, savedAt: 'yesterday' }, /savedAt is not a date/],
      [{ ...bundle, files: { [DID_URL]: { text: 'x' } } }, /neither \{"json": …\} nor \{"base64": "…"\}/],
      [{ ...bundle, credential: bundle }, /holds another bundle/],
      [{ ...bundle, credential: 'no' }, /holds no credential/],
    ];
    for (const [input, why] of cases) {
      const report = await verifyCredential(input, offline());
      expect(report.status).toBe('failed');
      expect(check(report, 'format')).toMatchObject({ state: 'failed', code: 'format.unreadable', params: { unreadable: 'bad-bundle' } });
      expect(check(report, 'format').summary).toMatch(why);
    }
    expect(readBundle(bundle)).toMatchObject({ ok: true });
  });
});
