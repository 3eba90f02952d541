/**
 * npm run build [-- --production]: validate, sign, render the pages, write the hosted documents and
 * images, index for search, then replace dist/ in one step. On any error dist/ is left as it was.
 */
import { mkdir, rm, rename, writeFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { build as astroBuild } from 'astro';
import * as pagefind from 'pagefind';
import { jsonArtifacts, type Artifact } from '../issue/hosted-documents.ts';
import { writeImageArtifacts } from '../site/images.ts';
import { SIGNING_KEY_VARIABLE } from '../issue/keys.ts';
import { loadSignedSite } from '../issue/load.ts';
import { signInParallel } from '../issue/signing-pool.ts';
import { usage, type CommandContext } from './cli.ts';


async function writeArtifacts(directory: string, artifacts: readonly Artifact[]): Promise<void> {
  const folders = new Set(artifacts.map((artifact) => path.dirname(path.join(directory, artifact.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  for (const artifact of artifacts) await writeFile(path.join(directory, artifact.path), artifact.bytes);
}

/** Defence in depth: the secret must never be published, whatever a template does. */
async function assertNoSecret(directory: string, secret: string | undefined): Promise<void> {
  if (!secret || secret.trim().length < 16) return;
  const needle = Buffer.from(secret.trim());
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(needle)) throw new Error(`The signing secret appears in ${path.relative(directory, file)}; nothing was published.`);
  }
}

async function indexForSearch(directory: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Search indexing failed: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: directory });
  if (added.errors.length) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
  await index.writeFiles({ outputPath: path.join(directory, 'pagefind') });
  await pagefind.close();
  return added.page_count;
}

export async function build(context: CommandContext): Promise<number> {
  const { root } = context;
  const STAGING = path.join(root, '.laurel', 'staging');
  const DIST = path.join(root, 'dist');
  const args = [...context.argv];
  const unknown = args.filter((arg) => arg !== '--production');
  if (unknown.length) throw usage(`Unknown option ${unknown[0]}. Usage: npm run build [-- --production]`);
  const production = args.includes('--production') || process.env['LAUREL_PRODUCTION'] === '1';
  process.env['LAUREL_PRODUCTION'] = production ? '1' : '0';
  const started = performance.now();

  const site = await loadSignedSite({ root, production, now: context.now(), signMany: signInParallel() });
  if (site.development) {
    context.err(
      [
        '',
        '  ┌──────────────────────────────────────────────────────────────────────┐',
        '  │ DEVELOPMENT BUILD: signed with a local development key, not yours.    │',
        `  │ Set ${SIGNING_KEY_VARIABLE} (see README, "Keys") to sign for real.        │`,
        '  │ Every page says so; do not publish this site.                        │',
        '  └──────────────────────────────────────────────────────────────────────┘',
        '',
      ].join('\n'),
    );
  }
  context.out(`Signed ${site.awards.length} credentials of ${site.achievements.size} achievements.`);

  await rm(STAGING, { recursive: true, force: true });
  await astroBuild({ root, outDir: STAGING, logLevel: 'warn' });
  await writeArtifacts(STAGING, jsonArtifacts(site));
  await writeImageArtifacts(site, root, STAGING);
  const pages = await indexForSearch(STAGING);
  await assertNoSecret(STAGING, process.env[SIGNING_KEY_VARIABLE]);

  // Swap in one step: a failed build above never touches dist/.
  const previous = `${DIST}.previous`;
  await rm(previous, { recursive: true, force: true });
  await rename(DIST, previous).catch(() => undefined);
  await rename(STAGING, DIST);
  await rm(previous, { recursive: true, force: true });
  context.out(`Built dist/ (${pages} pages indexed for search) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

