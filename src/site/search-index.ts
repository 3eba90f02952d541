/**
 * The search index (Pagefind) of a built site: the pages that mark a body for search
 * (`data-pagefind-body`: the home page, achievements, a fork's own pages) with their filters
 * (skill, achievement, year), and a record for each listed certificate (./search-records.ts).
 * Unlisted, revoked and suspended awards have none, so they are not found.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LaurelError } from '../core/error.ts';
import type { SearchRecord } from './search-records.ts';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function withIndex<T>(work: (index: PagefindIndex) => Promise<T>): Promise<T> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
  try {
    return await work(index);
  } finally {
    await pagefind.close();
  }
}

function checked(errors: readonly string[]): void {
  if (errors.length) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
}

/** Adds the records, each at `<prefix><page>`; they are independent, so added all at once. */
async function addRecords(index: PagefindIndex, records: readonly SearchRecord[], prefix: string): Promise<void> {
  const added = await Promise.all(
    records.map((record) => index.addCustomRecord({ url: `${prefix}${record.page}`, content: record.content, language: record.language, meta: { ...record.meta }, filters: Object.fromEntries(Object.entries(record.filters).map(([name, values]) => [name, [...values]])) })),
  );
  checked(added.flatMap((result) => result.errors));
}

/**
 * The HTML files under `directory`, relative and with `/`, but for those in the `skipped` folders
 * (relative), which are not even listed: the certificates' folder holds two entries per award.
 */
async function htmlPagesOutside(directory: string, skipped: ReadonlySet<string>): Promise<string[]> {
  const pages: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of await readdir(path.join(directory, folder), { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !skipped.has(relative)) pending.push(relative);
      else if (entry.isFile() && entry.name.endsWith('.html')) pages.push(relative);
    }
  }
  return pages.sort();
}

/** An index that has its records, and waits for the pages. */
export interface PendingSearchIndex {
  /**
   * Indexes the HTML under `directory`, but for the folder of certificate pages (`certificates`,
   * relative, e.g. `credentials`), into `<directory>/pagefind/`; returns how many pages the index
   * holds.
   */
  finish(directory: string, certificates: string): Promise<number>;
}

/**
 * Starts an index with the certificates' records, which are known before any page is rendered:
 * Pagefind's own process takes them in while the pages are built, on the other core. Should the
 * build stop before `finish`, the process goes with this one (Pagefind does not keep it alive).
 */
export function startSearchIndex(records: readonly SearchRecord[]): PendingSearchIndex {
  const started = (async () => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
    await addRecords(index, records, '/');
    return index;
  })();
  // Its failure is reported by `finish`; until then it is not an unhandled rejection.
  started.catch(() => undefined);
  return {
    async finish(directory, certificates) {
      try {
        const index = await started;
        for (const page of await htmlPagesOutside(directory, new Set([certificates, 'pagefind']))) {
          // The URL a page is found at: its folder, as Pagefind's own directory indexing gives it.
          const url = `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
          checked((await index.addHTMLFile({ url, content: await readFile(path.join(directory, page), 'utf8') })).errors);
        }
        checked((await index.writeFiles({ outputPath: path.join(directory, 'pagefind') })).errors);
        // Pages that mark no body for search, while others do, are read and left out: count what is in.
        const entry = JSON.parse(await readFile(path.join(directory, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
        return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** The same index in memory, from pages given as HTML at their URL paths and records under `base` (the dev server's). */
export async function indexPages(pages: ReadonlyArray<{ url: string; html: string }>, records: readonly SearchRecord[], base: string): Promise<Map<string, Uint8Array>> {
  return withIndex(async (index) => {
    for (const page of pages) checked((await index.addHTMLFile({ url: page.url, content: page.html })).errors);
    await addRecords(index, records, base);
    const { files, errors } = await index.getFiles();
    checked(errors);
    return new Map(files.map((file) => [file.path.split(path.sep).join('/'), file.content]));
  });
}
