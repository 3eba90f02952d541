/**
 * A stacked credential as a verifier sees it: the award `npm run stack` writes (src/commands/
 * stack.ts) for a learner holding two blocks, signed with the rest of the site in memory
 * (buildSignedSite), carries each block's credential as evidence, validates against the official
 * OB 3.0 schema, and verifies with Laurel's verifier and with Digital Bazaar's `@digitalbazaar/vc`
 * and eddsa-rdfc-2022, offline: the site's own documents and the pinned contexts, nothing else.
 * Its id and bytes are the same in every build.
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import { stackedAwardFiles } from '../../src/commands/stack.ts';
import { verifyCredential } from '../../src/core/verify/verify.ts';
import { openBadgeSchemas } from '../../src/core/schemas/ob-schema.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { hostedDocuments, offlineDocumentLoader } from '../helpers/served-site.ts';
import { memoryFetch } from '../helpers/verify-site.ts';
import { validateAchievementCredential } from '../helpers/ob-schema.ts';
import { fixedRandom, stackIdentity as identity, stackKeys as keys, stackedContent, validated } from '../helpers/stack-content.ts';

type Json = Record<string, unknown>;

const NOW = new Date('2026-06-01T00:00:00Z');

describe('a stacked credential', async () => {
  const { files, content, id } = stackedContent();
  const site = await buildSignedSite(content, { identity, keys, cache: memoryProofCache() });
  const signed = site.awards.find((award) => award.record.id === id)!;
  const documents = hostedDocuments(site);

  it('is earned on the last block\'s day and carries each block\'s credential as evidence', () => {
    expect(signed.credential['validFrom']).toBe('2026-04-15T00:00:00Z');
    expect(signed.credential['evidence']).toEqual([
      { type: ['Evidence'], id: site.urls.credentialJson('planning-00000001'), name: 'Planning' },
      { type: ['Evidence'], id: site.urls.credentialJson('delivery-00000001'), name: 'Delivery' },
    ]);
    // Each evidence link is a credential the site hosts.
    for (const evidence of signed.credential['evidence'] as Json[]) expect(documents.get(String(evidence['id']))?.['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  });

  it('validates against the official OB 3.0 JSON Schema', () => {
    expect(validateAchievementCredential(signed.credential)).toEqual([]);
  });

  it("verifies with Laurel's verifier, and fails once its evidence is changed", async () => {
    const fetchJson = memoryFetch(documents);
    const report = await verifyCredential(signed.credential, { now: NOW, fetchJson, validateSchema: openBadgeSchemas });
    // Every check passes but two this test cannot give: the public log's files (a site built in
    // memory has none) and the learner's email.
    expect(report.checks.filter((check) => check.state !== 'passed').map((check) => check.code)).toEqual(['log.unknown', 'recipient.no-email-given']);
    expect(report.checks.filter((check) => check.state === 'passed').map((check) => check.id)).toEqual(expect.arrayContaining(['proof', 'issuer-key', 'status', 'schema']));
    const tampered = structuredClone(signed.credential);
    ((tampered['evidence'] as Json[])[0]!)['id'] = site.urls.credentialJson('delivery-00000001');
    const refused = await verifyCredential(tampered, { now: NOW, fetchJson, validateSchema: openBadgeSchemas });
    expect(refused.status).toBe('failed');
    expect(refused.checks.find((check) => check.id === 'proof')?.state).toBe('failed');
  });

  it("verifies with Digital Bazaar's implementation, offline", async () => {
    const documentLoader = offlineDocumentLoader(documents, site.urls.didDocument);
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const result = await vc.verifyCredential({ credential: signed.credential, suite, documentLoader, checkStatus, now: NOW });
    expect(result.verified, String(result.error)).toBe(true);
    // The library leaves the verdict on a status bit to its caller: the revocation bit is clear.
    expect((result.statusResult?.['results'] as Array<{ status: boolean }>).map((entry) => entry.status)).toEqual([false]);
  });

  it('keeps its id and bytes in every build: nothing more is due, and a second build signs the same JSON', async () => {
    expect(stackedAwardFiles(files, content, fixedRandom()).written).toEqual([]);
    const again = await buildSignedSite(validated(files), { identity, keys, cache: memoryProofCache() });
    expect(again.awards.find((award) => award.record.id === id)!.json).toBe(signed.json);
  });
});
