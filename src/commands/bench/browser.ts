/**
 * Browser tests: Debian's Chromium driven by playwright-core, and the built site served on
 * localhost. Requests to the site's public URL (its did:web host) are answered from the same
 * folder, so did:web resolution and status lists work offline exactly as they would online.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env['LAUREL_CHROMIUM'] ?? '/usr/bin/chromium';

/** Headless Chromium with the flags this machine's closed network needs, plus any of the caller's. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** The file under `root` that a URL path names, or undefined. Directories serve index.html. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  const file = path.join(root, path.normalize(decoded).replace(/^(\.\.[/\\])+/, ''));
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return undefined;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return resolveFile(root, `${decoded.replace(/\/?$/, '/')}index.html`);
    return file;
  } catch {
    return undefined;
  }
}

export interface StaticSite {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `root` at http://127.0.0.1:<port>/ with the site's `base` path prefix stripped. */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer(async (request, response) => {
    const urlPath = request.url ?? '/';
    const relative = urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : urlPath;
    const file = await resolveFile(path.resolve(root), relative);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Answers requests for the site's public URL (e.g. https://badges.northbridge.example/…) from
 * the built folder, as the real host would.
 */
export async function routeSiteUrl(context: BrowserContext, siteUrl: string, root: string): Promise<void> {
  const site = new URL(siteUrl);
  await context.route(`${site.origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    const relative = url.pathname.startsWith(site.pathname) ? `/${url.pathname.slice(site.pathname.length)}` : url.pathname;
    const file = await resolveFile(path.resolve(root), relative);
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file, headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' } });
  });
}

