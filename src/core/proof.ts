/**
 * Data Integrity EdDSA proofs (W3C vc-di-eddsa v1.0): `eddsa-rdfc-2022` (§3.2), the suite Laurel
 * signs with, and `eddsa-jcs-2022` (§3.3), which Laurel verifies for other issuers.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalizeJcs, canonicalizeRdfc, type CanonicalizationFailure } from './canonicalize.ts';
import type { DocumentLoader } from './document-loader.ts';
import { decodeBase58btc, encodeBase58btc } from './multibase.ts';
import { signEd25519, verifyEd25519 } from './ed25519.ts';

export type EddsaCryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
export const SUPPORTED_CRYPTOSUITES: readonly EddsaCryptosuite[] = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'];

/** The proof without its value: what is hashed as the proof configuration. */
export interface ProofOptions {
  type: 'DataIntegrityProof';
  cryptosuite: EddsaCryptosuite;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  '@context'?: unknown;
  [extra: string]: unknown;
}

export interface DataIntegrityProof extends ProofOptions {
  proofValue: string;
}

/** Every intermediate value of the algorithm, so a person can check each step by hand. */
export interface ProofWork {
  readonly canonicalDocument: string;
  readonly canonicalProofConfig: string;
  readonly documentHashHex: string;
  readonly proofConfigHashHex: string;
  /** proofConfigHash ‖ documentHash: the 64 bytes that are signed (§3.2.5, §3.3.5). */
  readonly hashData: Uint8Array;
}

export type ProofFailure =
  | { kind: 'malformed-proof'; message: string }
  | { kind: 'canonicalization'; failure: CanonicalizationFailure }
  | { kind: 'bad-signature'; message: string };

export type HashResult = { ok: true; work: ProofWork } | { ok: false; failure: ProofFailure };

/** dateTimeStamp per XML Schema 1.1 part 2: a date-time with a mandatory time zone. */
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function withoutKey(value: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  delete copy[key];
  return copy;
}

/**
 * Proof configurations repeat across a build (same key, same context, same few dates), and their
 * canonical form depends only on their JCS form and the pinned contexts: remember the latest few.
 * The loader is part of the key, so a test loader with other contexts never shares entries.
 */
const proofConfigMemo = new WeakMap<DocumentLoader, Map<string, string>>();
const PROOF_CONFIG_MEMO_SIZE = 256;

async function canonicalizeProofConfig(proofConfig: Record<string, unknown>, documentLoader: DocumentLoader): ReturnType<typeof canonicalizeRdfc> {
  let memo = proofConfigMemo.get(documentLoader);
  if (!memo) proofConfigMemo.set(documentLoader, (memo = new Map()));
  const key = canonicalizeJcs(proofConfig);
  const known = memo.get(key);
  if (known !== undefined) return { ok: true, nquads: known };
  const result = await canonicalizeRdfc(proofConfig, documentLoader);
  if (result.ok) {
    if (memo.size >= PROOF_CONFIG_MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(key, result.nquads);
  }
  return result;
}

/** §3.2.4 / §3.3.4 Proof Configuration checks, then §3.2.3–3.2.5 / §3.3.3–3.3.5 transformation and hashing. */
export async function hashForProof(
  unsecuredDocument: Record<string, unknown>,
  options: ProofOptions,
  documentLoader: DocumentLoader,
): Promise<HashResult> {
  if (options.type !== 'DataIntegrityProof' || !SUPPORTED_CRYPTOSUITES.includes(options.cryptosuite)) {
    return { ok: false, failure: { kind: 'malformed-proof', message: `The proof is ${String(options.type)} / ${String(options.cryptosuite)}, not a DataIntegrityProof with an EdDSA cryptosuite.` } };
  }
  if (options.created !== undefined && !DATE_TIME_STAMP.test(options.created)) {
    return { ok: false, failure: { kind: 'malformed-proof', message: `The proof's created date "${options.created}" is not a date-time with a time zone.` } };
  }
  let canonicalDocument: string;
  let canonicalProofConfig: string;
  if (options.cryptosuite === 'eddsa-rdfc-2022') {
    // §3.2.4 step 4: the proof configuration takes the document's @context.
    const proofConfig = { ...options, '@context': unsecuredDocument['@context'] };
    const documentResult = await canonicalizeRdfc(unsecuredDocument, documentLoader);
    if (!documentResult.ok) return { ok: false, failure: { kind: 'canonicalization', failure: documentResult.failure } };
    const configResult = await canonicalizeProofConfig(proofConfig, documentLoader);
    if (!configResult.ok) return { ok: false, failure: { kind: 'canonicalization', failure: configResult.failure } };
    canonicalDocument = documentResult.nquads;
    canonicalProofConfig = configResult.nquads;
  } else {
    // §3.3.3 / §3.3.4: JCS of the document and of the options (which carry the document's @context).
    canonicalDocument = canonicalizeJcs(unsecuredDocument);
    canonicalProofConfig = canonicalizeJcs(options);
  }
  const documentHash = sha256(utf8ToBytes(canonicalDocument));
  const proofConfigHash = sha256(utf8ToBytes(canonicalProofConfig));
  return {
    ok: true,
    work: {
      canonicalDocument,
      canonicalProofConfig,
      documentHashHex: bytesToHex(documentHash),
      proofConfigHashHex: bytesToHex(proofConfigHash),
      // §3.2.5 / §3.3.5: hashData = proofConfigHash ‖ transformedDocumentHash.
      hashData: concatBytes(proofConfigHash, documentHash),
    },
  };
}

export type CreateProofResult = { ok: true; proof: DataIntegrityProof; work: ProofWork } | { ok: false; failure: ProofFailure };

/** vc-di-eddsa §3.2.1 / §3.3.1 Create Proof. The document must not carry a proof already. */
export async function createProof(
  unsecuredDocument: Record<string, unknown>,
  options: ProofOptions,
  secretKey: Uint8Array,
  documentLoader: DocumentLoader,
): Promise<CreateProofResult> {
  const proofOptions: ProofOptions =
    options.cryptosuite === 'eddsa-jcs-2022' && unsecuredDocument['@context'] !== undefined
      ? { ...options, '@context': unsecuredDocument['@context'] } // §3.3.1 step 2
      : options;
  const hashed = await hashForProof(unsecuredDocument, proofOptions, documentLoader);
  if (!hashed.ok) return hashed;
  const proofBytes = signEd25519(hashed.work.hashData, secretKey); // §3.2.6: pure Ed25519 (RFC 8032)
  return { ok: true, proof: { ...proofOptions, proofValue: encodeBase58btc(proofBytes) }, work: hashed.work };
}

export function addProof<T extends Record<string, unknown>>(document: T, proof: DataIntegrityProof): T & { proof: DataIntegrityProof } {
  return { ...document, proof };
}

export type VerifyProofResult =
  | { verified: true; work: ProofWork }
  | { verified: false; failure: ProofFailure; work?: ProofWork };

/** vc-di-eddsa §3.2.2 / §3.3.2 Verify Proof, for one proof of a secured document and a known key. */
export async function verifyProof(
  securedDocument: Record<string, unknown>,
  proof: DataIntegrityProof,
  publicKey: Uint8Array,
  documentLoader: DocumentLoader,
): Promise<VerifyProofResult> {
  let unsecuredDocument = withoutKey(securedDocument, 'proof');
  const proofOptions = withoutKey(proof, 'proofValue') as ProofOptions;
  const proofBytes = typeof proof.proofValue === 'string' ? decodeBase58btc(proof.proofValue) : undefined;
  if (!proofBytes || proofBytes.length !== 64) {
    return { verified: false, failure: { kind: 'malformed-proof', message: 'The proofValue is not a base58btc-encoded 64-byte Ed25519 signature.' } };
  }
  if (proof.cryptosuite === 'eddsa-jcs-2022' && proofOptions['@context'] !== undefined) {
    // §3.3.2 step 4: the document's @context must begin with the proof's, which then replaces it.
    const proofContext = ([] as unknown[]).concat(proofOptions['@context']);
    const documentContext = ([] as unknown[]).concat(securedDocument['@context'] ?? []);
    const prefixMatches = proofContext.every((item, index) => JSON.stringify(item) === JSON.stringify(documentContext[index]));
    if (!prefixMatches) {
      return { verified: false, failure: { kind: 'malformed-proof', message: "The proof's @context does not match the start of the credential's @context." } };
    }
    unsecuredDocument = { ...unsecuredDocument, '@context': proofOptions['@context'] };
  }
  if (proof.cryptosuite === 'eddsa-rdfc-2022' && proofOptions['@context'] !== undefined) {
    delete proofOptions['@context'];
  }
  const hashed = await hashForProof(unsecuredDocument, proofOptions, documentLoader);
  if (!hashed.ok) return { verified: false, failure: hashed.failure };
  if (!verifyEd25519(proofBytes, hashed.work.hashData, publicKey)) {
    return { verified: false, failure: { kind: 'bad-signature', message: 'The signature does not match the credential and the key.' }, work: hashed.work };
  }
  return { verified: true, work: hashed.work };
}

export interface SigningKey {
  readonly secretKey: Uint8Array;
  /** `<controller>#<publicKeyMultibase>` (the issuer's did:web, then the key). */
  readonly verificationMethod: string;
}

export type SignResult = { ok: true; signed: Record<string, unknown>; proof: DataIntegrityProof } | { ok: false; failure: ProofFailure };

/**
 * Secures a document with one `eddsa-rdfc-2022` proof for assertionMethod. The proof is emitted as
 * a one-element array because the OB 3.0 JSON Schema types `proof` as an array.
 */
export async function signDocument(
  unsecuredDocument: Record<string, unknown>,
  key: SigningKey,
  created: string,
  documentLoader: DocumentLoader,
): Promise<SignResult> {
  const options: ProofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created,
    verificationMethod: key.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  const result = await createProof(unsecuredDocument, options, key.secretKey, documentLoader);
  if (!result.ok) return result;
  return { ok: true, signed: { ...unsecuredDocument, proof: [result.proof] }, proof: result.proof };
}
