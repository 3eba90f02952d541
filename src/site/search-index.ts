/**
 * The search index (Pagefind) of a built site: the pages that mark a body for search
 * (`data-pagefind-body`: the home page, achievements, a fork's own pages) with their filters
 * (skill, achievement, year), and a record for each listed certificate (./search-records.ts).
 * Unlisted, revoked and suspended awards have none, so they are not found.
 *
 * Two indexes, which the search merges in the browser (Pagefind's mergeIndex): the pages' in
 * `pagefind/`, and the certificates' in `pagefind/certificates/`. The certificates' is made from
 * records known before any page is rendered, so it is made while Astro renders, on the other
 * core; only the pages' index, a few dozen pages, waits for the HTML.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LaurelError } from '../core/error.ts';
import { placeFiles, type FileCache, type PlacedFiles } from './file-cache.ts';
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

/** One of Pagefind's files, by its path in the index's folder (with `/`). */
interface SearchFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** The folder of the certificates' index, under `pagefind/`. */
export const CERTIFICATES_INDEX = 'certificates';

/** What a merged index is fetched for (the entry, the metadata, the index, filter and fragment chunks): not the scripts. */
const MERGED_FILE = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(index|filter|fragment)\/.+)$/;

/** The certificates' index files, under `certificates/`; none when no certificate is listed. */
async function recordFiles(records: readonly SearchRecord[], prefix: string): Promise<SearchFile[]> {
  if (records.length === 0) return [];
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
  await addRecords(index, records, prefix);
  const files = (await filesOf(index)).filter((file) => MERGED_FILE.test(file.path));
  await index.deleteIndex();
  return files.map((file) => ({ path: `${CERTIFICATES_INDEX}/${file.path}`, content: file.content }));
}

/** What a finished index is: how many pages it holds, and how its files were placed. */
export interface FinishedSearchIndex extends PlacedFiles {
  readonly pages: number;
}

/** An index that has its records, and waits for the pages. */
export interface PendingSearchIndex {
  /**
   * Indexes the HTML under `directory`, but for the folders of certificate pages (`certificates`,
   * relative, e.g. `credentials` and `fr/credentials`), into `<directory>/pagefind/`, reusing the files `cache` holds
   * (./file-cache.ts).
   */
  finish(directory: string, certificates: readonly string[], cache: FileCache): Promise<FinishedSearchIndex>;
}

/** How many pages the indexes among `files` hold, from their pagefind-entry.json. */
function pageCount(files: readonly SearchFile[]): number {
  const entries = files.filter((file) => file.path.endsWith('pagefind-entry.json'));
  if (entries.length === 0) throw new LaurelError('search-index-failed', 'Search indexing failed: Pagefind made no pagefind-entry.json');
  return entries.reduce((sum, entry) => {
    const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> };
    return sum + Object.values(languages).reduce((count, language) => count + language.page_count, 0);
  }, 0);
}

/** Pagefind's files in memory, paths relative with `/`. */
async function filesOf(index: PagefindIndex): Promise<SearchFile[]> {
  const { files, errors } = await index.getFiles();
  checked(errors);
  return files.map((file) => ({ path: file.path.split(path.sep).join('/'), content: file.content }));
}

/**
 * Makes the certificates' index from their records, which are known before any page is rendered:
 * Pagefind's own process does it while the pages are built, on the other core. Should the build
 * stop before `finish`, the process goes with this one (Pagefind does not keep it alive).
 */
export function startSearchIndex(records: readonly SearchRecord[]): PendingSearchIndex {
  const certificateFiles = recordFiles(records, '/');
  // Its failure is reported by `finish`; until then it is not an unhandled rejection.
  certificateFiles.catch(() => undefined);
  return {
    async finish(directory, certificates, cache) {
      try {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new LaurelError('search-index-failed', `Search indexing failed: ${errors.join('; ')}`);
        for (const page of await htmlPagesOutside(directory, new Set([...certificates, 'pagefind']))) {
          // The URL a page is found at: its folder, as Pagefind's own directory indexing gives it.
          const url = `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
          checked((await index.addHTMLFile({ url, content: await readFile(path.join(directory, page), 'utf8') })).errors);
        }
        // In memory rather than written by Pagefind, so that unchanged files are linked from the cache.
        const files = [...(await filesOf(index)), ...(await certificateFiles)];
        // Pages that mark no body for search, while others do, are read and left out: count what is in.
        const folder = path.join(directory, 'pagefind');
        return { pages: pageCount(files), ...(await placeFiles(files.map((file) => ({ file: path.join(folder, ...file.path.split('/')), content: file.content })), cache)) };
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** The same indexes in memory, from pages given as HTML at their URL paths and records under `base` (the dev server's). */
export async function indexPages(pages: ReadonlyArray<{ url: string; html: string }>, records: readonly SearchRecord[], base: string): Promise<Map<string, Uint8Array>> {
  return withIndex(async (index) => {
    for (const page of pages) checked((await index.addHTMLFile({ url: page.url, content: page.html })).errors);
    const files = [...(await filesOf(index)), ...(await recordFiles(records, base))];
    return new Map(files.map((file) => [file.path, file.content]));
  });
}
