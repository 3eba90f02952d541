/**
 * The script fonts a built site publishes for its PDF certificates, which learners' browsers make
 * (src/site/components/downloads/): only the Noto slices (src/render/script-fonts.ts) that this
 * site's certificates can be set in. All of them would be about a thousand files and 32 MB in
 * every dist/, for a site whose names may all be Latin; so the build sets each award's
 * certificate texts, as the browser will read them from the hosted credential, and publishes the
 * files those read, under `fonts/` at the site's base path. A Latin-only site publishes none.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SignedSite } from '../issue/signed-site.ts';
import { certificateTexts } from '../render/certificate-pdf.ts';
import { certificateWords } from '../render/certificate-words.ts';
import { fontFileName } from '../render/fonts.ts';
import { packagedFonts } from '../render/packaged-fonts.ts';
import { certificateFields } from './components/downloads/certificate-fields.ts';
import { siteLanguages } from './page-language.ts';

/** Under the site's base path; the browser's half is src/site/components/downloads/font-files.ts. */
export const SCRIPT_FONT_FOLDER = 'fonts';

const require = createRequire(import.meta.url);

/** The Fontsource files (`<family>/<file>`) the certificates of `site` read, in every language its pages are in. */
export async function scriptFontFiles(site: SignedSite): Promise<string[]> {
  const files = new Set<string>();
  for (const language of siteLanguages(site)) {
    const words = certificateWords(language.messages);
    for (const award of site.awards) {
      // The fields the browser reads from the hosted credential (the same function), so the fonts are the ones it will ask for.
      const input = { ...certificateFields(award.credential), credentialUrl: language.pages.credentialPage(award.record.id), language: language.tag, words };
      for (const face of await packagedFonts.loadFor(certificateTexts(input).texts)) files.add(`${face.family}/${fontFileName(face)}`);
    }
  }
  return [...files].sort();
}

/** Copies those files into `out` (dist/), each under `fonts/<family>/`; returns how many. */
export async function publishScriptFonts(site: SignedSite, out: string): Promise<number> {
  const files = await scriptFontFiles(site);
  for (const file of files) {
    const [family, name] = file.split('/') as [string, string];
    const target = path.join(out, SCRIPT_FONT_FOLDER, file);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(require.resolve(`@fontsource/${family}/files/${name}`), target);
  }
  return files.length;
}
