/**
 * The transparency log under the dev server: the files of the log the dev server's signing made
 * (started afresh every time, never written to disk), at the URLs a build publishes them, so
 * that the verifier reads the same kind of log in `npm run dev` as on the published site.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import type { LogFile } from '../core/tlog/tiles.ts';

/** c2sp.org/tlog-tiles serves the checkpoint as text, tiles and bundles as bytes; the index is JSON. */
function contentType(file: string): string {
  if (file === 'checkpoint') return 'text/plain; charset=utf-8';
  return file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}

/** Serves `<base><folder><file>` from `log()`: the log's folder under the base (e.g. `log/`) and its files. */
export function serveDevLog(server: ViteDevServer, base: () => string, log: () => { readonly folder: string; readonly files: readonly LogFile[] } | undefined): void {
  // Astro's dev server would answer 404 to the checkpoint and tiles, which have neither an
  // extension nor a trailing slash, under trailingSlash: 'always': the integration serves with
  // 'ignore' (src/site/integration.ts).
  server.middlewares.use(serve);
  function serve(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    const current = log();
    if (!current) return next();
    // Astro takes the base path off the request before its middlewares run; accept it either way.
    const requested = request.url?.split('?')[0] ?? '';
    const url = requested.startsWith(base()) ? requested.slice(base().length) : requested.replace(/^\//, '');
    if (!url.startsWith(current.folder)) return next();
    const name = url.slice(current.folder.length);
    const file = current.files.find((candidate) => candidate.path === name);
    if (!file) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    response.setHeader('content-type', contentType(name));
    response.setHeader('access-control-allow-origin', '*');
    response.end(file.bytes);
  }
}
