/**
 * Search under the dev server: the same Pagefind index a build writes, made in memory from the
 * server's own pages the first time a visitor searches, and made again after the next change.
 */
import type { ViteDevServer } from 'vite';
import { indexPages } from './search-index.ts';
import type { SearchRecord } from './search-records.ts';

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json', wasm: 'application/wasm' };

export interface DevSearch {
  /** Drops the index: content changed. */
  forget(): void;
}

/** Serves `<base>pagefind/…` from an index of `pages()` (URL paths under the base, e.g. `achievements/x/`) and `records()`. */
export function devSearch(server: ViteDevServer, base: () => string, pages: () => readonly string[], records: () => readonly SearchRecord[]): DevSearch {
  let index: Promise<Map<string, Uint8Array>> | undefined;

  async function build(): Promise<Map<string, Uint8Array>> {
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the dev server is not listening');
    // The server's own address; a wildcard one (--host) is reached on the loopback of its family.
    const ipv6 = address.family === 'IPv6';
    const host = address.address === '::' || address.address === '0.0.0.0' ? (ipv6 ? '::1' : '127.0.0.1') : address.address;
    const origin = `http://${ipv6 ? `[${host}]` : host}:${address.port}`;
    const html = await Promise.all(
      pages().map(async (page) => {
        const url = `${base()}${page}`;
        const response = await fetch(`${origin}${url}`);
        return { url, html: await response.text() };
      }),
    );
    return indexPages(html, records(), base());
  }

  server.middlewares.use((request, response, next) => {
    // Astro takes the base path off the request before its middlewares run; accept it either way.
    const requested = request.url?.split('?')[0] ?? '';
    const url = requested.startsWith(base()) ? `/${requested.slice(base().length)}` : requested;
    if (!url.startsWith('/pagefind/')) return next();
    index ??= build();
    index.then(
      (files) => {
        const file = files.get(url.slice('/pagefind/'.length));
        if (!file) {
          response.statusCode = 404;
          response.end('not found');
          return;
        }
        response.setHeader('content-type', TYPES[url.slice(url.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
        response.end(file);
      },
      (error: unknown) => {
        index = undefined;
        response.statusCode = 500;
        response.end(`Search could not be indexed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });

  return {
    forget: () => {
      index = undefined;
    },
  };
}
