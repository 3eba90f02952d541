/**
 * The Content-Security-Policy of every page, sent as a <meta> by the page layout because static
 * hosts cannot all send headers. The site inlines no script and no style (scripts and stylesheets
 * are files, see astro.config.mjs), so the policy lists no hashes: it is the same short line on
 * every page, where per-page hashes cost about a kilobyte on each of 100,000 certificate pages.
 * A test loads every kind of page and fails on any violation, so an inline script or style that
 * slips in is caught rather than allowed.
 */
const DIRECTIVES = [
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
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join(';');

/**
 * The two <style> elements that credential-handler-polyfill 4.0.1 and its web-request-rpc 3.0.1
 * insert for the mediator's dialog (lib/index.js, lib/WebAppWindowInlineDialog.js), allowed by
 * their SHA-256 (CSP Level 3 §8.3, hash-source) rather than by 'unsafe-inline'.
 * test/site/content-security-policy.test.ts recomputes them from the installed packages, so an
 * upgrade that changes them fails there first.
 */
export const BROWSER_WALLET_STYLE_HASHES = [
  "'sha256-qjxqemN3zr3Ww0LBu+DqiidMTojoeWPUOGeuJa7tpdc='",
  "'sha256-/mcEW0RPXv2DeHGe50CQU5XiBKhOX+im7Zf48h+hNUc='",
] as const;

/**
 * The wallet page's policy (./browser-wallet.ts): the same, plus a frame of the CHAPI mediator and
 * the polyfill's two styles. Only that page carries it.
 */
export function browserWalletPolicy(mediatorOrigin: string): string {
  return DIRECTIVES.map((directive) => (directive.startsWith('style-src ') ? `${directive} ${BROWSER_WALLET_STYLE_HASHES.join(' ')}` : directive))
    .concat(`frame-src ${mediatorOrigin}`)
    .join(';');
}
