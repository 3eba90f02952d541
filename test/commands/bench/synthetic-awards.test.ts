/**
 * The benchmark's synthetic awards are content like any other: every one of them passes the same
 * validation as an issuer's files, batches are cut between awards whatever their length, and no
 * status index is used twice.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticAwards } from '../../../src/commands/bench/site-build.ts';
import { readContentFiles } from '../../../src/content/files.ts';
import { validateContent } from '../../../src/content/validate.ts';
import { FIXTURE_SITES } from '../../helpers/repository.ts';

const copy = await mkdtemp(path.join(tmpdir(), 'laurel-bench-awards-'));
afterAll(() => rm(copy, { recursive: true, force: true }));

describe('writeSyntheticAwards', () => {
  it('writes valid awards of several achievements, in batches cut between awards', async () => {
    await cp(path.join(FIXTURE_SITES, 'academy', 'content'), path.join(copy, 'content'), { recursive: true });
    const before = validateContent(await readContentFiles(copy));
    if (!before.ok) throw new Error('the academy fixture should be valid');
    const taken = new Set([...before.content.awards].map((award) => award.statusIndex));
    const slugs = ['accessible-interfaces', 'data-privacy', 'design-systems', 'incident-response', 'interface-design', 'data-privacy', 'incident-response'];
    // Enough for each achievement to fill more than one batch file, with awards of two lengths (some have a
    // narrative) in no regular pattern: two achievements are listed twice.
    const count = 7_000;
    const used = await writeSyntheticAwards(copy, count, slugs, taken);

    const after = validateContent(await readContentFiles(copy));
    expect(after.ok ? [] : after.errors.map((error) => error.message)).toEqual([]);
    if (!after.ok) return;
    expect(after.content.awards.length).toBe(before.content.awards.length + count);
    expect(used.size).toBe(count);
    expect([...used].filter((index) => taken.has(index))).toEqual([]);
    const files = await readdir(path.join(copy, 'content', 'awards', 'bench'));
    expect(files.filter((name) => /^data-privacy-\d+\.yaml$/.test(name)).length).toBeGreaterThan(1);
    const firstBatch = await readFile(path.join(copy, 'content', 'awards', 'bench', 'data-privacy-0.yaml'), 'utf8');
    expect(firstBatch.split('\n').filter((line) => line.startsWith('  - id: ')).length).toBe(500);
  });
});
