/**
 * A learner's transcript as a verifier sees it: the portfolio of the learner of
 * test/helpers/stack-content.ts (two blocks and the stack they earned), signed with the rest of the
 * site in memory, is a CLR 2.0 ClrCredential holding the three credentials as they were signed,
 * the block `isPartOf` the stack, named as the latest credential names the learner. It verifies
 * with Laurel's verifier, each credential inside too, and with Digital Bazaar's `@digitalbazaar/vc`,
 * offline; a credential changed inside fails it. It holds no revoked credential.
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { describe, expect, it } from 'vitest';
import { verifyCredential } from '../../src/core/verify/verify.ts';
import { openBadgeSchemas } from '../../src/core/schemas/ob-schema.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { hostedDocuments, offlineDocumentLoader } from '../helpers/served-site.ts';
import { memoryFetch } from '../helpers/verify-site.ts';
import { validateContent } from '../../src/content/validate.ts';
import { validateClrCredential } from '../helpers/ob-schema.ts';
import { BLOCK_IDS, stackIdentity as identity, stackKeys as keys, stackedContent } from '../helpers/stack-content.ts';

type Json = Record<string, unknown>;
const NOW = new Date('2026-06-01T00:00:00Z');
const PORTFOLIO = 'pf-aaaaaaaaaaaaaaaaaaaaaaaaaa';

describe("a learner's transcript", async () => {
  const { files, content, id: stackedId } = stackedContent({ portfolio: PORTFOLIO });
  const site = await buildSignedSite(content, { identity, keys, cache: memoryProofCache() });
  const documents = hostedDocuments(site);
  const url = site.urls.portfolioTranscript(PORTFOLIO);
  const transcript = documents.get(url)!;
  const fetchJson = memoryFetch(documents);

  it('holds every credential of the learner as signed, and how their achievements relate', () => {
    expect(url).toBe(`https://badges.example.org/portfolios/${PORTFOLIO}/transcript.json`);
    expect(transcript['type']).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(transcript['name']).toBe('Learner record of Grace Example');
    const subject = transcript['credentialSubject'] as Json;
    const held = subject['verifiableCredential'] as Json[];
    // In award order: by date, then id.
    expect(site.transcripts.get(PORTFOLIO)!.awards).toEqual([BLOCK_IDS[0], stackedId, BLOCK_IDS[1]]);
    expect(held.map((credential) => credential['id'])).toEqual(site.transcripts.get(PORTFOLIO)!.awards.map((id) => site.urls.credentialJson(id)));
    // As signed: the bytes each credential is hosted as.
    for (const credential of held) expect(credential).toEqual(documents.get(String(credential['id'])));
    const achievement = (slug: string) => site.urls.achievementJson(slug);
    expect(subject['association']).toEqual([
      { type: 'Association', associationType: 'isPartOf', sourceId: achievement('planning'), targetId: achievement('project-lead') },
      { type: 'Association', associationType: 'isPartOf', sourceId: achievement('delivery'), targetId: achievement('project-lead') },
    ]);
    expect(transcript['validFrom']).toBe('2026-04-15T00:00:00Z');
  });

  it("validates against 1EdTech's published CLR 2.0 ClrCredential schema", () => {
    expect(validateClrCredential(transcript)).toEqual([]);
    // The schema is not one that accepts anything: a transcript without its subject fails it.
    expect(validateClrCredential({ ...transcript, credentialSubject: undefined })).not.toEqual([]);
  });

  it("verifies with Laurel's verifier, and each credential in it; one changed inside fails it", async () => {
    const report = await verifyCredential(transcript, { now: NOW, fetchJson, validateSchema: openBadgeSchemas });
    // A site signed in memory publishes no transparency log: that check cannot be made, for the
    // transcript and for each credential in it. The verifier applies no schema to a CLR (its
    // check says so) and was given no email.
    expect(report.checks.filter((check) => check.state !== 'passed').map((check) => check.code)).toEqual(['schema.clr', 'log.unknown', 'recipient.no-email-given']);
    expect(report.checks.filter((check) => check.state === 'failed')).toEqual([]);
    expect(report.held).toMatchObject({ count: 3 });
    expect(report.held!.notVerified.map((one) => one.status)).toEqual(['unchecked', 'unchecked', 'unchecked']);
    for (const credential of (transcript['credentialSubject'] as Json)['verifiableCredential'] as Json[]) {
      const own = await verifyCredential(credential, { now: NOW, fetchJson, validateSchema: openBadgeSchemas });
      expect(own.checks.filter((check) => check.state !== 'passed' && check.state !== 'skipped').map((check) => check.code)).toEqual(['log.unknown']);
    }
    const tampered = structuredClone(transcript);
    (((tampered['credentialSubject'] as Json)['verifiableCredential'] as Json[])[0]!)['validFrom'] = '2020-01-01T00:00:00Z';
    expect((await verifyCredential(tampered, { now: NOW, fetchJson })).status).toBe('failed');
  });

  it("verifies with Digital Bazaar's implementation, offline", async () => {
    const documentLoader = offlineDocumentLoader(documents, site.urls.didDocument);
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const result = await vc.verifyCredential({ credential: transcript, suite, documentLoader, now: NOW });
    expect(result.verified, String(result.error)).toBe(true);
  });

  it('leaves out a revoked credential, and is not made for a learner without a portfolio', async () => {
    const revoked = files.awards.map((file) => (file.path.includes(BLOCK_IDS[1]) ? { ...file, text: `${file.text}revoked:\n  on: 2026-05-01\n  reason: Awarded in error.\n` } : file));
    const result = validateContent({ ...files, awards: revoked });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const again = await buildSignedSite(result.content, { identity, keys, cache: memoryProofCache() });
    expect(again.transcripts.get(PORTFOLIO)!.awards).toEqual([BLOCK_IDS[0], stackedId]);
    const none = await buildSignedSite(stackedContent().content, { identity, keys, cache: memoryProofCache() });
    expect(none.transcripts.size).toBe(0);
  });
});
