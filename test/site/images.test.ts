/**
 * The image files of a site: every achievement's badge and share card, and, with issuer.yaml
 * `shareCards: personal`, a card per award instead; nothing per award otherwise (the baked badges
 * and PDFs are made in the browser: test/site/downloads.test.ts), nothing at all for an erased
 * award. Two builds give identical bytes, and an unchanged image is read back from the cache, not
 * rendered again. (The renderers' own golden images are in test/render/.)
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent } from '../../src/content/validate.ts';
import type { Artifact } from '../../src/issue/hosted-documents.ts';
import { cacheKey, createImageCache, pruneUntouched, rendererFingerprint } from '../../src/render/image-cache.ts';
import { imageArtifacts } from '../../src/site/images.ts';
import { resolveBadgeDesign } from '../../src/content/badge-design.ts';
import { renderShareCard } from '../../src/render/share-card.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite, type SignedSite } from '../../src/issue/signed-site.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const ADA = '00000000-0000-4000-8000-000000000001';
const BEA = 'bea-00000000-second';
const GONE = 'gone-0000-erased';

/**
 * The minimal fixture (an achievement with no badge design: the default one), two awards, one
 * erased; with `shareCards` set in issuer.yaml when given.
 */
async function site(options: { beaName?: string; shareCards?: 'achievement' | 'personal' } = {}): Promise<SignedSite> {
  const tree = fixtureTree();
  tree.set('content/awards/bea.yaml', `id: ${BEA}\nachievement: teamwork\nstatusIndex: 7\nrecipient:\n  name: ${options.beaName ?? 'Béa Çelik-Ørsted'}\n  identity:\n    type: sourcedId\n    value: B-7\nawardedOn: 2026-04-01\nvalidUntil: 2028-04-01\n`);
  tree.set('content/awards/gone.yaml', `id: ${GONE}\nachievement: teamwork\nstatusIndex: 8\nerased:\n  on: 2026-05-01\n`);
  if (options.shareCards) tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}shareCards: ${options.shareCards}\n`);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
}

const folders: string[] = [];
async function freshCache() {
  const directory = await mkdtemp(path.join(tmpdir(), 'laurel-images-'));
  folders.push(directory);
  return createImageCache({ directory, fingerprint: await rendererFingerprint(ROOT) });
}
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const byPath = (artifacts: readonly Artifact[]) => new Map(artifacts.map((artifact) => [artifact.path, artifact.bytes]));
const bytesOf = (value: Uint8Array | string | undefined) => (typeof value === 'string' ? new TextEncoder().encode(value) : value!);
const text = (value: Uint8Array | string | undefined) => (typeof value === 'string' ? value : new TextDecoder().decode(value));
const same = (a: Uint8Array | string | undefined, b: Uint8Array | string | undefined) => Buffer.from(bytesOf(a)).equals(Buffer.from(bytesOf(b)));

/** PNG §11.2.2 IHDR: width and height, big-endian, at bytes 16 and 20. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('imageArtifacts', async () => {
  const signed = await site();
  const cache = await freshCache();
  const first = byPath(await imageArtifacts(signed, cache));

  it('writes each achievement badge as SVG and a PNG of at least 600×600', () => {
    expect(text(first.get('achievements/teamwork.svg'))).toMatch(/^<svg[^>]+viewBox="0 0 600 600"/);
    const [width, height] = pngSize(bytesOf(first.get('achievements/teamwork.png')));
    expect(width).toBeGreaterThanOrEqual(600);
    expect(height).toBe(width);
  });

  it("sets the issuer's name around the badge, and writes the small badge for lists without any text", () => {
    const issuer = signed.content.issuer.badgeName ?? signed.content.issuer.name;
    expect(text(first.get('achievements/teamwork.svg'))).toContain(`<title>${signed.content.achievements.get('teamwork')!.data.name}, ${issuer}</title>`);
    expect(text(first.get('achievements/teamwork/small.svg'))).toMatch(/^<svg[^>]+width="48" height="48" viewBox="0 0 600 600"/);
  });

  it('renders one 1200×630 share card per achievement, and nothing per award: no badge, card or PDF', () => {
    expect(pngSize(bytesOf(first.get('achievements/teamwork/share.png')))).toEqual([1200, 630]);
    expect([...first.keys()].sort()).toEqual(['achievements/teamwork.png', 'achievements/teamwork.svg', 'achievements/teamwork/share.png', 'achievements/teamwork/small.svg']);
  });

  it("draws the achievement's name on its card in the site's default language, its translation's where it has one", async () => {
    const tree = fixtureTree();
    tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}languages: [fr, en]\n`);
    // Written in English, on a site whose default is French.
    tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace('name: Teamwork\n', 'name: Teamwork\ninLanguage: en\n'));
    tree.set('content/achievements/teamwork.fr.md', '---\nname: Travail en équipe\ndescription: Collabore au sein d’un groupe.\n---\n');
    const result = validateContent(toContentFiles(tree));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const french = byPath(await imageArtifacts(await buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() }), await freshCache()));
    // The card shows the badge in its language: the one with the French name on it.
    const badgeSvg = text(french.get('achievements/teamwork.fr.svg'));
    const { primaryColor } = resolveBadgeDesign(result.content.achievements.get('teamwork')!.badge, { slug: 'teamwork', name: 'Teamwork' }, 'Example Academy');
    const card = (achievementName: string) => renderShareCard({ achievementName, issuerName: 'Example Academy', badgeSvg, accentColor: primaryColor, language: 'fr' });
    expect(same(french.get('achievements/teamwork/share.png'), await card('Travail en équipe'))).toBe(true);
    expect(same(french.get('achievements/teamwork/share.png'), await card('Teamwork'))).toBe(false);
  });

  it('renders, with shareCards: personal, a 1200×630 card per award instead, and none for an erased award', async () => {
    const personal = byPath(await imageArtifacts(await site({ shareCards: 'personal' }), await freshCache()));
    expect([...personal.keys()].sort()).toEqual(['achievements/teamwork.png', 'achievements/teamwork.svg', 'achievements/teamwork/small.svg', `credentials/${ADA}/share.png`, `credentials/${BEA}/share.png`]);
    for (const id of [ADA, BEA]) expect(pngSize(bytesOf(personal.get(`credentials/${id}/share.png`)))).toEqual([1200, 630]);
    // The two learners' cards differ: each names its own.
    expect(same(personal.get(`credentials/${ADA}/share.png`), personal.get(`credentials/${BEA}/share.png`))).toBe(false);
    // The badge is the same in either mode.
    expect(same(personal.get('achievements/teamwork.png'), first.get('achievements/teamwork.png'))).toBe(true);
  });

  it('writes nothing at all for an erased award', () => {
    expect([...first.keys()].filter((file) => file.includes(GONE))).toEqual([]);
  });

  it('gives identical bytes on a second build from an empty cache', async () => {
    const second = byPath(await imageArtifacts(await site(), await freshCache()));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, bytes] of first) expect(same(second.get(file), bytes), file).toBe(true);
  });

  it('renders only what changed when the cache is warm', async () => {
    const warm = createImageCache({ directory: folders[0]!, fingerprint: await rendererFingerprint(ROOT) });
    const again = byPath(await imageArtifacts(signed, warm));
    expect([...warm.stats.values()].every((stats) => stats.rendered === 0)).toBe(true);
    expect(same(again.get('achievements/teamwork/share.png'), first.get('achievements/teamwork/share.png'))).toBe(true);

    // The achievement's card names no one: renaming a learner renders nothing.
    const renamed = createImageCache({ directory: folders[0]!, fingerprint: await rendererFingerprint(ROOT) });
    const changed = byPath(await imageArtifacts(await site({ beaName: 'Béa Renamed' }), renamed));
    expect([...renamed.stats.values()].every((stats) => stats.rendered === 0)).toBe(true);
    expect(same(changed.get('achievements/teamwork/share.png'), first.get('achievements/teamwork/share.png'))).toBe(true);
  });

  it('renders only the renamed learner’s card when the cards are personal, and prunes the old one', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'laurel-images-'));
    folders.push(directory);
    const fingerprint = await rendererFingerprint(ROOT);
    const before = byPath(await imageArtifacts(await site({ shareCards: 'personal' }), createImageCache({ directory, fingerprint })));
    const renamed = createImageCache({ directory, fingerprint });
    const changed = byPath(await imageArtifacts(await site({ shareCards: 'personal', beaName: 'Béa Renamed' }), renamed));
    expect(renamed.stats.get('share-card')).toMatchObject({ rendered: 1, cached: 1 });
    expect(renamed.stats.get('badge-svg')).toMatchObject({ rendered: 0 });
    expect(same(changed.get(`credentials/${BEA}/share.png`), before.get(`credentials/${BEA}/share.png`))).toBe(false);
    expect(same(changed.get(`credentials/${ADA}/share.png`), before.get(`credentials/${ADA}/share.png`))).toBe(true);
    // Pruning removes what no award uses any more: the old name's card.
    expect(await renamed.prune()).toBe(1);
  });
});

describe('pruneUntouched', () => {
  it('removes the cached images no build used since a time, whichever process rendered them', async () => {
    const signed = await site({ shareCards: 'personal' });
    const directory = await mkdtemp(path.join(tmpdir(), 'laurel-images-'));
    folders.push(directory);
    const fingerprint = await rendererFingerprint(ROOT);
    await imageArtifacts(signed, createImageCache({ directory, fingerprint }));
    const stored = async () => (await readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    const all = await stored();
    expect(all).toBe(2 + signed.awards.length); // badge SVG and PNG, a card per award
    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date();
    // A later build in another cache object reads back one award's card only.
    const later = createImageCache({ directory, fingerprint });
    await imageArtifacts({ ...signed, awards: signed.awards.slice(0, 1) }, later);
    expect([...later.stats.values()].every((stats) => stats.rendered === 0)).toBe(true);
    expect(await pruneUntouched(directory, since)).toBe(1);
    expect(await stored()).toBe(all - 1);
  });
});

describe('cacheKey', () => {
  it('depends on every input, the kind and the renderer fingerprint, not on key order', () => {
    const key = cacheKey('share-card', 'f1', { a: 1, b: 'x', bytes: new Uint8Array([1, 2]) });
    expect(cacheKey('share-card', 'f1', { bytes: new Uint8Array([1, 2]), b: 'x', a: 1 })).toBe(key);
    expect(cacheKey('share-card', 'f1', { a: 1, b: 'y', bytes: new Uint8Array([1, 2]) })).not.toBe(key);
    expect(cacheKey('share-card', 'f1', { a: 1, b: 'x', bytes: new Uint8Array([1, 3]) })).not.toBe(key);
    expect(cacheKey('certificate-pdf', 'f1', { a: 1, b: 'x', bytes: new Uint8Array([1, 2]) })).not.toBe(key);
    expect(cacheKey('share-card', 'f2', { a: 1, b: 'x', bytes: new Uint8Array([1, 2]) })).not.toBe(key);
  });
});
