/**
 * The in-memory documents the unit tests read (jsonArtifacts, imageArtifacts) are the site's files:
 * the academy fixture, signed again here from its repository with a fresh proof cache and a fresh
 * image cache, gives byte for byte what its `npm run build` published through the site's routes,
 * and the build published no signed document or image that these lists leave out.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { entryIndexFiles } from '../../src/core/tlog/entry.ts';
import { jsonArtifacts, type Artifact } from '../../src/issue/hosted-documents.ts';
import { logFolderFor, readDidLogFile } from '../../src/issue/log-folder.ts';
import { openProofCache } from '../../src/issue/proof-cache.ts';
import { signRepository } from '../../src/issue/sign-repository.ts';
import { createImageCache, rendererFingerprint } from '../../src/render/image-cache.ts';
import { imageArtifacts } from '../../src/site/images.ts';
import { TEMPLATE } from '../helpers/repository.ts';

const { academy } = inject('sites');
const scratch = await mkdtemp(path.join(tmpdir(), 'laurel-hosted-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const bytesOf = (artifact: Artifact) => Buffer.from(typeof artifact.bytes === 'string' ? new TextEncoder().encode(artifact.bytes) : artifact.bytes);

/** Every file under dist/ that is a document or an image of the site (not its pages, scripts, styles, icons or logo). */
async function publishedDocuments(): Promise<string[]> {
  const entries = await readdir(academy.dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(jsonl?|png|svg|pdf)$/.test(entry.name))
    .map((entry) => path.relative(academy.dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/') && file !== 'logo.svg' && file !== 'icons.svg')
    .sort();
}

/** The transparency log's index files: the same 256 paths for any log (src/core/tlog/entry.ts). */
const LOG_INDEX = entryIndexFiles([]).map((file) => `log/${file.path}`);

describe('the hosted documents', async () => {
  // Signed from the built repository as the dev server and the build do, with its own development
  // key, extending the DID history its build kept.
  const didHistory = { previous: () => readDidLogFile(path.join(academy.dir, logFolderFor(true))), versionTime: '2026-12-01T00:00:00Z' };
  const site = await signRepository({ root: academy.dir, production: false, secret: undefined, now: new Date('2026-12-01T00:00:00Z'), cache: await openProofCache(path.join(scratch, 'proofs')), didHistory });
  const json = jsonArtifacts(site);
  const images = await imageArtifacts(site, createImageCache({ directory: path.join(scratch, 'images'), fingerprint: await rendererFingerprint(TEMPLATE) }));

  it('are the JSON files the build published, byte for byte', async () => {
    expect(json.length).toBeGreaterThan(site.awards.length);
    for (const artifact of json) expect(await readFile(path.join(academy.dist, artifact.path)), artifact.path).toEqual(bytesOf(artifact));
  });

  it('are the images the build published, byte for byte, rendered afresh', async () => {
    // Each achievement's badge (SVG and PNG), small badge and share card; nothing per award (the academy's cards are its achievements').
    expect(images).toHaveLength(4 * site.achievements.size);
    for (const artifact of images) expect(await readFile(path.join(academy.dist, artifact.path)), artifact.path).toEqual(bytesOf(artifact));
  });

  it('leave out nothing the build published', async () => {
    // Beside them, the log's index (its bytes depend on the builds the log has seen: test/commands/transparency-log.build.test.ts).
    expect(await publishedDocuments()).toEqual([...[...json, ...images].map((artifact) => artifact.path), ...LOG_INDEX].sort());
  });
});
