/**
 * The signature ("proof") check: choosing the proof to check (VC-DI §4.4 preconditions), then
 * vc-di-eddsa §3.2.2 / §3.3.2 Verify Proof, or Ed25519Signature2020 for older credentials, with
 * the key the issuer-key check found. Every intermediate value goes into the details, so a person
 * can redo the step by hand.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ResolvedKey } from '../verification-method.ts';
import type { DocumentLoader } from '../document-loader.ts';
import { ED25519_SIGNATURE_2020, verifyEd25519Signature2020 } from '../ed25519-signature-2020.ts';
import { decodeBase58btc } from '../multibase.ts';
import { MAX_PROOFS } from '../limits.ts';
import { SUPPORTED_CRYPTOSUITES, verifyProof, type DataIntegrityProof, type ProofFailure } from '../proof.ts';
import { result, type CheckCode, type CheckParams, type CheckResult } from './check.ts';
import { asArray, dateOf, isRecord, type Json } from './json-shape.ts';

export type ProofSelection =
  | { ok: true; proof: DataIntegrityProof; ignored: number }
  | { ok: false; code: 'proof.unsigned' | 'proof.wrong-purpose' | 'proof.unsupported'; params: CheckParams };

/** The proofs worth trying, best first; or why there is none. */
export type ProofCandidates =
  | { ok: true; proofs: DataIntegrityProof[]; total: number }
  | { ok: false; code: 'proof.unsigned' | 'proof.wrong-purpose' | 'proof.unsupported'; params: CheckParams };

/** Preference among usable proofs: the suite OB certification requires first, the legacy one last. */
function proofRank(proof: Json): number {
  if (proof['type'] === 'DataIntegrityProof') return SUPPORTED_CRYPTOSUITES.indexOf(proof['cryptosuite'] as never);
  return proof['type'] === ED25519_SIGNATURE_2020 ? SUPPORTED_CRYPTOSUITES.length : -1;
}

/**
 * VC-DI §4.4 (Verify Proof) preconditions: a DataIntegrityProof with a supported cryptosuite (or
 * the older Ed25519Signature2020) and proofPurpose assertionMethod (OB 3.0 Proof). `proof` may be
 * one object or a set; any one proof that verifies with the issuer's key suffices (OB 3.0
 * integrity.md), so every usable proof is a candidate, eddsa-rdfc-2022 (the suite OB certification
 * requires) first, at most MAX_PROOFS of them so that a hostile set cannot multiply the work.
 */
export function proofCandidates(doc: Json): ProofCandidates {
  const proofs = asArray(doc['proof']).filter(isRecord);
  if (proofs.length === 0) return { ok: false, code: 'proof.unsigned', params: {} };
  const usable = proofs.filter((proof) => proof['proofPurpose'] === 'assertionMethod' && proofRank(proof) >= 0);
  // A stable sort: among proofs of one suite, the issuer's order stands.
  usable.sort((a, b) => proofRank(a) - proofRank(b));
  if (usable.length === 0) {
    const first = proofs[0]!;
    if (proofRank(first) >= 0 && first['proofPurpose'] !== 'assertionMethod') return { ok: false, code: 'proof.wrong-purpose', params: { purpose: String(first['proofPurpose']) } };
    const kind = [first['type'], first['cryptosuite']].filter((part) => part !== undefined).map(String).join(' ');
    return { ok: false, code: 'proof.unsupported', params: { kind } };
  }
  return { ok: true, proofs: usable.slice(0, MAX_PROOFS) as DataIntegrityProof[], total: proofs.length };
}

/** The best-ranked candidate alone, for a caller that checks one proof. */
export function selectProof(doc: Json): ProofSelection {
  const candidates = proofCandidates(doc);
  return candidates.ok ? { ok: true, proof: candidates.proofs[0]!, ignored: candidates.total - 1 } : candidates;
}

/** How far ahead of this computer's clock a signer's clock may be before its date is doubted. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function failureResult(failure: ProofFailure): { code: CheckCode; params: CheckParams } {
  if (failure.kind === 'bad-signature') return { code: 'proof.bad-signature', params: {} };
  if (failure.kind === 'malformed-proof') return { code: 'proof.malformed', params: { reason: failure.message } };
  const inner = failure.failure;
  if (inner.kind === 'unknown-context') return { code: 'proof.unknown-context', params: { url: inner.url } };
  if (inner.kind === 'undefined-term') {
    const term = /: "([^"]{1,80})"\)/.exec(inner.message)?.[1];
    return { code: 'proof.undefined-term', params: term === undefined ? {} : { term } };
  }
  return { code: 'proof.not-linked-data', params: {} };
}

export async function checkSignature(
  doc: Json,
  selection: ProofSelection,
  key: ResolvedKey | undefined,
  contextsOk: boolean,
  now: Date,
  loader: DocumentLoader,
): Promise<CheckResult> {
  if (!selection.ok) return result('proof', 'failed', selection.code, selection.params);
  const proof = selection.proof;
  const base: Json = { type: proof.type, cryptosuite: proof.cryptosuite, verificationMethod: proof.verificationMethod, proofValue: proof.proofValue, otherProofsIgnored: selection.ignored };
  if (!contextsOk) return result('proof', 'skipped', 'proof.contexts-unknown', {}, base);
  if (!key) return result('proof', 'skipped', 'proof.no-key', {}, base);
  // VC-DI §2.1 `expires`: a proof past its expiry no longer verifies.
  const expires = dateOf(proof['expires']);
  if (proof['expires'] !== undefined && (expires === undefined || expires <= now.getTime())) {
    return result('proof', 'failed', 'proof.expired', { expires: proof['expires'] }, { ...base, expires: proof['expires'] });
  }
  const outcome = (proof.type as string) === ED25519_SIGNATURE_2020 ? await verifyEd25519Signature2020(doc, proof, key.publicKey, loader) : await verifyProof(doc, proof, key.publicKey, loader);
  const signature = typeof proof.proofValue === 'string' ? decodeBase58btc(proof.proofValue) : undefined;
  const work = outcome.work;
  const details: Json = {
    ...base,
    ...(signature ? { signatureHex: bytesToHex(signature) } : {}),
    publicKeyHex: bytesToHex(key.publicKey),
    ...(work
      ? {
          canonicalDocument: work.canonicalDocument,
          canonicalProofConfig: work.canonicalProofConfig,
          documentHashHex: work.documentHashHex,
          proofConfigHashHex: work.proofConfigHashHex,
          hashDataHex: bytesToHex(work.hashData),
        }
      : {}),
  };
  if (outcome.verified) {
    // VC-DI §2.1 `created`: when the proof was made. A date after the key's own expiry (CID
    // §2.2.1 `expires`) means the key signed when it no longer could; a date in the future means
    // the signer's clock, or the date, cannot be trusted. Neither changes the bytes that were signed.
    const created = dateOf(proof['created']);
    const keyExpires = dateOf(key.expires);
    if (created !== undefined && keyExpires !== undefined && created > keyExpires) {
      return result('proof', 'failed', 'proof.after-key-expired', { created: proof['created'], expires: key.expires }, details);
    }
    if (created !== undefined && created > now.getTime() + CLOCK_SKEW_MS) return result('proof', 'warning', 'proof.created-in-future', { created: proof['created'] }, details);
    return result('proof', 'passed', 'proof.valid', {}, details);
  }
  const failure = failureResult(outcome.failure);
  return result('proof', 'failed', failure.code, failure.params, { ...details, failure: outcome.failure });
}
