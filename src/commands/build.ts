/**
 * npm run build [-- --production]: builds the site with Astro, whose laurel() integration
 * validates, signs, renders, indexes for search and checks the output (src/site/integration.ts),
 * into a staging folder, then swaps it into dist/ (src/site/dist-swap.ts). On any error dist/ is
 * left as it was and the staging folder is removed; a swap cut short by a kill is put right by the
 * next build. A production build refuses to start unless LAUREL_SIGNING_KEY is the secret of the
 * current key.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build as astroBuild } from 'astro';
import { readKeyFiles, resolveSigningIdentity, SIGNING_KEY_VARIABLE } from '../issue/keys.ts';
import { DIST, PREVIOUS_DIST, recoverDist, replaceDist, STAGING } from '../site/dist-swap.ts';
import { usage, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run build [-- --production]';

/** How many pages the search index holds, from the entry file Pagefind writes. */
async function indexedPages(dist: string): Promise<number> {
  try {
    const entry = JSON.parse(await readFile(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
    return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  } catch {
    return 0;
  }
}

export async function build(context: CommandContext): Promise<number> {
  const { root } = context;
  const unknown = context.argv.filter((arg) => arg !== '--production');
  if (unknown.length) throw usage(`Unknown option ${unknown[0]}. ${USAGE}`);
  const production = context.argv.includes('--production') || context.env['LAUREL_PRODUCTION'] === '1';
  const started = performance.now();
  if (await recoverDist(root)) context.out(`Put back dist/ from ${PREVIOUS_DIST}/: an earlier build was stopped while replacing it.`);

  // Before anything is built: the key must be there and be the current one.
  if (production) await resolveSigningIdentity({ root, production, secret: context.env[SIGNING_KEY_VARIABLE], now: context.now() }, await readKeyFiles(root));
  const staging = path.join(root, STAGING);
  const dist = path.join(root, DIST);
  await rm(staging, { recursive: true, force: true });
  // Astro runs the laurel() integration in this process, where it reads these variables: they are
  // the command's own (its context's) for the time of the build, then as they were.
  const variables = { LAUREL_PRODUCTION: production ? '1' : '0', [SIGNING_KEY_VARIABLE]: context.env[SIGNING_KEY_VARIABLE], LAUREL_CACHE_DIR: context.env['LAUREL_CACHE_DIR'] };
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(variables);
  try {
    await astroBuild({ root, outDir: staging, logLevel: 'warn' });
    // Two renames, each atomic, with a way back from the instant between them.
    await replaceDist(root, staging);
  } finally {
    set(before);
    // Whatever failed, nothing half built stays behind, and the last good dist/ is in place.
    await rm(staging, { recursive: true, force: true });
    await recoverDist(root);
  }

  const credentials = (await readdir(path.join(dist, 'credentials')).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).length;
  context.out(`Built dist/: ${credentials} signed credentials, ${await indexedPages(dist)} pages indexed for search, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}
