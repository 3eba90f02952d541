/**
 * `--trust-list <file|url>` for npm run verify: reads the list from a file, or fetches it from its
 * own https URL with the verifier's bounded fetcher (and fetches nothing else for it). The list is
 * read by the pure core (src/core/verify/trust-list.ts); a list that cannot be read is bad usage.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FetchJson } from '../core/did.ts';
import { MAX_INPUT_BYTES } from '../core/limits.ts';
import { parseTrustList, readTrustList, type TrustList } from '../core/verify/trust-list.ts';
import { usage } from './cli.ts';

export async function loadTrustList(source: string, root: string, fetchJson: FetchJson): Promise<TrustList> {
  let read;
  if (/^https?:\/\//i.test(source)) {
    const fetched = await fetchJson(source);
    if (!fetched.ok) throw usage(`--trust-list ${source} could not be fetched: ${fetched.reason}`);
    read = readTrustList(fetched.json, source);
  } else {
    const file = path.resolve(root, source);
    const size = await stat(file).then((info) => (info.isFile() ? info.size : -1), () => -1);
    if (size < 0) throw usage(`--trust-list ${source} is not a file.`);
    if (size > MAX_INPUT_BYTES) throw usage(`--trust-list ${source} is larger than ${MAX_INPUT_BYTES} bytes, the most this verifier reads.`);
    read = parseTrustList(await readFile(file, 'utf8'), source);
  }
  if (!read.ok) throw usage(`--trust-list ${source} is not a trust list: ${read.reason}.`);
  return read.list;
}
