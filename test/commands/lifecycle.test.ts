/**
 * A credential's life in a repository with the academy fixture's content, each step through the
 * real commands (in process), then signed as a build signs it (signRepository, no Astro) and
 * checked by the core verifier against the site's hosted documents, served from memory: award,
 * revoke, suspend and reinstate, forget, and key rotation. What the built pages show is the
 * browser tests' business; here the certificate page's model stands for it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { award } from '../../src/commands/award.ts';
import type { Command } from '../../src/commands/cli.ts';
import { compromiseKey } from '../../src/commands/compromise-key.ts';
import { forget } from '../../src/commands/forget.ts';
import { keygen } from '../../src/commands/keygen.ts';
import { status } from '../../src/commands/status.ts';
import type { FetchJson } from '../../src/core/did.ts';
import type { VerificationReport } from '../../src/core/verify/check.ts';
import { verifyCredentialJson } from '../../src/core/verify/verify.ts';
import { jsonArtifacts } from '../../src/issue/hosted-documents.ts';
import { openProofCache } from '../../src/issue/proof-cache.ts';
import { signRepository, type SignedRepository } from '../../src/issue/sign-repository.ts';
import type { FetchLogFile } from '../../src/core/verify/log.ts';
import type { PublishedLog } from '../../src/issue/transparency-log.ts';
import type { PreviousDidLog } from '../../src/issue/did-history.ts';
import type { SignedSite } from '../../src/issue/signed-site.ts';
import { certificateView } from '../../src/site/page-model.ts';
import { resolveVerificationMethod } from '../../src/core/verification-method.ts';
import { resolveWithDidwebvhTs } from '../helpers/didwebvh-ts.ts';
import { validateAchievementCredential } from '../helpers/ob-schema.ts';
import { makeRepository, type Repository, type RunResult } from '../helpers/repository.ts';

/** One clock for every step: the commands, the signing and the verifier agree on "now". */
const NOW = new Date('2026-11-02T12:00:00Z');
/** Aiko Tanaka's Design Systems award: valid, and it never expires, so any failure is the key's. */
const AIKO = 'e28a4715-c804-4e45-90d6-e3b35e1b9849';

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

/** Runs a command in the repository at NOW; it must succeed. */
async function ok(command: Command, args: readonly string[] = []): Promise<RunResult> {
  const result = await repo.command(command, args, { now: NOW });
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** Each signing is logged one second after the one before, as builds are at least that far apart. */
let signings = 0;
const loggedAtOf = new WeakMap<SignedRepository, string>();

/**
 * What a build signs: with the development key, or in production with the secret of the current
 * key (and, for the build that records a rotation in the DID history, the key rotated out).
 */
async function sign(secret?: string, previousSecret?: string): Promise<SignedRepository> {
  const loggedAt = new Date(NOW.getTime() + 1000 * signings++).toISOString();
  // Each signing extends the transparency log of the one before, as builds do (one log for the
  // development key, one for the production key, as the build keeps them apart).
  const site = await signRepository({
    root: repo.dir,
    production: secret !== undefined,
    secret,
    previousSecret,
    now: NOW,
    cache: await openProofCache(path.join(repo.dir, '.laurel', 'cache')),
    transparencyLog: { previous: async (development) => logs.get(development), loggedAt },
    didHistory: { previous: async (development) => didLogs.get(development), versionTime: loggedAt },
  });
  const checkpoint = site.log?.files.find((file) => file.path === 'checkpoint');
  if (site.log && checkpoint) logs.set(site.development, { checkpoint: new TextDecoder().decode(checkpoint.bytes), entries: site.log.entries, earlierSizes: site.log.earlierSizes });
  if (site.didLog !== undefined) didLogs.set(site.development, { text: site.didLog, file: '.laurel/log/did.jsonl' });
  loggedAtOf.set(site, loggedAt);
  return site;
}

/** The last log each key's signing extended, and its DID history. */
const logs = new Map<boolean, PublishedLog>();
const didLogs = new Map<boolean, PreviousDidLog>();

/** Every hosted JSON document of the site, by URL, as its text. */
function hostedDocuments(site: SignedSite): Map<string, string> {
  return new Map(jsonArtifacts(site).map((artifact) => [site.urls.site + artifact.path, typeof artifact.bytes === 'string' ? artifact.bytes : new TextDecoder().decode(artifact.bytes)]));
}

/** A fetcher that answers from the site's hosted documents, as the published site would. */
function fetcherOf(site: SignedSite): FetchJson {
  const documents = hostedDocuments(site);
  return async (url) => {
    const text = documents.get(url);
    return text === undefined ? { ok: false, reason: `404 Not Found: ${url}` } : { ok: true, json: JSON.parse(text) };
  };
}

/** The site's transparency log files and its DID log, by URL, as the published site serves them. */
function logFetcherOf(site: SignedRepository): FetchLogFile {
  const files = new Map((site.log?.files ?? []).map((file) => [site.urls.transparencyLog + file.path, file.bytes]));
  if (site.didLog !== undefined) files.set(site.urls.didLog, new TextEncoder().encode(site.didLog));
  return async (url) => {
    const bytes = files.get(url);
    return bytes === undefined ? { ok: false, reason: `404 Not Found: ${url}` } : { ok: true, bytes };
  };
}

/** The credential as its holder downloads it: the hosted bytes at its URL. */
function credentialJson(site: SignedSite, id: string): string {
  const text = hostedDocuments(site).get(site.urls.credentialJson(id));
  if (text === undefined) throw new Error(`the site hosts no credential ${id}`);
  return text;
}

/** The verifier as the command line runs it (with the OB 3.0 schema), against `site`. */
function verify(site: SignedRepository, json: string, recipientEmail?: string): Promise<VerificationReport> {
  return verifyCredentialJson(json, { now: NOW, fetchJson: fetcherOf(site), fetchLogFile: logFetcherOf(site), validateSchema: validateAchievementCredential, recipientEmail });
}

function state(report: VerificationReport, id: string): string | undefined {
  return report.checks.find((check) => check.id === id)?.state;
}

/** The award's certificate page model, as the page is rendered from it. */
function certificateOf(site: SignedSite, id: string) {
  const signed = site.awards.find((candidate) => candidate.record.id === id);
  if (!signed) throw new Error(`the site has no award ${id}`);
  return certificateView(site, signed, NOW);
}

/** Files under content/ whose bytes contain the needle. */
async function filesContaining(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(path.join(repo.dir, 'content'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(Buffer.from(needle))) hits.push(path.relative(repo.dir, file));
  }
  return hits;
}

const idIn = (result: RunResult) => /credentials\/([0-9a-f-]{36})\//.exec(result.stdout)?.[1] ?? '';

describe('a credential from award to erasure', () => {
  let id = '';
  /** The revoked credential as its holder saved it, to check that erasure does not make it verify again. */
  let revokedCopy = '';

  it('awards: the new credential verifies, and the recipient check accepts the email', async () => {
    id = idIn(await ok(award, ['accessible-interfaces', '--name', 'Rosalind Example', '--email', 'Rosalind@Example.org', '--date', '2026-09-01']));
    expect(id).not.toBe('');
    const site = await sign();
    const report = await verify(site, credentialJson(site, id));
    expect(report.status).toBe('verified');
    const withEmail = await verify(site, credentialJson(site, id), ' rosalind@example.org');
    expect(state(withEmail, 'recipient')).toBe('passed');
  });

  it('revokes: the status check fails and the certificate page gives the date, the reason staying private', async () => {
    const reason = 'Assessment found to be plagiarised.';
    await ok(status, ['revoke', id, '--reason', reason, '--date', '2026-10-01']);
    const site = await sign();
    revokedCopy = credentialJson(site, id);
    const report = await verify(site, revokedCopy);
    expect(report.status).toBe('failed');
    expect(state(report, 'status')).toBe('failed');
    expect(state(report, 'proof')).toBe('passed');
    const page = certificateOf(site, id);
    expect(page.status).toMatchObject({ state: 'revoked', label: 'Revoked' });
    expect(page.status.sentence).toContain('revoked on 1 October 2026');
    expect(page.status.reason).toBeUndefined();
    // Kept in the award file for the issuer, and in no hosted document (the signed credential, the
    // status lists, the 1EdTech revocation list) nor in what the verifier reports.
    expect(await filesContaining(reason)).toHaveLength(1);
    expect([...hostedDocuments(site)].filter(([, document]) => document.includes('plagiarised')).map(([url]) => url)).toEqual([]);
    expect(JSON.stringify(report)).not.toContain('plagiarised');
  });

  it('revokes with --publish-reason: the certificate page and the revocation list give the reason', async () => {
    const otherId = idIn(await ok(award, ['data-privacy', '--name', 'Quinn Example', '--email', 'quinn@example.org', '--date', '2026-09-03']));
    expect(otherId).not.toBe('');
    await ok(status, ['revoke', otherId, '--reason', 'Awarded in error.', '--date', '2026-10-01', '--publish-reason']);
    const site = await sign();
    const page = certificateOf(site, otherId);
    expect(page.status).toMatchObject({ state: 'revoked', label: 'Revoked', reason: 'Awarded in error.' });
    expect(site.revocationList['revokedCredential']).toContainEqual({ id: site.urls.credentialJson(otherId), revoked: true, revocationReason: 'Awarded in error.' });
  });

  it('suspends and reinstates another award: failed while suspended, verified again after', async () => {
    const otherId = idIn(await ok(award, ['data-privacy', '--name', 'Sam Example', '--email', 'sam@example.org', '--date', '2026-09-02']));
    expect(otherId).not.toBe('');
    await ok(status, ['suspend', otherId, '--reason', 'Under review after a complaint.', '--date', '2026-10-02']);
    let site = await sign();
    let report = await verify(site, credentialJson(site, otherId));
    expect(report.status).toBe('failed');
    expect(state(report, 'status')).toBe('failed');
    await ok(status, ['reinstate', otherId]);
    site = await sign();
    report = await verify(site, credentialJson(site, otherId));
    expect(report.status).toBe('verified');
  });

  it('forgets: no trace of the name or the email hash in content/ or in any hosted document', async () => {
    const awardFile = (await readdir(path.join(repo.dir, 'content', 'awards'), { recursive: true })).find((file) => String(file).includes('rosalind'));
    expect(awardFile).toBeDefined();
    const text = await readFile(path.join(repo.dir, 'content', 'awards', String(awardFile)), 'utf8');
    const hash = /sha256\$[0-9a-f]{64}/.exec(text)?.[0] ?? '';
    const salt = /salt: "?([^"\n]+)"?/.exec(text)?.[1] ?? '';
    expect(hash).not.toBe('');
    expect(hash).toBe(`sha256$${createHash('sha256').update(`rosalind@example.org${salt}`).digest('hex')}`);
    // Before: the revoked credential the site hosts names the learner, so the search below can find her.
    expect(revokedCopy).toContain('Rosalind Example');

    await ok(forget, [id]);
    const site = await sign();
    const hosted = [...hostedDocuments(site)];
    for (const needle of ['Rosalind Example', hash, salt]) {
      expect(await filesContaining(needle), needle).toEqual([]);
      expect(hosted.filter(([, document]) => document.includes(needle)).map(([url]) => url), needle).toEqual([]);
    }
    // The address stays (a notice is built there), without the credential.
    expect(site.erased.map((erased) => erased.id)).toContain(id);
    expect(site.awards.map((signed) => signed.record.id)).not.toContain(id);
    expect(hostedDocuments(site).has(site.urls.credentialJson(id))).toBe(false);
    // The copy the holder saved while it was revoked stays revoked: the tombstone keeps the bit.
    expect(state(await verify(site, revokedCopy), 'status')).toBe('failed');
  });
});

describe('key rotation', () => {
  it('keeps credentials signed by the old key verifying beside those signed by the new one, until the old key is compromised', async () => {
    const secretOf = (result: RunResult) => /\b(z3u2[1-9A-HJ-NP-Za-km-z]{40,})\b/.exec(result.stdout)?.[1] ?? '';
    const firstSecret = secretOf(await ok(keygen));
    expect(firstSecret).not.toBe('');
    const firstSite = await sign(firstSecret);
    const createdAt = loggedAtOf.get(firstSite)!;
    const signedByOld = credentialJson(firstSite, AIKO);

    const secondSecret = secretOf(await ok(keygen, ['--rotate']));
    expect(secondSecret).not.toBe('');
    expect(secondSecret).not.toBe(firstSecret);
    let site = await sign(secondSecret);
    const resignedAt = loggedAtOf.get(site);
    // The DID history cannot record the rotation until the key rotated out signs it.
    expect(site.didHistory).toMatchObject({ versions: 1, appended: 0, warning: expect.stringContaining('LAUREL_PREVIOUS_SIGNING_KEY') });
    site = await sign(secondSecret, firstSecret);
    expect(site.didHistory).toMatchObject({ versions: 2, appended: 1 });
    const rotatedAt = loggedAtOf.get(site)!;
    const signedByNew = credentialJson(site, AIKO);
    expect(signedByNew).not.toBe(signedByOld);
    expect((await verify(site, signedByOld)).status).not.toBe('failed');
    // The log has both signatures: the copy signed before the rotation is an earlier version of it.
    expect((await verify(site, signedByOld)).checks.find((check) => check.id === 'log')).toMatchObject({ state: 'passed', params: { supersededOn: resignedAt } });
    expect((await verify(site, signedByNew)).status).not.toBe('failed');

    const keys = (await readdir(path.join(repo.dir, 'keys'))).filter((file) => file.endsWith('.json'));
    const retired: string[] = [];
    for (const file of keys) if (JSON.parse(await readFile(path.join(repo.dir, 'keys', file), 'utf8')).status === 'retired') retired.push(file);
    expect(retired).toHaveLength(1);
    await ok(compromiseKey, [`keys/${retired[0]}`]);
    site = await sign(secondSecret);
    const compromisedAt = loggedAtOf.get(site)!;
    const afterCompromise = await verify(site, signedByOld);
    expect(afterCompromise.status).toBe('failed');
    expect(state(afterCompromise, 'issuer-key')).toBe('failed');
    // The did:web document names its history, which says when the key was the issuer's.
    expect(afterCompromise.checks.find((check) => check.id === 'issuer-key')!.summary).toContain(`The issuer's DID history listed it from ${createdAt.replace('.000Z', 'Z')} until ${compromisedAt.replace('.000Z', 'Z')}`);
    expect((await verify(site, credentialJson(site, AIKO))).status).not.toBe('failed');

    // The DID history holds the rotation and the compromise, for didwebvh-ts and for Laurel's verifier.
    const oldKey = JSON.parse(await readFile(path.join(repo.dir, 'keys', retired[0]!), 'utf8')).publicKeyMultibase as string;
    const newKey = keys.filter((file) => file !== retired[0]).map((file) => JSON.parse(readFileSync(path.join(repo.dir, 'keys', file), 'utf8')) as { publicKeyMultibase: string; status: string }).find((file) => file.status === 'current')!.publicKeyMultibase;
    expect(site.didHistory).toMatchObject({ versions: 3, appended: 1 });
    const webvh = site.didHistory!.did;
    expect(JSON.parse(hostedDocuments(site).get(site.urls.didDocument)!).alsoKnownAs).toEqual([webvh]);
    // In the order of keys/, which is the files' (named after the keys) and so varies from run to run.
    const keysOf = (doc: { verificationMethod?: Array<{ publicKeyMultibase?: string }> }) => doc.verificationMethod?.map((method) => method.publicKeyMultibase).sort();
    for (const [version, listed] of [[1, [oldKey]], [2, [oldKey, newKey].sort()], [3, [newKey]]] as const) {
      const theirs = await resolveWithDidwebvhTs(site.didLog!, { versionNumber: version });
      expect(theirs.ok && keysOf(theirs.doc), `version ${version}`).toEqual(listed);
    }
    const fetchBytes = logFetcherOf(site);
    const removed = await resolveVerificationMethod(`${webvh}#${oldKey}`, fetcherOf(site), { fetchBytes, now: NOW });
    expect(removed.ok ? 'resolved' : removed.reason).toContain(`listed this key from ${createdAt.replace('.000Z', 'Z')} until ${compromisedAt.replace('.000Z', 'Z')}`);
    const current = await resolveVerificationMethod(`${webvh}#${newKey}`, fetcherOf(site), { fetchBytes, now: NOW });
    expect(current.ok && current.value.history).toMatchObject({ added: rotatedAt.replace('.000Z', 'Z'), versions: 3 });
  });
});
