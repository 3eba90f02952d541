/** npm run import with 5,000-row rosters, in process, in a repository with the academy fixture's content. */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../src/commands/check.ts';
import { importRoster } from '../../src/commands/import.ts';
import { matchesIdentityHash } from '../../src/core/identity-hash.ts';
import { awardCounts } from '../helpers/content-counts.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

const ROWS = 5000;
const BATCH = 'content/awards/2026/data-privacy-cohort-2026-05-30.yaml';
const SITE = 'https://credentials.harbourside.example/';
/** data-privacy has one result, "Exam score", a Percent from 0 to 100: the roster's result column fills it. */
const ARGS = ['cohort.csv', '--achievement', 'data-privacy', '--date', '2026-05-30'];

/** name,email,result rows; `bad` replaces one row's email by something that is not one. */
function roster(bad?: number): string {
  const lines = ['Name,Email,Result'];
  for (let index = 0; index < ROWS; index += 1) {
    const email = index === bad ? 'learner.example.org' : `Learner${index}@Example.org`;
    lines.push(`"Learner ${index}, Jr",${email},${60 + (index % 40)}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

describe('npm run import', () => {
  // First, while content/ is small: every import validates the whole tree before it reads the roster.
  it('says which header is unknown', async () => {
    await writeFile(path.join(repo.dir, 'typo.csv'), 'name,e-mail,achievement,date\nAda,ada@example.org,accessible-interfaces,2026-01-01\n');
    const result = await repo.command(importRoster, ['typo.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('typo.csv:1:6 error[invalid-header] row 1, column B (e-mail): "e-mail" is not a roster column. Did you mean "email"?');
  });

  it('refuses a roster with one bad row, names its row and column, and writes nothing', async () => {
    await writeFile(path.join(repo.dir, 'cohort.csv'), roster(2499));
    const before = await readTree(repo.dir);
    const result = await repo.command(importRoster, ARGS);
    expect(result.code).toBe(1);
    // Data row 2499 (0-based) is spreadsheet row 2501: the header is row 1.
    expect(result.stderr).toContain('cohort.csv:2501:20 error[invalid-email] row 2501, column B (email): is not an email address (it has no @).');
    expect(result.stderr).toContain('Nothing was written');
    expect(result.stderr).not.toContain('learner.example.org');
    expect(await readTree(repo.dir)).toEqual(before);
    await expect(readdir(path.join(repo.dir, '.laurel', 'mail-merge'))).rejects.toThrow();
  });

  it('writes each row\'s listing: its listed cell, else --unlisted or --listed, else the site\'s earners', async () => {
    // The academy lists its earners (earners: listed); --unlisted makes the rows with an empty cell unlisted.
    const rows = 'name,email,listed\nAda Lovelace,ada@example.org,yes\nGrace Hopper,grace@example.org,\nAlan Turing,alan@example.org,No\n';
    await writeFile(path.join(repo.dir, 'listing.csv'), rows);
    const file = 'content/awards/2026/accessible-interfaces-listing-2026-06-01.yaml';
    const unlisted = await repo.command(importRoster, ['listing.csv', '--achievement', 'accessible-interfaces', '--date', '2026-06-01', '--unlisted']);
    expect([unlisted.code, unlisted.stderr]).toEqual([0, '']);
    expect(unlisted.stdout).toContain('Listed: 1 (named under Recent earners and found by name in search); unlisted: 2 (reached by their link only).');
    const written = parse(await readFile(path.join(repo.dir, file), 'utf8')) as { awards: Array<{ recipient: { name: string }; listed?: boolean }> };
    expect(written.awards.map((award) => [award.recipient.name, award.listed])).toEqual([['Ada Lovelace', true], ['Grace Hopper', false], ['Alan Turing', false]]);

    // Neither flag: an empty cell writes nothing, and the site's setting lists the award.
    await writeFile(path.join(repo.dir, 'listing-2.csv'), 'name,email,listed\nKatherine Johnson,katherine@example.org,\n');
    const neither = await repo.command(importRoster, ['listing-2.csv', '--achievement', 'accessible-interfaces', '--date', '2026-06-01']);
    expect(neither.stdout).toContain('Listed: 1 (named under Recent earners and found by name in search); unlisted: 0');
    expect(parse(await readFile(path.join(repo.dir, 'content/awards/2026/accessible-interfaces-listing-2-2026-06-01.yaml'), 'utf8')).awards[0]).not.toHaveProperty('listed');

    // A cell that is neither yes nor no, and both flags, are refused before anything is written.
    const before = await readTree(repo.dir);
    await writeFile(path.join(repo.dir, 'listing-3.csv'), 'name,email,listed\nMary Jackson,mary@example.org,maybe\n');
    const bad = await repo.command(importRoster, ['listing-3.csv', '--achievement', 'accessible-interfaces', '--date', '2026-06-01']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('listing-3.csv:2:31 error[invalid-listed] row 2, column C (listed): "maybe" is neither yes nor no.');
    const both = await repo.command(importRoster, ['listing-3.csv', '--listed', '--unlisted']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('Give --listed or --unlisted, not both.')]);
    expect(await readTree(repo.dir)).toEqual(before);
  });

  // Validating 5,000 awards takes a few seconds; the whole tree is validated before and after the import, by check and by the re-import: on a loaded machine that adds up.
  // The time is printed, not asserted (shared machines are noisy); the timeout stops a hang, and `npm run bench` measures speed.
  it('imports 5,000 learners into one batch file, and a re-import adds none', { timeout: 240_000 }, async () => {
    await writeFile(path.join(repo.dir, 'cohort.csv'), roster());
    const before = await readTree(repo.dir);
    const counts = await awardCounts(repo.dir);
    const started = performance.now();
    const result = await repo.command(importRoster, ARGS);
    const seconds = (performance.now() - started) / 1000;
    console.log(`import of ${ROWS} rows: ${seconds.toFixed(1)} s (in process)`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Imported ${ROWS} awards from cohort.csv`);
    expect(result.stdout).toContain(BATCH);

    const tree = await readTree(repo.dir);
    expect([...tree.keys()].filter((file) => !before.has(file))).toEqual([BATCH]);
    expect([...before].every(([file, text]) => tree.get(file) === text)).toBe(true);
    const text = tree.get(BATCH)!;
    expect(text).not.toMatch(/@example\.org/i);
    const batch = parse(text);
    expect(batch.achievement).toBe('data-privacy');
    expect(batch.awardedOn).toBe('2026-05-30');
    expect(batch.awards).toHaveLength(ROWS);
    expect(batch.awards[7]).toMatchObject({ recipient: { name: 'Learner 7, Jr' }, results: [{ resultDescription: 'exam-score', value: '67' }] });
    expect(matchesIdentityHash('learner7@example.org', batch.awards[7].recipient.identity.salt, batch.awards[7].recipient.identity.hash)).toBe(true);
    expect(new Set(batch.awards.map((award: { statusIndex: number }) => award.statusIndex)).size).toBe(ROWS);

    // The mail-merge file is the only place the emails are written, and git ignores it.
    const mailMerge = /(\.laurel\/mail-merge\/cohort-[0-9T-]+Z\.csv)/.exec(result.stdout)?.[1];
    expect(mailMerge).toBeDefined();
    // A byte-order mark, so that Excel reads it as UTF-8; the achievement's name beside its slug.
    const csv = await readFile(path.join(repo.dir, mailMerge!), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,email,achievement,achievement_name,credential_url');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[8]).toBe(`"Learner 7, Jr",learner7@example.org,data-privacy,Data Privacy Essentials,${SITE}credentials/${batch.awards[7].id}/`);
    execFileSync('git', ['init', '--quiet'], { cwd: repo.dir });
    expect(execFileSync('git', ['check-ignore', mailMerge!], { cwd: repo.dir, encoding: 'utf8' }).trim()).toBe(mailMerge);
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo.dir, encoding: 'utf8' })).not.toContain('.laurel');

    const checked = await repo.command(check);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`${counts.live + ROWS} awards`);

    const again = await repo.command(importRoster, ARGS);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 new awards`);
    expect(again.stdout).toContain(`Skipped ${ROWS} rows already awarded`);
    expect(await readTree(repo.dir)).toEqual(tree);
  });
});
