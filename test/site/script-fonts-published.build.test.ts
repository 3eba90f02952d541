/**
 * The font files a built site publishes: Inter's, and of the Noto families for the scripts Inter
 * lacks only those its certificates are set in (src/site/script-font-files.ts). The fixture sites'
 * names and achievements are all Latin, so their dist/ holds no Japanese, Chinese, Korean, Arabic
 * or Hebrew font at all.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const sites = inject('sites');
const FONT = /\.(?:woff2?|ttf|otf)$/;

describe('a built site with only Latin names', () => {
  it('publishes Inter and no font of another family', async () => {
    for (const name of ['academy', 'sub-path', 'francais'] as const) {
      const { dist } = sites[name];
      const fonts = (await readdir(dist, { recursive: true })).filter((file) => FONT.test(file));
      const sizes = await Promise.all(fonts.map(async (file) => (await stat(path.join(dist, file))).size));
      console.log(`${name}: ${fonts.length} font files, ${sizes.reduce((sum, size) => sum + size, 0)} bytes`);
      expect(fonts.length, name).toBeGreaterThan(0);
      expect(fonts.filter((file) => !path.basename(file).startsWith('inter')), name).toEqual([]);
    }
  });
});
