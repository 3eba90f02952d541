/**
 * The parse cache kept between builds: what one build parsed, the next gets back (as a copy),
 * only what a build used is saved, and a cache written by another parser version is not read.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openContentCache } from '../../src/issue/content-cache.ts';

const folder = await mkdtemp(path.join(tmpdir(), 'laurel-content-cache-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

const parsed = (n: number) => ({ value: { id: `award-${n}`, list: [n] }, positions: { 'v["awards",0]': { line: n, column: 3 } } });

describe('openContentCache', () => {
  it('gives back what an earlier build parsed, keeps only what was used, and copies', async () => {
    const directory = path.join(folder, 'own');
    const first = await openContentCache(directory);
    first.set('text one', parsed(1));
    first.set('text two', parsed(2));
    await first.save();

    const second = await openContentCache(directory);
    const one = second.get('text one');
    expect(one).toEqual(parsed(1));
    (one!.value as { list: number[] }).list.push(99);
    expect(second.get('text one')).toEqual(parsed(1));
    expect(second.get('text three')).toBeUndefined();
    await second.save();

    const third = await openContentCache(directory);
    expect(third.get('text one')).toEqual(parsed(1));
    // Not asked of the second build: gone.
    expect(third.get('text two')).toBeUndefined();
  });

  it('keeps everything when shared, and starts afresh from a cache of another parser', async () => {
    const directory = path.join(folder, 'shared');
    const first = await openContentCache(directory, { keepAll: true });
    first.set('a', parsed(1));
    await first.save();
    const second = await openContentCache(directory, { keepAll: true });
    second.set('b', parsed(2));
    await second.save();
    const third = await openContentCache(directory);
    expect([third.get('a'), third.get('b')]).toEqual([parsed(1), parsed(2)]);

    const file = path.join(directory, 'content.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { parser: string };
    expect(stored.parser).toMatch(/^yaml@\d+\.\d+\.\d+/);
    await writeFile(file, JSON.stringify({ ...stored, parser: 'yaml@0.0.0' }));
    expect((await openContentCache(directory)).get('a')).toBeUndefined();
    await writeFile(file, 'not json');
    expect((await openContentCache(directory)).get('a')).toBeUndefined();
  });
});
