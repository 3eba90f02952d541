/**
 * Known-answer tests: every vector in test/fixtures/vectors, stage by stage, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { contexts as citizenshipContexts } from '@digitalbazaar/citizenship-context';
import { PINNED_CONTEXTS, createDocumentLoader } from '../../src/core/document-loader.ts';
import { canonicalizeJcs, canonicalizeRdfc } from '../../src/core/canonicalize.ts';
import { createProof, hashForProof, verifyProof, type DataIntegrityProof, type ProofOptions } from '../../src/core/proof.ts';
import {
  decodePublicKeyMultibase,
  decodeSecretKeyMultibase,
  encodePublicKeyMultibase,
  encodeSecretKeyMultibase,
  keyPairFromSecretKey,
} from '../../src/core/multikey.ts';
import { decodeBase58btc } from '../../src/core/multibase.ts';
import { identityHash, matchesIdentityHash } from '../../src/core/identity-hash.ts';
import rdfcVector from '../fixtures/vectors/eddsa-rdfc-2022-vector.json' with { type: 'json' };
import jcsVector from '../fixtures/vectors/eddsa-jcs-2022-vector.json' with { type: 'json' };
import employVector from '../fixtures/vectors/eddsa-rdfc-2022-employ-vector.json' with { type: 'json' };
import ob3Vector from '../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json' with { type: 'json' };
import ob3JcsVector from '../fixtures/vectors/ob3-eddsa-jcs-2022-DERIVED-vector.json' with { type: 'json' };
import identityVector from '../fixtures/vectors/identity-hash-vector.json' with { type: 'json' };

const loader = createDocumentLoader(
  new Map<string, object>([...PINNED_CONTEXTS, ...(citizenshipContexts as Map<string, object>)]),
);

interface Vector {
  unsigned: Record<string, unknown>;
  proofOptions: Record<string, unknown>;
  canonicalDocument: string;
  canonicalProofConfig: string;
  documentHashHex: string;
  proofConfigHashHex: string;
  combinedHashHex: string;
  signatureHex: string;
  expectedProofValue: string;
  expectedSigned: Record<string, unknown>;
  secretKeySeedHex: string;
  publicKeyMultibase: string;
  publicKeyHex?: string;
  secretKeyMultibase?: string;
}

const suites: Array<[string, Vector]> = [
  ['W3C eddsa-rdfc-2022', rdfcVector as Vector],
  ['W3C eddsa-rdfc-2022 enhanced (employment)', employVector as Vector],
  ['1EdTech OB 3.0 eddsa-rdfc-2022', ob3Vector as Vector],
  ['W3C eddsa-jcs-2022', jcsVector as Vector],
  ['OB 3.0 eddsa-jcs-2022 (derived)', ob3JcsVector as Vector],
];

describe.each(suites)('%s', (_name, vector) => {
  const secretKey = hexToBytes(vector.secretKeySeedHex);
  const options = vector.proofOptions as unknown as ProofOptions;
  const isRdfc = options.cryptosuite === 'eddsa-rdfc-2022';

  it('derives the Multikey public key from the seed', () => {
    const pair = keyPairFromSecretKey(secretKey);
    expect(pair.publicKeyMultibase).toBe(vector.publicKeyMultibase);
    expect(encodePublicKeyMultibase(decodePublicKeyMultibase(vector.publicKeyMultibase)!)).toBe(vector.publicKeyMultibase);
    if (vector.publicKeyHex) expect(bytesToHex(pair.publicKey)).toBe(vector.publicKeyHex);
    if (vector.secretKeyMultibase) {
      expect(encodeSecretKeyMultibase(secretKey)).toBe(vector.secretKeyMultibase);
      expect(bytesToHex(decodeSecretKeyMultibase(vector.secretKeyMultibase)!)).toBe(vector.secretKeySeedHex);
    }
  });

  it('transforms the document to the canonical form', async () => {
    if (isRdfc) {
      const result = await canonicalizeRdfc(vector.unsigned, loader);
      expect(result).toEqual({ ok: true, nquads: vector.canonicalDocument });
    } else {
      expect(canonicalizeJcs(vector.unsigned)).toBe(vector.canonicalDocument);
    }
  });

  it('hashes the proof configuration and the document in the spec order', async () => {
    const result = await hashForProof(vector.unsigned, options, loader);
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.work.canonicalProofConfig).toBe(vector.canonicalProofConfig);
    expect(result.work.proofConfigHashHex).toBe(vector.proofConfigHashHex);
    expect(result.work.documentHashHex).toBe(vector.documentHashHex);
    expect(bytesToHex(result.work.hashData)).toBe(vector.combinedHashHex);
  });

  it('signs to the expected proofValue and the expected secured document', async () => {
    const { '@context': _ignored, ...optionsWithoutContext } = options;
    const result = await createProof(vector.unsigned, optionsWithoutContext as ProofOptions, secretKey, loader);
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(bytesToHex(decodeBase58btc(result.proof.proofValue)!)).toBe(vector.signatureHex);
    expect(result.proof.proofValue).toBe(vector.expectedProofValue);
    expect({ ...vector.unsigned, proof: result.proof }).toEqual(vector.expectedSigned);
  });

  it('verifies the published secured document, and rejects it with one changed value', async () => {
    const publicKey = decodePublicKeyMultibase(vector.publicKeyMultibase)!;
    const proof = vector.expectedSigned['proof'] as DataIntegrityProof;
    expect((await verifyProof(vector.expectedSigned, proof, publicKey, loader)).verified).toBe(true);
    const tampered = { ...vector.expectedSigned, validFrom: '2001-01-01T00:00:00Z' };
    const result = await verifyProof(tampered, proof, publicKey, loader);
    expect(result.verified).toBe(false);
    if (!result.verified) expect(result.failure.kind).toBe('bad-signature');
  });
});

describe('OB 3.0 IdentityHash', () => {
  it('reproduces the example hash', () => {
    expect(identityHash(identityVector.identifier, identityVector.salt)).toBe(identityVector.identityHash);
    expect(matchesIdentityHash(identityVector.identifier, identityVector.salt, identityVector.identityHash.toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
    expect(matchesIdentityHash('b@example.com', identityVector.salt, identityVector.identityHash)).toBe(false);
  });
});
