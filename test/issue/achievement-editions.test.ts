/**
 * An achievement in several languages, signed: one OB 3.0 Achievement per language, each with its
 * inLanguage and a `related` entry for every other (OB 3.0 §Related), hosted beside the
 * achievement's own; the award carries the site default's edition, valid against the official
 * schema and verifiable. An achievement with no translations signs the bytes it always did.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent, type ContentFiles, type SiteContent } from '../../src/content/validate.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { jsonArtifacts } from '../../src/issue/hosted-documents.ts';
import { jsonText } from '../../src/issue/json-text.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { verifyProof, type DataIntegrityProof } from '../../src/core/proof.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { validateAchievementCredential } from '../helpers/ob-schema.ts';

// The key the signed-site tests use: the digests below were made with it.
const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const pair = keyPairFromSecretKey(seed);
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const keys = [{ type: 'Multikey' as const, publicKeyMultibase: pair.publicKeyMultibase, created: identity.created, status: 'current' as const, file: 'keys/test.json' }];
const SITES = path.resolve(import.meta.dirname, '../fixtures/sites');
/**
 * SHA-256 of every hosted achievement and signed credential of the academy fixture, as Laurel
 * built them before achievements had translations (commit c9c4534).
 */
const DIGESTS = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/golden/credential-digests.json'), 'utf8')) as { academy: Record<string, string> };

function contentOf(files: ContentFiles): SiteContent {
  const result = validateContent(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

const sign = (content: SiteContent) => buildSignedSite(content, { identity, keys, cache: memoryProofCache() });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function digests(site: Awaited<ReturnType<typeof sign>>): Record<string, string> {
  const entries: Array<[string, string]> = [...site.achievements].map(([slug, json]) => [`achievements/${slug}.json`, sha256(jsonText(json))]);
  entries.push(...site.awards.map((award): [string, string] => [`credentials/${award.record.id}.json`, sha256(award.json)]));
  return Object.fromEntries(entries);
}

describe('an achievement with no translations', () => {
  it('signs exactly the bytes it did before translations existed, on a site in one language or in several', async () => {
    const files = await readContentFiles(path.join(SITES, 'academy'));
    expect(digests(await sign(contentOf(files)))).toEqual(DIGESTS.academy);
    const bilingual = { ...files, issuer: { ...files.issuer!, text: `${files.issuer!.text.replace(/^language:.*$/m, '')}\nlanguages: [en, fr]\n` } };
    const site = await sign(contentOf(bilingual));
    expect(digests(site)).toEqual(DIGESTS.academy);
    expect(site.achievementEditions.size).toBe(0);
  });
});

describe('an achievement with a translation (the francais fixture: fr-CA first, with English)', async () => {
  const site = await sign(contentOf(await readContentFiles(path.join(SITES, 'francais'))));
  const base = 'https://attestations.cegep-saint-laurent.example/';
  const [slug] = [...site.achievements.keys()];
  const own = site.achievements.get(slug!)!;
  const english = site.achievementEditions.get(`${slug}.en`)!;

  it('publishes an Achievement per language, each naming the other by related', () => {
    expect(own).toMatchObject({ id: `${base}achievements/${slug}.json`, inLanguage: 'fr-CA', name: 'Travail en équipe', related: [{ id: `${base}achievements/${slug}.en.json`, type: ['Related'], inLanguage: 'en' }] });
    expect(english).toMatchObject({ id: `${base}achievements/${slug}.en.json`, inLanguage: 'en', name: 'Teamwork', description: 'Works effectively as a member of a group.', related: [{ id: `${base}achievements/${slug}.json`, type: ['Related'], inLanguage: 'fr-CA' }] });
    // Its criteria are on its own language's page, its results named in it, at its own address.
    expect(english['criteria']).toEqual({ id: `${base}en/achievements/${slug}/#criteria`, narrative: 'Nominated by peers and confirmed by a tutor.' });
    expect((english['resultDescription'] as JsonObject[])[0]).toMatchObject({ id: `${base}achievements/${slug}.en.json#result-note`, name: 'Final grade' });
    // Its badge has its own words (the English name and programme part): its own image.
    expect(own['image']).toMatchObject({ id: `${base}achievements/${slug}.png` });
    expect(english['image']).toMatchObject({ id: `${base}achievements/${slug}.en.png`, caption: 'Teamwork badge' });
    // What it does not translate is the achievement's own, in every edition.
    for (const field of ['achievementType', 'tag', 'alignment', 'creditsAvailable', 'creator']) expect(english[field], field).toEqual(own[field]);
  });

  it('hosts each edition at its address', () => {
    const paths = jsonArtifacts(site).map((artifact) => artifact.path);
    expect(paths).toContain(`achievements/${slug}.json`);
    expect(paths).toContain(`achievements/${slug}.en.json`);
  });

  it("signs each award with the site default's edition, schema-valid and verifiable", async () => {
    const loader = createDocumentLoader();
    for (const { credential, record } of site.awards) {
      const achievement = (credential['credentialSubject'] as { achievement: JsonObject }).achievement;
      const { ['@context']: _context, ...hosted } = own;
      expect(achievement).toEqual(hosted);
      expect(credential['name']).toBe('Travail en équipe');
      expect(validateAchievementCredential(credential), record.id).toEqual([]);
      const proof = (credential['proof'] as DataIntegrityProof[])[0]!;
      expect((await verifyProof(credential, proof, pair.publicKey, loader)).verified, record.id).toBe(true);
    }
  });

  it("signs the default's edition when it is a translation, with its own id", async () => {
    const files = await readContentFiles(path.join(SITES, 'francais'));
    const swapped: ContentFiles = {
      ...files,
      issuer: { ...files.issuer!, text: files.issuer!.text.replace('languages: [fr-CA, en]', 'languages: [en, fr-CA]') },
      // Its own file says it is in French, now that French is not the default.
      achievements: files.achievements.map((file) => (file.path.endsWith(`${slug}.md`) ? { ...file, text: file.text.replace('tags:', 'inLanguage: fr-CA\ntags:') } : file)),
    };
    const other = await sign(contentOf(swapped));
    const [award] = other.awards;
    const achievement = (award!.credential['credentialSubject'] as { achievement: JsonObject }).achievement;
    expect(achievement).toMatchObject({ id: `${base}achievements/${slug}.en.json`, inLanguage: 'en', name: 'Teamwork' });
    expect(award!.credential['name']).toBe('Teamwork');
    // English is now the default language: its page is at the site's own paths, French under /fr/.
    expect(achievement['criteria']).toMatchObject({ id: `${base}achievements/${slug}/#criteria` });
    expect(other.achievements.get(slug!)).toMatchObject({ inLanguage: 'fr-CA', criteria: { id: `${base}fr/achievements/${slug}/#criteria` } });
    expect(validateAchievementCredential(award!.credential)).toEqual([]);
    const proof = (award!.credential['proof'] as DataIntegrityProof[])[0]!;
    expect((await verifyProof(award!.credential, proof, pair.publicKey, createDocumentLoader())).verified).toBe(true);
  });
});
