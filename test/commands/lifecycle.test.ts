/**
 * A credential's life, end to end in a throw-away repository, each step through the real commands
 * and checked by the independent verifier on the built site: award, revoke, suspend and
 * reinstate, forget, and key rotation.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempRepo, type RunResult, type TempRepo } from '../helpers/temp-repo.ts';

interface Report {
  status: 'verified' | 'warning' | 'failed';
  checks: Array<{ id: string; state: string; summary: string }>;
}

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo();
});
afterAll(() => repo.cleanup());

function ok(result: RunResult): RunResult {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

async function build(env: Record<string, string> = {}): Promise<void> {
  ok(await repo.run('scripts/build.ts', Object.keys(env).length ? ['--production'] : [], env));
}

async function verify(file: string): Promise<Report> {
  const result = await repo.run('scripts/verify.ts', [file, '--site', 'dist', '--json']);
  return JSON.parse(result.stdout) as Report;
}

function state(report: Report, id: string): string | undefined {
  return report.checks.find((check) => check.id === id)?.state;
}

async function filesContaining(root: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(Buffer.from(needle))) hits.push(path.relative(repo.dir, file));
  }
  return hits;
}

describe('a credential from award to erasure', { timeout: 900_000 }, () => {
  let id = '';
  const credential = () => `dist/credentials/${id}.json`;

  it('awards: the new credential verifies, and the recipient check accepts the email', async () => {
    const award = ok(await repo.run('scripts/award.ts', ['web-accessibility', '--name', 'Rosalind Example', '--email', 'Rosalind@Example.org', '--date', '2026-09-01']));
    id = /credentials\/([0-9a-f-]{36})\//.exec(award.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    await build();
    const report = await verify(credential());
    expect(report.status).toBe('verified');
    const withEmail = JSON.parse((await repo.run('scripts/verify.ts', [credential(), '--site', 'dist', '--json', '--email', ' rosalind@example.org'])).stdout) as Report;
    expect(state(withEmail, 'recipient')).toBe('passed');
  });

  it('revokes: the status check fails and the certificate page gives the reason', async () => {
    ok(await repo.run('scripts/status.ts', ['revoke', id, '--reason', 'Assessment found to be plagiarised.', '--date', '2026-10-01']));
    await build();
    const report = await verify(credential());
    expect(report.status).toBe('failed');
    expect(state(report, 'status')).toBe('failed');
    expect(state(report, 'proof')).toBe('passed');
    const page = await readFile(path.join(repo.dir, 'dist', 'credentials', id, 'index.html'), 'utf8');
    expect(page).toMatch(/[Rr]evoked/);
    expect(page).toContain('Assessment found to be plagiarised.');
  });

  it('suspends and reinstates another award: failed while suspended, verified again after', async () => {
    const other = ok(await repo.run('scripts/award.ts', ['data-protection-essentials', '--name', 'Sam Example', '--email', 'sam@example.org', '--date', '2026-09-02']));
    const otherId = /credentials\/([0-9a-f-]{36})\//.exec(other.stdout)?.[1] ?? '';
    ok(await repo.run('scripts/status.ts', ['suspend', otherId, '--reason', 'Under review after a complaint.', '--date', '2026-10-02']));
    await build();
    let report = await verify(`dist/credentials/${otherId}.json`);
    expect(report.status).toBe('failed');
    expect(state(report, 'status')).toBe('failed');
    ok(await repo.run('scripts/status.ts', ['reinstate', otherId]));
    await build();
    report = await verify(`dist/credentials/${otherId}.json`);
    expect(report.status).toBe('verified');
  });

  it('forgets: no trace of the name or the email hash in content/ or dist/', async () => {
    const awardFile = (await readdir(path.join(repo.dir, 'content', 'awards'), { recursive: true })).find((file) => String(file).includes('rosalind'));
    const text = await readFile(path.join(repo.dir, 'content', 'awards', String(awardFile)), 'utf8');
    const hash = /sha256\$[0-9a-f]{64}/.exec(text)?.[0] ?? '';
    const salt = /salt: "?([^"\n]+)"?/.exec(text)?.[1] ?? '';
    expect(hash).not.toBe('');
    expect(hash).toBe(`sha256$${createHash('sha256').update(`rosalind@example.org${salt}`).digest('hex')}`);
    ok(await repo.run('scripts/forget.ts', [id]));
    await build();
    for (const needle of ['Rosalind Example', hash, salt]) {
      expect(await filesContaining(path.join(repo.dir, 'content'), needle), needle).toEqual([]);
      expect(await filesContaining(path.join(repo.dir, 'dist'), needle), needle).toEqual([]);
    }
    const page = await readFile(path.join(repo.dir, 'dist', 'credentials', id, 'index.html'), 'utf8');
    expect(page).toMatch(/withdrawn at the holder.s request/i);
    expect(page).toContain('noindex');
  });
});

describe('key rotation', { timeout: 900_000 }, () => {
  it('keeps credentials signed by the old key verifying beside those signed by the new one, until the old key is compromised', async () => {
    const first = ok(await repo.run('scripts/keygen.ts'));
    const firstSecret = /\b(z3u2[1-9A-HJ-NP-Za-km-z]{40,})\b/.exec(first.stdout)![1]!;
    await build({ LAUREL_SIGNING_KEY: firstSecret });
    const name = (await readdir(path.join(repo.dir, 'dist', 'credentials'))).find((file) => file.endsWith('.json'))!;
    const signedByOld = await readFile(path.join(repo.dir, 'dist', 'credentials', name), 'utf8');

    const second = ok(await repo.run('scripts/keygen.ts', ['--rotate']));
    const secondSecret = /\b(z3u2[1-9A-HJ-NP-Za-km-z]{40,})\b/.exec(second.stdout)![1]!;
    expect(secondSecret).not.toBe(firstSecret);
    await build({ LAUREL_SIGNING_KEY: secondSecret });
    const signedByNew = await readFile(path.join(repo.dir, 'dist', 'credentials', name), 'utf8');
    expect(signedByNew).not.toBe(signedByOld);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(repo.dir, 'old-copy.json'), signedByOld);
    expect((await verify('old-copy.json')).status).not.toBe('failed');
    expect((await verify(`dist/credentials/${name}`)).status).not.toBe('failed');

    const keys = (await readdir(path.join(repo.dir, 'keys'))).filter((file) => file.endsWith('.json'));
    const retired = [];
    for (const file of keys) if (JSON.parse(await readFile(path.join(repo.dir, 'keys', file), 'utf8')).status === 'retired') retired.push(file);
    expect(retired).toHaveLength(1);
    ok(await repo.run('scripts/compromise-key.ts', [`keys/${retired[0]}`]));
    await build({ LAUREL_SIGNING_KEY: secondSecret });
    const afterCompromise = await verify('old-copy.json');
    expect(afterCompromise.status).toBe('failed');
    expect(state(afterCompromise, 'issuer-key')).toBe('failed');
    expect((await verify(`dist/credentials/${name}`)).status).not.toBe('failed');
  });
});
