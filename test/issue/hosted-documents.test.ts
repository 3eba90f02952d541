/**
 * The hosted JSON documents as files (src/issue/hosted-documents.ts), of the academy fixture
 * signed in memory: a credential, one file per award, is compact and names its issuer without
 * the description that /issuer.json holds, and the few documents a person opens are indented.
 * (test/site/hosted-documents.build.test.ts checks that these are the bytes a build publishes.)
 */
import path from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { jsonArtifacts, type Artifact } from '../../src/issue/hosted-documents.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { distPath } from '../../src/issue/urls.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const pair = keyPairFromSecretKey(seed);
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const keys = [{ type: 'Multikey' as const, publicKeyMultibase: pair.publicKeyMultibase, created: identity.created, status: 'current' as const, file: 'keys/test.json' }];

const ACADEMY = path.resolve(import.meta.dirname, '../fixtures/sites/academy');

const textOf = (artifact: Artifact) => (typeof artifact.bytes === 'string' ? artifact.bytes : new TextDecoder().decode(artifact.bytes));

describe('the hosted JSON documents', async () => {
  const content = validateContent(await readContentFiles(ACADEMY));
  if (!content.ok) throw new Error(JSON.stringify(content.errors));
  const site = await buildSignedSite(content.content, { identity, keys, cache: memoryProofCache() });
  const artifacts = new Map(jsonArtifacts(site).map((artifact) => [artifact.path, textOf(artifact)]));
  const at = (url: string) => artifacts.get(distPath(site.urls.site, url))!;

  it('publish each signed credential compact: one line, no indentation, a final newline', () => {
    expect(site.awards.length).toBeGreaterThan(1);
    for (const award of site.awards) {
      const text = at(site.urls.credentialJson(award.record.id));
      expect(text, award.record.id).toBe(award.json);
      expect(text).toBe(`${JSON.stringify(award.credential)}\n`);
      expect(text.indexOf('\n')).toBe(text.length - 1);
      expect(JSON.parse(text)).toEqual(award.credential);
    }
  });

  it('name the issuer in each credential without its description, which /issuer.json keeps', () => {
    const hosted = JSON.parse(at(site.urls.issuerJson)) as Record<string, unknown>;
    expect(hosted['description']).toBe(content.content.issuer.description);
    // Everything else of the profile, the country of its address included (EU micro-credentials, Annex I).
    const { '@context': _context, description: _description, ...embedded } = hosted;
    for (const award of site.awards) {
      const { issuer } = JSON.parse(at(site.urls.credentialJson(award.record.id))) as { issuer: Record<string, unknown> };
      expect(issuer, award.record.id).not.toHaveProperty('description');
      expect(issuer).toEqual(embedded);
      expect(Object.keys(issuer)).toEqual(['id', 'type', 'name', 'url', 'email', 'image', 'address']);
      expect(issuer['address']).toMatchObject({ addressCountry: 'GB' });
    }
  });

  it('keep the few documents a person opens indented', () => {
    const indented = [site.urls.issuerJson, site.urls.didDocument, site.urls.revocationList, site.urls.statusList('revocation'), site.urls.statusList('suspension')];
    for (const slug of site.achievements.keys()) indented.push(site.urls.achievementJson(slug));
    for (const url of indented) {
      const text = at(url);
      expect(text, url).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect(text.startsWith('{\n  "')).toBe(true);
    }
  });
});
