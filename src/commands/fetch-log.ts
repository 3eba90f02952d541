/**
 * npm run fetch-log [-- --out <folder>] [--url <log prefix>]: downloads the transparency log the
 * live site publishes (its checkpoint, the entry bundles of its size, and the partial tiles of
 * that size, its Bitcoin timestamps under `anchors/`, and the did:webvh DID log the site
 * publishes beside its DID document, as `did.jsonl`), for the next build to extend with
 * `npm run build -- --log <folder>`. The deploy
 * workflow runs it before every build, so that a fresh CI runner extends the published log
 * rather than starting a new one. A site with no log yet (HTTP 404 for the checkpoint) gets an
 * empty folder, and the build starts the log; any other failure stops, since building on no log
 * would publish a new log in place of the old one.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { LaurelError } from '../core/error.ts';
import { ANCHOR_INDEX_PATH, anchoredCheckpointPath, anchorProofPath, blockHeaderPath, readAnchorIndex } from '../core/tlog/anchor.ts';
import { parseCheckpointText } from '../core/tlog/checkpoint.ts';
import { entryBundlePath, tilePath, TILE_WIDTH } from '../core/tlog/tiles.ts';
import { DID_LOG_FILE } from '../issue/log-folder.ts';
import { siteUrls } from '../issue/urls.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run fetch-log [-- --out <folder>] [--url <log prefix, like https://credentials.example.org/log/>]';
/** Where the deploy workflow keeps the downloaded log. */
export const FETCHED_LOG_FOLDER = path.join('.laurel', 'published-log');
/** The largest a file of the log can be: an entry bundle of 256 entries of at most 65,535 bytes each, and a bit. */
const MAX_FILE_BYTES = TILE_WIDTH * (2 + 0xffff);

export type Fetcher = (url: string, init: { signal: AbortSignal; redirect: 'follow' }) => Promise<Response>;

async function get(fetcher: Fetcher, url: string): Promise<Uint8Array | 'missing'> {
  let response: Response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
  } catch (error) {
    throw new LaurelError('log-invalid', `could not fetch ${url}: ${(error as Error).message}. Nothing was written; the build must not start a new log in place of the published one.`, { expected: 'the live site reachable from this machine' });
  }
  if (response.status === 404) return 'missing';
  if (!response.ok) throw new LaurelError('log-invalid', `${url} answered HTTP ${response.status}. Nothing was written.`, { expected: 'HTTP 200, or 404 for a site that has no log yet' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_FILE_BYTES) throw new LaurelError('log-invalid', `${url} is larger than any file of a log (${bytes.length} bytes). Nothing was written.`);
  return bytes;
}

/**
 * The published log's files at `prefix`, by path relative to it: none when it has no checkpoint.
 * The files are not checked here: the build checks the checkpoint's signature and that the
 * entries hash to its root before it extends them.
 */
export async function fetchPublishedLog(prefix: string, fetcher: Fetcher): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const checkpoint = await get(fetcher, new URL('checkpoint', prefix).href);
  if (checkpoint === 'missing') return files;
  const text = new TextDecoder().decode(checkpoint);
  const parsed = parseCheckpointText(text.slice(0, text.indexOf('\n\n') + 1));
  if (!parsed) throw new LaurelError('log-invalid', `${new URL('checkpoint', prefix).href} is not a log checkpoint. Nothing was written.`, { expected: 'a checkpoint: origin, size and root hash, then its signature' });
  files.set('checkpoint', checkpoint);
  const { size } = parsed;
  const wanted: string[] = [];
  for (let index = 0; index * TILE_WIDTH < size; index += 1) wanted.push(entryBundlePath(index, Math.min(TILE_WIDTH, size - index * TILE_WIDTH)));
  // The partial tiles of this size, which the next build serves on beside its own (tlog-tiles §Partial Tiles).
  for (let level = 0; TILE_WIDTH ** level <= size; level += 1) {
    const count = Math.floor(size / TILE_WIDTH ** level);
    if (count % TILE_WIDTH !== 0) wanted.push(tilePath(level, Math.floor(count / TILE_WIDTH), count % TILE_WIDTH));
  }
  for (const file of wanted) {
    const bytes = await get(fetcher, new URL(file, prefix).href);
    if (bytes === 'missing') throw new LaurelError('log-invalid', `${new URL(file, prefix).href} is missing from the published log of ${size} entries. Nothing was written.`, { expected: 'every file of the log its checkpoint names' });
    files.set(file, bytes);
  }
  for (const [file, bytes] of await fetchAnchors(prefix, fetcher)) files.set(file, bytes);
  // The DID history beside did.json (src/issue/did-history.ts), kept in the same folder; a site
  // built before Laurel published one has none, and its next build starts it.
  const didLog = await get(fetcher, siteUrls(new URL('../', prefix).href).didLog);
  if (didLog !== 'missing') files.set(DID_LOG_FILE, didLog);
  return files;
}

/**
 * The log's Bitcoin timestamps (../core/tlog/anchor.ts): the files its `anchors/index.json` lists.
 * A log with none yet has no index (404). A listed file that is missing stops, as a missing tile
 * does: the next deploy would publish the log without it.
 */
async function fetchAnchors(prefix: string, fetcher: Fetcher): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const index = await get(fetcher, new URL(ANCHOR_INDEX_PATH, prefix).href);
  if (index === 'missing') return files;
  const anchors = readAnchorIndex(new TextDecoder().decode(index));
  if (!anchors) throw new LaurelError('log-invalid', `${new URL(ANCHOR_INDEX_PATH, prefix).href} is not a list of anchors. Nothing was written.`, { expected: '{"anchors": [{"size": N, "bitcoin": height}, …]}' });
  files.set(ANCHOR_INDEX_PATH, index);
  const wanted = anchors.flatMap((anchor) => [anchoredCheckpointPath(anchor.size), anchorProofPath(anchor.size), ...(anchor.bitcoin === undefined ? [] : [blockHeaderPath(anchor.bitcoin)])]);
  for (const file of new Set(wanted)) {
    const bytes = await get(fetcher, new URL(file, prefix).href);
    if (bytes === 'missing') throw new LaurelError('log-invalid', `${new URL(file, prefix).href}, listed in ${ANCHOR_INDEX_PATH}, is missing. Nothing was written.`, { expected: 'every file of the anchors the index lists' });
    files.set(file, bytes);
  }
  return files;
}

export async function fetchLog(context: CommandContext, fetcher: Fetcher = fetch): Promise<number> {
  let values: { out?: string; url?: string };
  try {
    ({ values } = parseArgs({ args: [...context.argv], options: { out: { type: 'string' }, url: { type: 'string' } } }));
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
  let prefix = values.url;
  if (prefix === undefined) {
    const issuer = parse(await readFile(path.join(context.root, 'content', 'issuer.yaml'), 'utf8')) as { url?: unknown };
    if (typeof issuer?.url !== 'string') throw usage(`content/issuer.yaml has no url: give the log's address with --url.\n${USAGE}`);
    prefix = siteUrls(issuer.url).transparencyLog;
  }
  if (!/^https?:\/\/\S+\/$/.test(prefix)) throw usage(`--url "${prefix}" is not the address of a log, ending in /.\n${USAGE}`);
  const files = await fetchPublishedLog(prefix, fetcher);
  const out = path.resolve(context.root, values.out ?? FETCHED_LOG_FOLDER);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const [file, bytes] of files) {
    await mkdir(path.dirname(path.join(out, file)), { recursive: true });
    await writeFile(path.join(out, file), bytes);
  }
  const where = path.relative(context.root, out) || '.';
  context.out(files.size === 0
    ? `${prefix} has no transparency log yet: ${where} is empty, and the next build starts the log.`
    : `Fetched the transparency log of ${prefix} (${files.size} files) into ${where}. Build on it with: npm run build -- --production --log ${where}`);
  return 0;
}
