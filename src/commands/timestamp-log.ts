/**
 * npm run timestamp-log [-- --log <folder>] [--calendar <url>]… [--explorer <url>]
 *
 * Anchors the transparency log in Bitcoin with OpenTimestamps (../core/tlog/anchor.ts), for free:
 * calendar servers gather digests into one Bitcoin transaction, so nobody pays a fee per
 * checkpoint. Run after `npm run build`, on the log it wrote (`dist/log/` by default; the deploy
 * workflow does it before publishing):
 *
 * 1. every pending anchor is upgraded: each calendar that holds it is asked for the rest of its
 *    proof (`GET <calendar>/timestamp/<commitment>`), and once a proof reaches a Bitcoin block the
 *    block's 80-byte header is fetched from a block explorer (Esplora's API) and checked against
 *    the proof (its Merkle root, its proof of work) before anything is written;
 * 2. the log's new checkpoint is submitted to the calendars (`POST <calendar>/digest`) and kept
 *    as a pending anchor; a Bitcoin block confirms it within hours, and a later run upgrades it.
 *
 * Timestamps add evidence and never hold a deploy back: a calendar or explorer that does not
 * answer is said, and the site is published with the anchors it has. The same anchors are
 * written into `.laurel/log/` when it holds the same checkpoint, so a local build keeps them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { ANCHOR_INDEX_PATH, anchoredCheckpointPath, anchorIndexJson, anchorProofPath, blockHeaderPath, checkAnchor, readAnchorIndex, type AnchorListing } from '../core/tlog/anchor.ts';
import { parseCheckpointText } from '../core/tlog/checkpoint.ts';
import { readBlockHeader } from '../core/timestamp/bitcoin.ts';
import { MAX_CALENDAR_RESPONSE_BYTES, attestationsOf, calendarTimestampUrl, mergeAtCommitment, mergeTimestamps, parseDetachedTimestamp, parseTimestamp, pendingCommitments, serializeDetachedTimestamp, type DetachedTimestamp, type Timestamp } from '../core/timestamp/ots.ts';
import { LaurelError } from '../core/error.ts';
import { decodePublicKeyMultibase } from '../core/multikey.ts';
import { LOG_FOLDER } from '../issue/log-folder.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run timestamp-log [-- --log <folder, dist/log by default>] [--calendar <url>]… [--explorer <Esplora API url>]';

/** The public calendars the reference client submits to (opentimestamps-client, otsclient/args.py). */
export const DEFAULT_CALENDARS = ['https://a.pool.opentimestamps.org', 'https://b.pool.opentimestamps.org', 'https://a.pool.eternitywall.com', 'https://ots.btc.catallaxy.com'];
/**
 * The calendars a pending proof may be upgraded from: those of the reference client's whitelist
 * (otsclient/cmds.py), and the ones this run submits to. A proof names its calendar's address;
 * one the log's files name is not fetched unless it is one of these.
 */
const UPGRADE_HOSTS = [/\.calendar\.opentimestamps\.org$/, /\.calendar\.eternitywall\.com$/, /\.calendar\.catallaxy\.com$/];
/** A block explorer with the Esplora API, for the headers of the blocks proofs end in. */
export const DEFAULT_EXPLORER = 'https://blockstream.info/api/';
/** What the calendars answer with (a serialized timestamp), and the most this reads of one. */
const OTS_ACCEPT = 'application/vnd.opentimestamps.v1';
const MAX_ANSWER_BYTES = MAX_CALENDAR_RESPONSE_BYTES;

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

interface Options {
  readonly folders: string[];
  readonly calendars: string[];
  readonly explorer: string;
}

function parseOptions(context: CommandContext): Options {
  let values: { log?: string; calendar?: string[]; explorer?: string };
  try {
    ({ values } = parseArgs({ args: [...context.argv], options: { log: { type: 'string' }, calendar: { type: 'string', multiple: true }, explorer: { type: 'string' } } }));
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
  const calendars = (values.calendar ?? DEFAULT_CALENDARS).map((url) => url.replace(/\/+$/, ''));
  const explorer = (values.explorer ?? DEFAULT_EXPLORER).replace(/\/*$/, '/');
  for (const url of [...calendars, explorer]) {
    if (!isAllowedUrl(url)) throw usage(`${url} is not an https:// address (plain http is for a server on this machine only).\n${USAGE}`);
  }
  return { folders: [path.resolve(context.root, values.log ?? path.join('dist', 'log'))], calendars, explorer };
}

function isAllowedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
  } catch {
    return false;
  }
}

/** Reads an answer of at most `limit` bytes, or why not, in words. */
async function request(fetcher: Fetcher, url: string, init: RequestInit, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; status?: number; reason: string }> {
  let response: Response;
  try {
    response = await fetcher(url, { ...init, signal: AbortSignal.timeout(30_000), redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { ok: false, reason: cause?.code ?? (error as Error).message };
  }
  if (!response.ok) return { ok: false, status: response.status, reason: `HTTP ${response.status}` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > limit) return { ok: false, reason: `the answer is larger than ${limit} bytes` };
  return { ok: true, bytes };
}

/** The site's keys, from the DID document beside the log, which its checkpoints must be signed with. */
async function siteKeys(folder: string): Promise<Uint8Array[]> {
  const candidates = [path.join(folder, '..', '.well-known', 'did.json'), path.join(folder, '..', 'did.json')];
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let document: { verificationMethod?: Array<{ publicKeyMultibase?: unknown }> };
    try {
      document = JSON.parse(text) as typeof document;
    } catch {
      throw new LaurelError('log-invalid', `${file} is not JSON, so the log's checkpoint cannot be checked.`, { expected: 'the DID document the build wrote' });
    }
    return (Array.isArray(document.verificationMethod) ? document.verificationMethod : []).map((method) => (typeof method.publicKeyMultibase === 'string' ? decodePublicKeyMultibase(method.publicKeyMultibase) : undefined)).filter((key): key is Uint8Array => key !== undefined);
  }
  throw new LaurelError('log-invalid', `no DID document next to ${folder} (.well-known/did.json or did.json), so the log's checkpoint cannot be checked.`, { expected: 'the log folder of a built site, dist/log by default' });
}

interface Run {
  readonly context: CommandContext;
  readonly fetcher: Fetcher;
  readonly options: Options;
  readonly upgradeFrom: (uri: string) => boolean;
}

/** Asks each calendar a pending proof names for the rest of it; returns the proof, upgraded where a calendar answered. */
async function upgrade(run: Run, proof: DetachedTimestamp, label: string): Promise<DetachedTimestamp> {
  let timestamp: Timestamp = proof.timestamp;
  for (const { uri, commitment } of pendingCommitments(proof.timestamp, proof.digest)) {
    if (!run.upgradeFrom(uri)) {
      run.context.err(`note: ${label}: the calendar ${uri} is not one this command asks; pass it with --calendar to use it.`);
      continue;
    }
    const answer = await request(run.fetcher, calendarTimestampUrl(uri, commitment), { headers: { Accept: OTS_ACCEPT } }, MAX_ANSWER_BYTES);
    if (!answer.ok) {
      // 404: the calendar has not put it in a block yet.
      if (answer.status !== 404) run.context.err(`note: ${label}: ${uri} did not answer (${answer.reason}); the proof stays pending there.`);
      continue;
    }
    const parsed = parseTimestamp(answer.bytes, commitment);
    if (!parsed.ok) {
      run.context.err(`note: ${label}: ${uri} answered with something that is not a timestamp (${parsed.reason}).`);
      continue;
    }
    timestamp = mergeAtCommitment(timestamp, proof.digest, commitment, parsed.value);
  }
  return { ...proof, timestamp };
}

/** The 80-byte header of the block at `height`, from the explorer; or why not. */
async function blockHeader(run: Run, height: number): Promise<{ ok: true; header: Uint8Array } | { ok: false; reason: string }> {
  const hash = await request(run.fetcher, `${run.options.explorer}block-height/${height}`, {}, 100);
  if (!hash.ok) return { ok: false, reason: `${run.options.explorer}block-height/${height}: ${hash.reason}` };
  const blockHash = new TextDecoder().decode(hash.bytes).trim();
  if (!/^[0-9a-f]{64}$/.test(blockHash)) return { ok: false, reason: `${run.options.explorer} gave no block hash for height ${height}` };
  const header = await request(run.fetcher, `${run.options.explorer}block/${blockHash}/header`, {}, 200);
  if (!header.ok) return { ok: false, reason: `${run.options.explorer}block/${blockHash}/header: ${header.reason}` };
  const hex = new TextDecoder().decode(header.bytes).trim();
  const bytes = /^[0-9a-f]{160}$/.test(hex) ? hexToBytes(hex) : undefined;
  // The explorer's word is not taken: the header must hash to the block hash it was asked for.
  if (!bytes || readBlockHeader(bytes)?.hash !== blockHash) return { ok: false, reason: `${run.options.explorer} answered with a header that is not block ${blockHash}` };
  return { ok: true, header: bytes };
}

export async function timestampLog(context: CommandContext, fetcher: Fetcher = fetch): Promise<number> {
  const options = parseOptions(context);
  const [folder] = options.folders as [string];
  const where = path.relative(context.root, folder) || '.';
  const note = await readFile(path.join(folder, 'checkpoint')).then((bytes) => new Uint8Array(bytes), () => undefined);
  if (!note) throw usage(`${where} has no checkpoint: run npm run build first, or give the log's folder with --log.\n${USAGE}`);
  const text = new TextDecoder().decode(note);
  const current = parseCheckpointText(text.slice(0, text.indexOf('\n\n') + 1));
  if (!current) throw new LaurelError('log-invalid', `${path.join(where, 'checkpoint')} is not a log checkpoint.`, { expected: 'the checkpoint a Laurel build wrote' });
  const keys = await siteKeys(folder);
  const origin = current.origin;
  const submitted = new Set(options.calendars.map((url) => new URL(url).origin));
  const run: Run = { context, fetcher, options, upgradeFrom: (uri) => isAllowedUrl(uri) && (submitted.has(new URL(uri).origin) || (uri.startsWith('https://') && UPGRADE_HOSTS.some((host) => host.test(new URL(uri).hostname)))) };

  const indexText = await readFile(path.join(folder, ANCHOR_INDEX_PATH), 'utf8').catch(() => undefined);
  const listed = indexText === undefined ? [] : readAnchorIndex(indexText);
  if (!listed) throw new LaurelError('log-invalid', `${path.join(where, ANCHOR_INDEX_PATH)} is not a list of anchors.`, { expected: '{"anchors": [{"size": N, "bitcoin": height}, …]}' });
  const anchors: AnchorListing[] = [...listed];
  const written = new Map<string, Uint8Array>();
  let upgraded = 0;

  // 1. Pending anchors, upgraded where a calendar has put them in a block.
  for (const [position, anchor] of anchors.entries()) {
    if (anchor.bitcoin !== undefined) continue;
    const label = anchoredCheckpointPath(anchor.size);
    const [anchored, proofBytes] = await Promise.all([readFile(path.join(folder, label)), readFile(path.join(folder, anchorProofPath(anchor.size)))]).catch(() => [undefined, undefined]);
    const parsed = proofBytes && parseDetachedTimestamp(new Uint8Array(proofBytes));
    if (!anchored || !parsed || !parsed.ok) {
      context.err(`note: ${label}: its files are missing or unreadable; left as they are.`);
      continue;
    }
    const proof = await upgrade(run, parsed.value, label);
    const heights = [...new Set(attestationsOf(proof.timestamp, proof.digest).flatMap(({ attestation }) => (attestation.kind === 'bitcoin' ? [attestation.height] : [])))].sort((a, b) => a - b);
    const serialized = serializeDetachedTimestamp(proof);
    for (const height of heights) {
      const header = await blockHeader(run, height);
      if (!header.ok) {
        context.err(`note: ${label}: Bitcoin block ${height} confirms it, but its header could not be read (${header.reason}); it stays pending.`);
        continue;
      }
      const check = checkAnchor({ note: new Uint8Array(anchored), size: anchor.size, origin, keys, proof: serialized, height, header: header.header });
      if (!check.ok) {
        context.err(`note: ${label}: the proof does not check against Bitcoin block ${height} (${check.problem}${check.reason ? `: ${check.reason}` : ''}); it stays pending.`);
        continue;
      }
      written.set(anchorProofPath(anchor.size), serialized);
      written.set(blockHeaderPath(height), header.header);
      anchors[position] = { size: anchor.size, bitcoin: height };
      upgraded += 1;
      context.out(`Anchored the log's checkpoint of ${anchor.size} entries in Bitcoin block ${height} (${check.bitcoin.blockHash}, ${check.bitcoin.time}).`);
      break;
    }
    // Upgraded part of the way (another calendar's part, say): kept, so that the next run starts from it.
    if (anchors[position]!.bitcoin === undefined && bytesToHex(serialized) !== bytesToHex(new Uint8Array(proofBytes))) written.set(anchorProofPath(anchor.size), serialized);
  }

  // 2. The new checkpoint, submitted to the calendars.
  let stamped = false;
  if (current.size > 0 && !anchors.some((anchor) => anchor.size === current.size)) {
    const digest = sha256(note);
    const answers: Timestamp[] = [];
    for (const calendar of options.calendars) {
      const answer = await request(fetcher, `${calendar}/digest`, { method: 'POST', headers: { Accept: OTS_ACCEPT, 'Content-Type': 'application/octet-stream' }, body: digest as BufferSource }, MAX_ANSWER_BYTES);
      const parsed = answer.ok ? parseTimestamp(answer.bytes, digest) : undefined;
      if (parsed?.ok) answers.push(parsed.value);
      else context.err(`note: the calendar ${calendar} did not take the checkpoint (${answer.ok ? 'its answer is not a timestamp' : answer.reason}).`);
    }
    if (answers.length === 0) {
      context.err(`warning: no calendar took the checkpoint of ${current.size} entries, so it is published without a timestamp; a later deploy's checkpoint covers its entries.`);
    } else {
      const timestamp = answers.slice(1).reduce((merged, next) => mergeTimestamps(merged, next), answers[0]!);
      written.set(anchoredCheckpointPath(current.size), note);
      written.set(anchorProofPath(current.size), serializeDetachedTimestamp({ fileHashOp: { kind: 'sha256' }, digest, timestamp }));
      anchors.push({ size: current.size });
      stamped = true;
      context.out(`Submitted the log's checkpoint of ${current.size} entries to ${answers.length} of ${options.calendars.length} calendars; a Bitcoin block confirms it within hours, and a later run of this command completes its proof.`);
    }
  }
  if (written.size === 0) {
    context.out(`Nothing new to timestamp in ${where}: ${anchors.filter((anchor) => anchor.bitcoin !== undefined).length} anchors complete, ${anchors.filter((anchor) => anchor.bitcoin === undefined).length} pending.`);
    return 0;
  }
  written.set(ANCHOR_INDEX_PATH, new TextEncoder().encode(anchorIndexJson(anchors)));

  // The same anchors in the folder a local build extends, when it holds this very log.
  const local = path.join(context.root, LOG_FOLDER);
  const localNote = await readFile(path.join(local, 'checkpoint')).catch(() => undefined);
  const targets = localNote && path.resolve(local) !== path.resolve(folder) && bytesToHex(new Uint8Array(localNote)) === bytesToHex(note) ? [folder, local] : [folder];
  for (const target of targets) {
    // For the local folder, what the published one has and it lacks comes along.
    const files = target === folder ? written : new Map([...(await anchorFilesOf(folder)), ...written]);
    for (const [file, bytes] of files) {
      await mkdir(path.dirname(path.join(target, file)), { recursive: true });
      await writeFile(path.join(target, file), bytes);
    }
  }
  context.out(`Wrote ${written.size} anchor files into ${targets.map((target) => path.relative(context.root, target) || '.').join(' and ')}: ${upgraded} anchor${upgraded === 1 ? '' : 's'} completed, ${stamped ? 'the new checkpoint submitted' : 'no new checkpoint'}.`);
  return 0;
}

/** The anchor files of a log folder, by path. */
async function anchorFilesOf(folder: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const text = await readFile(path.join(folder, ANCHOR_INDEX_PATH), 'utf8').catch(() => undefined);
  const anchors = text === undefined ? [] : (readAnchorIndex(text) ?? []);
  for (const anchor of anchors) {
    for (const file of [anchoredCheckpointPath(anchor.size), anchorProofPath(anchor.size), ...(anchor.bitcoin === undefined ? [] : [blockHeaderPath(anchor.bitcoin)])]) {
      const bytes = await readFile(path.join(folder, file)).catch(() => undefined);
      if (bytes) files.set(file, new Uint8Array(bytes));
    }
  }
  return files;
}

