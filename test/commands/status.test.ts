/** npm run revoke / suspend / reinstate, in a repository with the academy fixture's content, on a batch file with comments. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../src/commands/check.ts';
import { status } from '../../src/commands/status.ts';
import { awardCounts } from '../helpers/content-counts.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

const SITE = 'https://credentials.harbourside.example/';
const FILE = 'content/awards/2026/design-systems-2026-02.yaml';
const KENJI = 'f03ab81a-54ba-4f1b-a4ca-8e178ad8d519'; // awards[1]
const PEDRO = 'd51397f8-4e59-4a58-8a21-a1f6e8aa3d71'; // awards[3]

let repo: Repository;
let original: string;
const read = () => readFile(path.join(repo.dir, FILE), 'utf8');

beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
  // Comments an issuer might have written: every one must survive the edits.
  const text = await read();
  original = `# February cohort, design systems.\n${text.replace(`  - id: ${KENJI}`, `  # Transferred from the evening cohort.\n  - id: ${KENJI}`).replace('awardedOn: 2026-02-27', 'awardedOn: 2026-02-27 # exam board date')}`;
  // The replacements must have found their lines, or the test would check comments that are not there.
  expect(original).toContain('# Transferred from the evening cohort.\n');
  expect(original).toContain('# exam board date\n');
  await writeFile(path.join(repo.dir, FILE), original);
});
afterAll(() => repo.cleanup());

describe('npm run revoke, suspend, reinstate', () => {
  it('revokes the right entry of a batch and changes nothing else', async () => {
    const before = await awardCounts(repo.dir);
    const result = await repo.command(status, ['revoke', KENJI, '--reason', 'Awarded in error: the portfolio was not reviewed.', '--date', '2026-04-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Revoked ${KENJI}`);
    expect(result.stdout).toContain(`${FILE}:`);
    expect(result.stdout).toContain('Revocation is final');
    const text = await read();
    const lines = text.split('\n');
    const added = lines.filter((line, index) => line !== original.split('\n')[index]);
    expect(added.slice(0, 3)).toEqual(['    revoked:', '      on: 2026-04-01', '      reason: "Awarded in error: the portfolio was not reviewed."']);
    expect(text.replace(/    revoked:\n      on: 2026-04-01\n      reason: "Awarded in error: the portfolio was not reviewed."\n/, '')).toBe(original);
    const awards = parse(text).awards;
    expect(awards[1]).toMatchObject({ id: KENJI, revoked: { on: '2026-04-01', reason: 'Awarded in error: the portfolio was not reviewed.' } });
    expect(awards.filter((award: { revoked?: unknown }) => award.revoked)).toHaveLength(1);
    expect((await repo.command(check)).stdout).toContain(`${before.revoked + 1} revoked`);
  });

  it('refuses to revoke twice, to suspend or reinstate a revoked award, and says revocation is final', async () => {
    const before = await readTree(repo.dir);
    const twice = await repo.command(status, ['revoke', KENJI, '--reason', 'Again']);
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining(`The award ${KENJI} is already revoked on 2026-04-01`)]);
    const suspend = await repo.command(status, ['suspend', KENJI, '--reason', 'Review']);
    expect([suspend.code, suspend.stderr]).toEqual([1, expect.stringContaining('revocation is final')]);
    const reinstate = await repo.command(status, ['reinstate', KENJI]);
    expect(reinstate.code).toBe(1);
    expect(reinstate.stderr).toContain('is not suspended, so there is nothing to reinstate. It is revoked on 2026-04-01');
    expect(reinstate.stderr).toContain('reinstate does not undo it');
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('suspends and reinstates, leaving the file as it was', async () => {
    const before = await read();
    const suspend = await repo.command(status, ['suspend', `${SITE}credentials/${PEDRO}/`, '--reason', 'Under investigation', '--date', '2026-04-02']);
    expect(suspend.code).toBe(0);
    expect(parse(await read()).awards[3]).toMatchObject({ id: PEDRO, suspended: { on: '2026-04-02', reason: 'Under investigation' } });
    const again = await repo.command(status, ['suspend', PEDRO, '--reason', 'Twice']);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is already suspended on 2026-04-02')]);
    const reinstate = await repo.command(status, ['reinstate', PEDRO]);
    expect([reinstate.code, reinstate.stdout]).toEqual([0, expect.stringContaining(`Reinstated ${PEDRO}`)]);
    expect(await read()).toBe(before);
    const notSuspended = await repo.command(status, ['reinstate', PEDRO]);
    expect([notSuspended.code, notSuspended.stderr]).toEqual([1, expect.stringContaining('is not suspended')]);
  });

  it('edits a single-award file too, dated today when --date is left out', async () => {
    const file = 'content/awards/2026/data-privacy-sofia-reyes.yaml';
    const id = parse(await readFile(path.join(repo.dir, file), 'utf8')).id as string;
    // "Today" is the command's clock, so the test gives it one.
    const result = await repo.command(status, ['suspend', id, '--reason', 'Pending appeal'], { now: new Date('2026-10-05T09:30:00Z') });
    expect(result.code).toBe(0);
    expect(parse(await readFile(path.join(repo.dir, file), 'utf8')).suspended).toEqual({ on: '2026-10-05', reason: 'Pending appeal' });
  });

  it('explains an unknown id (exit 1) and bad usage (exit 2)', async () => {
    const mistyped = PEDRO.replace(/1$/, '2');
    expect(mistyped).not.toBe(PEDRO);
    const unknown = await repo.command(status, ['revoke', mistyped, '--reason', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`No award has the id "${mistyped}" in content/awards/. Did you mean ${PEDRO}?`);
    const noReason = await repo.command(status, ['revoke', PEDRO]);
    expect([noReason.code, noReason.stderr]).toEqual([2, expect.stringContaining('--reason is required')]);
    const noId = await repo.command(status, ['suspend']);
    expect([noId.code, noId.stderr]).toEqual([2, expect.stringContaining('Which award?')]);
    for (const result of [unknown, noReason, noId]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
