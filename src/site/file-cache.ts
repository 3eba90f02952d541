/**
 * Output files kept between builds under the SHA-256 of their bytes (`.laurel/cache/credentials/`
 * for the signed JSON, `.laurel/cache/search/` for the search index's files). Most of them are the
 * same from one build to the next: a credential is signed again only when its content changes,
 * and Pagefind makes one fragment per page or record. Each is put into the output as a hard link
 * to its entry (./linked-files.ts) when a later build makes the same bytes: adding one award to
 * 10,000 writes a few new files and links the rest, instead of writing 10,000 again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { keep, placeCopy } from './linked-files.ts';

/** How many files are placed at once: at scale the time is the file system's. */
const FILES_AT_ONCE = 32;

export interface OutputFile {
  /** Where it goes, an absolute path. */
  readonly file: string;
  readonly content: string | Uint8Array;
}

export interface PlacedFiles {
  /** Files of the output that are cache entries, linked or copied: bytes an earlier build made. */
  readonly reused: string[];
  /** Files written by this build, by absolute path, with their bytes. */
  readonly written: Map<string, string | Uint8Array>;
}

export interface FileCache {
  /** The cache's folder. */
  readonly directory: string;
  /** Whether entries the files placed do not use are removed: not in a cache shared by several sites. */
  readonly prune: boolean;
}

/**
 * Puts `files` into the output, taking from `cache` every file whose bytes it holds and keeping
 * there the ones it did not.
 */
export async function placeFiles(files: readonly OutputFile[], cache: FileCache): Promise<PlacedFiles> {
  const entry = (key: string) => path.join(cache.directory, key.slice(0, 2), key);
  const stored = new Set((await readdir(cache.directory, { recursive: true, withFileTypes: true }).catch(() => [])).filter((item) => item.isFile()).map((item) => item.name));
  const keyed = files.map((file) => ({ ...file, key: createHash('sha256').update(file.content).digest('hex') }));
  for (const directory of new Set(keyed.map(({ file }) => path.dirname(file)))) await mkdir(directory, { recursive: true });
  for (const directory of new Set(keyed.filter(({ key }) => !stored.has(key)).map(({ key }) => path.dirname(entry(key))))) await mkdir(directory, { recursive: true });
  const reused: string[] = [];
  const written = new Map<string, string | Uint8Array>();
  await pMap(
    keyed,
    async ({ file, key, content }) => {
      if (stored.has(key)) {
        await placeCopy(entry(key), file);
        reused.push(file);
        return;
      }
      await writeFile(file, content);
      written.set(file, content);
      await keep(file, entry(key));
    },
    { concurrency: FILES_AT_ONCE },
  );
  if (cache.prune) {
    const used = new Set(keyed.map(({ key }) => key));
    for (const key of stored) if (!used.has(key)) await rm(entry(key), { force: true });
  }
  return { reused, written };
}
