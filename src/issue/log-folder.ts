/**
 * The transparency log on disk (./transparency-log.ts): read back from the folder the last build
 * wrote (`.laurel/log/`, or a folder given to the build, such as the live log downloaded by the
 * deploy workflow), and written as its files, `checkpoint` and `tile/…` (C2SP tlog-tiles), with its
 * Bitcoin timestamps under `anchors/`.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LaurelError } from '../core/error.ts';
import { parseCheckpointText } from '../core/tlog/checkpoint.ts';
import { entryBundlePath, readEntryBundle, TILE_WIDTH, type LogFile } from '../core/tlog/tiles.ts';
import type { PreviousDidLog } from './did-history.ts';
import type { PublishedLog } from './transparency-log.ts';

/** Where a build keeps the log it wrote, for the next build to extend. */
export const LOG_FOLDER = path.join('.laurel', 'log');
/**
 * Where a build signed with the development key keeps its own: its credentials are not real, so
 * its log never mixes with the production one.
 */
export const DEVELOPMENT_LOG_FOLDER = path.join('.laurel', 'development-log');

export function logFolderFor(development: boolean): string {
  return development ? DEVELOPMENT_LOG_FOLDER : LOG_FOLDER;
}

/** The sizes of the checkpoints whose partial level-0 tiles the folder holds (`tile/0/<N>.p/<W>` → N·256 + W). */
async function partialSizes(folder: string): Promise<number[]> {
  const level0 = path.join(folder, 'tile', '0');
  const entries = await readdir(level0, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.parentPath.endsWith('.p'))
    .map((entry) => {
      const index = path.relative(level0, entry.parentPath).slice(0, -2).split(path.sep).map((part) => part.replace(/^x/, '')).join('');
      return Number(index) * TILE_WIDTH + Number(entry.name);
    })
    .filter((size) => Number.isSafeInteger(size))
    .sort((a, b) => a - b);
}

/** The log in `folder`, or undefined when it has no checkpoint (no log was written there yet). */
export async function readLogFolder(folder: string): Promise<PublishedLog | undefined> {
  let checkpoint: string;
  try {
    checkpoint = await readFile(path.join(folder, 'checkpoint'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const text = parseCheckpointText(checkpoint.slice(0, checkpoint.indexOf('\n\n') + 1));
  if (!text) throw new LaurelError('log-invalid', `${path.join(folder, 'checkpoint')} is not a log checkpoint.`, { expected: 'the checkpoint a Laurel build wrote (origin, size and root, then its signature)' });
  const bundles = Math.ceil(text.size / TILE_WIDTH);
  const entries: Uint8Array[] = [];
  for (let index = 0; index < bundles; index += 1) {
    const width = index === bundles - 1 && text.size % TILE_WIDTH !== 0 ? text.size % TILE_WIDTH : TILE_WIDTH;
    const file = path.join(folder, entryBundlePath(index, width));
    // As plain bytes (not a Buffer): entries are compared and hashed as Uint8Array everywhere.
    const bytes = await readFile(file).then((buffer) => new Uint8Array(buffer), () => undefined);
    const read = bytes && readEntryBundle(bytes);
    if (!read || read.length !== width) throw new LaurelError('log-invalid', `${file} is missing or is not an entry bundle of ${width} entries.`, { expected: 'every entry bundle of the previous log' });
    entries.push(...read);
  }
  return { checkpoint, entries, earlierSizes: await partialSizes(folder), anchors: await anchorFiles(folder) };
}

/** The DID log kept with the transparency log (the site publishes it beside did.json). */
export const DID_LOG_FILE = 'did.jsonl';

/** The DID history kept in `folder` (npm run fetch-log puts the live site's there), or undefined when there is none. */
export async function readDidLogFile(folder: string): Promise<PreviousDidLog | undefined> {
  const file = path.join(folder, DID_LOG_FILE);
  try {
    return { text: await readFile(file, 'utf8'), file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The files under `anchors/` (../core/tlog/anchor.ts), as they are: the build publishes them on. */
async function anchorFiles(folder: string): Promise<LogFile[]> {
  const root = path.join(folder, 'anchors');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: LogFile[] = [];
  for (const entry of entries.filter((one) => one.isFile()).sort((a, b) => (path.join(a.parentPath, a.name) < path.join(b.parentPath, b.name) ? -1 : 1))) {
    const file = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(folder, file).split(path.sep).join('/'), bytes: new Uint8Array(await readFile(file)) });
  }
  return files;
}

/** Writes the log's files to `folder`, replacing what was there only once all are written. */
export async function writeLogFolder(folder: string, files: readonly LogFile[]): Promise<void> {
  const staging = `${folder}.new`;
  await rm(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(staging, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
  await rm(`${folder}.old`, { recursive: true, force: true });
  await rename(folder, `${folder}.old`).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, folder);
  await rm(`${folder}.old`, { recursive: true, force: true });
}
