/**
 * The script fonts a build publishes for its PDF certificates (src/site/script-font-files.ts):
 * none for a site whose texts are all Latin, and for a Japanese name the few slices of Noto Sans
 * JP that hold its characters, enough to set that name in the PDF with nothing else.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { messagesFor } from '../../src/core/locale/messages.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite, type SignedSite } from '../../src/issue/signed-site.ts';
import { renderBadgeSvg, renderPng } from '../../src/render/badge-image.ts';
import { renderCertificatePdf } from '../../src/render/certificate-pdf.ts';
import { certificateWords } from '../../src/render/certificate-words.ts';
import { fontFileName, Fonts } from '../../src/render/fonts.ts';
import { certificateFields } from '../../src/site/components/downloads/certificate-fields.ts';
import { publishScriptFonts, scriptFontFiles, SCRIPT_FONT_FOLDER } from '../../src/site/script-font-files.ts';
import { pdfText } from '../helpers/certificate-downloads.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';
import { FIXED_DESIGN } from '../render/golden.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const require = createRequire(import.meta.url);
const JAPANESE = 'jun-0000000-japanese';
const NAME = '山田 花子';

/** The minimal fixture, with an award to a learner named in Japanese if asked. */
async function signedSite(japanese: boolean): Promise<SignedSite> {
  const tree = fixtureTree();
  if (japanese) tree.set('content/awards/jun.yaml', `id: ${JAPANESE}\nachievement: teamwork\nstatusIndex: 9\nrecipient:\n  name: ${NAME}\n  identity:\n    type: sourcedId\n    value: J-9\nawardedOn: 2026-04-01\n`);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
}

describe('the script fonts a site publishes', () => {
  it('are none for a site whose names and achievements are all Latin', async () => {
    expect(await scriptFontFiles(await signedSite(false))).toEqual([]);
  });

  it('are, for a Japanese name, a few slices of Noto Sans JP, which set it in the PDF alone', async () => {
    const site = await signedSite(true);
    const files = await scriptFontFiles(site);
    expect(files.length).toBeGreaterThan(0);
    // Four characters in one weight: at most four of the family's slices, nothing of another family.
    expect(files.length).toBeLessThanOrEqual(4);
    for (const file of files) expect(file).toMatch(/^noto-sans-jp\/noto-sans-jp-\d+-700-normal\.woff$/);

    const out = await mkdtemp(path.join(tmpdir(), 'laurel-fonts-'));
    try {
      expect(await publishScriptFonts(site, out)).toBe(files.length);
      const published = (await readdir(path.join(out, SCRIPT_FONT_FOLDER), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
      expect(published.map((entry) => `${path.basename(entry.parentPath)}/${entry.name}`).sort()).toEqual(files);
      // A browser's reading: Inter from the bundle, a script font only from what was published.
      const fromSite = new Fonts(async (file) => new Uint8Array(await readFile(file.family === 'inter' ? require.resolve(`@fontsource/inter/files/${fontFileName(file)}`) : path.join(out, SCRIPT_FONT_FOLDER, file.family, fontFileName(file)))));
      const award = site.awards.find((candidate) => candidate.record.id === JAPANESE)!;
      const pdf = await renderCertificatePdf(
        { ...certificateFields(award.credential), credentialUrl: site.urls.credentialPage(JAPANESE), badgePng: renderPng(await renderBadgeSvg(FIXED_DESIGN), 600), words: certificateWords(messagesFor('en')) },
        fromSite,
      );
      expect(pdfText(pdf)).toContain(NAME);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
