/**
 * Replacing dist/ by a finished build, so that at every instant a complete site is in dist/ or,
 * for the moment between two renames, in .laurel/previous-dist/, from where the next build or
 * preview puts it back.
 *
 * A folder cannot replace a non-empty folder in one rename, and Node has no renameat2
 * RENAME_EXCHANGE; making dist/ a symbolic link to the latest build would swap in one step, but
 * dist/ is uploaded by tools (upload-pages-artifact, rsync, host CLIs) that treat a link
 * differently from a folder. So dist/ stays a folder and the swap is two renames, each atomic:
 *
 *   1. dist/ → .laurel/previous-dist/   (a kill here: no dist/, the old site in previous-dist/)
 *   2. staging → dist/                  (a kill here: the new site in dist/, the old one left over)
 *   3. .laurel/previous-dist/ → .laurel/discarded-dist/, which the next build removes while it
 *      signs (`discardOldDist`): removing tens of thousands of files takes seconds, better spent
 *      alongside other work than at the end of this one
 *
 * `recoverDist` runs first in every build and preview: a missing dist/ with a previous-dist/ left
 * over is put back, so a kill at any instant loses neither site for good (the new one is built
 * again). A leftover previous-dist/ next to a dist/ is only removed when dist/ is there.
 */
import { spawn } from 'node:child_process';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import path from 'node:path';

export const DIST = 'dist';
/** Where `npm run build` has Astro write, relative to the repository. */
export const STAGING = path.join('.laurel', 'staging');
/** Relative to the repository: inside the ignored .laurel/, so it is never committed. */
export const PREVIOUS_DIST = path.join('.laurel', 'previous-dist');

/** The site before the last one, waiting to be removed; relative to the repository. */
export const DISCARDED_DIST = path.join('.laurel', 'discarded-dist');

const exists = (file: string) => stat(file).then(() => true, () => false);

/** Puts back the last good dist/ when a swap was cut short; true when it did. */
export async function recoverDist(root: string): Promise<boolean> {
  const dist = path.join(root, DIST);
  const previous = path.join(root, PREVIOUS_DIST);
  if ((await exists(dist)) || !(await exists(previous))) return false;
  await rename(previous, dist);
  return true;
}

/** Makes the finished build in `staging` the new dist/ (see the steps above). */
export async function replaceDist(root: string, staging: string): Promise<void> {
  const dist = path.join(root, DIST);
  const previous = path.join(root, PREVIOUS_DIST);
  await recoverDist(root);
  // Only a copy older than dist/ can be left here now: dist/ exists or there never was one.
  await rm(previous, { recursive: true, force: true });
  await mkdir(path.dirname(previous), { recursive: true });
  if (await exists(dist)) await rename(dist, previous);
  await rename(staging, dist);
  if (!(await exists(previous))) return;
  const discarded = path.join(root, DISCARDED_DIST);
  await rm(discarded, { recursive: true, force: true });
  await rename(previous, discarded);
}

/** Removes a folder in a Node process of its own; in this one when none can be started. */
const REMOVE_IN_CHILD = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";

/**
 * Removes the site a build replaced (step 3 above); a build starts it first and waits for it last.
 * It runs in a process of its own: the tens of thousands of file operations would otherwise fill
 * this process's I/O threads, and every file the build reads meanwhile would wait behind them.
 */
export async function discardOldDist(root: string): Promise<void> {
  const discarded = path.join(root, DISCARDED_DIST);
  if (!(await exists(discarded))) return;
  const removed = await new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, ['-e', REMOVE_IN_CHILD, discarded], { stdio: 'ignore' });
    // At the lowest priority: the build, not the clean-up, should have the processors.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_LOW);
      } catch {
        // Not allowed here: it runs at the build's own priority.
      }
    }
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
  if (!removed || (await exists(discarded))) await rm(discarded, { recursive: true, force: true });
}
