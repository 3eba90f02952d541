/**
 * A small signed site for the verifier tests: the issuer's did.json, OB 3.0 credentials and signed
 * status lists, all signed with the key of the 1EdTech OB 3.0 test vector (test/fixtures/vectors/
 * ob3-eddsa-rdfc-2022-vector.json), served from memory by an in-memory `fetchJson`.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import { buildDidDocument } from '../../src/core/did.ts';
import { identityHash } from '../../src/core/identity-hash.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { createProof, type DataIntegrityProof } from '../../src/core/proof.ts';
import { buildStatusListCredential, createBitstring, encodeStatusList, setBit } from '../../src/core/status-list.ts';
import type { FetchJson } from '../../src/core/did.ts';
import ob3Vector from '../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json' with { type: 'json' };

export type Json = Record<string, unknown>;

export const loader = createDocumentLoader();
export const key = keyPairFromSecretKey(hexToBytes(ob3Vector.secretKeySeedHex));
/** A second key, for "signed by someone else". */
export const otherKey = keyPairFromSecretKey(new Uint8Array(32).fill(7));

export const SITE = 'https://badges.example.org/academy/';
export const DID = 'did:web:badges.example.org:academy';
export const DID_URL = `${SITE}did.json`;
export const VERIFICATION_METHOD = `${DID}#${key.publicKeyMultibase}`;
export const REVOCATION_LIST = `${SITE}status/revocation.json`;
export const SUSPENSION_LIST = `${SITE}status/suspension.json`;
export const EMAIL = 'ada@example.org';
export const SALT = 'k9Xq2v';
export const REVOKED_INDEX = 94567;
export const SUSPENDED_INDEX = 1234;
export const NOW = new Date('2026-03-01T12:00:00Z');

export function unsignedCredential(slug: string, extra: Json = {}): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `${SITE}credentials/${slug}.json`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Data Stewardship',
    issuer: { id: DID, type: ['Profile'], name: 'Example Academy', url: SITE },
    validFrom: '2025-06-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: SALT, identityHash: identityHash(EMAIL, SALT) }],
      achievement: {
        id: `${SITE}achievements/data-stewardship`,
        type: ['Achievement'],
        name: 'Data Stewardship',
        description: 'Looks after research data across its life.',
        criteria: { narrative: 'Completed the course and the assessed project.' },
      },
    },
    credentialStatus: statusEntry('revocation', 17),
    ...extra,
  };
}

export function statusEntry(purpose: 'revocation' | 'suspension', index: number): Json {
  const list = purpose === 'revocation' ? REVOCATION_LIST : SUSPENSION_LIST;
  return { id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: list };
}

export interface SignOptions {
  secretKey?: Uint8Array;
  verificationMethod?: string;
  cryptosuite?: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
}

export async function sign(document: Json, options: SignOptions = {}): Promise<Json> {
  const result = await createProof(
    document,
    {
      type: 'DataIntegrityProof',
      cryptosuite: options.cryptosuite ?? 'eddsa-rdfc-2022',
      created: '2025-06-01T00:00:00Z',
      verificationMethod: options.verificationMethod ?? VERIFICATION_METHOD,
      proofPurpose: 'assertionMethod',
    },
    options.secretKey ?? key.secretKey,
    loader,
  );
  if (!result.ok) throw new Error(`signing failed: ${JSON.stringify(result.failure)}`);
  return { ...document, proof: result.proof satisfies DataIntegrityProof };
}

export async function statusList(url: string, purpose: 'revocation' | 'suspension', setIndices: number[], entries?: number): Promise<Json> {
  let bits = createBitstring(entries);
  for (const index of setIndices) bits = setBit(bits, index);
  return sign(buildStatusListCredential({ id: url, issuer: DID, validFrom: '2025-01-01T00:00:00Z', statusPurpose: purpose, encodedList: encodeStatusList(bits) }));
}

/** URL → JSON document: what the hosted site serves. */
export async function buildSite(): Promise<Map<string, unknown>> {
  return new Map<string, unknown>([
    [DID_URL, buildDidDocument(DID, [key.publicKeyMultibase])],
    [REVOCATION_LIST, await statusList(REVOCATION_LIST, 'revocation', [REVOKED_INDEX])],
    [SUSPENSION_LIST, await statusList(SUSPENSION_LIST, 'suspension', [SUSPENDED_INDEX])],
  ]);
}

/** An in-memory fetcher that records every URL asked for. */
export function memoryFetch(site: ReadonlyMap<string, unknown>): FetchJson & { calls: string[] } {
  const calls: string[] = [];
  const fetchJson = async (url: string) => {
    calls.push(url);
    const json = site.get(url);
    return json === undefined ? { ok: false as const, reason: `404 Not Found: ${url}` } : { ok: true as const, json: structuredClone(json) };
  };
  return Object.assign(fetchJson, { calls });
}
