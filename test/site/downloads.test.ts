/**
 * The code behind the certificate page's download buttons (src/site/components/downloads/), run
 * here in Node with `fetch` answering from a signed site in memory: the badge it bakes holds the
 * hosted JSON exactly, once, and baking again replaces it; the PDF it makes from the JSON is the
 * one the renderer makes from the content records; a credential without what a certificate
 * states is refused in words. (Chromium presses the real buttons in test/site/*.browser.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { resolveBadgeDesign } from '../../src/content/badge-design.ts';
import { validateContent } from '../../src/content/validate.ts';
import { bakePng, bakeSvg, extractPng, extractSvg } from '../../src/core/baking.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite, type SignedAward, type SignedSite } from '../../src/issue/signed-site.ts';
import { messagesFor } from '../../src/core/locale/messages.ts';
import { renderCertificatePdf } from '../../src/render/certificate-pdf.ts';
import { certificateWords } from '../../src/render/certificate-words.ts';
import { createImageCache } from '../../src/render/image-cache.ts';
import { packagedFonts } from '../../src/render/packaged-fonts.ts';
import { qrCodeSvg } from '../../src/render/qr-code.ts';
import { certificateFields } from '../../src/site/components/downloads/certificate-fields.ts';
import { makeFile, type DownloadRequest } from '../../src/site/components/downloads/make.ts';
import { imageArtifacts } from '../../src/site/images.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const BEA = 'bea-00000000-second';
const require = createRequire(import.meta.url);

/** The minimal fixture and a second award that expires, whose learner's name is not ASCII. */
async function signedSite(): Promise<SignedSite> {
  const tree = fixtureTree();
  tree.set('content/awards/bea.yaml', `id: ${BEA}\nachievement: teamwork\nstatusIndex: 7\nrecipient:\n  name: Béa Çelik-Ørsted\n  identity:\n    type: sourcedId\n    value: B-7\nawardedOn: 2026-04-01\nvalidUntil: 2028-04-01\n`);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
}

const site = await signedSite();
/** The site's files, by path under the site: the credentials' JSON and the rendered badges. */
const files = new Map<string, Uint8Array | string>([
  ...site.awards.map((award) => [new URL(site.urls.credentialJson(award.record.id)).pathname, award.json] as const),
  ...(await imageArtifacts(site, createImageCache({ directory: '', fingerprint: 'test', enabled: false }))).map((artifact) => [`/${artifact.path}`, artifact.bytes] as const),
]);
/** A font file as the bundler names it (hashed in a build, with a query in tests and dev). */
const FONT_FILE = /(inter-[a-z-]+-\d{3}-normal)(?:\.[\w-]+)?\.woff(?:\?[^/]*)?$/;
/** Every address the code under test asked for. */
const asked: string[] = [];

beforeAll(() => {
  // The page's origin is the site's; fonts are Fontsource's files, wherever the bundler put them.
  vi.stubGlobal('fetch', async (address: string) => {
    asked.push(address);
    const font = FONT_FILE.exec(address)?.[1];
    if (font) return new Response(await readFile(require.resolve(`@fontsource/inter/files/${font}.woff`)));
    const body = files.get(new URL(address, site.urls.site).pathname);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(typeof body === 'string' ? body : new Uint8Array(body));
  });
});
afterAll(() => vi.unstubAllGlobals());

const award = (id: string): SignedAward => site.awards.find((candidate) => candidate.record.id === id)!;
const request = (id: string, format: DownloadRequest['format']): DownloadRequest => ({
  format,
  credential: site.urls.credentialJson(id),
  badge: site.urls.achievementImage('teamwork', format === 'svg' ? 'svg' : 'png'),
  page: site.urls.credentialPage(id),
  accentColor: resolveBadgeDesign(undefined, { slug: 'teamwork', name: 'Teamwork' }).primaryColor,
  words: certificateWords(messagesFor('en')),
});
const badgeFile = (format: 'png' | 'svg') => files.get(`/achievements/teamwork.${format}`)!;

function countChunks(png: Uint8Array, type: string): number {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let count = 0;
  for (let offset = 8; offset + 12 <= png.length; offset += 12 + view.getUint32(offset)) {
    if (String.fromCharCode(...png.subarray(offset + 4, offset + 8)) === type) count += 1;
  }
  return count;
}

describe('the baked badges a certificate page makes', () => {
  it('bake the exact hosted JSON into the achievement’s PNG (one iTXt chunk) and SVG, as bakePng and bakeSvg do', async () => {
    for (const { record, json } of site.awards) {
      const png = (await makeFile(request(record.id, 'png'))) as Uint8Array;
      const svg = (await makeFile(request(record.id, 'svg'))) as string;
      expect(Buffer.from(png).equals(Buffer.from(bakePng(badgeFile('png') as Uint8Array, json))), record.id).toBe(true);
      expect(svg).toBe(bakeSvg(badgeFile('svg') as string, json));
      expect(extractPng(png)).toBe(json);
      expect(extractSvg(svg)).toBe(json);
      expect(countChunks(png, 'iTXt')).toBe(1);
      expect(svg).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
      expect(svg.match(/<openbadges:credential>/g)).toHaveLength(1);
      // Baking again replaces, never duplicates.
      const again = bakePng(png, json);
      expect(countChunks(again, 'iTXt')).toBe(1);
      expect(extractPng(again)).toBe(json);
      expect(bakeSvg(svg, json).match(/<openbadges:credential>/g)).toHaveLength(1);
    }
  });

  it('say which file the site did not answer for', async () => {
    await expect(makeFile({ ...request(BEA, 'png'), badge: `${site.urls.site}achievements/missing.png` })).rejects.toThrow('/achievements/missing.png answered HTTP 404');
  });
});

describe('the PDF certificate a certificate page makes', () => {
  it('is, from the hosted JSON, the very PDF the renderer makes from the content records', async () => {
    const teamwork = site.content.achievements.get('teamwork')!;
    for (const { record } of site.awards) {
      const page = site.urls.credentialPage(record.id);
      const fromRecords = await renderCertificatePdf(
        {
          learnerName: record.recipient.name,
          achievementName: teamwork.data.name,
          achievementDescription: teamwork.data.description,
          issuerName: site.content.issuer.name,
          awardedOn: record.awardedOn.slice(0, 10),
          ...(record.validUntil === undefined ? {} : { validUntil: record.validUntil.slice(0, 10) }),
          credentialUrl: page,
          skills: teamwork.data.alignments.map((alignment) => alignment.targetName),
          badgePng: badgeFile('png') as Uint8Array,
          qrSvg: await qrCodeSvg(page),
          accentColor: request(record.id, 'pdf').accentColor!,
          words: certificateWords(messagesFor('en')),
        },
        packagedFonts,
      );
      const made = (await makeFile(request(record.id, 'pdf'))) as Uint8Array;
      expect(Buffer.from(made).equals(Buffer.from(fromRecords)), record.id).toBe(true);
    }
    // Its fonts were read through fetch, as in the browser: the Latin subsets these names need.
    expect(asked.filter((address) => FONT_FILE.test(address)).length).toBeGreaterThan(0);
  });

  it('reads the certificate’s words from the credential where the build writes them', () => {
    const bea = award(BEA).credential;
    expect(certificateFields(bea)).toEqual({
      learnerName: 'Béa Çelik-Ørsted',
      achievementName: 'Teamwork',
      achievementDescription: site.content.achievements.get('teamwork')!.data.description,
      issuerName: 'Example Academy',
      awardedOn: '2026-04-01',
      validUntil: '2028-04-01',
      skills: ['Teamwork'],
    });
  });

  it('refuses, in words, a credential without what a certificate states', () => {
    const bea = award(BEA).credential as Record<string, Record<string, unknown>>;
    const nameless = { ...bea, credentialSubject: { ...bea['credentialSubject'], name: undefined } };
    expect(() => certificateFields(nameless)).toThrow("the credential has no learner's name");
    expect(() => certificateFields({ ...bea, issuer: 'did:web:badges.example.org' })).toThrow('the credential has no issuer');
    expect(() => certificateFields([])).toThrow('the credential has no content');
  });
});
