/**
 * Ed25519Signature2020, the Linked Data signature suite older Open Badges and wallets still use:
 * verified (never made) for other issuers' credentials.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalizeRdfc } from './canonicalize.ts';
import type { DocumentLoader } from './document-loader.ts';
import { decodeBase58btc } from './multibase.ts';
import { verifyBytes } from './multikey.ts';
import type { DataIntegrityProof, VerifyProofResult } from './proof.ts';

export const ED25519_SIGNATURE_2020 = 'Ed25519Signature2020';
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';

type Json = Record<string, unknown>;

/**
 * Ed25519Signature2020 (W3C CCG Final Report "EdDSA Cryptosuite v2020", 2022-07-24, as jsonld-signatures
 * and @digitalbazaar/ed25519-signature-2020 implement it), for other issuers' older credentials:
 * URDNA2015 (= RDFC-1.0) of the document without `proof` and of the proof options (the proof
 * without `proofValue`, given the document's @context), hashed and ordered as in eddsa-rdfc-2022,
 * and a `z` base58btc Ed25519 signature. Its terms come from the pinned suite context
 * https://w3id.org/security/suites/ed25519-2020/v1, which the credential must name.
 */
export async function verifyEd25519Signature2020(securedDocument: Json, proof: DataIntegrityProof, publicKey: Uint8Array, loader: DocumentLoader): Promise<VerifyProofResult> {
  const signature = typeof proof.proofValue === 'string' ? decodeBase58btc(proof.proofValue) : undefined;
  if (!signature || signature.length !== 64) return { verified: false, failure: { kind: 'malformed-proof', message: 'The proofValue is not a base58btc-encoded 64-byte Ed25519 signature.' } };
  // As the reference implementation's matchProof: without the suite context, VC 2.0's @vocab would
  // quietly give the proof's terms other meanings, and the signature could not match.
  if (!([] as unknown[]).concat(securedDocument['@context'] ?? []).includes(ED25519_2020_CONTEXT)) {
    return { verified: false, failure: { kind: 'malformed-proof', message: `An Ed25519Signature2020 signature needs its vocabulary ${ED25519_2020_CONTEXT} in the credential's @context, and it is not there.` } };
  }
  const { proof: _proof, ...unsecured } = securedDocument;
  const { proofValue: _value, ...options } = proof as Json;
  const documentResult = await canonicalizeRdfc(unsecured, loader);
  if (!documentResult.ok) return { verified: false, failure: { kind: 'canonicalization', failure: documentResult.failure } };
  const configResult = await canonicalizeRdfc({ '@context': securedDocument['@context'], ...options }, loader);
  if (!configResult.ok) return { verified: false, failure: { kind: 'canonicalization', failure: configResult.failure } };
  const documentHash = sha256(utf8ToBytes(documentResult.nquads));
  const proofConfigHash = sha256(utf8ToBytes(configResult.nquads));
  const work = {
    canonicalDocument: documentResult.nquads,
    canonicalProofConfig: configResult.nquads,
    documentHashHex: bytesToHex(documentHash),
    proofConfigHashHex: bytesToHex(proofConfigHash),
    hashData: concatBytes(proofConfigHash, documentHash),
  };
  if (!verifyBytes(signature, work.hashData, publicKey)) return { verified: false, failure: { kind: 'bad-signature', message: 'The signature does not match the credential and the key.' }, work };
  return { verified: true, work };
}
