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
});
