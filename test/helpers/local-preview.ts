/**
 * A browser on a local preview (`npm run dev` or `npm run preview`): pages opened in a context of
 * their own that records every request, and the checks that the verifier said it is a local
 * preview and read only the local server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../../src/commands/bench/browser.ts';
import { startAstro } from './astro-server.ts';
import { makeRepository, type Repository } from './repository.ts';
import { WAIT } from './verifier-page.ts';

/**
 * Every check of a valid credential with no recipient to match (as in
 * test/verifier/verifier.browser.test.ts). The site keeps a transparency log, so its log check
 * passes too.
 */
export const VERIFIED_STATES = { format: 'passed', contexts: 'passed', schema: 'passed', 'issuer-key': 'passed', proof: 'passed', status: 'passed', log: 'passed', validity: 'passed', recipient: 'skipped' };

export interface Session {
  page: Page;
  /** Every URL the browser context asked for, from the first page load on. */
  requests: string[];
  close(): Promise<void>;
}

/** Opens `url` in a new browser context that records its requests. */
export async function openRecorded(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  await page.goto(url);
  return { page, requests, close: () => context.close() };
}

/** The note names the server at `origin` as the stand-in for the published site at `siteUrl`. */
export async function expectLocalPreviewNote(page: Page, origin: string, siteUrl: string): Promise<void> {
  const note = page.locator('laurel-verifier [data-local-preview]');
  // Made by the element once its words have loaded.
  await note.waitFor();
  // The element names the local site it stands in for, for tools and tests.
  expect(await page.getAttribute('laurel-verifier', 'data-local-site')).toBe(`${origin}/`);
  expect(await note.isVisible()).toBe(true);
  expect(await note.textContent()).toContain(`(${origin}/)`);
  expect(await note.textContent()).toContain(siteUrl);
}

/** What the verifier read for award `id`, all of it from `origin`: the credential, the issuer's key and the status lists. */
export function expectOnlyLocalRequests(requests: readonly string[], origin: string, id: string): void {
  expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  expect(requests).toEqual(expect.arrayContaining([`${origin}/credentials/${id}.json`, `${origin}/.well-known/did.json`, `${origin}/status/revocation.json`, `${origin}/status/suspension.json`]));
}

export interface BrowserOnAstro {
  readonly browser: Browser;
  /** Where the server listens, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Opens `pathname` on the server in a context of its own. */
  open(pathname: string): Promise<Session>;
}

/**
 * For a test file: a real `astro <mode>` server in a copy of the site at `from` (shared with
 * other test files, and `astro preview` writes into its root), and one browser, started before
 * its tests and stopped after them, even when one failed. The server is ready once `readyPath`
 * answers.
 */
export function useBrowserOnAstro(mode: 'dev' | 'preview', from: string, options: { cacheDirectory?: string; readyPath?: string; timeoutMs: number }): BrowserOnAstro {
  let repository: Repository | undefined;
  let server: Awaited<ReturnType<typeof startAstro>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const cache = options.cacheDirectory ? { cacheDirectory: options.cacheDirectory } : {};
    repository = await makeRepository({ from, ...cache });
    const env = options.cacheDirectory ? { env: { LAUREL_CACHE_DIR: options.cacheDirectory } } : {};
    server = await startAstro(mode, repository.dir, { ...env, ...(options.readyPath ? { readyPath: options.readyPath } : {}), timeoutMs: options.timeoutMs });
    browser = await launchBrowser();
  }, options.timeoutMs + 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await repository?.cleanup();
  });
  const suite: BrowserOnAstro = {
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll: use it inside a test.');
      return browser;
    },
    get origin() {
      if (!server) throw new Error('The server starts in beforeAll: use it inside a test.');
      return server.origin;
    },
    open: (pathname) => openRecorded(suite.browser, `${suite.origin}${pathname}`),
  };
  return suite;
}
