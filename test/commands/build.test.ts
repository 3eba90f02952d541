/**
 * The build end to end, in a throw-away copy of the repository: every credential of the built
 * demo verifies with the independent verify command, tampered copies fail naming the check,
 * two builds give the same bytes, the secret never reaches dist/ or the log, and a failed build
 * leaves dist/ as it was.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempRepo, type TempRepo } from '../helpers/temp-repo.ts';

interface Report {
  source: string;
  status: 'verified' | 'warning' | 'failed';
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
  let repo: TempRepo;
  let dist: string;
  let firstBuild: Map<string, string>;

  beforeAll(async () => {
    repo = await makeTempRepo();
    dist = path.join(repo.dir, 'dist');
    const build = await repo.run('scripts/build.ts');
    expect(build.code, build.stderr).toBe(0);
    // Astro's logger writes the warning to standard output.
    expect(build.stdout + build.stderr).toContain('DEVELOPMENT BUILD');
    firstBuild = await fingerprint(dist);
  });
  afterAll(() => repo.cleanup());

  it('verifies every credential it built with the independent verifier', async () => {
    const result = await repo.run('scripts/verify.ts', ['dist/credentials', '--site', 'dist', '--json']);
    const reports = JSON.parse(result.stdout) as Report[];
    const credentials = (await readdir(path.join(dist, 'credentials'))).filter((name) => name.endsWith('.json'));
    expect(reports).toHaveLength(credentials.length);
    for (const report of reports) {
      const failed = report.checks.filter((check) => check.state === 'failed').map((check) => check.id);
      if (report.status === 'failed') {
        // The demo's revoked and suspended awards fail at the status check, and only there.
        expect(failed, report.source).toEqual(['status']);
      } else {
        expect(failed, report.source).toEqual([]);
        for (const id of ['format', 'contexts', 'schema', 'issuer-key', 'proof', 'validity']) {
          expect(report.checks.find((check) => check.id === id)?.state, `${report.source} ${id}`).toMatch(/passed|warning/);
        }
      }
    }
    expect(reports.filter((report) => report.status === 'failed')).toHaveLength(2);
    expect(reports.filter((report) => report.status === 'warning').length).toBeGreaterThanOrEqual(1); // the expired ones
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
    const result = await repo.run('scripts/verify.ts', ['tampered', '--site', 'dist', '--json']);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as Report[];
    expect(reports).toHaveLength(Object.keys(tampered).length);
    for (const report of reports) {
      expect(report.status, report.source).toBe('failed');
      expect(report.checks.find((check) => check.id === 'proof')?.state, report.source).toBe('failed');
    }
    const human = await repo.run('scripts/verify.ts', ['tampered/changed-name.json', '--site', 'dist']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✗ Signature/);
  });

  it('gives byte-identical files on a second build with the same key', async () => {
    const again = await repo.run('scripts/build.ts');
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
      'achievement: web-accesibility',
      'statusIndex: 3',
      'recipient: { name: Test Learner, identity: { type: sisSourcedId, value: S-1 } }',
      'awardedOn: 2026-01-01',
      '',
    ].join('\n'));
    const result = await repo.run('scripts/build.ts');
    await rm(award);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/awards/broken.yaml:2:14 error[unknown-achievement]');
    expect(result.stderr).toContain('Did you mean "web-accessibility"?');
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
    const verify = await repo.run('scripts/verify.ts', ['dist/credentials', '--site', 'dist', '--json']);
    const reports = JSON.parse(verify.stdout) as Report[];
    expect(reports.filter((report) => report.status !== 'failed').length).toBe(reports.length - 2);
  });

  it('refuses a key that is not the current one in keys/', async () => {
    const other = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'; // the W3C test vector's key
    const result = await repo.run('scripts/build.ts', ['--production'], { LAUREL_SIGNING_KEY: other });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('secret-not-current');
    expect(result.stderr).not.toContain(other);
  });
});
