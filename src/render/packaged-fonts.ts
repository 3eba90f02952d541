/**
 * Inter for the build: Fontsource's files, read from node_modules (never from the system). The
 * certificate page reads the same files from the site itself
 * (src/site/components/downloads/font-files.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SatoriOptions } from 'satori';
import { fontFileName, Fonts } from './fonts.ts';

const require = createRequire(import.meta.url);

/** One per process: each file is read once. */
export const packagedFonts = new Fonts(async (subset, weight) => new Uint8Array(await readFile(require.resolve(`@fontsource/inter/files/${fontFileName(subset, weight)}`))));

let satori: Promise<SatoriOptions['fonts']> | undefined;

/** Every face, the same array every time: satori caches parsed fonts by identity. */
export function satoriFonts(): Promise<SatoriOptions['fonts']> {
  satori ??= packagedFonts.loadAll().then((faces) => faces.map(({ name, weight, data }) => ({ name, weight, style: 'normal' as const, data: Buffer.from(data) })));
  return satori;
}
