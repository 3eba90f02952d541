/** npm run import with 5,000-row rosters, end to end in a temporary copy of the repository. */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchesIdentityHash } from '../../src/core/identity-hash.ts';
import { demoAwardCounts } from '../helpers/demo-counts.ts';
import { makeTempRepo, readTree, type TempRepo } from '../helpers/temp-repo.ts';

const ROWS = 5000;
const BATCH = 'content/awards/2026/applied-machine-learning-cohort-2026-05-30.yaml';

/** name,email,result rows; `bad` replaces one row's email by something that is not one. */
function roster(bad?: number): string {
  const lines = ['Name,Email,Result'];
  for (let index = 0; index < ROWS; index += 1) {
    const email = index === bad ? 'learner.example.org' : `Learner${index}@Example.org`;
    lines.push(`"Learner ${index}, Jr",${email},${60 + (index % 40)}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo();
});
afterAll(() => repo.cleanup());

describe('npm run import', () => {
  it('refuses a roster with one bad row, names its row and column, and writes nothing', async () => {
    await writeFile(path.join(repo.dir, 'cohort.csv'), roster(2499));
    const before = await readTree(repo.dir);
    const result = await repo.run('scripts/import.ts', ['cohort.csv', '--achievement', 'applied-machine-learning', '--date', '2026-05-30']);
    expect(result.code).toBe(1);
    // Data row 2499 (0-based) is spreadsheet row 2501: the header is row 1.
    expect(result.stderr).toContain('cohort.csv:2501:20 error[invalid-email] row 2501, column B (email): is not an email address (it has no @).');
    expect(result.stderr).toContain('Nothing was written');
    expect(result.stderr).not.toContain('learner.example.org');
    expect(await readTree(repo.dir)).toEqual(before);
    await expect(readdir(path.join(repo.dir, '.laurel', 'mail-merge'))).rejects.toThrow();
  });

  it('imports 5,000 learners into one batch file in seconds, and a re-import adds none', async () => {
    await writeFile(path.join(repo.dir, 'cohort.csv'), roster());
    const before = await readTree(repo.dir);
    const started = performance.now();
    const result = await repo.run('scripts/import.ts', ['cohort.csv', '--achievement', 'applied-machine-learning', '--date', '2026-05-30']);
    const seconds = (performance.now() - started) / 1000;
    console.log(`import of ${ROWS} rows: ${seconds.toFixed(1)} s (whole process)`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Imported ${ROWS} awards from cohort.csv`);
    expect(result.stdout).toContain(BATCH);
    expect(seconds).toBeLessThan(30);

    const tree = await readTree(repo.dir);
    expect([...tree.keys()].filter((file) => !before.has(file))).toEqual([BATCH]);
    expect([...before].every(([file, text]) => tree.get(file) === text)).toBe(true);
    const text = tree.get(BATCH)!;
    expect(text).not.toMatch(/@example\.org/i);
    const batch = parse(text);
    expect(batch.achievement).toBe('applied-machine-learning');
    expect(batch.awardedOn).toBe('2026-05-30');
    expect(batch.awards).toHaveLength(ROWS);
    expect(batch.awards[7]).toMatchObject({ recipient: { name: 'Learner 7, Jr' }, results: [{ resultDescription: 'final-score', value: '67' }] });
    expect(matchesIdentityHash('learner7@example.org', batch.awards[7].recipient.identity.salt, batch.awards[7].recipient.identity.hash)).toBe(true);
    expect(new Set(batch.awards.map((award: { statusIndex: number }) => award.statusIndex)).size).toBe(ROWS);

    // The mail-merge file is the only place the emails are written, and git ignores it.
    const mailMerge = /(\.laurel\/mail-merge\/cohort-[0-9T-]+Z\.csv)/.exec(result.stdout)?.[1];
    expect(mailMerge).toBeDefined();
    const lines = (await readFile(path.join(repo.dir, mailMerge!), 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,email,achievement,credential_url');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[8]).toBe(`"Learner 7, Jr",learner7@example.org,applied-machine-learning,https://badges.northbridge.example/credentials/${batch.awards[7].id}/`);
    execFileSync('git', ['init', '--quiet'], { cwd: repo.dir });
    expect(execFileSync('git', ['check-ignore', mailMerge!], { cwd: repo.dir, encoding: 'utf8' }).trim()).toBe(mailMerge);
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir, encoding: 'utf8' })).not.toContain('.laurel');

    const check = await repo.run('scripts/check.ts');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${(await demoAwardCounts()).live + ROWS} awards`);

    const again = await repo.run('scripts/import.ts', ['cohort.csv', '--achievement', 'applied-machine-learning', '--date', '2026-05-30']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 new awards`);
    expect(again.stdout).toContain(`Skipped ${ROWS} rows already awarded`);
    expect(await readTree(repo.dir)).toEqual(tree);
  });

  it('says which header is unknown', async () => {
    await writeFile(path.join(repo.dir, 'typo.csv'), 'name,e-mail,achievement,date\nAda,ada@example.org,web-accessibility,2026-01-01\n');
    const result = await repo.run('scripts/import.ts', ['typo.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('typo.csv:1:6 error[invalid-header] row 1, column B (e-mail): "e-mail" is not a roster column. Did you mean "email"?');
  });
});
