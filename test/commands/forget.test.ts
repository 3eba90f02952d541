/** npm run forget, end to end: no trace of the learner left anywhere in content/. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoAwardCounts } from '../helpers/demo-counts.ts';
import { makeTempRepo, readTree, type TempRepo } from '../helpers/temp-repo.ts';

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo();
});
afterAll(() => repo.cleanup());

/** Every file under content/ that mentions any of the needles, case-insensitively, in its path or text. */
async function mentions(...needles: string[]): Promise<string[]> {
  const tree = await readTree(repo.dir);
  return [...tree].filter(([file, text]) => needles.some((needle) => `${file}\n${text}`.toLowerCase().includes(needle.toLowerCase()))).map(([file]) => file);
}

describe('npm run forget', () => {
  it('turns a single-award file named after the learner into a tombstone', async () => {
    const file = 'content/awards/2026/cybersecurity-marcus-reid.yaml';
    const award = parse(await readFile(path.join(repo.dir, file), 'utf8'));
    const { hash, salt } = award.recipient.identity;
    expect(await mentions('Marcus Reid', 'marcus-reid', hash.slice(7), salt)).toEqual([file]);

    const result = await repo.run('scripts/forget.ts', [award.id, '--date', '2026-05-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await mentions('Marcus', 'Reid', hash.slice(7), salt)).toEqual([]);
    const tombstoneFile = `content/awards/2026/cybersecurity-fundamentals-erased-${award.id.slice(0, 8)}.yaml`;
    expect(parse(await readFile(path.join(repo.dir, tombstoneFile), 'utf8'))).toEqual({ id: award.id, achievement: 'cybersecurity-fundamentals', statusIndex: award.statusIndex, erased: { on: '2026-05-01' }, revoked: { on: award.revoked.on } });
    // The award was revoked: the tombstone keeps the date (not the reason) so the status bit stays set.
    expect(award.revoked.on).toBe('2026-04-02');

    expect(result.stdout).toContain('README, "Erasing personal data"');
    expect(result.stdout).toMatch(new RegExp(`git filter-repo --replace-text /\\S*/\\.laurel/erase/${award.id}\\.txt --replace-message \\S+ --invert-paths --path ${file}`));
    expect(result.stdout).toContain('git push --force');
    const replacements = await readFile(path.join(repo.dir, '.laurel', 'erase', `${award.id}.txt`), 'utf8');
    expect(replacements.split('\n')).toEqual(expect.arrayContaining([`${hash.slice(7)}==>[erased]`, `${salt}==>[erased]`, 'Marcus Reid==>[erased]']));

    const check = await repo.run('scripts/check.ts');
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining(`${(await demoAwardCounts()).erased + 1} erased`)]);
  });

  it('erases one entry of a batch, keeps its status index, and leaves the others', async () => {
    const file = 'content/awards/2025/accessibility-2025-autumn.yaml';
    const salt = 'pZyCU11cT-UFUC42';
    // Give the entry evidence, a narrative and a comment about the learner, so there is more to erase.
    const text = (await readFile(path.join(repo.dir, file), 'utf8')).replace(`salt: "${salt}"`, `salt: "${salt}" # Lan asked for a paper copy\n    narrative: Lan rebuilt the checkout flow.\n    evidence:\n      - url: https://github.com/lan-demo/audit`);
    await writeFile(path.join(repo.dir, file), text);
    const batch = parse(text);
    const index = batch.awards.findIndex((award: { recipient: { name: string } }) => award.recipient.name === 'Nguyễn Thị Lan');
    const award = batch.awards[index];
    const hash = award.recipient.identity.hash as string;
    expect(await mentions('Nguyễn Thị Lan')).toEqual([file]);

    const result = await repo.run('scripts/forget.ts', [award.id]);
    expect(result.code).toBe(0);
    expect(await mentions('Nguyễn', 'Lan ', 'lan-demo', 'checkout', hash.slice(7), salt)).toEqual([]);
    const after = parse(await readFile(path.join(repo.dir, file), 'utf8'));
    expect(after.awards[index]).toEqual({ id: award.id, statusIndex: award.statusIndex, erased: { on: new Date().toISOString().slice(0, 10) } });
    expect(after.awards.filter((entry: { erased?: unknown }) => !entry.erased)).toHaveLength(batch.awards.length - 1);
    expect(result.stdout).not.toContain('--invert-paths');

    const again = await repo.run('scripts/forget.ts', [award.id]);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is already erased')]);
  });

  it('warns when the learner has other awards that still name them', async () => {
    // Yuki Tanaka holds two awards: erasing one leaves the name in the other.
    const file = 'content/awards/2026/machine-learning-2026-05.yaml';
    const id = parse(await readFile(path.join(repo.dir, file), 'utf8')).awards.find((award: { recipient?: { name: string } }) => award.recipient?.name === 'Yuki Tanaka').id as string;
    const result = await repo.run('scripts/forget.ts', [id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/! The learner's name still appears in content\/ at content\/awards\/2026\/data-protection-2026-02\.yaml:\d+/);
    expect(await readFile(path.join(repo.dir, '.laurel', 'erase', `${id}.txt`), 'utf8')).not.toContain('Yuki');
  });
});
