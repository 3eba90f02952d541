/**
 * `npm run build` end to end, in a copy of the built academy fixture: every credential it built
 * verifies with the independent verify command, tampered copies fail naming the check, a second
 * build from an empty cache gives the same bytes, the secret never reaches dist/ or the log, nor
 * does the development key through public/, and a failed build leaves dist/ as it was.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { link, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forget } from '../../src/commands/forget.ts';
import { verify } from '../../src/commands/verify.ts';
import { awardCounts, type AwardCounts } from '../helpers/content-counts.ts';
import { cleanEnvironment, makeRepository, type Repository } from '../helpers/repository.ts';

interface Report {
  source: string;
  status: 'verified' | 'warning' | 'expired' | 'unchecked' | 'failed';
  checks: Array<{ id: string; state: string; summary: string }>;
}

async function fingerprint(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sums = await Promise.all(files.map(async (file) => [path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex')] as const));
  return new Map(sums.sort(([a], [b]) => a.localeCompare(b)));
}

function secretFrom(output: string): string {
  const match = /\b(z3u2[1-9A-HJ-NP-Za-km-z]{40,})\b/.exec(output);
  if (!match) throw new Error(`no secret in keygen output:\n${output}`);
  return match[1]!;
}

describe('npm run build', () => {
  const sites = inject('sites');
  let repo: Repository;
  let dist: string;
  let firstBuild: Map<string, string>;
  let counts: AwardCounts;
  const verifyJson = async (...args: string[]) => JSON.parse((await repo.command(verify, [...args, '--json'])).stdout) as Report[];

  beforeAll(async () => {
    // A copy of the fixture the global setup built: its dist/, its development key, its cache.
    repo = await makeRepository({ from: sites.academy.dir, cacheDirectory: sites.cacheDirectory });
    dist = path.join(repo.dir, 'dist');
    firstBuild = await fingerprint(dist);
    counts = await awardCounts(repo.dir);
  });
  afterAll(() => repo.cleanup());

  it('says loudly that a build without the key is a development build', async () => {
    // What `npm run build` printed when the global setup built this site.
    expect(sites.academy.buildOutput).toContain('DEVELOPMENT BUILD');
    expect(sites.academy.buildOutput).toContain(`Built dist/: ${counts.live} signed credentials`);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toContain('Development build');
  });

  it('verifies every credential it built with the independent verifier', async () => {
    const reports = await verifyJson('dist/credentials', '--site', 'dist');
    const credentials = (await readdir(path.join(dist, 'credentials'))).filter((name) => name.endsWith('.json'));
    expect(reports).toHaveLength(credentials.length);
    expect(reports).toHaveLength(counts.live);
    for (const report of reports) {
      const failed = report.checks.filter((check) => check.state === 'failed').map((check) => check.id);
      if (report.status === 'failed') {
        // The revoked and suspended awards fail at the status check, and only there.
        expect(failed, report.source).toEqual(['status']);
      } else {
        // An expired one is authentic and fails at its dates only (the verdict "expired").
        expect(failed, report.source).toEqual(report.status === 'expired' ? ['validity'] : []);
        for (const id of ['format', 'contexts', 'schema', 'issuer-key', 'proof', ...(report.status === 'expired' ? [] : ['validity'])]) {
          expect(report.checks.find((check) => check.id === id)?.state, `${report.source} ${id}`).toMatch(/passed|warning/);
        }
      }
    }
    expect(reports.filter((report) => report.status === 'failed')).toHaveLength(counts.revoked + counts.suspended);
    // The expired 2024 cohort: once "warning", now "expired" (not in force, OB 3.0 §Verification).
    expect(reports.filter((report) => report.status === 'expired').length).toBeGreaterThanOrEqual(1);
  });

  it('fails any tampered copy of a built credential, naming the check', async () => {
    const names = (await readdir(path.join(dist, 'credentials'))).filter((name) => name.endsWith('.json'));
    const original = JSON.parse(await readFile(path.join(dist, 'credentials', names[3]!), 'utf8')) as Record<string, any>;
    const proofValue: string = original['proof'][0].proofValue;
    const flipped = proofValue.slice(0, 20) + (proofValue[20] === 'a' ? 'b' : 'a') + proofValue.slice(21);
    const tampered: Record<string, Record<string, any>> = {
      'changed-name': { ...original, credentialSubject: { ...original['credentialSubject'], name: 'Mallory' } },
      'changed-date': { ...original, validFrom: '2020-01-01T00:00:00Z' },
      'added-field': { ...original, credentialSubject: { ...original['credentialSubject'], creditsEarned: 99 } },
      'added-undefined-field': { ...original, grade: 'A+' },
      'removed-field': Object.fromEntries(Object.entries(original).filter(([key]) => key !== 'awardedDate')),
      'changed-proof-byte': { ...original, proof: [{ ...original['proof'][0], proofValue: flipped }] },
    };
    const folder = path.join(repo.dir, 'tampered');
    await mkdir(folder, { recursive: true });
    for (const [name, document] of Object.entries(tampered)) await writeFile(path.join(folder, `${name}.json`), JSON.stringify(document));
    const result = await repo.command(verify, ['tampered', '--site', 'dist', '--json']);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as Report[];
    expect(reports).toHaveLength(Object.keys(tampered).length);
    for (const report of reports) {
      expect(report.status, report.source).toBe('failed');
      expect(report.checks.find((check) => check.id === 'proof')?.state, report.source).toBe('failed');
    }
    const human = await repo.command(verify, ['tampered/changed-name.json', '--site', 'dist']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✗ Signature/);
  });

  it('gives byte-identical files on a second build with the same key, from an empty cache', async () => {
    // Nothing comes from a cache: every proof is signed and every image rendered again.
    const empty = await mkdtemp(path.join(tmpdir(), 'laurel-empty-cache-'));
    const again = await repo.run('scripts/build.ts', [], { LAUREL_CACHE_DIR: empty });
    await rm(empty, { recursive: true, force: true });
    expect(again.code, again.stderr).toBe(0);
    const second = await fingerprint(dist);
    expect([...second.keys()]).toEqual([...firstBuild.keys()]);
    const differing = [...second].filter(([file, sum]) => firstBuild.get(file) !== sum).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it('leaves dist/ untouched when the content has an error, and names the file and line', async () => {
    const before = await fingerprint(dist);
    const award = path.join(repo.dir, 'content', 'awards', 'broken.yaml');
    await writeFile(award, [
      'id: 00000000-0000-4000-8000-00000000beef',
      'achievement: accessible-interface',
      'statusIndex: 3',
      'recipient: { name: Test Learner, identity: { type: sisSourcedId, value: S-1 } }',
      'awardedOn: 2026-01-01',
      '',
    ].join('\n'));
    const result = await repo.run('scripts/build.ts');
    await rm(award);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/awards/broken.yaml:2:14 error[unknown-achievement]');
    expect(result.stderr).toContain('Did you mean "accessible-interfaces"?');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await fingerprint(dist)).toEqual(before);
  });

  it('refuses a production build without the key, leaving dist/ as it was', async () => {
    const before = await fingerprint(dist);
    const result = await repo.run('scripts/build.ts', ['--production']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LAUREL_SIGNING_KEY');
    expect(await fingerprint(dist)).toEqual(before);
  });

  it('signs with LAUREL_SIGNING_KEY, never writing the secret to dist/ or the log', async () => {
    const keygen = await repo.run('scripts/keygen.ts');
    expect(keygen.code, keygen.stderr).toBe(0);
    const secret = secretFrom(keygen.stdout);
    const build = await repo.run('scripts/build.ts', ['--production'], { LAUREL_SIGNING_KEY: secret });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout + build.stderr).not.toContain(secret);
    expect(build.stdout + build.stderr).not.toContain('DEVELOPMENT BUILD');
    const needle = Buffer.from(secret);
    const seed = secret.slice(4, 24); // any long run of the secret's characters
    for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const bytes = await readFile(path.join(entry.parentPath, entry.name));
      expect(bytes.includes(needle), entry.name).toBe(false);
      expect(bytes.includes(Buffer.from(seed)), entry.name).toBe(false);
    }
    const home = await readFile(path.join(dist, 'index.html'), 'utf8');
    expect(home).not.toContain('Development build');
    const reports = await verifyJson('dist/credentials', '--site', 'dist');
    expect(reports.filter((report) => report.status !== 'failed').length).toBe(reports.length - counts.revoked - counts.suspended);
  });

  it('refuses a key that is not the current one in keys/', async () => {
    const other = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'; // the W3C test vector's key
    const result = await repo.run('scripts/build.ts', ['--production'], { LAUREL_SIGNING_KEY: other });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('secret-not-current');
    expect(result.stderr).not.toContain(other);
  });

  it('leaves no trace of a forgotten learner in any file it builds, the search index included', async () => {
    // Sofia Reyes's own award file: a valid, listed credential, found by search before.
    const file = 'content/awards/2026/data-privacy-sofia-reyes.yaml';
    const text = await readFile(path.join(repo.dir, file), 'utf8');
    const id = /^id: (\S+)$/m.exec(text)![1]!;
    const needles = ['Sofia Reyes', /hash: (\S+)/.exec(text)![1]!.replace('sha256$', ''), /salt: "([^"]+)"/.exec(text)![1]!];
    expect((await filesMentioning(dist, needles)).length).toBeGreaterThan(0);
    expect((await repo.command(forget, [id, '--date', '2026-11-01'])).code).toBe(0);
    const build = await repo.run('scripts/build.ts');
    expect(build.code, build.stderr).toBe(0);
    expect(await filesMentioning(dist, needles)).toEqual([]);
    // Nothing at its address but the notice: no JSON, no images, no PDF.
    const left = (await readdir(dist, { recursive: true })).map(String).filter((name) => name.includes(id));
    expect(left.sort()).toEqual([path.join('credentials', id), path.join('credentials', id, 'index.html')]);
    const page = await readFile(path.join(dist, 'credentials', id, 'index.html'), 'utf8');
    expect(page).toMatch(/withdrawn at the holder.s request/i);
    expect(page).toContain('noindex');
  });

  it('refuses a link in public/ to the development key before building, and deletes a build that holds a copy of it', async () => {
    const before = await fingerprint(dist);
    const key = path.join(repo.dir, '.laurel', 'development-key.json');
    const published = path.join(repo.dir, 'public', 'key.json');
    await symlink('../.laurel/development-key.json', published);
    const linked = await repo.run('scripts/build.ts');
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain('public/key.json error[symlink-outside-repository] is a link to .laurel/');
    expect(linked.stderr).not.toMatch(/\n\s+at /);
    expect(await fingerprint(dist)).toEqual(before);

    // A hard link is no symbolic link: the output check finds the copy and publishes nothing.
    await rm(published);
    await link(key, published);
    const copied = await repo.run('scripts/build.ts');
    await rm(published);
    expect(copied.code).toBe(1);
    expect(copied.stderr).toContain('key.json error[private-file-in-output] is a copy of .laurel/development-key.json');
    expect(copied.stdout + copied.stderr).not.toContain(JSON.parse(await readFile(key, 'utf8')).secretKeyMultibase);
    expect(await fingerprint(dist)).toEqual(before);
    expect(await readdir(path.join(repo.dir, '.laurel'))).not.toContain('staging');
  });

  it('refuses to publish a site that contains the signing secret, with npm run build and with astro build alone', async () => {
    const keys = (await readdir(path.join(repo.dir, 'keys'))).filter((name) => name.endsWith('.json'));
    expect(keys).toHaveLength(1); // the key the earlier test made; its secret was printed once
    const keygen = await repo.run('scripts/keygen.ts', ['--rotate']);
    const secret = secretFrom(keygen.stdout);
    // A careless page of the issuer's own that prints the environment.
    await mkdir(path.join(repo.dir, 'src', 'pages'), { recursive: true });
    await writeFile(path.join(repo.dir, 'src', 'pages', 'leak.astro'), '---\nconst key = process.env.LAUREL_SIGNING_KEY;\n---\n<p>{key}</p>\n');
    const before = await fingerprint(dist);
    const build = await repo.run('scripts/build.ts', ['--production'], { LAUREL_SIGNING_KEY: secret });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('error[secret-in-output]');
    expect(build.stderr).toContain('leak/index.html');
    expect(build.stdout + build.stderr).not.toContain(secret);
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(await fingerprint(dist)).toEqual(before);
    expect(await readdir(path.join(repo.dir, '.laurel'))).not.toContain('staging');

    // `astro build` writes into dist/ itself: the output is deleted rather than left to publish.
    const astro = await run(process.execPath, [path.join(repo.dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: repo.dir, env: cleanEnvironment({ LAUREL_SIGNING_KEY: secret, LAUREL_PRODUCTION: '1', LAUREL_CACHE_DIR: sites.cacheDirectory }) });
    expect(astro.code).not.toBe(0);
    expect(astro.stdout + astro.stderr).toContain('error[secret-in-output]');
    expect(astro.stdout + astro.stderr).not.toContain(secret);
    await expect(readdir(dist)).rejects.toThrow();
  });
});

/** Files under `dir` whose bytes, or whose gunzipped bytes (Pagefind's index), contain any of the needles. */
async function filesMentioning(dir: string, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    let inflated: Buffer | undefined;
    try {
      inflated = gunzipSync(bytes);
    } catch {
      // Not gzip: the bytes are read as they are.
    }
    if (needles.some((needle) => bytes.includes(needle) || inflated?.includes(needle))) found.push(path.relative(dir, file));
  }
  return found;
}

/** Runs a program; its exit code and output, whatever the exit code. */
async function run(program: string, args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, options);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
