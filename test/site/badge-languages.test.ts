/**
 * The badge in each language (src/content/achievement-text.ts, badgeWords and badgeLanguage): a
 * translation that puts other words on the badge (its name standing in for the label, its own
 * label, its programme part or ribbon) gets a badge of its own beside the achievement's, which its
 * edition's JSON, its pages and the share card in that language show; one that words the badge
 * alike adds no file. The programme's name and part are in the page's language too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent } from '../../src/content/validate.ts';
import { badgeLanguage, badgeWords } from '../../src/content/achievement-text.ts';
import { createImageCache, rendererFingerprint } from '../../src/render/image-cache.ts';
import { badgeFiles, imageArtifacts } from '../../src/site/images.ts';
import { catalogue, certificateView } from '../../src/site/page-model.ts';
import { siteLanguages } from '../../src/site/page-language.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { verifyProof, type DataIntegrityProof } from '../../src/core/proof.ts';
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';
import { validateAchievementCredential } from '../helpers/ob-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const pair = keyPairFromSecretKey(seed);
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const NOW = new Date('2026-06-01T12:00:00Z');
const BASE = 'https://badges.example.org/';

const PROGRAMME = 'programme:\n  name: Transferable Skills\n  part: Block 1 of 3\n';
const AWARD = 'id: ada-0000-teamwork\nachievement: teamwork\nstatusIndex: 3\nrecipient:\n  name: Ada Lovelace\n  identity:\n    type: sourcedId\n    value: A-3\nawardedOn: 2026-03-01\n';

/** The minimal fixture on a site in `languages`, teamwork in a programme, with `french` as its French translation's frontmatter. */
function contentWith(french: string, options: { languages?: string; teamwork?: (text: string) => string } = {}) {
  const tree = fixtureTree();
  tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}languages: ${options.languages ?? '[en, fr]'}\n`);
  const own = tree.get('content/achievements/teamwork.md')!.replace('tags:', `${PROGRAMME}tags:`);
  tree.set('content/achievements/teamwork.md', options.teamwork ? options.teamwork(own) : own);
  tree.set('content/achievements/teamwork.fr.md', `---\nname: Travail en équipe\ndescription: Collabore efficacement au sein d’un groupe.\n${french}---\n`);
  tree.set('content/awards/ada.yaml', AWARD);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

const TRANSLATED = 'programme:\n  name: Compétences transversales\n  part: Bloc 1 sur 3\n';
const sign = (content: ReturnType<typeof contentWith>['content']) => buildSignedSite(content, { identity, keys: [], cache: memoryProofCache() });

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));
async function freshCache() {
  const directory = await mkdtemp(path.join(tmpdir(), 'laurel-badge-languages-'));
  folders.push(directory);
  return createImageCache({ directory, fingerprint: await rendererFingerprint(ROOT) });
}

describe('the words on a badge in each language', () => {
  it('puts the translated name and programme part on a badge nobody labelled', () => {
    const record = contentWith(TRANSLATED).content.achievements.get('teamwork')!;
    expect(badgeWords(record, 'en')).toEqual({ label: 'Teamwork', ribbon: 'Block 1 of 3' });
    expect(badgeWords(record, 'fr')).toEqual({ label: 'Travail en équipe', ribbon: 'Bloc 1 sur 3' });
    expect(badgeLanguage(record, 'fr')).toBe('fr');
    expect(badgeLanguage(record, 'en')).toBeUndefined();
  });

  it("keeps a label the achievement's file writes unless the translation gives its own, and lets a translation drop the ribbon", () => {
    const labelled = (text: string) => text.replace(/\n---\n/, '\nbadge:\n  label: Team\n---\n');
    const kept = contentWith(TRANSLATED, { teamwork: labelled }).content.achievements.get('teamwork')!;
    expect(badgeWords(kept, 'fr')).toEqual({ label: 'Team', ribbon: 'Bloc 1 sur 3' });
    const relabelled = contentWith(`${TRANSLATED}badge:\n  label: Équipe\n  ribbon: false\n`, { teamwork: labelled }).content.achievements.get('teamwork')!;
    expect(badgeWords(relabelled, 'fr')).toEqual({ label: 'Équipe', ribbon: undefined });
  });

  it('gives a translation that words the badge alike no badge of its own', () => {
    const alike = contentWith('badge:\n  label: Teamwork\n  ribbon: Block 1 of 3\n').content.achievements.get('teamwork')!;
    expect(badgeLanguage(alike, 'fr')).toBeUndefined();
  });
});

describe('a badge per language, published', async () => {
  const site = await sign(contentWith(TRANSLATED).content);
  const artifacts = new Map((await imageArtifacts(site, await freshCache())).map((artifact) => [artifact.path, artifact.bytes]));
  const text = (bytes: string | Uint8Array | undefined) => (typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
  const [english, french] = siteLanguages(site);

  it('writes the French badge beside the own one, with its words, and no second small badge or card', () => {
    expect([...artifacts.keys()].sort()).toEqual([
      'achievements/teamwork.fr.png', 'achievements/teamwork.fr.svg',
      'achievements/teamwork.png', 'achievements/teamwork.svg', 'achievements/teamwork/share.png', 'achievements/teamwork/small.svg',
    ]);
    expect(text(artifacts.get('achievements/teamwork.fr.svg'))).toContain('<title>Travail en équipe, ');
    expect(text(artifacts.get('achievements/teamwork.svg'))).toContain('<title>Teamwork, ');
    const png = artifacts.get('achievements/teamwork.fr.png') as Uint8Array;
    expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(Buffer.from(png).equals(Buffer.from(artifacts.get('achievements/teamwork.png') as Uint8Array))).toBe(false);
    expect(badgeFiles(site)).toEqual([{ name: 'teamwork', slug: 'teamwork' }, { name: 'teamwork.fr', slug: 'teamwork', language: 'fr' }]);
  });

  it("names each language's badge in its edition, and the award carries the default's", async () => {
    expect(site.achievements.get('teamwork')!['image']).toMatchObject({ id: `${BASE}achievements/teamwork.png` });
    expect(site.achievementEditions.get('teamwork.fr')!['image']).toMatchObject({ id: `${BASE}achievements/teamwork.fr.png`, caption: 'Badge Travail en équipe' });
    const [award] = site.awards;
    expect(award!.credential['image']).toEqual({ id: `${BASE}achievements/teamwork.png`, type: 'Image' });
  });

  it("shows each page its language's badge, and the programme in the page's words", () => {
    const award = site.awards[0]!;
    expect(certificateView(site, award, NOW, french).badgeImage).toBe(`${BASE}achievements/teamwork.fr.svg`);
    expect(certificateView(site, award, NOW, french).downloads).toMatchObject({ badgePng: `${BASE}achievements/teamwork.fr.png`, badgeSvg: `${BASE}achievements/teamwork.fr.svg` });
    expect(certificateView(site, award, NOW, english).badgeImage).toBe(`${BASE}achievements/teamwork.svg`);
    expect(certificateView(site, award, NOW, french).words.programme).toEqual({ name: { text: 'Compétences transversales', lang: 'fr' }, part: { text: 'Bloc 1 sur 3', lang: 'fr' } });
    expect(catalogue(site, french).map(({ programme, programmeLang }) => ({ programme, programmeLang }))).toEqual([{ programme: 'Compétences transversales', programmeLang: undefined }]);
    expect(catalogue(site, english).map(({ programme }) => programme)).toEqual(['Transferable Skills']);
  });

  it("marks a programme left untranslated with the achievement's language", async () => {
    const untranslated = await sign(contentWith('').content);
    expect(catalogue(untranslated, siteLanguages(untranslated)[1]).map(({ programme, programmeLang }) => ({ programme, programmeLang }))).toEqual([{ programme: 'Transferable Skills', programmeLang: 'en' }]);
  });
});

describe('on a site whose default language is a translation', async () => {
  const site = await sign(contentWith(TRANSLATED, { languages: '[fr, en]', teamwork: (text) => text.replace('name: Teamwork\n', 'name: Teamwork\ninLanguage: en\n') }).content);

  it('signs each award with the French badge, schema-valid and verifiable', async () => {
    const [award] = site.awards;
    const achievement = (award!.credential['credentialSubject'] as { achievement: JsonObject }).achievement;
    expect(achievement['image']).toMatchObject({ id: `${BASE}achievements/teamwork.fr.png` });
    expect(award!.credential['image']).toEqual({ id: `${BASE}achievements/teamwork.fr.png`, type: 'Image' });
    expect(validateAchievementCredential(award!.credential)).toEqual([]);
    const proof = (award!.credential['proof'] as DataIntegrityProof[])[0]!;
    expect((await verifyProof(award!.credential, proof, pair.publicKey, createDocumentLoader())).verified).toBe(true);
  });

  it('draws the share card with the French badge', async () => {
    const artifacts = new Map((await imageArtifacts(site, await freshCache())).map((artifact) => [artifact.path, artifact.bytes]));
    expect([...artifacts.keys()]).toContain('achievements/teamwork.fr.svg');
    const other = await sign(contentWith('badge:\n  label: Teamwork\n  ribbon: Block 1 of 3\n', { languages: '[fr, en]', teamwork: (text) => text.replace('name: Teamwork\n', 'name: Teamwork\ninLanguage: en\n') }).content);
    const alike = new Map((await imageArtifacts(other, await freshCache())).map((artifact) => [artifact.path, artifact.bytes]));
    // Same name on the card; only the badge on it differs.
    expect([...alike.keys()]).not.toContain('achievements/teamwork.fr.svg');
    expect(Buffer.from(artifacts.get('achievements/teamwork/share.png') as Uint8Array).equals(Buffer.from(alike.get('achievements/teamwork/share.png') as Uint8Array))).toBe(false);
  });
});
