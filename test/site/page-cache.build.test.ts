/**
 * The page cache end to end, with `npm run build` in a copy of the built academy fixture: a second
 * build renders no certificate page and publishes the same bytes; an edited award renders its
 * page alone, and the result is byte for byte what a build from an empty cache makes.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { awardCounts } from '../helpers/content-counts.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

async function fingerprint(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const sums = await Promise.all(files.map(async (file) => [path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex')] as const));
  return new Map(sums.sort(([a], [b]) => a.localeCompare(b)));
}

/** The counts `npm run build` printed: certificate pages rendered and unchanged. */
function pagesOf(stdout: string): { rendered: number; unchanged: number } {
  const match = /\((\d+) certificate pages rendered, (\d+) unchanged\)/.exec(stdout);
  if (!match) throw new Error(`no page counts in:\n${stdout}`);
  return { rendered: Number(match[1]), unchanged: Number(match[2]) };
}

/** An award file of the fixture with a single award (`id:` at the top), and its learner's name. */
async function singleAward(dir: string): Promise<{ file: string; name: string; id: string }> {
  const files = (await readdir(path.join(dir, 'content', 'awards'), { recursive: true })).filter((file) => file.endsWith('.yaml'));
  for (const file of files) {
    const text = await readFile(path.join(dir, 'content', 'awards', file), 'utf8');
    const id = /^id: (\S+)$/m.exec(text)?.[1];
    const name = /^ {2}name: "?([^"\n]+)"?$/m.exec(text)?.[1];
    if (id && name && !/^(revoked|suspended|listed|erased):/m.test(text)) return { file: path.join(dir, 'content', 'awards', file), name, id };
  }
  throw new Error('the fixture has no single, listed, valid award file');
}

describe('the page cache, across builds', () => {
  const sites = inject('sites');
  let repo: Repository;
  let cache: string;
  let live: number;

  beforeAll(async () => {
    cache = await mkdtemp(path.join(tmpdir(), 'laurel-page-cache-build-'));
    repo = await makeRepository({ from: sites.academy.dir, cacheDirectory: cache });
    live = (await awardCounts(repo.dir)).live;
  });
  afterAll(async () => {
    await repo.cleanup();
    await rm(cache, { recursive: true, force: true });
  });

  it('renders every page once, then none, for the same bytes', async () => {
    const first = await repo.run('build.ts');
    expect(first.code, first.stderr).toBe(0);
    expect(pagesOf(first.stdout)).toEqual({ rendered: live, unchanged: 0 });
    const before = await fingerprint(path.join(repo.dir, 'dist'));

    const second = await repo.run('build.ts');
    expect(second.code, second.stderr).toBe(0);
    expect(pagesOf(second.stdout)).toEqual({ rendered: 0, unchanged: live });
    expect(await fingerprint(path.join(repo.dir, 'dist'))).toEqual(before);
  });

  it('renders only the page of an edited award, and publishes what a build from nothing would', async () => {
    const { file, name, id } = await singleAward(repo.dir);
    await writeFile(file, (await readFile(file, 'utf8')).replace(name, `${name} Renamed`));
    const edited = await repo.run('build.ts');
    expect(edited.code, edited.stderr).toBe(0);
    expect(pagesOf(edited.stdout)).toEqual({ rendered: 1, unchanged: live - 1 });
    expect(await readFile(path.join(repo.dir, 'dist', 'credentials', id, 'index.html'), 'utf8')).toContain(`${name} Renamed`);
    const incremental = await fingerprint(path.join(repo.dir, 'dist'));

    // The same repository, every page rendered afresh from an empty cache.
    const fresh = await mkdtemp(path.join(tmpdir(), 'laurel-page-cache-fresh-'));
    try {
      const cold = await repo.run('build.ts', [], { LAUREL_CACHE_DIR: fresh });
      expect(cold.code, cold.stderr).toBe(0);
      expect(pagesOf(cold.stdout)).toEqual({ rendered: live, unchanged: 0 });
      expect(await fingerprint(path.join(repo.dir, 'dist'))).toEqual(incremental);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
