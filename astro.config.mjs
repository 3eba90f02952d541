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
  // Scripts as files, never inlined: each page then carries a link instead of the code, the
  // Content-Security-Policy needs no hash, and the browser caches one copy for every page.
  vite: { build: { assetsInlineLimit: 0 } },
  // Syntax highlighting writes inline styles, which the Content-Security-Policy forbids.
  markdown: { syntaxHighlight: false },
  // The Content-Security-Policy is the layout's (src/site/content-security-policy.ts), not Astro's:
  // Astro's adds the hash of every script of the site to every page, and this site inlines none.
});
