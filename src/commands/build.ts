/**
 * npm run build [-- --production] [--log <folder>]: builds the site with Astro, whose laurel() integration
 * validates, signs, renders, indexes for search and checks the output (src/site/integration.ts),
 * into a staging folder, then swaps it into dist/ (src/site/dist-swap.ts). On any error dist/ is
 * left as it was and the staging folder is removed; a swap cut short by a kill is put right by the
 * next build. A production build refuses to start unless LAUREL_SIGNING_KEY is the secret of the
 * current key. `--log` names the transparency log to extend (the live one, downloaded by the
 * deploy workflow); without it the build extends the one it wrote last, in .laurel/log/.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build as astroBuild } from 'astro';
import { readKeyFiles, resolveSigningIdentity, SIGNING_KEY_VARIABLE } from '../issue/keys.ts';
import { discardOldDist, PREVIOUS_DIST, recoverDist, replaceDist, STAGING } from '../site/dist-swap.ts';
import { BUILD_REPORT, type BuildReport } from '../site/integration.ts';
import { usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run build [-- --production] [--log <folder of the published transparency log>]';

/** What the build did, as the integration recorded it. */
async function readReport(root: string): Promise<BuildReport | undefined> {
  try {
    return JSON.parse(await readFile(path.join(root, BUILD_REPORT), 'utf8')) as BuildReport;
  } catch {
    return undefined;
  }
}

export async function build(context: CommandContext): Promise<number> {
  const { root } = context;
  let values: { production?: boolean; log?: string };
  try {
    ({ values } = parseArgs({ args: [...context.argv], options: { production: { type: 'boolean' }, log: { type: 'string' } } }));
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
  const production = values.production === true || context.env['LAUREL_PRODUCTION'] === '1';
  const logFolder = values.log === undefined ? context.env['LAUREL_LOG_DIR'] : path.resolve(root, values.log);
  const started = performance.now();
  if (await recoverDist(root)) context.out(`Put back dist/ from ${PREVIOUS_DIST}/: an earlier build was stopped while replacing it.`);

  // Before anything is built: the key must be there and be the current one.
  if (production) await resolveSigningIdentity({ root, production, secret: context.env[SIGNING_KEY_VARIABLE], now: context.now() }, await readKeyFiles(root));
  const staging = path.join(root, STAGING);
  await rm(staging, { recursive: true, force: true });
  await rm(path.join(root, BUILD_REPORT), { force: true });
  // Astro runs the laurel() integration in this process, where it reads these variables: they are
  // the command's own (its context's) for the time of the build, then as they were.
  const variables = { LAUREL_PRODUCTION: production ? '1' : '0', [SIGNING_KEY_VARIABLE]: context.env[SIGNING_KEY_VARIABLE], LAUREL_CACHE_DIR: context.env['LAUREL_CACHE_DIR'], LAUREL_LOG_DIR: logFolder };
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(variables);
  // The site the last build replaced goes while this one signs and renders.
  const discarding = discardOldDist(root);
  try {
    await astroBuild({ root, outDir: staging, logLevel: 'warn' });
    await discarding;
    // Two renames, each atomic, with a way back from the instant between them.
    await replaceDist(root, staging);
  } finally {
    set(before);
    await discarding.catch(() => undefined);
    // Whatever failed, nothing half built stays behind, and the last good dist/ is in place.
    await rm(staging, { recursive: true, force: true });
    await recoverDist(root);
  }

  const report = await readReport(root);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  context.out(
    report
      ? `Built dist/: ${report.credentials} signed credentials (${report.certificatePagesRendered} certificate pages rendered, ${report.certificatePagesReused} unchanged), ${report.searchPages} pages indexed for search${report.logEntries === undefined ? '' : `, transparency log of ${report.logEntries} entries (${report.logAppended} new)`}${report.didVersions === undefined ? '' : `, DID history of ${report.didVersions} version${report.didVersions === 1 ? '' : 's'} (${report.didAppended} new)`}, in ${seconds} s.`
      : `Built dist/ in ${seconds} s.`,
  );
  return 0;
}
