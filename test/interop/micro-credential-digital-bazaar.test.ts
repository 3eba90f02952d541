/**
 * An EU micro-credential's alignments (src/core/micro-credential.ts) read by another
 * implementation: Digital Bazaar's `@digitalbazaar/vc` with the `eddsa-rdfc-2022` cryptosuite,
 * whose canonicalization runs in safe mode and fails on any term the contexts do not define, checks
 * the signature of a credential signed in memory from the micro-credential fixture. Offline:
 * contexts from Laurel's pinned copies, the key from the site's DID document, nothing else.
 */
import { describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { hostedDocuments, offlineDocumentLoader } from '../helpers/served-site.ts';
import { signedMicroCredentialSite } from '../helpers/micro-credential-site.ts';

type Json = Record<string, unknown>;

describe("Digital Bazaar's vc library and an EU micro-credential", async () => {
  const site = await signedMicroCredentialSite();
  const documentLoader = offlineDocumentLoader(hostedDocuments(site), site.urls.didDocument);

  it('verifies the signature over its ext: alignments, and refuses it once an element changes', async () => {
    const { credential } = site.awards.find((award) => award.record.achievement === 'data-literacy')!;
    const types = (((credential['credentialSubject'] as Json)['achievement'] as Json)['alignment'] as Json[]).map((alignment) => alignment['targetType']);
    expect(types).toContain('ext:EQFLevel');
    // The status list is not what is tested here: Laurel's own tests check it.
    const checkStatus = async () => ({ verified: true });
    const verified = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader, checkStatus, now: new Date('2026-06-01T00:00:00Z') });
    expect(verified.error, JSON.stringify(verified.error)).toBeUndefined();
    expect(verified.verified).toBe(true);
    // A changed element breaks the signature: the alignments are signed, not dropped.
    const achievement = (credential['credentialSubject'] as Json)['achievement'] as Json;
    const alignment = (achievement['alignment'] as Json[]).map((entry) => (entry['targetType'] === 'ext:EQFLevel' ? { ...entry, targetCode: '6' } : entry));
    const changed = { ...credential, credentialSubject: { ...(credential['credentialSubject'] as Json), achievement: { ...achievement, alignment } } };
    const refused = await vc.verifyCredential({ credential: changed, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader, checkStatus, now: new Date('2026-06-01T00:00:00Z') });
    expect(refused.verified).toBe(false);
  });
});
