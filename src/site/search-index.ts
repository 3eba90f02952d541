/**
 * The search index (Pagefind) of a built site: every page that marks a body for search
 * (`data-pagefind-body`: achievements and listed certificates) with its filters (skill,
 * achievement, year). Unlisted, revoked and suspended awards mark none, so they are not found.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LaurelError } from '../core/error.ts';

/** Indexes the HTML under `directory` into `<directory>/pagefind/`; returns how many pages it holds. */
export async function indexForSearch(directory: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: directory });
    if (added.errors.length) throw new LaurelError('search-index-failed', `Search indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(directory, 'pagefind') });
    if (written.errors.length) throw new LaurelError('search-index-failed', `Search indexing failed: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** The same index in memory, from pages given as HTML at their URL paths (the dev server's). */
export async function indexPages(pages: ReadonlyArray<{ url: string; html: string }>): Promise<Map<string, Uint8Array>> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
  try {
    for (const page of pages) await index.addHTMLFile({ url: page.url, content: page.html });
    const { files, errors: failed } = await index.getFiles();
    if (failed.length) throw new LaurelError('search-index-failed', `Search indexing failed: ${failed.join('; ')}`);
    return new Map(files.map((file) => [file.path.split(path.sep).join('/'), file.content]));
  } finally {
    await pagefind.close();
  }
}
