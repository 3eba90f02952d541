// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import laurel from './src/site/integration.ts';

// The site URL and base path come from content/issuer.yaml: laurel() sets them, and serves every
// page and hosted document (src/site/integration.ts).
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), laurel()],
  devToolbar: { enabled: false },
  // Scripts as files, never inlined: each page then carries a link instead of the code (and no
  // hash of it in its Content-Security-Policy), and the browser caches one copy for every page.
  vite: { build: { assetsInlineLimit: 0 } },
  // Syntax highlighting writes inline styles, which the Content-Security-Policy below forbids.
  markdown: { syntaxHighlight: false },
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
