/**
 * The issuer-key check: CID §3.3 Retrieve Verification Method, then OB 3.0 key provenance
 * (recommended-practices.md): "check that the value of the controller is the id of the issuer".
 * That rule is Open Badges' (`strictController`); for any other Verifiable Credential, VC Data
 * Integrity only asks that the key be the controller's, so a key of someone other than the named
 * issuer is a warning that says plainly the issuer is not confirmed, not a failure of a signature
 * that is valid.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { FetchJson } from '../did.ts';
import { resolveVerificationMethod, type FetchBytes, type ResolvedKey } from '../verification-method.ts';
import { result, type CheckResult } from './check.ts';
import { dateOf, idOf, type Json } from './json-shape.ts';
import type { ProofSelection } from './signature.ts';

function keyDetails(key: ResolvedKey, issuer: string | undefined): Json {
  return {
    verificationMethod: key.verificationMethodId,
    source: key.source,
    ...(key.documentUrl === undefined ? {} : { documentUrl: key.documentUrl }),
    controller: key.controller,
    issuer,
    publicKeyMultibase: key.publicKeyMultibase,
    publicKeyHex: bytesToHex(key.publicKey),
    ...(key.revoked === undefined ? {} : { revoked: key.revoked }),
    ...(key.expires === undefined ? {} : { expires: key.expires }),
    // did:webvh: the key's place in the DID's verified history.
    ...(key.history === undefined ? {} : { history: { ...key.history } }),
    ...(key.historyProblem === undefined ? {} : { historyProblem: key.historyProblem }),
  };
}

export async function checkIssuerKey(
  doc: Json,
  selection: ProofSelection,
  fetchJson: FetchJson,
  now: Date,
  strictController: boolean,
  fetchBytes?: FetchBytes | undefined,
): Promise<{ check: CheckResult; key?: ResolvedKey }> {
  if (!selection.ok) return { check: result('issuer-key', 'skipped', 'issuer-key.no-proof') };
  const vmId = selection.proof.verificationMethod;
  const resolved = await resolveVerificationMethod(vmId, fetchJson, { fetchBytes, now });
  // The problem as data too, for a verifier that says it in its reader's language (../key-problems.ts).
  if (!resolved.ok) return { check: result('issuer-key', 'failed', 'issuer-key.not-found', { reason: resolved.reason, ...(resolved.problem ? { problem: resolved.problem } : {}) }, { verificationMethod: vmId, reason: resolved.reason }) };
  const key = resolved.value;
  const issuer = idOf(doc['issuer']);
  const details = keyDetails(key, issuer);
  const parties = { controller: key.controller, issuer };
  if (key.controller !== issuer) {
    return { key, check: result('issuer-key', strictController ? 'failed' : 'warning', strictController ? 'issuer-key.wrong-controller' : 'issuer-key.other-controller', parties, details) };
  }
  const revoked = dateOf(key.revoked);
  if (key.revoked !== undefined && (revoked === undefined || revoked <= now.getTime())) return { key, check: result('issuer-key', 'failed', 'issuer-key.withdrawn', parties, details) };
  const expires = dateOf(key.expires);
  if (key.expires !== undefined && (expires === undefined || expires <= now.getTime())) {
    return { key, check: result('issuer-key', 'warning', 'issuer-key.expired', { ...parties, expires: key.expires }, details) };
  }
  if (key.source === 'did:key') return { key, check: result('issuer-key', 'passed', 'issuer-key.did-key', parties, details) };
  const where = key.documentUrl ?? key.controller;
  // did:web with a did:webvh alias: a history that does not verify, or that removed the key, is not the issuer's word.
  if (key.historyProblem !== undefined) return { key, check: result('issuer-key', 'warning', 'issuer-key.history-problem', { ...parties, where, reason: key.historyProblem, ...(key.historyProblemData ? { problem: key.historyProblemData } : {}) }, details) };
  const since = key.history === undefined ? {} : { historySince: key.history.added };
  return { key, check: result('issuer-key', 'passed', 'issuer-key.published', { ...parties, where, ...since }, details) };
}
