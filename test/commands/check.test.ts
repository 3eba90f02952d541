/**
 * npm run check, in a repository with the academy fixture's content: validates without signing,
 * lists every error at once, and warns about awards that expire within 30 days (dates relative to
 * today, as the command reads the clock).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/commands/check.ts';
import { forget } from '../../src/commands/forget.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';
import { FIXTURES } from '../helpers/content-fixtures.ts';
import { encodeSecretKeyMultibase, keyPairFromSeed } from '../../src/core/multikey.ts';

const DAY = 24 * 60 * 60 * 1000;
/**
 * The fixture's own awards expire on fixed dates (the first on 2027-03-18), so "today" is fixed
 * too: on a day within 30 days of one of them the count below would change. The command reads
 * Date.now(), not its context's clock, hence a fake Date rather than the `now` option alone.
 */
const TODAY = new Date('2026-12-01T12:00:00Z');
const isoDay = (offsetDays: number) => new Date(TODAY.getTime() + offsetDays * DAY).toISOString().slice(0, 10);

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
  vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
});
afterAll(async () => {
  vi.useRealTimers();
  await repo.cleanup();
});

function award(id: string, index: number, name: string, validUntil: string): string {
  return [
    `id: ${id}`,
    'achievement: accessible-interfaces',
    `statusIndex: ${index}`,
    `recipient: { name: ${name}, identity: { type: sisSourcedId, value: S-${index} } }`,
    `awardedOn: ${isoDay(-300)}`,
    `validUntil: ${validUntil}`,
    '',
  ].join('\n');
}

describe('npm run check', () => {
  it('lists the awards that expire in the next 30 days, and no others', async () => {
    await writeFile(path.join(repo.dir, 'content', 'awards', 'soon.yaml'), award('00000000-0000-4000-8000-0000000000a1', 900_001, 'Soon Expiring', isoDay(10)));
    await writeFile(path.join(repo.dir, 'content', 'awards', 'later.yaml'), award('00000000-0000-4000-8000-0000000000a2', 900_002, 'Later Expiring', isoDay(90)));
    const result = await repo.command(check, [], { now: TODAY });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ content/ is valid');
    expect(result.stdout).toContain('! Not a git repository with commits: revocations were not compared with earlier content.');
    expect(result.stdout).toContain('1 award expires in the next 30 days');
    expect(result.stdout).toContain(`${isoDay(10)}  Soon Expiring, accessible-interfaces`);
    expect(result.stdout).not.toContain('Later Expiring');
  });

  it('asks a site whose issuer.yaml has not chosen `earners` to choose, and says nothing once it has', async () => {
    const file = path.join(repo.dir, 'content', 'issuer.yaml');
    const chosen = await readFile(file, 'utf8');
    expect((await repo.command(check, [], { now: TODAY })).stdout).not.toContain('earners');
    try {
      await writeFile(file, chosen.replace(/^earners: .*\n/m, ''));
      const result = await repo.command(check, [], { now: TODAY });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('! content/issuer.yaml has no `earners` setting, so this site lists its earners');
    } finally {
      await writeFile(file, chosen);
    }
  });

  it('reports the Annex I elements an achievement marked as an EU micro-credential misses, as warnings', async () => {
    const file = path.join(repo.dir, 'content', 'achievements', 'data-literacy.md');
    await writeFile(file, await readFile(path.join(FIXTURES, 'micro-credential', 'content', 'achievements', 'data-literacy.md')));
    try {
      const result = await repo.command(check, [], { now: TODAY });
      expect(result.code, result.stderr).toBe(0);
      // The academy's address names its country: only the achievement's own elements are missing.
      expect(result.stdout).toContain('  ! data-literacy: 2 of the 11 mandatory elements missing: notional workload, in ECTS credits (creditsAvailable), type of quality assurance (microCredential.qualityAssurance).');
      expect(result.stdout).toContain('content/achievements/data-literacy.md:9:1 warning[missing-micro-credential-element] creditsAvailable');
      expect(result.stdout).not.toContain('addressCountry');
    } finally {
      await rm(file);
    }
  });

  it('refuses a secret key pasted into an award, at its file and line, without repeating it', async () => {
    const secret = encodeSecretKeyMultibase(keyPairFromSeed(new Uint8Array(32).fill(42)).secretKey);
    const file = path.join(repo.dir, 'content', 'awards', 'pasted.yaml');
    await writeFile(file, `${award('00000000-0000-4000-8000-0000000000b2', 900_004, 'Pat Pasted', isoDay(400))}narrative: "My key is ${secret}, keep it safe."\n`);
    try {
      const result = await repo.command(check, [], { now: TODAY });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/content\/awards\/pasted\.yaml:7:\d+ error\[secret-in-content\] narrative/);
      expect(result.stderr + result.stdout).not.toContain(secret);
    } finally {
      await rm(file);
    }
  });

  it('reports every error with file, line and code, and exits 1; bad usage exits 2', async () => {
    await writeFile(path.join(repo.dir, 'content', 'awards', 'broken.yaml'), 'id: 00000000-0000-4000-8000-0000000000b1\nachievement: nope\nstatusIndex: 900003\nrecipient: { name: X Y, identity: { type: sisSourcedId, value: S-1 } }\nawardedOn: 2026-13-01\n');
    const result = await repo.command(check, [], { now: TODAY });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/awards/broken.yaml:5:12 error[invalid-date] awardedOn');
    expect(result.stderr).toContain('Nothing was built.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect((await repo.command(check, ['--frobnicate'])).code).toBe(2);
  });
});

describe('npm run check -- --rncp', () => {
  const EXPORT = path.resolve(import.meta.dirname, '../fixtures/rncp/export_fiches_RNCP_excerpt.xml');
  const block = (name: string, code: string) => `---\nname: A block\ndescription: A skill block.\nalignments:\n  - targetName: "${name}"\n    targetUrl: https://www.francecompetences.fr/recherche/rncp/37873/\n    targetFramework: RNCP\n    targetCode: ${code}\n---\n\nAssessed.\n`;
  let scratch: Repository;
  beforeAll(async () => {
    scratch = await makeRepository({ fixture: 'academy' });
  });
  afterAll(() => scratch.cleanup());

  it('confirms RNCP alignments against the register, refuses one it does not confirm at its line, and exits 2 on a file it cannot read', async () => {
    const file = path.join(scratch.dir, 'content', 'achievements', 'cda-block.md');
    await writeFile(file, block('Développer une application sécurisée', 'RNCP37873BC01'));
    const ok = await scratch.command(check, ['--rncp', EXPORT], { now: TODAY });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('✓ 1 RNCP alignment matches the register (export_fiches_RNCP_excerpt.xml): codes and titles.');
    await writeFile(file, block('Développer une application', 'RNCP37873BC01'));
    const refused = await scratch.command(check, ['--rncp', EXPORT], { now: TODAY });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('content/achievements/cda-block.md:5:');
    expect(refused.stderr).toContain('error[invalid-value] alignments[0].targetName: is not the title the register gives RNCP37873BC01.');
    expect(refused.stderr).toContain('expected: "Développer une application sécurisée"');
    const missing = await scratch.command(check, ['--rncp', 'no-such-export.xml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--rncp: no-such-export.xml cannot be read (ENOENT).');
    await writeFile(path.join(scratch.dir, 'not-xml.xml'), 'name,code\n');
    const notXml = await scratch.command(check, ['--rncp', 'not-xml.xml']);
    expect(notXml.code).toBe(2);
    expect(notXml.stderr).toContain("--rncp: not-xml.xml is not France Compétences' XML export");
  });
});

/**
 * Revocation is final: check compares the working tree with HEAD and with each parent of HEAD, in
 * a git repository the test makes, so un-revoking is refused before a commit, after it, and in the
 * merge commit a pull request's check runs on.
 */
describe('npm run check, against the last commits', () => {
  const ID = '00000000-0000-4000-8000-0000000000c1';
  const FILE = 'content/awards/revoked-award.yaml';
  const REVOKED = 'revoked:\n  on: 2026-05-01\n  reason: Awarded in error.\n';
  const revokedAward = (extra: string) => `${award(ID, 900_101, 'Rita Revoked', isoDay(400))}${extra}`;
  let gitRepo: Repository;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: gitRepo.dir, encoding: 'utf8' });
  const write = (text: string) => writeFile(path.join(gitRepo.dir, FILE), text);
  const checked = () => gitRepo.command(check, [], { now: TODAY });

  beforeAll(async () => {
    gitRepo = await makeRepository({ fixture: 'academy' });
    git('init', '--quiet', '--initial-branch=main');
    await write(revokedAward(REVOKED));
    git('add', '-A');
    git('commit', '--quiet', '-m', 'Revoke an award');
    git('tag', 'revoked');
  });
  afterAll(() => gitRepo.cleanup());
  beforeEach(() => {
    git('checkout', '--quiet', '--force', 'main');
    git('reset', '--quiet', '--hard', 'revoked');
    git('clean', '--quiet', '-fd', 'content');
  });

  it('keeps every revocation of HEAD: the committed content passes', async () => {
    const result = await checked();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ Every revocation of HEAD is kept.');
  });

  it('refuses a revoked: block deleted before the commit, at its file and line', async () => {
    await write(revokedAward(''));
    const result = await checked();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${FILE}:1 error[revocation-undone] revoked: ${ID} was revoked on 2026-05-01 (in HEAD) and is no longer`);
    expect(result.stderr).toContain('un-revoking is not allowed');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses it once committed, from the parent of HEAD', async () => {
    await write(revokedAward(''));
    git('commit', '--quiet', '-am', 'Un-revoke');
    const result = await checked();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${FILE}:1 error\\[revocation-undone\\] revoked: ${ID} was revoked on 2026-05-01 \\(in HEAD\\^1, [0-9a-f]{7}\\)`));
  });

  it('reads a revoked award committed as a symbolic link, and refuses deleting its revocation', async () => {
    // The record lives in another folder of content/ and content/awards/ links to it.
    const real = 'content/records/2026/revoked-award.yaml';
    await mkdir(path.dirname(path.join(gitRepo.dir, real)), { recursive: true });
    await rename(path.join(gitRepo.dir, FILE), path.join(gitRepo.dir, real));
    await symlink('../records/2026/revoked-award.yaml', path.join(gitRepo.dir, FILE));
    git('add', '-A');
    git('commit', '--quiet', '-m', 'Move the award into a batch, linked');
    const linked = await checked();
    expect(linked.code, linked.stderr).toBe(0);
    await writeFile(path.join(gitRepo.dir, real), revokedAward(''));
    const result = await checked();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error[revocation-undone] revoked: ${ID} was revoked on 2026-05-01 (in HEAD)`);
  });

  it('refuses deleting the award, or moving its status index', async () => {
    await rm(path.join(gitRepo.dir, FILE));
    const deleted = await checked();
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain(`${FILE}:1 error[revocation-undone] revoked: ${ID} was revoked on 2026-05-01 (in HEAD) and is deleted`);

    await write(revokedAward(REVOKED).replace('statusIndex: 900101', 'statusIndex: 900102'));
    const moved = await checked();
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain(`${FILE}:1 error[revocation-undone] statusIndex:`);
  });

  it('refuses it in the merge commit a pull request is checked on, from the base branch', async () => {
    git('checkout', '--quiet', '-b', 'un-revoke');
    await write(revokedAward(''));
    git('commit', '--quiet', '-am', 'Un-revoke');
    git('checkout', '--quiet', 'main');
    await writeFile(path.join(gitRepo.dir, 'content', 'awards', 'other.yaml'), award('00000000-0000-4000-8000-0000000000c2', 900_103, 'Omar Other', isoDay(400)));
    git('add', '-A');
    git('commit', '--quiet', '-m', 'Another award on the base branch');
    // What actions/checkout checks out for a pull request: the base branch with the PR merged in.
    git('checkout', '--quiet', '--detach', 'main');
    git('merge', '--quiet', '--no-ff', '--no-edit', 'un-revoke');
    const result = await checked();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${FILE}:1 error\\[revocation-undone\\] revoked: ${ID} was revoked on 2026-05-01 \\(in HEAD\\^1, `));
    expect(result.stdout).toBe('');
    git('checkout', '--quiet', '--force', 'main');
    git('branch', '--quiet', '-D', 'un-revoke');
  });

  it('lets npm run forget erase a revoked award: the tombstone keeps the revocation', async () => {
    const erased = await gitRepo.command(forget, [ID, '--date', '2026-06-01'], { now: TODAY });
    expect(erased.code, erased.stderr).toBe(0);
    expect(await readdir(path.join(gitRepo.dir, 'content', 'awards'))).not.toContain('revoked-award.yaml');
    const result = await checked();
    expect(result.code, result.stderr).toBe(0);
  });

  it('lets a suspension be lifted', async () => {
    const suspendedFile = path.join(gitRepo.dir, 'content', 'awards', 'suspended-award.yaml');
    const suspended = award('00000000-0000-4000-8000-0000000000c3', 900_104, 'Sam Suspended', isoDay(400));
    await writeFile(suspendedFile, `${suspended}suspended:\n  on: 2026-05-02\n  reason: Under review.\n`);
    git('add', '-A');
    git('commit', '--quiet', '-m', 'Suspend an award');
    await writeFile(suspendedFile, suspended);
    const result = await checked();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ Every revocation of HEAD and of its parent is kept.');
  });
});
