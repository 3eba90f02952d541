/**
 * Output files kept between builds under the hash of their bytes: a file whose bytes the cache
 * holds is linked from it rather than written, a new one is written and kept, and entries no
 * build uses are removed unless the cache is shared.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeFiles } from '../../src/site/file-cache.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'laurel-file-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const NAMES = { entry: 'pagefind-entry.json', first: 'fragment/en_1.pf_fragment', second: 'fragment/en_2.pf_fragment', third: 'fragment/en_3.pf_fragment' };
const CONTENT = { entry: '{"languages":{}}', first: new TextEncoder().encode('first'), second: 'second', third: 'third' };
const filesIn = (out: string, ...names: Array<keyof typeof NAMES>) => names.map((name) => ({ file: path.join(out, NAMES[name]), content: CONTENT[name] }));
const cache = { directory: path.join(scratch, 'cache'), prune: true };
const entries = async () => (await readdir(cache.directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

describe('placeFiles', () => {
  it('writes every file the first time, and keeps each in the cache', async () => {
    const out = path.join(scratch, 'one');
    const files = filesIn(out, 'entry', 'first', 'second');
    const placed = await placeFiles(files, cache);
    expect(placed.reused).toEqual([]);
    expect([...placed.written.keys()].sort()).toEqual(files.map(({ file }) => file).sort());
    expect(await readFile(path.join(out, NAMES.first), 'utf8')).toBe('first');
    expect(await readFile(path.join(out, NAMES.second), 'utf8')).toBe('second');
    expect(await entries()).toBe(3);
  });

  it('links the files whose bytes it holds, and writes only what changed', async () => {
    const out = path.join(scratch, 'two');
    const placed = await placeFiles(filesIn(out, 'entry', 'first', 'third'), cache);
    expect([...placed.written.keys()]).toEqual([path.join(out, NAMES.third)]);
    expect(placed.reused.sort()).toEqual([path.join(out, NAMES.first), path.join(out, NAMES.entry)].sort());
    // The same file as the first output's, not a copy.
    expect((await stat(path.join(out, NAMES.first))).ino).toBe((await stat(path.join(scratch, 'one', NAMES.first))).ino);
    expect(await readFile(path.join(out, NAMES.third), 'utf8')).toBe('third');
    // "second" is no longer used: removed.
    expect(await entries()).toBe(3);
  });

  it('keeps what a shared cache holds for others', async () => {
    await placeFiles(filesIn(path.join(scratch, 'three'), 'entry'), { ...cache, prune: false });
    expect(await entries()).toBe(3);
    await placeFiles(filesIn(path.join(scratch, 'four'), 'entry'), cache);
    expect(await entries()).toBe(1);
  });
});
