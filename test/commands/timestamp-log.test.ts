/**
 * npm run timestamp-log (src/commands/timestamp-log.ts) on a built log folder, with a calendar
 * server and a block explorer answered from memory as the OpenTimestamps calendars and Esplora
 * answer: the new checkpoint submitted and kept pending; a later run upgrades it once the
 * calendar has it in a block, with the block's header checked before anything is written; and
 * failures that leave the site publishable with the anchors it had.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/cli.ts';
import { timestampLog, type Fetcher } from '../../src/commands/timestamp-log.ts';
import { buildDidDocument } from '../../src/core/did.ts';
import { readBlockHeader } from '../../src/core/timestamp/bitcoin.ts';
import { attestationsOf, parseDetachedTimestamp, serializeTimestamp, type Timestamp } from '../../src/core/timestamp/ots.ts';
import { checkAnchor, readAnchorIndex } from '../../src/core/tlog/anchor.ts';
import { ANCHOR_HEADER, ANCHOR_HEIGHT, ANCHOR_NONCE, logOf, logService, others, published } from '../helpers/logged-site.ts';
import { DID, key, sign, unsignedCredential } from '../helpers/verify-site.ts';

const CALENDAR = 'https://alice.btc.calendar.opentimestamps.org';
const EXPLORER = 'https://explorer.example/api/';
const BLOCK_HASH = readBlockHeader(ANCHOR_HEADER)!.hash;

/** What a calendar and an explorer answer; `confirmed` once the calendar's transaction is in the block. */
function network(state: { confirmed: boolean; header?: Uint8Array; down?: boolean }, asked: string[]): Fetcher {
  return async (url, init) => {
    asked.push(`${init.method ?? 'GET'} ${url}`);
    if (state.down) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    if (url === `${CALENDAR}/digest` && init.method === 'POST') {
      // As a calendar answers: the digest, its nonce appended, hashed, then "pending at this calendar".
      const answer: Timestamp = { attestations: [], branches: [{ op: { kind: 'append', arg: ANCHOR_NONCE }, next: { attestations: [], branches: [{ op: { kind: 'sha256' }, next: { attestations: [{ kind: 'pending', uri: CALENDAR }], branches: [] } }] } }] };
      return new Response(Buffer.from(serializeTimestamp(answer)));
    }
    if (url.startsWith(`${CALENDAR}/timestamp/`)) {
      if (!state.confirmed) return new Response('Pending confirmation in Bitcoin blockchain', { status: 404 });
      return new Response(Buffer.from(serializeTimestamp({ attestations: [{ kind: 'bitcoin', height: ANCHOR_HEIGHT }], branches: [] })));
    }
    if (url === `${EXPLORER}block-height/${ANCHOR_HEIGHT}`) return new Response(BLOCK_HASH);
    if (url === `${EXPLORER}block/${BLOCK_HASH}/header`) return new Response(bytesToHex(state.header ?? ANCHOR_HEADER));
    return new Response('not found', { status: 404 });
  };
}

let root: string;
let folder: string;
let note: Uint8Array;

async function run(fetcher: Fetcher, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand((context) => timestampLog(context, fetcher), { argv: ['--calendar', CALENDAR, '--explorer', EXPLORER, ...args], root, env: {}, out: (text) => out.push(text), err: (text) => err.push(text), now: () => new Date() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const anchorsIn = async (dir: string) => readAnchorIndex(await readFile(path.join(dir, 'anchors', 'index.json'), 'utf8'));

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'laurel-timestamp-log-'));
  // A built site: its DID document and the log of 301 entries whose checkpoint the header was made for.
  const credential = await sign(unsignedCredential('ada'));
  const log = logOf([[...others(300), published(credential)]]);
  folder = path.join(root, 'dist', 'log');
  for (const file of log.files) {
    await mkdir(path.dirname(path.join(folder, file.path)), { recursive: true });
    await writeFile(path.join(folder, file.path), file.bytes);
  }
  await writeFile(path.join(root, 'dist', 'did.json'), JSON.stringify(buildDidDocument(DID, [key.publicKeyMultibase], [logService])));
  note = log.files.find((file) => file.path === 'checkpoint')!.bytes;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run timestamp-log', () => {
  it('submits the new checkpoint, keeps it pending, and completes it once its block is mined, checking the header', async () => {
    const state = { confirmed: false };
    const asked: string[] = [];
    const first = await run(network(state, asked));
    expect(first.code).toBe(0);
    expect(first.out).toContain("Submitted the log's checkpoint of 301 entries to 1 of 1 calendars");
    expect(asked).toEqual([`POST ${CALENDAR}/digest`]);
    expect(await anchorsIn(folder)).toEqual([{ size: 301 }]);
    expect(new Uint8Array(await readFile(path.join(folder, 'anchors', '301.checkpoint')))).toEqual(note);
    const pending = parseDetachedTimestamp(new Uint8Array(await readFile(path.join(folder, 'anchors', '301.checkpoint.ots'))));
    if (!pending.ok) throw new Error(pending.reason);
    expect(bytesToHex(pending.value.digest)).toBe(bytesToHex(sha256(note)));
    expect(attestationsOf(pending.value.timestamp, pending.value.digest).map(({ attestation }) => attestation)).toEqual([{ kind: 'pending', uri: CALENDAR }]);

    // Not in a block yet: asked, still pending, nothing rewritten.
    const waiting = await run(network(state, asked));
    expect(waiting.out).toContain('Nothing new to timestamp');
    expect(await anchorsIn(folder)).toEqual([{ size: 301 }]);
    const commitment = bytesToHex(sha256(concatBytes(sha256(note), ANCHOR_NONCE)));
    expect(asked).toContain(`GET ${CALENDAR}/timestamp/${commitment}`);

    state.confirmed = true;
    const done = await run(network(state, asked));
    expect(done.code).toBe(0);
    expect(done.out).toContain(`Anchored the log's checkpoint of 301 entries in Bitcoin block ${ANCHOR_HEIGHT} (${BLOCK_HASH}`);
    expect(await anchorsIn(folder)).toEqual([{ size: 301, bitcoin: ANCHOR_HEIGHT }]);
    const header = new Uint8Array(await readFile(path.join(folder, 'anchors', 'blocks', `${ANCHOR_HEIGHT}.header`)));
    expect(header).toEqual(ANCHOR_HEADER);
    const proof = new Uint8Array(await readFile(path.join(folder, 'anchors', '301.checkpoint.ots')));
    expect(checkAnchor({ note, size: 301, origin: 'badges.example.org/academy/log', keys: [key.publicKey], proof, height: ANCHOR_HEIGHT, header })).toMatchObject({ ok: true, bitcoin: { height: ANCHOR_HEIGHT, blockHash: BLOCK_HASH } });
  });

  it('keeps the anchors in .laurel/log too when it holds the same log, for the next local build', async () => {
    const local = path.join(root, '.laurel', 'log');
    await mkdir(local, { recursive: true });
    await writeFile(path.join(local, 'checkpoint'), note);
    await run(network({ confirmed: false }, []));
    expect(await anchorsIn(local)).toEqual([{ size: 301 }]);
    expect(new Uint8Array(await readFile(path.join(local, 'anchors', '301.checkpoint')))).toEqual(note);
  });

  it('never writes a block header that does not check out, and leaves the anchor pending', async () => {
    const state = { confirmed: false, header: ANCHOR_HEADER.map((byte, index) => (index === 40 ? byte ^ 1 : byte)) };
    await run(network(state, []));
    state.confirmed = true;
    const result = await run(network(state, []));
    expect(result.code).toBe(0);
    expect(result.err).toContain('is not block');
    expect(await anchorsIn(folder)).toEqual([{ size: 301 }]);
    await expect(readFile(path.join(folder, 'anchors', 'blocks', `${ANCHOR_HEIGHT}.header`))).rejects.toThrow();
  });

  it('publishes without a timestamp, and says so, when no calendar answers', async () => {
    const result = await run(network({ confirmed: false, down: true }, []));
    expect(result.code).toBe(0);
    expect(result.err).toContain('did not take the checkpoint (ENOTFOUND)');
    expect(result.err).toContain('no calendar took the checkpoint of 301 entries');
    await expect(readFile(path.join(folder, 'anchors', 'index.json'))).rejects.toThrow();
  });

  it('asks no calendar a proof names unless it is a known one', async () => {
    const asked: string[] = [];
    await run(network({ confirmed: false }, asked));
    // The proof rewritten to name another server (same length, so it still parses): it is never asked.
    const proofFile = path.join(folder, 'anchors', '301.checkpoint.ots');
    const bytes = await readFile(proofFile);
    const swapped = Buffer.from(bytes.toString('latin1').replace(CALENDAR, 'https://evil.example.org/'.padEnd(CALENDAR.length, 'a')), 'latin1');
    await writeFile(proofFile, swapped);
    asked.length = 0;
    const result = await run(network({ confirmed: true }, asked));
    expect(asked.some((url) => url.includes('evil.example.org'))).toBe(false);
    expect(result.err).toContain('is not one this command asks');
  });

  it('refuses, with usage, a folder without a checkpoint or a calendar that is not https', async () => {
    expect((await run(network({ confirmed: false }, []), '--log', 'nowhere')).code).toBe(2);
    expect((await run(network({ confirmed: false }, []), '--calendar', 'http://calendar.example')).code).toBe(2);
  });
});
