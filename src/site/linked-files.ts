/**
 * Files shared between a build cache (.laurel/cache/) and the output as hard links: one entry in
 * a folder instead of a copy of the bytes, several times faster when thousands of files are
 * reused. A cache on another file system, or one that refuses links, gets copies. A file linked
 * both ways is never written into: nothing writes into a file once it is in the output (the
 * build only reads it, to index and check it), and a cache entry is only ever created whole (a
 * copy goes to a temporary name, then is renamed), never rewritten, so the live dist/ that links
 * to it cannot change. The output is uploaded by tools that copy what a link points to
 * (upload-pages-artifact's tar dereferences hard links).
 */
import { copyFile, link, rename } from 'node:fs/promises';

/** Puts the cache entry `cached` at `file` in the output. */
export async function placeCopy(cached: string, file: string): Promise<void> {
  try {
    await link(cached, file);
  } catch {
    await copyFile(cached, file);
  }
}

/** Keeps the output's `file` as the cache entry `cached`; an entry already there has the same bytes (same key). */
export async function keep(file: string, cached: string): Promise<void> {
  try {
    await link(file, cached);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    const temporary = `${cached}.${process.pid}.tmp`;
    await copyFile(file, temporary);
    await rename(temporary, cached);
  }
}
