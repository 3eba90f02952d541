/// <reference types="vite/client" />
/**
 * The fonts for the PDF certificate in the browser: Fontsource's files, the very ones a build in
 * Node reads from node_modules (src/render/packaged-fonts.ts), published with the site's own
 * assets and fetched from it, never from another site. A certificate reads only the subsets its
 * text needs (Fonts.loadFor): the Latin files for most names, a few Japanese, Chinese, Korean,
 * Arabic or Hebrew slices for a name in those scripts, and nothing of them otherwise.
 */
import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff?url&no-inline';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff?url&no-inline';
import cyrillic400 from '@fontsource/inter/files/inter-cyrillic-400-normal.woff?url&no-inline';
import cyrillicExt400 from '@fontsource/inter/files/inter-cyrillic-ext-400-normal.woff?url&no-inline';
import greek400 from '@fontsource/inter/files/inter-greek-400-normal.woff?url&no-inline';
import greekExt400 from '@fontsource/inter/files/inter-greek-ext-400-normal.woff?url&no-inline';
import vietnamese400 from '@fontsource/inter/files/inter-vietnamese-400-normal.woff?url&no-inline';
import latin600 from '@fontsource/inter/files/inter-latin-600-normal.woff?url&no-inline';
import latinExt600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff?url&no-inline';
import cyrillic600 from '@fontsource/inter/files/inter-cyrillic-600-normal.woff?url&no-inline';
import cyrillicExt600 from '@fontsource/inter/files/inter-cyrillic-ext-600-normal.woff?url&no-inline';
import greek600 from '@fontsource/inter/files/inter-greek-600-normal.woff?url&no-inline';
import greekExt600 from '@fontsource/inter/files/inter-greek-ext-600-normal.woff?url&no-inline';
import vietnamese600 from '@fontsource/inter/files/inter-vietnamese-600-normal.woff?url&no-inline';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff?url&no-inline';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff?url&no-inline';
import cyrillic700 from '@fontsource/inter/files/inter-cyrillic-700-normal.woff?url&no-inline';
import cyrillicExt700 from '@fontsource/inter/files/inter-cyrillic-ext-700-normal.woff?url&no-inline';
import greek700 from '@fontsource/inter/files/inter-greek-700-normal.woff?url&no-inline';
import greekExt700 from '@fontsource/inter/files/inter-greek-ext-700-normal.woff?url&no-inline';
import vietnamese700 from '@fontsource/inter/files/inter-vietnamese-700-normal.woff?url&no-inline';
import { fontFileName, Fonts } from '../../../render/fonts.ts';

/**
 * The script families' slices (src/render/script-fonts.ts) are not bundled: there are about a
 * thousand. The build publishes, under `fonts/<family>/` at the site's base path, those its own
 * certificates read (src/site/script-font-files.ts), and a certificate asks for no other.
 */
const scriptUrl = (family: string, name: string) => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}fonts/${family}/${name}`;

/** Where each file is on this site, by its Fontsource name; never inlined, since the page's policy fetches no data: URL. */
const URLS: Readonly<Record<string, string>> = {
  'inter-latin-400-normal.woff': latin400,
  'inter-latin-ext-400-normal.woff': latinExt400,
  'inter-cyrillic-400-normal.woff': cyrillic400,
  'inter-cyrillic-ext-400-normal.woff': cyrillicExt400,
  'inter-greek-400-normal.woff': greek400,
  'inter-greek-ext-400-normal.woff': greekExt400,
  'inter-vietnamese-400-normal.woff': vietnamese400,
  'inter-latin-600-normal.woff': latin600,
  'inter-latin-ext-600-normal.woff': latinExt600,
  'inter-cyrillic-600-normal.woff': cyrillic600,
  'inter-cyrillic-ext-600-normal.woff': cyrillicExt600,
  'inter-greek-600-normal.woff': greek600,
  'inter-greek-ext-600-normal.woff': greekExt600,
  'inter-vietnamese-600-normal.woff': vietnamese600,
  'inter-latin-700-normal.woff': latin700,
  'inter-latin-ext-700-normal.woff': latinExt700,
  'inter-cyrillic-700-normal.woff': cyrillic700,
  'inter-cyrillic-ext-700-normal.woff': cyrillicExt700,
  'inter-greek-700-normal.woff': greek700,
  'inter-greek-ext-700-normal.woff': greekExt700,
  'inter-vietnamese-700-normal.woff': vietnamese700,
};

const urlOf = (family: string, name: string): string | undefined =>
  family === 'inter' ? URLS[name] : scriptUrl(family, name);

export const siteFonts = new Fonts(async (file) => {
  const name = fontFileName(file);
  const url = urlOf(file.family, name);
  if (url === undefined) throw new Error(`the font ${name} is not published with this site`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the font ${name} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
});
