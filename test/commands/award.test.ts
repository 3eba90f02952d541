/** npm run award, in a repository with the academy fixture's content. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { award } from '../../src/commands/award.ts';
import { check } from '../../src/commands/check.ts';
import { matchesIdentityHash } from '../../src/core/identity-hash.ts';
import { awardCounts } from '../helpers/content-counts.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

const EMAIL = 'Ada.Lovelace@Example.org';
const SITE = 'https://credentials.harbourside.example/';

describe('npm run award', () => {
  it('writes one award with the hash of the email, never the email, and check passes', async () => {
    const before = await awardCounts(repo.dir);
    const result = await repo.command(award, ['accessible-interfaces', '--name', 'Ada Lovelace', '--email', EMAIL, '--date', '2026-03-14', '--evidence', 'https://example.org/audit', '--narrative', 'Audited the council website.', '--unlisted']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = /Wrote (content\/awards\/2026\/accessible-interfaces-ada-lovelace-[0-9a-f]{8}\.yaml)/.exec(result.stdout)?.[1];
    expect(file).toBeDefined();
    const id = /credentials\/([0-9a-f-]{36})\//.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`${SITE}credentials/${id}/`);
    expect(result.stdout).toContain(`${SITE}credentials/${id}.json`);
    expect(result.stdout).toContain('The email was hashed; it is not stored.');
    expect(result.stdout.toLowerCase()).not.toContain(EMAIL.toLowerCase());

    const text = await readFile(path.join(repo.dir, file!), 'utf8');
    expect(text.toLowerCase()).not.toContain('lovelace@example.org');
    const written = parse(text);
    expect(written).toMatchObject({ id, achievement: 'accessible-interfaces', awardedOn: '2026-03-14', listed: false, evidence: [{ url: 'https://example.org/audit' }], narrative: 'Audited the council website.' });
    expect(written.statusIndex).toBeGreaterThanOrEqual(0);
    expect(written.statusIndex).toBeLessThan(131_072);
    expect(written.recipient.identity.salt).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(matchesIdentityHash('ada.lovelace@example.org', written.recipient.identity.salt, written.recipient.identity.hash)).toBe(true);

    const checked = await repo.command(check);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`${before.live + 1} awards`);
  });

  it('writes listed: true with --listed, nothing with neither flag (the site decides), and refuses both flags', async () => {
    const fileOf = (stdout: string) => /Wrote (content\/awards\/\S+\.yaml)/.exec(stdout)?.[1] ?? '';
    const listed = await repo.command(award, ['data-privacy', '--name', 'Lin Listed', '--email', 'lin@example.org', '--listed']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(parse(await readFile(path.join(repo.dir, fileOf(listed.stdout)), 'utf8'))).toMatchObject({ listed: true });
    expect(listed.stdout).toContain('(listed: named under Recent earners and found by name in search)');
    const silent = await repo.command(award, ['data-privacy', '--name', 'Sol Silent', '--email', 'sol@example.org']);
    expect(silent.code, silent.stderr).toBe(0);
    expect(parse(await readFile(path.join(repo.dir, fileOf(silent.stdout)), 'utf8'))).not.toHaveProperty('listed');
    const before = await readTree(repo.dir);
    const both = await repo.command(award, ['data-privacy', '--name', 'Bo Both', '--email', 'bo@example.org', '--listed', '--unlisted']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give --listed or --unlisted, not both.');
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('records a result and credits: --result written as the file writes it, --credits as a number', async () => {
    // data-privacy has one result, "Exam score", a Percent from 0 to 100; accessible-interfaces is worth 4 credits.
    const percent = await repo.command(award, ['data-privacy', '--name', 'Ada Lovelace', '--email', EMAIL, '--result', '95%']);
    expect([percent.code, percent.stderr]).toEqual([0, '']);
    const file = /Wrote (\S+\.yaml)/.exec(percent.stdout)![1]!;
    expect(parse(await readFile(path.join(repo.dir, file), 'utf8')).results).toEqual([{ resultDescription: 'exam-score', value: '95' }]);
    const keyed = await repo.command(award, ['data-privacy', '--name', 'Grace Hopper', '--email', 'grace@example.org', '--result', 'exam-score=91,5']);
    expect(parse(await readFile(path.join(repo.dir, /Wrote (\S+\.yaml)/.exec(keyed.stdout)![1]!), 'utf8')).results).toEqual([{ resultDescription: 'exam-score', value: '91.5' }]);
    const credits = await repo.command(award, ['accessible-interfaces', '--name', 'Alan Turing', '--email', 'alan@example.org', '--credits', '3,5']);
    expect(credits.code).toBe(0);
    expect(parse(await readFile(path.join(repo.dir, /Wrote (\S+\.yaml)/.exec(credits.stdout)![1]!), 'utf8')).creditsEarned).toBe(3.5);
    expect((await repo.command(check)).code).toBe(0);
  });

  it('refuses a result its description does not allow, at its line in the new file, and more credits than the achievement is worth', async () => {
    const before = await readTree(repo.dir);
    const word = await repo.command(award, ['data-privacy', '--name', 'Grace Hopper', '--email', 'grace@example.org', '--result', 'quatre-vingt']);
    expect(word.code).toBe(1);
    expect(word.stderr).toMatch(/content\/awards\/\d{4}\/data-privacy-grace-hopper-[0-9a-f]{8}\.yaml:\d+:\d+ error\[invalid-result\] results\[0\]\.value: "quatre-vingt" is not a number, and Exam score is a Percent\.\n {4}expected: a percentage written as a number from 0 to 100/);
    expect(word.stderr).toContain('Nothing was written.');
    const grade = await repo.command(award, ['design-systems', '--name', 'Grace Hopper', '--email', 'grace@example.org', '--result', 'E']);
    expect([grade.code, grade.stderr]).toEqual([1, expect.stringContaining('"E" is not one of the values Portfolio grade allows.\n    expected: one of A, B, C, D')]);
    const credits = await repo.command(award, ['accessible-interfaces', '--name', 'Grace Hopper', '--email', 'grace@example.org', '--credits', '5']);
    expect([credits.code, credits.stderr]).toEqual([1, expect.stringContaining('error[invalid-value] creditsEarned: is more than the 4 credits accessible-interfaces is worth (its creditsAvailable).')]);
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('treats a result for an achievement without results, an unknown result key, or credits that are not a number as bad usage', async () => {
    const none = await repo.command(award, ['accessible-interfaces', '--name', 'Grace', '--email', 'grace@example.org', '--result', '91']);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('--result: accessible-interfaces defines no resultDescriptions')]);
    const key = await repo.command(award, ['data-privacy', '--name', 'Grace', '--email', 'grace@example.org', '--result', 'exam=91']);
    // With one description, the whole text is its value, which the validation then refuses.
    expect([key.code, key.stderr]).toEqual([1, expect.stringContaining('"exam=91" is not a number')]);
    const credits = await repo.command(award, ['data-privacy', '--name', 'Grace', '--email', 'grace@example.org', '--credits', 'two']);
    expect([credits.code, credits.stderr]).toEqual([2, expect.stringContaining('--credits "two" is not a number of credits')]);
  });

  it('refuses an unknown achievement, names the closest, and writes nothing', async () => {
    const before = await readTree(repo.dir);
    const result = await repo.command(award, ['accessible-interface', '--name', 'Grace Hopper', '--email', 'grace@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[unknown-achievement] achievement: "accessible-interface" is not an achievement. Did you mean "accessible-interfaces"? Nothing was written.');
    expect(result.stderr).toContain('expected: one of accessible-interfaces, advanced-forensics, data-privacy');
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('refuses a draft achievement', async () => {
    const result = await repo.command(award, ['advanced-forensics', '--name', 'Grace Hopper', '--email', 'grace@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[draft-achievement] achievement: "advanced-forensics" is a draft and cannot be awarded yet.');
  });

  it('treats a missing name, a bad email or a bad date as bad usage (exit 2) without echoing the email', async () => {
    const noName = await repo.command(award, ['accessible-interfaces', '--email', 'grace@example.org']);
    expect([noName.code, noName.stderr]).toEqual([2, expect.stringContaining('--name is required')]);
    const badEmail = await repo.command(award, ['accessible-interfaces', '--name', 'Grace', '--email', 'grace.at.example.org']);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email is not an email address');
    expect(badEmail.stderr).not.toContain('grace.at.example.org');
    const badDate = await repo.command(award, ['accessible-interfaces', '--name', 'Grace', '--email', 'grace@example.org', '--date', '2026-02-30']);
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining('--date "2026-02-30" is not a date')]);
  });

  it('validates the new file with the whole tree: an email in the name is refused with its position', async () => {
    // Line 6: id, achievement, statusIndex, learner, recipient, then its name.
    const before = await readTree(repo.dir);
    const result = await repo.command(award, ['accessible-interfaces', '--name', 'Grace grace@example.org', '--email', 'grace@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/awards\/\d{4}\/accessible-interfaces-grace-grace-example-org-[0-9a-f]{8}\.yaml:6:\d+ error\[plain-email\] recipient\.name/);
    expect(result.stderr).toContain('Nothing was written.');
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('records several results of an achievement with several, each named by its key', async () => {
    // Last, as it adds an achievement to this repository: a capstone with a percentage and a letter grade.
    await writeFile(path.join(repo.dir, 'content/achievements/capstone.md'), `---
name: Capstone Project
description: A supervised project, assessed on its report and its defence.
resultDescriptions:
  - id: report-score
    name: Report score
    resultType: Percent
    valueMin: "0"
    valueMax: "100"
  - id: defence-grade
    name: Defence grade
    resultType: LetterGrade
    allowedValues: [A, B, C, D]
badge: { shape: shield, primaryColor: "#1d4ed8", secondaryColor: "#dbeafe", emblem: award, label: Capstone }
---

The project of the programme's last term.
`);
    const before = await readTree(repo.dir);
    const both = await repo.command(award, ['capstone', '--name', 'Ada Lovelace', '--email', EMAIL, '--result', 'report-score=88,5%', '--result', 'defence-grade=B']);
    expect([both.code, both.stderr]).toEqual([0, '']);
    const file = /Wrote (\S+\.yaml)/.exec(both.stdout)![1]!;
    expect(parse(await readFile(path.join(repo.dir, file), 'utf8')).results).toEqual([
      { resultDescription: 'report-score', value: '88.5' },
      { resultDescription: 'defence-grade', value: 'B' },
    ]);
    // One of them is enough; the order of the options is kept.
    const one = await repo.command(award, ['capstone', '--name', 'Grace Hopper', '--email', 'grace@example.org', '--result', 'defence-grade=A']);
    expect(parse(await readFile(path.join(repo.dir, /Wrote (\S+\.yaml)/.exec(one.stdout)![1]!), 'utf8')).results).toEqual([{ resultDescription: 'defence-grade', value: 'A' }]);
    expect((await repo.command(check)).code).toBe(0);

    const written = await readTree(repo.dir);
    // A value without a key, or with a key the achievement does not define, says which keys there are.
    for (const input of ['91', 'exam-score=91']) {
      const unnamed = await repo.command(award, ['capstone', '--name', 'Alan Turing', '--email', 'alan@example.org', '--result', input]);
      expect([unnamed.code, unnamed.stderr], input).toEqual([2, expect.stringContaining(`--result "${input}": capstone has several results; say which, like --result report-score=VALUE (one of report-score, defence-grade).`)]);
    }
    // Each value is checked against its own description, at its line.
    const wrong = await repo.command(award, ['capstone', '--name', 'Alan Turing', '--email', 'alan@example.org', '--result', 'report-score=90', '--result', 'defence-grade=91']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/error\[invalid-result\] results\[1\]\.value: "91" is not one of the values Defence grade allows\./);
    expect(await readTree(repo.dir)).toEqual(written);
    expect([...written.keys()].filter((name) => !before.has(name)).sort()).toEqual([file, /Wrote (\S+\.yaml)/.exec(one.stdout)![1]!].sort());
  });
});
