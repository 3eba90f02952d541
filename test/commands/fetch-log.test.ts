/**
 * npm run fetch-log (src/commands/fetch-log.ts): the published log downloaded from a site served
 * from memory, read back as the build reads it; a site without a log; and failures that must stop
 * a deploy rather than let it start a new log.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLog, type Fetcher } from '../../src/commands/fetch-log.ts';
import { keyPairFromSeed } from '../../src/core/multikey.ts';
import { readDidLogFile, readLogFolder } from '../../src/issue/log-folder.ts';
import { extendLog, type Publication } from '../../src/issue/transparency-log.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

const PREFIX = 'https://credentials.harbourside.example/log/';
const signer = keyPairFromSeed(new Uint8Array(32).fill(5));
const publications: Publication[] = Array.from({ length: 300 }, (_, index) => ({ id: `https://credentials.harbourside.example/credentials/${index}.json`, state: 'valid', sha256: 'c'.repeat(64), issuedOn: '2026-01-01T00:00:00Z' }));
const log = extendLog(undefined, publications, { prefix: PREFIX, trustedKeys: [signer.publicKey], signer, loggedAt: '2026-01-01T00:00:00Z' });

const DID_LOG_URL = 'https://credentials.harbourside.example/.well-known/did.jsonl';

/** A site that serves these files under the log's prefix (and its DID log, as `did.jsonl`), and records what was asked. */
function site(files: ReadonlyMap<string, Uint8Array>, asked: string[] = []): Fetcher {
  return async (url) => {
    asked.push(url);
    if (url === DID_LOG_URL && files.has('did.jsonl')) return new Response(Buffer.from(files.get('did.jsonl')!));
    const file = files.get(url.slice(PREFIX.length));
    return url.startsWith(PREFIX) && file ? new Response(Buffer.from(file)) : new Response('not found', { status: 404 });
  };
}

let repo: Repository;
let out: string;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
  out = await mkdtemp(path.join(tmpdir(), 'laurel-fetched-log-'));
});
afterAll(async () => {
  await repo.cleanup();
  await rm(out, { recursive: true, force: true });
});

describe('npm run fetch-log', () => {
  it('downloads the checkpoint, the entry bundles and the partial tiles of its size, which the build reads back', async () => {
    const asked: string[] = [];
    const result = await repo.command((context) => fetchLog(context, site(new Map(log.files.map((file) => [file.path, file.bytes])), asked)), ['--out', out]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain(`Fetched the transparency log of ${PREFIX}`);
    expect(asked.filter((url) => url.startsWith(PREFIX)).map((url) => url.slice(PREFIX.length))).toEqual(['checkpoint', 'tile/entries/000', 'tile/entries/001.p/44', 'tile/0/001.p/44', 'tile/1/000.p/1', 'anchors/index.json']);
    // Then the DID history, beside the DID document; this site has none yet.
    expect(asked.at(-1)).toBe(DID_LOG_URL);
    expect(await readDidLogFile(out)).toBeUndefined();
    const read = (await readLogFolder(out))!;
    expect(read.entries).toEqual(log.entries);
    expect(read.earlierSizes).toEqual([300]);
    // The build extends it: the same checkpoint verifies, nothing new is appended.
    expect(extendLog(read, publications, { prefix: PREFIX, trustedKeys: [signer.publicKey], signer, loggedAt: 'later' }).appended).toEqual([]);
  });

  it('downloads the Bitcoin timestamps its anchors/index.json lists, which the build publishes on', async () => {
    const note = log.files.find((file) => file.path === 'checkpoint')!.bytes;
    const anchors = new Map<string, Uint8Array>([
      ['anchors/index.json', new TextEncoder().encode('{"anchors":[{"size":300,"bitcoin":900000}]}\n')],
      ['anchors/300.checkpoint', note],
      ['anchors/300.checkpoint.ots', new Uint8Array([1, 2, 3])],
      ['anchors/blocks/900000.header', new Uint8Array(80)],
    ]);
    const served = new Map([...log.files.map((file) => [file.path, file.bytes] as const), ...anchors]);
    const result = await repo.command((context) => fetchLog(context, site(served)), ['--out', out]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const read = (await readLogFolder(out))!;
    expect(new Map(read.anchors!.map((file) => [file.path, file.bytes]))).toEqual(anchors);
    const extended = extendLog(read, publications, { prefix: PREFIX, trustedKeys: [signer.publicKey], signer, loggedAt: 'later' });
    expect(extended.files.filter((file) => file.path.startsWith('anchors/')).map((file) => file.path).sort()).toEqual([...anchors.keys()].sort());
    // A listed file the site lacks stops the deploy, as a missing tile does.
    served.delete('anchors/blocks/900000.header');
    const missing = await repo.command((context) => fetchLog(context, site(served)), ['--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${PREFIX}anchors/blocks/900000.header, listed in anchors/index.json, is missing`);
  });

  it('downloads the DID history the site publishes beside its DID document, which the build extends', async () => {
    const didLog = '{"versionId":"1-QmX"}\n';
    const served = new Map([...log.files.map((file) => [file.path, file.bytes] as const), ['did.jsonl', new TextEncoder().encode(didLog)] as const]);
    const result = await repo.command((context) => fetchLog(context, site(served)), ['--out', out]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(await readDidLogFile(out)).toEqual({ text: didLog, file: path.join(out, 'did.jsonl') });
  });

  it('leaves an empty folder for a site that has no log yet', async () => {
    const result = await repo.command((context) => fetchLog(context, site(new Map())), ['--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('has no transparency log yet');
    expect(await readdir(out)).toEqual([]);
    expect(await readLogFolder(out)).toBeUndefined();
  });

  it('stops, writing nothing, when the site cannot be reached or a file of the log is missing', async () => {
    const unreachable: Fetcher = async () => {
      throw new TypeError('fetch failed');
    };
    const down = await repo.command((context) => fetchLog(context, unreachable), ['--out', out]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`error[log-invalid] could not fetch ${PREFIX}checkpoint: fetch failed.`);
    const partial = new Map(log.files.filter((file) => file.path !== 'tile/entries/000').map((file) => [file.path, file.bytes]));
    const missing = await repo.command((context) => fetchLog(context, site(partial)), ['--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${PREFIX}tile/entries/000 is missing from the published log of 300 entries`);
    const failing: Fetcher = async () => new Response('busy', { status: 503 });
    expect((await repo.command((context) => fetchLog(context, failing), ['--out', out])).stderr).toContain('answered HTTP 503');
  });
});
