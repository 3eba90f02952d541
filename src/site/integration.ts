/**
 * laurel(): the Astro integration that is the whole pipeline, so `astro dev`, `astro build` and
 * `astro preview` serve the same site at the same URLs.
 *
 * 1. Set up (astro:config:setup): sign the repository once (src/issue/sign-repository.ts), take the
 *    site URL and base path from content/issuer.yaml, hand the signed site to the pages through the
 *    virtual module `virtual:laurel/site`, and inject every route: the pages and the hosted
 *    documents (credentials, issuer profile, DID document, status lists, achievements, images).
 * 2. Develop (astro:server:setup): watch content/ and keys/, sign again what changed, reload the
 *    pages; a content error is shown in Astro's error overlay and the server keeps running. Search
 *    is indexed from the server's own pages when it is first used.
 * 3. Build (astro:build:done): index the pages for search, refuse a site that contains a signing
 *    secret or a copy of a file of .laurel/ or keys/ (src/site/published-output.ts), prune the
 *    image cache.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { didWebSiteUrl } from '../core/did.ts';
import { listingNotice } from '../content/privacy.ts';
import { describeFailure, LaurelError, LaurelErrors, ReportedFailure } from '../core/error.ts';
import { developmentSecret, PREVIOUS_SIGNING_KEY_VARIABLE, SIGNING_KEY_VARIABLE } from '../issue/keys.ts';
import { openContentCache, type PersistentContentCache } from '../issue/content-cache.ts';
import { openProofCache, type PersistentProofCache } from '../issue/proof-cache.ts';
import { PUBLIC_FOLDER, refuseLinksLeavingRepository } from '../issue/repository-links.ts';
import { signRepository, type SignedRepository } from '../issue/sign-repository.ts';
import { serveDevLog } from './dev-log.ts';
import { DEVELOPMENT_LOG_FOLDER, DID_LOG_FILE, LOG_FOLDER, logFolderFor, readDidLogFile, readLogFolder, writeLogFolder } from '../issue/log-folder.ts';
import type { SignedSite } from '../issue/signed-site.ts';
import { signInParallel } from '../issue/signing-pool.ts';
import { pruneUntouched, rendererFingerprint } from '../render/image-cache.ts';
import { devSearch } from './dev-search.ts';
import { DISCARDED_DIST, PREVIOUS_DIST, recoverDist, STAGING } from './dist-swap.ts';
import { placeFiles } from './file-cache.ts';
import { assertNothingPrivate, recordChecked, takeCheckedRecord, type OutputCheck } from './published-output.ts';
import { startSearchIndex, type PendingSearchIndex } from './search-index.ts';
import { certificateSearchRecords } from './search-records.ts';
import { publishScriptFonts } from './script-font-files.ts';
import { writeSnapshot, type RenderPlan } from './snapshot.ts';
import { certificatePageKeys, pageCache, pagesFingerprint } from './page-cache.ts';
import { allCertificateViews } from './page-model.ts';
import { distPath } from '../issue/urls.ts';
import { routesFor } from './routes.ts';
import { siteLanguages } from './page-language.ts';

export interface LaurelOptions {
  /** Refuse to sign without the real key (LAUREL_SIGNING_KEY). Default: LAUREL_PRODUCTION=1. */
  readonly production?: boolean;
  /** Where proofs and rendered images are kept between builds. Default: LAUREL_CACHE_DIR, or .laurel/cache. */
  readonly cacheDirectory?: string;
}

/** What the last build did, for `npm run build` to say (relative to the repository). */
export const BUILD_REPORT = path.join('.laurel', 'site', 'build.json');

export interface BuildReport {
  readonly credentials: number;
  readonly certificatePagesRendered: number;
  readonly certificatePagesReused: number;
  /** Pages and records in the search index. */
  readonly searchPages: number;
  /** The transparency log's entries, and how many this build appended. */
  readonly logEntries?: number;
  readonly logAppended?: number;
  /** The DID history's versions (did.jsonl), and how many this build added. */
  readonly didVersions?: number;
  readonly didAppended?: number;
}

const VIRTUAL_SITE = 'virtual:laurel/site';
/** Vite's cache of pre-bundled dependencies, relative to the repository. */
const VITE_CACHE = path.join('.laurel', 'vite');
const RESOLVED_SITE = `\0${VIRTUAL_SITE}`;
const ISSUER_FILE = path.join('content', 'issuer.yaml');
/** Used until content/issuer.yaml is valid, so that the dev server can start and show the error. */
const PLACEHOLDER_SITE_URL = 'http://localhost/';

/** A build's certificate pages: each award's page key, and the awards whose page it renders. */
interface BuildPages {
  /** The pages' clock (RenderPlan.now). */
  readonly now: Date;
  readonly keys: ReadonlyMap<string, string>;
  readonly rendered: ReadonlySet<string>;
  /** The search index, with the certificates' records (made from the same views as the page keys). */
  readonly search: PendingSearchIndex;
}

type SiteState = { ok: true; site: SignedRepository; snapshotFile: string; pages: BuildPages | undefined } | { ok: false; error: unknown };

/** The development-build warning, on the console: every page says it too. */
const DEVELOPMENT_WARNING = [
  'DEVELOPMENT BUILD: signed with a local development key, not yours.',
  `Set ${SIGNING_KEY_VARIABLE} (see README, "Keys") to sign for real.`,
  'Every page says so; do not publish this site.',
].join('\n');

export default function laurel(options: LaurelOptions = {}): AstroIntegration {
  let root = '';
  let cacheDirectory = '';
  let production = false;
  let proofs: PersistentProofCache | undefined;
  let contents: PersistentContentCache | undefined;
  let state: SiteState = { ok: false, error: new Error('The site has not been signed yet.') };
  let buildStarted = new Date();
  let sharedCache = false;
  /** The site URL Astro was configured with: routes, base path and links follow it. */
  let configuredSiteUrl = PLACEHOLDER_SITE_URL;
  /** Whether this process said already that issuer.yaml has not chosen `earners`. */
  let listingNoticeGiven = false;

  /** Signs the repository and writes the snapshot the pages read; keeps the error when it fails. */
  async function sign(logger: AstroIntegrationLogger, command: 'dev' | 'build'): Promise<SiteState> {
    try {
      // Astro copies public/ into the site following links: none may lead to what is private.
      await refuseLinksLeavingRepository(root, PUBLIC_FOLDER);
      proofs ??= await openProofCache(cacheDirectory, { keepAll: sharedCache });
      contents ??= await openContentCache(cacheDirectory, { keepAll: sharedCache });
      // A build extends the transparency log: the one given (the live one, in a deploy), else the last it wrote.
      const given = process.env['LAUREL_LOG_DIR'] || undefined;
      const logFolder = (development: boolean) => path.resolve(root, given ?? logFolderFor(development));
      const site = await signRepository({
        root,
        production,
        secret: process.env[SIGNING_KEY_VARIABLE],
        previousSecret: process.env[PREVIOUS_SIGNING_KEY_VARIABLE],
        now: new Date(),
        cache: proofs,
        contentCache: contents,
        // Worker threads for a cold start; a change or two is signed in this thread (the pool
        // starts workers only for many documents).
        signMany: signInParallel(),
        // The dev server serves a log too, so that its DID document and verifier are the build's;
        // it starts afresh at every signing and is never written (src/site/dev-log.ts).
        transparencyLog: { previous: (development) => (command === 'build' ? readLogFolder(logFolder(development)) : Promise.resolve(undefined)), loggedAt: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString() },
        // The dev server reads the DID history too (and never writes it), so that it serves the build's DID.
        didHistory: { previous: (development) => readDidLogFile(logFolder(development)), versionTime: new Date().toISOString() },
      });
      if (site.didHistory?.warning) logger.warn(`DID history: ${site.didHistory.warning}`);
      if (command === 'build' && site.log && !site.log.extended) {
        logger.warn(`Transparency log: there is none in ${path.relative(root, logFolder(site.development)) || '.'}, so a new log starts, of ${site.log.checkpoint.size} entries. Right for a site's first build; otherwise see docs/transparency.md.`);
      }
      const images = { cacheDirectory: path.join(cacheDirectory, 'images'), fingerprint: await rendererFingerprint(root) };
      const snapshotFile = path.join(root, '.laurel', 'site', 'snapshot.json');
      await mkdir(path.dirname(snapshotFile), { recursive: true });
      const now = new Date();
      // A build renders only the certificate pages the page cache does not have; the dev server
      // renders each page when it is asked for.
      const views = command === 'build' ? allCertificateViews(site, now) : undefined;
      const pages = views ? certificatePageKeys(site, now, await pagesFingerprint(root), views) : undefined;
      const certificates = pages ? [...(await pageCache(path.join(cacheDirectory, 'pages')).missing(pages))] : undefined;
      const plan: RenderPlan = { now: now.toISOString(), ...(certificates ? { certificates } : {}), jsonWrittenByIntegration: command === 'build', credentialsInSnapshot: command !== 'build' };
      await writeSnapshot(snapshotFile, site, images, plan);
      if (site.development) logger.warn(DEVELOPMENT_WARNING);
      // Once per process: the dev server signs again on every change.
      const notice = listingNotice(site.content.issuer);
      if (notice && !listingNoticeGiven) logger.warn(notice);
      listingNoticeGiven ||= notice !== undefined;
      logger.info(`Signed ${site.awards.length} credentials of ${site.achievements.size} achievements.`);
      // The search index takes in the certificates' records while Astro renders the pages.
      const search = views ? startSearchIndex(certificateSearchRecords(site, now, views)) : undefined;
      return { ok: true, site, snapshotFile, pages: views && pages && certificates && search ? { now, keys: pages, rendered: new Set(certificates), search } : undefined };
    } catch (error) {
      return { ok: false, error };
    }
  }

  return {
    name: 'laurel',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectRoute, addWatchFile, logger }) => {
        root = fileURLToPath(config.root);
        production = options.production ?? process.env['LAUREL_PRODUCTION'] === '1';
        // An empty LAUREL_CACHE_DIR is no choice (an unset variable in a CI file often reads as "").
        const chosen = options.cacheDirectory ?? (process.env['LAUREL_CACHE_DIR'] || undefined);
        cacheDirectory = path.resolve(root, chosen ?? path.join('.laurel', 'cache'));
        // A cache of the site's own is kept to what its last build used; a chosen one may be
        // shared by several sites, and keeps everything.
        sharedCache = chosen !== undefined;
        // `astro preview` serves dist/ as it is: nothing to sign.
        if (command === 'dev' || command === 'build') {
          state = await sign(logger, command);
          // A build stops at the first error; the dev server shows it and waits for a fix.
          if (!state.ok && command === 'build') throw reported(state.error);
          if (!state.ok) logger.error(describeFailure(state.error));
        }
        // `astro preview` serves what the last build made, under the base path it was made for;
        // a build stopped while replacing dist/ left it in .laurel/previous-dist/.
        if (command === 'preview' && (await recoverDist(root))) logger.warn(`Put back dist/ from ${PREVIOUS_DIST}/: an earlier build was stopped while replacing it.`);
        const built = command === 'preview' ? await siteUrlOfBuild(fileURLToPath(config.outDir)) : undefined;
        const siteUrl = state.ok ? state.site.urls.site : (built ?? config.site ?? PLACEHOLDER_SITE_URL);
        configuredSiteUrl = siteUrl;
        updateConfig({
          site: siteUrl,
          base: new URL(siteUrl).pathname,
          // The transparency log's files have no extension and no trailing slash (c2sp.org/tlog-tiles:
          // log/checkpoint, log/tile/0/000.p/21), which Astro's dev server and preview refuse under
          // 'always'. Static hosts serve them as files; so do the servers with 'ignore', which only
          // adds that a page is found without its slash too. A build's output is the same either way.
          ...(command === 'build' ? {} : { trailingSlash: 'ignore' as const }),
          // Vite's dependency cache, per repository: test repositories and forks that share one
          // node_modules (by a link) would otherwise rebuild one another's while a server runs.
          vite: { cacheDir: path.join(root, VITE_CACHE), plugins: [{ name: 'laurel:site', resolveId: (id) => (id === VIRTUAL_SITE ? RESOLVED_SITE : undefined), load: (id) => (id === RESOLVED_SITE ? siteModule(state, root) : undefined) }] },
        });
        for (const route of routesFor(siteUrl, state.ok ? siteLanguages(state.site).map((language) => language.folder) : undefined)) injectRoute(route);
        // The site URL sets the base path and the routes: a change of issuer.yaml restarts the
        // dev server, which runs this hook again.
        addWatchFile(path.join(root, ISSUER_FILE));
      },

      'astro:server:setup': ({ server, logger }) => {
        const search = devSearch(server, () => new URL(configuredSiteUrl).pathname, () => (state.ok ? searchablePages(state.site) : []), () => (state.ok ? certificateSearchRecords(state.site, new Date()) : []));
        serveDevLog(server, () => new URL(configuredSiteUrl).pathname, () => (state.ok && state.site.log ? { folder: distPath(state.site.urls.site, state.site.urls.transparencyLog).replace(/index\.html$/, ''), files: state.site.log.files } : undefined));
        watchRepository(server, root, async () => {
          state = await sign(logger, 'dev');
          search.forget();
          if (!state.ok) logger.error(describeFailure(state.error));
          for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
          server.environments.client.hot.send({ type: 'full-reload' });
        });
      },

      'astro:build:start': () => {
        buildStarted = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
      },

      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (!state.ok || !state.pages) throw new Error('The site was not signed before it was built.');
        const { site, pages: certificatePages } = state;
        // The search index is made by Pagefind's own process from what Astro wrote (the pages
        // but the certificates) and the records (in memory): it needs none of the files written
        // next, so it runs while they are written, on the other core.
        const certificateFolders = siteLanguages(site).map((language) => distPath(site.urls.site, language.pages.credentialPage('x')).split('/').slice(0, -2).join('/'));
        const check: OutputCheck = {
          root,
          secrets: [process.env[SIGNING_KEY_VARIABLE], process.env[PREVIOUS_SIGNING_KEY_VARIABLE], await developmentSecret(root)],
          privateFolders: ['.laurel', 'keys'],
          // The log's files are public by design: .laurel/log/ is the copy the next build extends.
          published: [cacheDirectory, out, ...[LOG_FOLDER, DEVELOPMENT_LOG_FOLDER].flatMap((folder) => [path.join(root, folder), `${path.join(root, folder)}.new`]), path.join(root, PREVIOUS_DIST), path.join(root, DISCARDED_DIST), path.join(root, STAGING), path.join(root, VITE_CACHE)],
        };
        // Whether the cache's pages and search files were checked against these secrets; taken
        // before this build adds to the cache (src/site/published-output.ts).
        const cacheChecked = await takeCheckedRecord(cacheDirectory, check);
        const indexing = certificatePages.search.finish(out, certificateFolders, { directory: path.join(cacheDirectory, 'search'), prune: !sharedCache });
        const credentialFiles = site.awards.map((award) => ({ file: path.join(out, distPath(site.urls.site, site.urls.credentialJson(award.record.id))), content: award.json }));
        const logFolder = path.join(out, distPath(site.urls.site, site.urls.transparencyLog)).replace(/index\.html$/, '');
        const logFiles = (site.log?.files ?? []).map((file) => ({ file: path.join(logFolder, file.path), content: file.bytes }));
        const writing = (async () => {
          // The fonts of the scripts Inter lacks that this site's certificates are set in, and no other.
          await publishScriptFonts(site, out);
          // The signed JSON, byte for byte what the dev server's route serves, linked from the cache when unchanged.
          await placeFiles(credentialFiles, { directory: path.join(cacheDirectory, 'credentials'), prune: !sharedCache });
          for (const { file, content } of logFiles) {
            await mkdir(path.dirname(file), { recursive: true });
            await writeFile(file, content);
          }
          const pages = await pageCache(path.join(cacheDirectory, 'pages')).complete(out, site, certificatePages.keys, certificatePages.rendered, { prune: !sharedCache });
          return { pages };
        })();
        // Both are awaited whatever happens, so that a failure of one does not leave the other running.
        const [indexed, written] = await Promise.allSettled([indexing, writing]);
        if (indexed.status === 'rejected') throw indexed.reason;
        if (written.status === 'rejected') throw written.reason;
        const search = indexed.value;
        const { pages: reused } = written.value;
        // Defence in depth: no secret and nothing private is published, whatever a template does.
        try {
          const checkedBefore = new Set(cacheChecked ? [...reused, ...search.reused] : []);
          // The signed JSON, linked or not, and the search files written are checked as they are in memory.
          await assertNothingPrivate(out, check, new Map<string, string | Uint8Array>([...credentialFiles.map(({ file, content }): [string, string] => [file, content]), ...logFiles.map(({ file, content }): [string, Uint8Array] => [file, content]), ...search.written]), checkedBefore);
        } catch (error) {
          throw reported(error);
        }
        await recordChecked(cacheDirectory, check);
        // The log as published, for the next build to extend (a deploy gives it the live one instead).
        // The DID history is kept with the log, for the next build to extend (../issue/did-history.ts).
        if (site.log) await writeLogFolder(path.join(root, logFolderFor(site.development)), [...site.log.files, ...(site.didLog === undefined ? [] : [{ path: DID_LOG_FILE, bytes: new TextEncoder().encode(site.didLog) }])]);
        // GitHub Pages skips folders whose names start with "." (like .well-known) without it.
        await writeFile(path.join(out, '.nojekyll'), '');
        const pruned = sharedCache ? 0 : await pruneUntouched(path.join(cacheDirectory, 'images'), buildStarted);
        const report: BuildReport = { credentials: site.awards.length, certificatePagesRendered: certificatePages.rendered.size, certificatePagesReused: reused.length, searchPages: search.pages, ...(site.log ? { logEntries: site.log.checkpoint.size, logAppended: site.log.appended.length } : {}), ...(site.didHistory ? { didVersions: site.didHistory.versions, didAppended: site.didHistory.appended } : {}) };
        await writeFile(path.join(root, BUILD_REPORT), JSON.stringify(report));
        logger.info(`${certificatePages.rendered.size} certificate pages rendered, ${reused.length} unchanged ones reused; ${search.pages} pages indexed for search${pruned ? `; ${pruned} stale cached images removed` : ''}.`);
      },
    },
  };
}

/** The pages the dev server indexes for search from their HTML: home and achievements (certificates are records). */
function searchablePages(site: SignedSite): string[] {
  const under = (url: string) => url.slice(site.urls.site.length);
  return siteLanguages(site).flatMap(({ pages }) => [under(pages.home), ...[...site.achievements.keys()].map((slug) => under(pages.achievementPage(slug)))]);
}

/**
 * The code of `virtual:laurel/site`: the snapshot, read where the pages render. While content/ has
 * an error, the module is the error itself, with its file and line, so that Astro's overlay shows
 * it on every page until it is fixed.
 */
function siteModule(state: SiteState, root: string): string {
  if (!state.ok) {
    // A new plain error: Astro shows the first of a list of errors only, and a stack trace.
    const error = new Error(describeFailure(state.error)) as Error & { loc?: { file: string; line?: number; column?: number } };
    error.name = 'Laurel could not sign the site';
    delete error.stack;
    const first = LaurelErrors.is(state.error) ? state.error.errors[0] : LaurelError.is(state.error) ? state.error : undefined;
    if (first?.file) error.loc = { file: path.join(root, first.file), ...(first.line === undefined ? {} : { line: first.line }), ...(first.column === undefined ? {} : { column: first.column }) };
    throw error;
  }
  return `import { readSnapshot } from ${JSON.stringify(fileURLToPath(new URL('./snapshot.ts', import.meta.url)))};\nexport default readSnapshot(${JSON.stringify(state.snapshotFile)});\n`;
}

/**
 * A person's mistake, as the hook throws it: Astro prints the whole formatted report and no
 * stack, and `npm run build` formats it from the error itself (see ReportedFailure).
 */
function reported(error: unknown): unknown {
  if (LaurelErrors.is(error)) return new ReportedFailure(error);
  if (LaurelError.is(error)) return new ReportedFailure(new LaurelErrors([error], 'Nothing was built.'));
  return error;
}

/**
 * Calls `changed` (one call at a time, changes in a burst counted once) when content/ or keys/
 * change; not for issuer.yaml, whose change restarts the server (see astro:config:setup).
 */
function watchRepository(server: ViteDevServer, root: string, changed: () => Promise<void>): void {
  const watched = [path.join(root, 'content'), path.join(root, 'keys')];
  const issuer = path.join(root, ISSUER_FILE);
  server.watcher.add(watched);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const onEvent = (file: string) => {
    if (file === issuer || !watched.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(changed, changed);
    }, 100);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onEvent);
}

/** The site URL a built dist/ was made for: its issuer profile's did:web, read back. */
async function siteUrlOfBuild(outDir: string): Promise<string | undefined> {
  try {
    const profile = JSON.parse(await readFile(path.join(outDir, 'issuer.json'), 'utf8')) as { id?: unknown };
    const site = typeof profile.id === 'string' ? didWebSiteUrl(profile.id) : undefined;
    return site?.ok ? site.value : undefined;
  } catch {
    return undefined; // nothing built yet: astro preview says so itself
  }
}
