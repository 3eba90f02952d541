/** A browser and the built site for the tests of one file (vitest hooks; see ./browser.ts). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../../src/commands/bench/browser.ts';

export interface BrowserOnSite {
  readonly browser: Browser;
  /** Where the site is served, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
}

/**
 * For a test file: one browser and the built site served on localhost, started before its tests
 * and closed after them. `root` may be a function when the folder is made by an earlier beforeAll.
 */
export function useBrowserOnSite(root: string | (() => string), base = '/'): BrowserOnSite {
  let browser: Browser | undefined;
  let server: StaticSite | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveStatic(typeof root === 'string' ? root : root(), base);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll: use it inside a test.');
      return browser;
    },
    get origin() {
      if (!server) throw new Error('The site is served from beforeAll: use it inside a test.');
      return server.origin;
    },
  };
}
