/**
 * The Content-Security-Policy of the verify pages, as a <meta http-equiv> (a static host cannot be
 * relied on for headers; `frame-ancestors` needs one, so add it where the host allows).
 *
 * - scripts: only this site's own bundled files; no inline script, no eval (the OB schema
 *   validator is precompiled for this reason), no third-party scripts;
 * - connect: https anywhere, because a credential, its issuer's DID document and status lists can
 *   live on any issuer's site, plus this site (for a local preview over http);
 * - styles: this site's, plus the inline <style> blocks Astro emits (`inlineStylesheets: 'always'`);
 *   nothing from a credential is ever rendered as HTML or style;
 * - everything else (frames, objects, workers, base URL changes) is off.
 */
export const VERIFIER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
