/**
 * The fonts for the build: Fontsource's files (Inter, and the Noto families of ./script-fonts.ts),
 * read from node_modules (never from the system). The certificate page reads the same files from
 * the site itself (src/site/components/downloads/font-files.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SatoriOptions } from 'satori';
import { fontFileName, Fonts, type FontFace, type Weight } from './fonts.ts';

const require = createRequire(import.meta.url);

/** One per process: each file is read once. */
export const packagedFonts = new Fonts(async (file) => new Uint8Array(await readFile(require.resolve(`@fontsource/${file.family}/files/${fontFileName(file)}`))));

type SatoriFont = SatoriOptions['fonts'][number];
const satoriFont = ({ name, weight, data }: FontFace): SatoriFont => ({ name, weight, style: 'normal', data: Buffer.from(data) });

let inter: Promise<SatoriFont[]> | undefined;
/** By the script faces added to Inter's: the same array for the same faces, since satori caches parsed fonts by identity. */
const withScripts = new Map<string, SatoriOptions['fonts']>();
const MAX_CACHED_FONT_SETS = 200; // a big roster of names in many scripts would otherwise grow it without end

/**
 * The fonts satori is given to set `texts`: every Inter face, as always, and after them the faces
 * of the script families these texts need (satori falls back in the order it is given). A Latin
 * text gets Inter's faces alone, as it always has; a Japanese name Inter's and its few slices.
 */
export async function satoriFonts(texts: ReadonlyArray<readonly [string, Weight]> = []): Promise<SatoriOptions['fonts']> {
  inter ??= packagedFonts.loadAll().then((faces) => faces.map(satoriFont));
  const base = await inter;
  const scripts = await packagedFonts.loadFor(texts);
  if (scripts.length === 0) return base;
  const key = scripts.map((face) => face.name + ' ' + face.weight).join('\n');
  let fonts = withScripts.get(key);
  if (!fonts) {
    if (withScripts.size >= MAX_CACHED_FONT_SETS) withScripts.clear();
    fonts = [...base, ...scripts.map(satoriFont)];
    withScripts.set(key, fonts);
  }
  return fonts;
}
