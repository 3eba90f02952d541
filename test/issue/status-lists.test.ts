/**
 * revoke and suspend (the commands, in process) in a repository with the academy fixture's
 * content, then the signing a build does (signRepository, no Astro): the signed status lists carry
 * the new bits at the awards' indices, and verify as credentials in their own right.
 */
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { status } from '../../src/commands/status.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';
import type { FetchJson } from '../../src/core/did.ts';
import { decodeStatusList, getBit } from '../../src/core/status-list.ts';
import { verifyCredentialJson } from '../../src/core/verify/verify.ts';
import { jsonArtifacts } from '../../src/issue/hosted-documents.ts';
import { openProofCache } from '../../src/issue/proof-cache.ts';
import { signRepository } from '../../src/issue/sign-repository.ts';
import type { SignedSite } from '../../src/issue/signed-site.ts';
import type { StatusPurpose } from '../../src/issue/urls.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

// Three awards of content/awards/2026/design-systems-2026-02.yaml, none revoked or suspended in the fixture.
const REVOKED = { id: 'f03ab81a-54ba-4f1b-a4ca-8e178ad8d519', statusIndex: 66418 }; // Kenji Mori
const SUSPENDED = { id: 'd51397f8-4e59-4a58-8a21-a1f6e8aa3d71', statusIndex: 37259 }; // Pedro Costa
const UNTOUCHED = { id: 'e28a4715-c804-4e45-90d6-e3b35e1b9849', statusIndex: 8197 }; // Aiko Tanaka
const NOW = new Date('2026-11-02T12:00:00Z');

let repo: Repository;
let site: SignedSite;
/** The indices already set before the change: the fixture has a revoked, an erased (so withdrawn: revoked) and a suspended award. */
let before: Record<StatusPurpose, number[]>;

beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
  const content = validateContent(await readContentFiles(repo.dir));
  if (!content.ok) throw new Error('the academy fixture should be valid');
  const { awards, erased } = content.content;
  before = {
    revocation: [...awards.filter((award) => award.revoked), ...erased].map((award) => award.statusIndex),
    suspension: [...awards.filter((award) => award.suspended), ...erased.filter((award) => award.suspendedOn)].map((award) => award.statusIndex),
  };
  for (const award of [REVOKED, SUSPENDED, UNTOUCHED]) {
    expect(before.revocation).not.toContain(award.statusIndex);
    expect(before.suspension).not.toContain(award.statusIndex);
  }

  expect((await repo.command(status, ['revoke', REVOKED.id, '--reason', 'Awarded in error', '--date', '2026-04-01'], { now: NOW })).code).toBe(0);
  expect((await repo.command(status, ['suspend', SUSPENDED.id, '--reason', 'Under review', '--date', '2026-04-02'], { now: NOW })).code).toBe(0);
  site = await signRepository({ root: repo.dir, production: false, secret: undefined, now: NOW, cache: await openProofCache(path.join(repo.dir, '.laurel', 'cache')) });
});
afterAll(() => repo.cleanup());

function encodedList(purpose: StatusPurpose): string {
  const list = site.statusLists.get(purpose) as { credentialSubject: { encodedList: string } } | undefined;
  if (!list) throw new Error(`the site has no ${purpose} list`);
  return list.credentialSubject.encodedList;
}

function bits(purpose: StatusPurpose): Uint8Array {
  const decoded = decodeStatusList(encodedList(purpose));
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.bits;
}

/** The hosted JSON documents, by URL, as the published site serves them. */
function fetcherOf(signed: SignedSite): FetchJson {
  const documents = new Map(jsonArtifacts(signed).map((artifact) => [signed.urls.site + artifact.path, typeof artifact.bytes === 'string' ? artifact.bytes : new TextDecoder().decode(artifact.bytes)]));
  return async (url) => {
    const text = documents.get(url);
    return text === undefined ? { ok: false, reason: `404 Not Found: ${url}` } : { ok: true, json: JSON.parse(text) };
  };
}

describe('a status change reaches the signed site', () => {
  it('sets the revocation and suspension bits of the edited awards, and no other', () => {
    const credential = site.awards.find((award) => award.record.id === REVOKED.id)?.credential as { credentialStatus: Array<{ statusPurpose: string; statusListIndex: string }> | { statusPurpose: string; statusListIndex: string } } | undefined;
    expect(credential).toBeDefined();
    const entries = [credential!.credentialStatus].flat();
    expect(entries.some((entry) => entry.statusPurpose === 'revocation' && entry.statusListIndex === String(REVOKED.statusIndex))).toBe(true);

    const revocation = bits('revocation');
    const suspension = bits('suspension');
    expect([getBit(revocation, REVOKED.statusIndex), getBit(revocation, SUSPENDED.statusIndex), getBit(revocation, UNTOUCHED.statusIndex)]).toEqual([1, 0, 0]);
    expect([getBit(suspension, SUSPENDED.statusIndex), getBit(suspension, REVOKED.statusIndex), getBit(suspension, UNTOUCHED.statusIndex)]).toEqual([1, 0, 0]);

    // An independent reading: Node's own gunzip and base64url, and the bit order written out from
    // Bitstring Status List §3.2 (index 0 is the most significant bit of the first byte).
    for (const [purpose, set] of [['revocation', REVOKED], ['suspension', SUSPENDED]] as const) {
      const encoded = encodedList(purpose);
      expect(encoded.startsWith('u')).toBe(true);
      const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
      expect(raw.length * 8).toBeGreaterThanOrEqual(131_072);
      const bitAt = (index: number) => (raw[Math.floor(index / 8)]! >> (7 - (index % 8))) & 1;
      const setBits: number[] = [];
      raw.forEach((byte, offset) => {
        for (let bit = 0; bit < 8; bit += 1) if ((byte >> (7 - bit)) & 1) setBits.push(offset * 8 + bit);
      });
      expect(bitAt(set.statusIndex), purpose).toBe(1);
      expect(bitAt(UNTOUCHED.statusIndex), purpose).toBe(0);
      // Exactly the bits that were set before, and the edited award's: no other.
      expect(setBits, purpose).toEqual([...before[purpose], set.statusIndex].sort((a, b) => a - b));
    }
  });

  it('publishes status lists that verify as credentials in their own right', async () => {
    const hosted = new Map(jsonArtifacts(site).map((artifact) => [artifact.path, artifact.bytes]));
    for (const purpose of ['revocation', 'suspension'] as const) {
      const text = hosted.get(`status/${purpose}.json`);
      expect(typeof text, purpose).toBe('string');
      const report = await verifyCredentialJson(String(text), { now: NOW, fetchJson: fetcherOf(site) });
      const state = (id: string) => report.checks.find((check) => check.id === id)?.state;
      expect([state('contexts'), state('issuer-key'), state('proof'), state('validity')], purpose).toEqual(['passed', 'passed', 'passed', 'passed']);
    }
  });
});
