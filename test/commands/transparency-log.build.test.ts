/**
 * The transparency log across real builds (`npm run build`, in a copy of the built academy
 * fixture): each build extends the log the last one wrote, every checkpoint is a consistent
 * extension of the one before and is signed by the key the DID document publishes, content that
 * would rewrite what the log recorded is refused with nothing published, and a previous log that
 * was tampered with is refused too.
 */
import { createHash } from 'node:crypto';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forget } from '../../src/commands/forget.ts';
import { status } from '../../src/commands/status.ts';
import { verify } from '../../src/commands/verify.ts';
import { decodePublicKeyMultibase } from '../../src/core/multikey.ts';
import { openCheckpoint, type Checkpoint } from '../../src/core/tlog/checkpoint.ts';
import { consistencyProof, inclusionProof, leafHash, merkleTree, verifyConsistency, verifyInclusion } from '../../src/core/tlog/merkle.ts';
import { entryBundlePath } from '../../src/core/tlog/tiles.ts';
import { readLogFolder } from '../../src/issue/log-folder.ts';
import { decodeEntry, jsonDigest } from '../../src/core/tlog/entry.ts';
import { resolveWithDidwebvhTs } from '../helpers/didwebvh-ts.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

const SITE = 'https://credentials.harbourside.example/';
const ORIGIN = 'credentials.harbourside.example/log';
/** Aiko Tanaka's Design Systems award (valid), and Kenji Mori's Data Privacy Essentials (valid). */
const AIKO = 'e28a4715-c804-4e45-90d6-e3b35e1b9849';
const KENJI = '9de4c366-9fcf-42f9-859c-d641e1be5802';

async function fingerprint(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return new Map(await Promise.all(files.map(async (file) => [path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex')] as const)));
}

describe('the transparency log of a site, build after build', () => {
  const sites = inject('sites');
  let repo: Repository;
  let dist: string;
  /** The key the built DID document publishes: the log's key too. */
  let publicKey: Uint8Array;
  const checkpoints: Checkpoint[] = [];

  async function publishedCheckpoint(): Promise<Checkpoint> {
    const opened = openCheckpoint(await readFile(path.join(dist, 'log', 'checkpoint'), 'utf8'), ORIGIN, publicKey);
    expect(opened, 'the published checkpoint, signed by the DID document\'s key').toBeDefined();
    return opened!;
  }

  /** npm run verify -- <the hosted credential> --site dist --json: the log check's result. */
  async function logCheck(id: string): Promise<{ status: string; log: { state: string; code: string; params: Record<string, unknown> } }> {
    const result = await repo.command(verify, [path.join('dist', 'credentials', `${id}.json`), '--site', 'dist', '--json']);
    const report = JSON.parse(result.stdout) as { status: string; checks: Array<{ id: string; state: string; code: string; params: Record<string, unknown> }> };
    return { status: report.status, log: report.checks.find((check) => check.id === 'log')! };
  }

  async function build(args: string[] = []) {
    return repo.run('scripts/build.ts', args);
  }

  beforeAll(async () => {
    repo = await makeRepository({ from: sites.academy.dir, cacheDirectory: sites.cacheDirectory });
    dist = path.join(repo.dir, 'dist');
    const did = JSON.parse(await readFile(path.join(dist, '.well-known', 'did.json'), 'utf8')) as { verificationMethod: Array<{ publicKeyMultibase: string }> };
    publicKey = decodePublicKeyMultibase(did.verificationMethod[0]!.publicKeyMultibase)!;
    checkpoints.push(await publishedCheckpoint());
  });
  afterAll(() => repo.cleanup());

  it('logs every credential the first build published, each provable against the checkpoint', async () => {
    const log = (await readLogFolder(path.join(dist, 'log')))!;
    expect(log.entries).toHaveLength(checkpoints[0]!.size);
    const tree = merkleTree(log.entries.map(leafHash));
    const entries = log.entries.map((bytes) => decodeEntry(bytes)!);
    const hosted = await readFile(path.join(dist, 'credentials', `${AIKO}.json`), 'utf8');
    const index = entries.findIndex((entry) => entry.event === 'issued' && entry.id === `${SITE}credentials/${AIKO}.json`);
    expect(entries[index]!.sha256).toBe(jsonDigest(hosted));
    expect(verifyInclusion(index, tree.size, tree.levels[0]![index]!, inclusionProof(tree, index), checkpoints[0]!.root)).toBe(true);
    // npm run verify proves it from the published files, through the DID document's log service.
    const did = JSON.parse(await readFile(path.join(dist, '.well-known', 'did.json'), 'utf8')) as { service: Array<{ id: string; type: string; serviceEndpoint: string }> };
    expect(did.service).toContainEqual(expect.objectContaining({ type: 'TransparencyLog', serviceEndpoint: `${SITE}log/` }));
    const checked = await logCheck(AIKO);
    expect(checked.log).toMatchObject({ state: 'passed', code: 'log.logged', params: { events: [{ index, event: 'issued' }] } });
    expect(checked.status).toBe('verified');
    // The copy the next build extends is the published log, byte for byte, with the DID history published beside did.json.
    const kept = await fingerprint(path.join(repo.dir, '.laurel', 'development-log'));
    const published = await fingerprint(path.join(dist, 'log'));
    published.set('did.jsonl', (await fingerprint(path.join(dist, '.well-known'))).get('did.jsonl')!);
    expect(kept).toEqual(published);
  });

  it('appends a revocation, then an erasure, each checkpoint consistent with the one before', async () => {
    expect((await repo.command(status, ['revoke', AIKO, '--reason', 'Awarded in error.', '--date', '2026-11-01'])).code).toBe(0);
    const revoked = await build();
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/transparency log of \d+ entries \(1 new\)/);
    checkpoints.push(await publishedCheckpoint());

    expect((await repo.command(forget, [KENJI, '--date', '2026-11-02'])).code).toBe(0);
    const erased = await build();
    expect(erased.code, erased.stderr).toBe(0);
    checkpoints.push(await publishedCheckpoint());

    const log = (await readLogFolder(path.join(dist, 'log')))!;
    const entries = log.entries.map((bytes) => decodeEntry(bytes)!);
    expect(entries.slice(checkpoints[0]!.size).map((entry) => `${entry.event} ${entry.id.slice(SITE.length)} ${entry.date}`)).toEqual([
      `revoked credentials/${AIKO}.json 2026-11-01T00:00:00Z`,
      `erased credentials/${KENJI}.json 2026-11-02T00:00:00Z`,
    ]);
    const tree = merkleTree(log.entries.map(leafHash));
    expect(checkpoints.map((checkpoint) => checkpoint.size)).toEqual([checkpoints[0]!.size, checkpoints[0]!.size + 1, checkpoints[0]!.size + 2]);
    for (const [a, b] of [[0, 1], [1, 2], [0, 2]] as const) {
      expect(verifyConsistency(checkpoints[a]!.size, checkpoints[b]!.size, consistencyProof(tree, checkpoints[a]!.size, checkpoints[b]!.size), checkpoints[a]!.root, checkpoints[b]!.root)).toBe(true);
    }
    // The verifier reads the revocation in the log, as the status list says it.
    const revokedCheck = await logCheck(AIKO);
    expect(revokedCheck.log).toMatchObject({ state: 'warning', code: 'log.withdrawn', params: { events: [{ event: 'issued' }, { event: 'revoked', date: '2026-11-01T00:00:00Z' }] } });
    expect(revokedCheck.status).toBe('failed');
    // The erased learner's name is in no file of the log.
    const files = await readdir(path.join(dist, 'log'), { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) expect((await readFile(path.join(file.parentPath, file.name), 'utf8')).includes('Kenji')).toBe(false);
  });

  it('publishes the DID history beside did.json, kept with the log and unchanged by builds that change no key; didwebvh-ts and npm run verify read it', async () => {
    const text = await readFile(path.join(dist, '.well-known', 'did.jsonl'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(await readFile(path.join(repo.dir, '.laurel', 'development-log', 'did.jsonl'), 'utf8')).toBe(text);
    const did = JSON.parse(await readFile(path.join(dist, '.well-known', 'did.json'), 'utf8')) as { id: string; alsoKnownAs: string[]; verificationMethod: Array<{ publicKeyMultibase: string }> };
    const theirs = await resolveWithDidwebvhTs(text);
    expect(theirs.ok, theirs.ok ? '' : theirs.reason).toBe(true);
    if (!theirs.ok) return;
    expect(did.alsoKnownAs).toEqual([theirs.did]);
    expect(theirs.doc.alsoKnownAs).toEqual([did.id]);
    expect(theirs.doc.verificationMethod?.map((method) => method.publicKeyMultibase)).toEqual(did.verificationMethod.map((method) => method.publicKeyMultibase));
    // The verifier reads it from the built files, through the DID document's alias.
    const result = await repo.command(verify, [path.join('dist', 'credentials', `${AIKO}.json`), '--site', 'dist', '--json']);
    const issuerKey = (JSON.parse(result.stdout) as { checks: Array<{ id: string; details: Record<string, unknown> }> }).checks.find((check) => check.id === 'issuer-key')!;
    expect(issuerKey.details['history']).toMatchObject({ did: theirs.did, versions: 1, added: theirs.meta.created });
  });

  it('refuses content that undoes a revocation the log recorded, naming the award file, and publishes nothing', async () => {
    const names = (await readdir(path.join(repo.dir, 'content', 'awards'), { recursive: true })).map(String).filter((name) => name.endsWith('.yaml'));
    const texts = await Promise.all(names.map((name) => readFile(path.join(repo.dir, 'content', 'awards', name), 'utf8')));
    const file = names[texts.findIndex((text) => text.includes(AIKO))]!;
    const awardFile = path.join(repo.dir, 'content', 'awards', file);
    const text = await readFile(awardFile, 'utf8');
    // The revoked: block the revoke command wrote, taken out again.
    const undone = text.replace(/\n( *)revoked:\n(?:\1 {2}.*\n)+/, '\n');
    expect(undone).not.toContain('Awarded in error.');
    await writeFile(awardFile, undone);
    const before = await fingerprint(dist);
    const refused = await build();
    await writeFile(awardFile, text);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`content/awards/${file.replaceAll('.', '\\.')}:\\d+ error\\[log-rewrite\\] ${SITE.replaceAll('.', '\\.')}credentials/${AIKO}\\.json: the log records this credential as revoked`));
    expect(await fingerprint(dist)).toEqual(before);
    expect((await publishedCheckpoint()).size).toBe(checkpoints[2]!.size);
  });

  it('refuses a previous log whose entries were changed, given with --log', async () => {
    const tampered = path.join(repo.dir, 'tampered-log');
    await cp(path.join(repo.dir, '.laurel', 'development-log'), tampered, { recursive: true });
    // The bundle the checkpoint's size reads (earlier partial bundles stay beside it).
    const size = checkpoints[2]!.size;
    const bundle = path.join(tampered, entryBundlePath(Math.floor(size / 256), size % 256 || 256));
    await writeFile(bundle, (await readFile(bundle, 'utf8')).replace('"event":"issued"', '"event":"issuee"'));
    const before = await fingerprint(dist);
    const refused = await build(['--log', 'tampered-log']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error[log-invalid]');
    expect(await fingerprint(dist)).toEqual(before);
  });

  it('refuses a previous DID history that does not verify, given with --log', async () => {
    const tampered = path.join(repo.dir, 'tampered-did-log');
    await cp(path.join(repo.dir, '.laurel', 'development-log'), tampered, { recursive: true });
    const file = path.join(tampered, 'did.jsonl');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"portable":true', '"portable":false'));
    const before = await fingerprint(dist);
    const refused = await build(['--log', 'tampered-did-log']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error[did-log-invalid]');
    expect(refused.stderr).toContain('is not the hash of the log');
    expect(await fingerprint(dist)).toEqual(before);
  });
});
