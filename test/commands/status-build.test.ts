/**
 * revoke and suspend, then a full build in the temporary repository: the built status lists carry
 * the new bits at the awards' indices. Slow (a whole Astro build), hence a file of its own.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStatusList, getBit } from '../../src/core/status-list.ts';
import { makeTempRepo, type TempRepo } from '../helpers/temp-repo.ts';

const REVOKED = { id: '2c4dde30-2984-4c1b-9a9f-85e398166ada', statusIndex: 49131 };
const SUSPENDED = { id: '21ea157d-ecde-4be8-9aed-79eff1253717', statusIndex: 130709 };
const UNTOUCHED = { id: '4e7d5d7e-d70b-4b2c-82d7-2e10be95b5ac', statusIndex: 61820 };

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo();
});
afterAll(() => repo.cleanup());

async function bits(purpose: 'revocation' | 'suspension'): Promise<Uint8Array> {
  const list = JSON.parse(await readFile(path.join(repo.dir, 'dist', 'status', `${purpose}.json`), 'utf8')) as { credentialSubject: { encodedList: string } };
  const decoded = decodeStatusList(list.credentialSubject.encodedList);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.bits;
}

describe('a status change reaches the built site', () => {
  it('sets the revocation and suspension bits of the edited awards, and no other', { timeout: 600_000 }, async () => {
    expect((await repo.run('scripts/status.ts', ['revoke', REVOKED.id, '--reason', 'Awarded in error', '--date', '2026-04-01'])).code).toBe(0);
    expect((await repo.run('scripts/status.ts', ['suspend', SUSPENDED.id, '--reason', 'Under review', '--date', '2026-04-02'])).code).toBe(0);
    const build = await repo.run('scripts/build.ts');
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(build.code).toBe(0);

    const credential = JSON.parse(await readFile(path.join(repo.dir, 'dist', 'credentials', `${REVOKED.id}.json`), 'utf8')) as { credentialStatus: Array<{ statusPurpose: string; statusListIndex: string }> | { statusPurpose: string; statusListIndex: string } };
    const entries = [credential.credentialStatus].flat();
    expect(entries.some((entry) => entry.statusPurpose === 'revocation' && entry.statusListIndex === String(REVOKED.statusIndex))).toBe(true);

    const revocation = await bits('revocation');
    const suspension = await bits('suspension');
    expect([getBit(revocation, REVOKED.statusIndex), getBit(revocation, SUSPENDED.statusIndex), getBit(revocation, UNTOUCHED.statusIndex)]).toEqual([1, 0, 0]);
    expect([getBit(suspension, SUSPENDED.statusIndex), getBit(suspension, REVOKED.statusIndex), getBit(suspension, UNTOUCHED.statusIndex)]).toEqual([1, 0, 0]);

    // An independent reading: Node's own gunzip and base64url, and the bit order written out from
    // Bitstring Status List §3.2 (index 0 is the most significant bit of the first byte).
    for (const [purpose, set] of [['revocation', REVOKED], ['suspension', SUSPENDED]] as const) {
      const list = JSON.parse(await readFile(path.join(repo.dir, 'dist', 'status', `${purpose}.json`), 'utf8')) as { credentialSubject: { encodedList: string } };
      const encoded = list.credentialSubject.encodedList;
      expect(encoded.startsWith('u')).toBe(true);
      const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
      expect(raw.length * 8).toBeGreaterThanOrEqual(131_072);
      const bitAt = (index: number) => (raw[Math.floor(index / 8)]! >> (7 - (index % 8))) & 1;
      const setBits: number[] = [];
      raw.forEach((byte, offset) => {
        for (let bit = 0; bit < 8; bit += 1) if ((byte >> (7 - bit)) & 1) setBits.push(offset * 8 + bit);
      });
      expect(bitAt(set.statusIndex), purpose).toBe(1);
      expect(setBits, purpose).toContain(set.statusIndex);
      expect(bitAt(UNTOUCHED.statusIndex), purpose).toBe(0);
    }
  });

  it('publishes status lists that verify as credentials in their own right', { timeout: 120_000 }, async () => {
    for (const purpose of ['revocation', 'suspension']) {
      const result = await repo.run('scripts/verify.ts', [`dist/status/${purpose}.json`, '--site', 'dist', '--json']);
      const report = JSON.parse(result.stdout) as { checks: Array<{ id: string; state: string }> };
      const state = (id: string) => report.checks.find((check) => check.id === id)?.state;
      expect([state('contexts'), state('issuer-key'), state('proof'), state('validity')], purpose).toEqual(['passed', 'passed', 'passed', 'passed']);
    }
  });
});
