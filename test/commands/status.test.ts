/** npm run revoke / suspend / reinstate, end to end on a batch file with comments. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempRepo, readTree, type TempRepo } from '../helpers/temp-repo.ts';

const FILE = 'content/awards/2026/data-protection-2026-02.yaml';
const TOMAS = '2c4dde30-2984-4c1b-9a9f-85e398166ada'; // awards[1]
const BENJAMIN = '21ea157d-ecde-4be8-9aed-79eff1253717'; // awards[3]

let repo: TempRepo;
let original: string;
const read = () => readFile(path.join(repo.dir, FILE), 'utf8');

beforeAll(async () => {
  repo = await makeTempRepo();
  // Comments an issuer might have written: every one must survive the edits.
  const text = await read();
  original = `# February cohort, data protection.\n${text.replace(`  - id: ${TOMAS}`, `  # Transferred from the evening cohort.\n  - id: ${TOMAS}`).replace('awardedOn: 2026-02-27', 'awardedOn: 2026-02-27 # exam board date')}`;
  await writeFile(path.join(repo.dir, FILE), original);
});
afterAll(() => repo.cleanup());

describe('npm run revoke, suspend, reinstate', () => {
  it('revokes the right entry of a batch and changes nothing else', async () => {
    const result = await repo.run('scripts/status.ts', ['revoke', TOMAS, '--reason', 'Awarded in error: the exam was not passed.', '--date', '2026-04-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Revoked ${TOMAS}`);
    expect(result.stdout).toContain(`${FILE}:`);
    expect(result.stdout).toContain('Revocation is final');
    const text = await read();
    const lines = text.split('\n');
    const added = lines.filter((line, index) => line !== original.split('\n')[index]);
    expect(added.slice(0, 3)).toEqual(['    revoked:', '      on: 2026-04-01', '      reason: "Awarded in error: the exam was not passed."']);
    expect(text.replace(/    revoked:\n      on: 2026-04-01\n      reason: "Awarded in error: the exam was not passed."\n/, '')).toBe(original);
    const awards = parse(text).awards;
    expect(awards[1]).toMatchObject({ id: TOMAS, revoked: { on: '2026-04-01', reason: 'Awarded in error: the exam was not passed.' } });
    expect(awards.filter((award: { revoked?: unknown }) => award.revoked)).toHaveLength(1);
    expect((await repo.run('scripts/check.ts')).stdout).toContain('2 revoked');
  });

  it('refuses to revoke twice, to suspend or reinstate a revoked award, and says revocation is final', async () => {
    const before = await readTree(repo.dir);
    const twice = await repo.run('scripts/status.ts', ['revoke', TOMAS, '--reason', 'Again']);
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining(`The award ${TOMAS} is already revoked on 2026-04-01`)]);
    const suspend = await repo.run('scripts/status.ts', ['suspend', TOMAS, '--reason', 'Review']);
    expect([suspend.code, suspend.stderr]).toEqual([1, expect.stringContaining('revocation is final')]);
    const reinstate = await repo.run('scripts/status.ts', ['reinstate', TOMAS]);
    expect(reinstate.code).toBe(1);
    expect(reinstate.stderr).toContain('is not suspended, so there is nothing to reinstate. It is revoked on 2026-04-01');
    expect(reinstate.stderr).toContain('reinstate does not undo it');
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('suspends and reinstates, leaving the file as it was', async () => {
    const before = await read();
    const suspend = await repo.run('scripts/status.ts', ['suspend', `https://badges.northbridge.example/credentials/${BENJAMIN}/`, '--reason', 'Under investigation', '--date', '2026-04-02']);
    expect(suspend.code).toBe(0);
    expect(parse(await read()).awards[3]).toMatchObject({ id: BENJAMIN, suspended: { on: '2026-04-02', reason: 'Under investigation' } });
    const again = await repo.run('scripts/status.ts', ['suspend', BENJAMIN, '--reason', 'Twice']);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is already suspended on 2026-04-02')]);
    const reinstate = await repo.run('scripts/status.ts', ['reinstate', BENJAMIN]);
    expect([reinstate.code, reinstate.stdout]).toEqual([0, expect.stringContaining(`Reinstated ${BENJAMIN}`)]);
    expect(await read()).toBe(before);
    const notSuspended = await repo.run('scripts/status.ts', ['reinstate', BENJAMIN]);
    expect([notSuspended.code, notSuspended.stderr]).toEqual([1, expect.stringContaining('is not suspended')]);
  });

  it('edits a single-award file too', async () => {
    const file = 'content/awards/2026/data-protection-ingrid-larsen.yaml';
    const id = parse(await readFile(path.join(repo.dir, file), 'utf8')).id as string;
    const result = await repo.run('scripts/status.ts', ['suspend', id, '--reason', 'Pending appeal']);
    expect(result.code).toBe(0);
    expect(parse(await readFile(path.join(repo.dir, file), 'utf8')).suspended).toEqual({ on: new Date().toISOString().slice(0, 10), reason: 'Pending appeal' });
  });

  it('explains an unknown id (exit 1) and bad usage (exit 2)', async () => {
    const unknown = await repo.run('scripts/status.ts', ['revoke', BENJAMIN.replace(/7$/, '8'), '--reason', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`No award has the id "${BENJAMIN.replace(/7$/, '8')}" in content/awards/. Did you mean ${BENJAMIN}?`);
    const noReason = await repo.run('scripts/status.ts', ['revoke', BENJAMIN]);
    expect([noReason.code, noReason.stderr]).toEqual([2, expect.stringContaining('--reason is required')]);
    const noId = await repo.run('scripts/status.ts', ['suspend']);
    expect([noId.code, noId.stderr]).toEqual([2, expect.stringContaining('Which award?')]);
    for (const result of [unknown, noReason, noId]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
