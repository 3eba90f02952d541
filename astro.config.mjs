// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';

/** The site URL comes from content/issuer.yaml, the one place an issuer sets it. */
function siteUrl() {
  try {
    const issuer = parse(readFileSync(new URL('./content/issuer.yaml', import.meta.url), 'utf8'));
    return typeof issuer?.url === 'string' ? issuer.url : 'https://example.org/';
  } catch {
    // The build validates issuer.yaml and reports what is wrong; the config only needs a default.
    return 'https://example.org/';
  }
}

const site = siteUrl();

export default defineConfig({
  site,
  base: new URL(site).pathname,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy on every page, as a <meta> (static hosts cannot all send
  // headers). Astro adds the hashes of the scripts and styles it inlines. Scripts: only this site's
  // own, plus WebAssembly for the search index; connections: https anywhere, because a verifier
  // fetches other issuers' credentials, DID documents and status lists.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self' https:",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
