/**
 * The log check (src/core/verify/log.ts) against logs the build's own code writes
 * (src/issue/transparency-log.ts extendLog), served from memory: a logged credential passes with
 * its history, in a log of one tile or of several; every way the log or the copy can be wrong
 * fails, and a log that cannot be read is "could not check", never passed.
 */
import { describe, expect, it } from 'vitest';
import type { CheckId } from '../../../src/core/verify/check.ts';
import { verifyCredential, type VerifyDeps } from '../../../src/core/verify/verify.ts';
import { LOG, logOf, loggedSite, others, published } from '../../helpers/logged-site.ts';
import { NOW, buildSite, memoryFetch, otherKey, sign, unsignedCredential, type Json } from '../../helpers/verify-site.ts';

const logCheck = async (credential: Json, deps: VerifyDeps) => {
  const report = await verifyCredential(credential, deps);
  const state = (id: CheckId) => report.checks.find((check) => check.id === id)!;
  return { report, log: state('log') };
};

describe('the log check', () => {
  it('passes a credential the log issued, with when it entered the log and its history', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const { deps } = await loggedSite(logOf([[published(credential)]]));
    const { report, log } = await logCheck(credential, deps);
    expect(log).toMatchObject({ state: 'passed', code: 'log.logged', params: { loggedOn: '2025-06-02T09:00:00.000Z', events: [{ index: 0, event: 'issued', date: '2025-06-01T00:00:00Z' }] } });
    expect(log.summary).toMatch(/^In the issuer's public log since .*2025: issued .*2025\.$/);
    expect(log.details).toMatchObject({ size: 1, prefix: LOG });
    expect(report.status).toBe('verified');
  });

  it('proves entries across tiles, in a log of 600 entries, and reads a copy re-formatted since', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const { deps, calls } = await loggedSite(logOf([others(300), [...others(300), published(credential)], [...others(300), published(credential), ...others(600).slice(300)]]));
    // Pretty-printed, as a wallet may keep it: the same JSON, other bytes.
    const copy = JSON.parse(JSON.stringify(credential, null, 2)) as Json;
    const { log } = await logCheck(copy, deps);
    expect(log).toMatchObject({ state: 'passed', code: 'log.logged', params: { events: [{ index: 300, event: 'issued' }] } });
    expect(log.details).toMatchObject({ size: 601 });
    // The checkpoint, the bundle of entry 300 and the tiles of its proof: not the whole log.
    expect(calls.filter((url) => url.includes('/tile/')).length).toBeLessThanOrEqual(4);
  });

  it('reads its history: re-signed, revoked; a revocation in the log is a warning beside the status check\'s failure', async () => {
    const first = await sign(unsignedCredential('ada'));
    const second = await sign({ ...unsignedCredential('ada'), name: 'Data Stewardship (corrected)' });
    const log = logOf([[published(first)], [published(second)], [published(second, { state: 'revoked', revokedOn: '2025-08-01T00:00:00Z' })]]);
    const { deps } = await loggedSite(log);
    const older = await logCheck(first, deps);
    expect(older.log).toMatchObject({ state: 'warning', code: 'log.withdrawn' });
    // Even with status lists that say nothing of it: never "verified".
    expect(older.report.status).toBe('warning');
    expect(older.log.params?.['events']).toMatchObject([{ event: 'issued' }, { event: 're-signed' }, { event: 'revoked', date: '2025-08-01T00:00:00Z' }]);
    expect(older.log.summary).toMatch(/withdrawn: issued .*, re-signed .*, revoked .*2025\.$/);
    const unrevoked = logOf([[published(first)], [published(second)]]);
    const stillValid = await logCheck(first, (await loggedSite(unrevoked)).deps);
    expect(stillValid.log).toMatchObject({ state: 'passed', code: 'log.logged', params: { supersededOn: '2025-07-02T09:00:00.000Z' } });
    expect(stillValid.log.summary).toContain('The issuer signed it again on');
  });

  it('fails a validly signed credential the log does not have, or whose bytes it does not record', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const unlogged = await sign(unsignedCredential('grace'));
    const { deps } = await loggedSite(logOf([[published(credential)]]));
    const missing = await logCheck(unlogged, deps);
    expect(missing.log).toMatchObject({ state: 'failed', code: 'log.missing' });
    expect(missing.log.summary).toContain("not in the issuer's public log");
    expect(missing.report.status).toBe('failed');
    // Signed again by the issuer but never published: the log has only the first signature.
    const other = await sign({ ...unsignedCredential('ada'), validFrom: '2025-06-02T00:00:00Z' });
    const notLogged = await logCheck(other, deps);
    expect(notLogged.log).toMatchObject({ state: 'failed', code: 'log.not-logged' });
  });

  it('fails a log whose checkpoint another key signed, or whose files do not prove the entry', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const forged = await loggedSite(logOf([[published(credential)]], otherKey));
    expect((await logCheck(credential, forged.deps)).log).toMatchObject({ state: 'failed', code: 'log.checkpoint-not-signed' });

    const big = logOf([[...others(300), published(credential)]]);
    const changedTile = await loggedSite(big, (files) => {
      const url = `${LOG}tile/0/001.p/45`;
      files.set(url, files.get(url)!.map((byte, index) => (index === 0 ? byte ^ 1 : byte)));
    });
    expect((await logCheck(credential, changedTile.deps)).log).toMatchObject({ state: 'failed', code: 'log.inconsistent', params: { index: 300 } });
    const changedEntry = await loggedSite(big, (files) => {
      const url = `${LOG}tile/entries/001.p/45`;
      files.set(url, new TextEncoder().encode(new TextDecoder().decode(files.get(url)!).replace('"issued"', '"Issued"')));
    });
    expect((await logCheck(credential, changedEntry.deps)).log).toMatchObject({ state: 'failed', code: 'log.inconsistent' });
    // An index that points at another credential's entry.
    const wrongIndex = await loggedSite(big, (files) => {
      for (const [url, bytes] of files) {
        if (!url.includes('/index/')) continue;
        const shard = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, number[]>;
        if (shard[credential['id'] as string]) files.set(url, new TextEncoder().encode(JSON.stringify({ ...shard, [credential['id'] as string]: [7] })));
      }
    });
    expect((await logCheck(credential, wrongIndex.deps)).log).toMatchObject({ state: 'failed', code: 'log.inconsistent', params: { index: 7 } });
  });

  it('is "could not check" when the log cannot be read, never passed', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const gone = await loggedSite(undefined);
    const unreachable = await logCheck(credential, gone.deps);
    expect(unreachable.log).toMatchObject({ state: 'unknown', code: 'log.unknown', params: { problem: 'checkpoint-unreachable' } });
    expect(unreachable.log.summary).toContain(`its checkpoint ${LOG}checkpoint could not be fetched`);
    expect(unreachable.report.status).toBe('unchecked');
    const noBundle = await loggedSite(logOf([[published(credential)]]), (files) => files.delete(`${LOG}tile/entries/000.p/1`));
    expect((await logCheck(credential, noBundle.deps)).log).toMatchObject({ state: 'unknown', params: { problem: 'file-unreachable' } });
    const noTile = await loggedSite(logOf([[...others(300), published(credential)]]), (files) => files.delete(`${LOG}tile/1/000.p/1`));
    // Entry 300's proof reads the hash of the first 256 entries from the level-1 tile, not the level-0 one.
    expect((await logCheck(credential, noTile.deps)).log).toMatchObject({ state: 'unknown', params: { problem: 'file-unreachable', problemParams: { url: `${LOG}tile/1/000.p/1` } } });
    const { fetchLogFile: _, ...withoutFetcher } = (await loggedSite(logOf([[published(credential)]]))).deps;
    expect((await logCheck(credential, withoutFetcher)).log).toMatchObject({ state: 'unknown', params: { problem: 'no-fetcher' } });
  });

  it('is skipped for an issuer that keeps no log, and for a credential not proven to be the issuer\'s', async () => {
    const credential = await sign(unsignedCredential('ada'));
    const site = await buildSite();
    const plain = await logCheck(credential, { now: NOW, fetchJson: memoryFetch(site) });
    expect(plain.log).toMatchObject({ state: 'skipped', code: 'log.none' });
    expect(plain.report.status).toBe('verified');
    const { deps } = await loggedSite(logOf([[published(credential)]]));
    const tampered = await logCheck({ ...credential, name: 'Brain Surgery' }, deps);
    expect(tampered.log).toMatchObject({ state: 'skipped', code: 'log.not-authentic' });
  });
});
