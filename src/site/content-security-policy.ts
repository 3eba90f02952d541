/**
 * The Content-Security-Policy of every page, sent as a <meta> by the page layout because static
 * hosts cannot all send headers. The site inlines no script and no style (scripts and stylesheets
 * are files, see astro.config.mjs), so the policy lists no hashes: it is the same short line on
 * every page, where per-page hashes cost about a kilobyte on each of 100,000 certificate pages.
 * A test loads every kind of page and fails on any violation, so an inline script or style that
 * slips in is caught rather than allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // Only this site's own scripts, plus WebAssembly for the search index.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // https anywhere: a verifier fetches other issuers' credentials, DID documents and status lists.
  "connect-src 'self' https:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join(';');
