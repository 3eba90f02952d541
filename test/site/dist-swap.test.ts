/**
 * Replacing dist/: at every instant a complete site is in dist/ or in .laurel/previous-dist/, and
 * the state a kill leaves between the two renames is put right by the next build or preview.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCARDED_DIST, discardOldDist, PREVIOUS_DIST, recoverDist, replaceDist, STAGING } from '../../src/site/dist-swap.ts';
import { site, useTemporaryRepositories } from '../helpers/swap-sites.ts';

const repository = useTemporaryRepositories('laurel-swap-');

const home = (root: string) => readFile(path.join(root, 'dist', 'index.html'), 'utf8');
const present = (root: string, folder: string) => readdir(path.join(root, folder)).then(() => true, () => false);

describe('replacing dist/', () => {
  it('puts the new site in dist/ and leaves no copy behind once the old one is discarded', async () => {
    const root = await repository();
    await site(root, 'dist', 'old');
    await site(root, STAGING, 'new');
    await replaceDist(root, path.join(root, STAGING));
    expect(await home(root)).toBe('new');
    expect(await present(root, STAGING)).toBe(false);
    expect(await present(root, PREVIOUS_DIST)).toBe(false);
    // The old site waits where the next build removes it, never where a recovery would put it back.
    expect(await present(root, DISCARDED_DIST)).toBe(true);
    expect(await recoverDist(root)).toBe(false);
    await discardOldDist(root);
    expect(await present(root, DISCARDED_DIST)).toBe(false);
  });

  it('makes a first dist/ where there was none', async () => {
    const root = await repository();
    await site(root, STAGING, 'first');
    await replaceDist(root, path.join(root, STAGING));
    expect(await home(root)).toBe('first');
  });

  it('recovers the last good site after a kill between the two renames', async () => {
    // The state a kill leaves after `dist/ → .laurel/previous-dist/`, before `staging → dist/`.
    const root = await repository();
    await site(root, PREVIOUS_DIST, 'old');
    await site(root, STAGING, 'new, maybe half written');
    expect(await recoverDist(root)).toBe(true);
    expect(await home(root)).toBe('old');
    expect(await present(root, PREVIOUS_DIST)).toBe(false);
    expect(await recoverDist(root)).toBe(false);
  });

  it('never removes the only copy: a swap after a kill first puts the old site back', async () => {
    const root = await repository();
    await site(root, PREVIOUS_DIST, 'old');
    await site(root, STAGING, 'new');
    await replaceDist(root, path.join(root, STAGING));
    expect(await home(root)).toBe('new');
    expect(await present(root, PREVIOUS_DIST)).toBe(false);
  });

  it('keeps dist/ when a copy is left over from a kill after the swap', async () => {
    const root = await repository();
    await site(root, 'dist', 'new');
    await site(root, PREVIOUS_DIST, 'old, partly removed');
    expect(await recoverDist(root)).toBe(false);
    expect(await home(root)).toBe('new');
  });
});
