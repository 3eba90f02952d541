/**
 * A built site verified by another implementation: Digital Bazaar's `@digitalbazaar/vc` with the
 * `eddsa-rdfc-2022` Data Integrity cryptosuite and their Bitstring Status List library, the
 * libraries most wallets and verifiers are built on. Every credential of the 'academy' fixture
 * site, its status lists and its DID document, offline: JSON-LD contexts come from Laurel's pinned
 * copies (src/core/document-loader.ts), did:web and status lists from the built site's files, and
 * any other fetch throws.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import type { BuiltSite } from '../helpers/fixture-sites.ts';
import { didWebUrl, offlineFetch, readJson, siteCredentials, siteFile, siteStatusLists, tampered, type Json, type OfflineFetch, type SiteCredential } from './offline-site.ts';

const site = inject('sites').academy;
const pinned = createDocumentLoader();
const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
const DAY = 24 * 60 * 60 * 1000;

/** What the loader was asked for that it refused: must stay empty. */
const refused: string[] = [];
const didDocumentReads: string[] = [];

/**
 * The document loader Digital Bazaar's libraries call for contexts, keys and status lists:
 * Laurel's pinned contexts, the site's did:web document (a key by its DID URL is that document's
 * verification method, with the document's contexts: DID Core §7.2 "dereferencing"), and the
 * site's own files. Nothing else.
 */
const documentLoader = loaderFor(site);

function loaderFor(site: BuiltSite) {
  return async (url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> => {
  if (url.startsWith('did:web:')) {
    const [did = '', fragment] = url.split('#');
    const file = siteFile(site, didWebUrl(did));
    if (!file) throw refuse(url);
    didDocumentReads.push(url);
    const document = await readJson(file);
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
    const method = (document['verificationMethod'] as Json[]).find((candidate) => candidate['id'] === url);
    if (!method) throw new Error(`${url} is not in the site's DID document`);
    return { contextUrl: null, documentUrl: url, document: { '@context': document['@context'], ...method } };
  }
  const file = siteFile(site, url);
  if (file) return { contextUrl: null, documentUrl: url, document: await readJson(file) };
  try {
    return await pinned(url);
  } catch {
    throw refuse(url);
  }
  };
}

function refuse(url: string): Error {
  refused.push(url);
  return new Error(`Offline: refused to load ${url}`);
}

/** A moment inside the credential's validity period, so dates are not what is being tested. */
function withinValidity(credential: Json): Date {
  return new Date(Date.parse(String(credential['validFrom'])) + DAY);
}

let network: OfflineFetch;
let credentials: SiteCredential[];

beforeAll(async () => {
  network = offlineFetch(site);
  vi.stubGlobal('fetch', network);
  credentials = await siteCredentials(site);
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe("Digital Bazaar's vc library verifies the built academy site", () => {
  it('the site has revoked and suspended credentials to check', () => {
    expect(credentials.length).toBeGreaterThanOrEqual(10);
    expect(credentials.some((c) => c.status === 'revoked')).toBe(true);
    expect(credentials.some((c) => c.status === 'suspended')).toBe(true);
  });

  it('verifies the signature of every credential, and finds the revoked ones revoked', async () => {
    const outcomes = [];
    for (const { id, credential, status } of credentials) {
      const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus, now: withinValidity(credential) });
      const proofVerified = result.results?.every((proof) => proof['verified'] === true) ?? false;
      const revoked = result.statusResult?.['results'] as Array<{ status?: boolean; credentialStatus?: Json }> | undefined;
      outcomes.push({ id, status, proofVerified, revokedBit: revoked?.find((r) => r.credentialStatus?.['statusPurpose'] === 'revocation')?.status, verified: result.verified });
    }
    // The signature holds for all, and so does each status check (the library verifies the list
    // too). The library leaves the verdict on a set bit to its caller: `verified` stays true and
    // the entry's `status` is true. Only the revoked ones have it set (a suspension is announced
    // in the DID document, not in the credential; see the next test).
    expect(outcomes.filter((o) => !o.proofVerified || !o.verified)).toEqual([]);
    expect(outcomes.filter((o) => o.revokedBit !== (o.status === 'revoked'))).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("reads the suspended ones as suspended in the suspension list the issuer's DID document announces", async () => {
    const didDocument = await readJson(siteFile(site, didWebUrl(String((credentials[0]!.credential['issuer'] as Json)['id'])))!);
    const service = (didDocument['service'] as Json[]).find((entry) => String(entry['id']).endsWith('#suspension-list'));
    expect(service).toBeDefined();
    const suspensionList = String(service!['serviceEndpoint']);
    for (const { id, credential, status } of credentials) {
      const entry = credential['credentialStatus'] as Json;
      // The same index in the suspension list (src/core/verify/status.ts), read by Digital
      // Bazaar's checkStatus, which also verifies the list's own signature.
      const probe = { '@context': credential['@context'], issuer: credential['issuer'], credentialStatus: { ...entry, id: `${suspensionList}#${String(entry['statusListIndex'])}`, statusPurpose: 'suspension', statusListCredential: suspensionList } };
      const result = await checkStatus({ credential: probe, documentLoader, suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true });
      expect({ id, verified: result.verified, suspended: result.results?.[0]?.status }).toEqual({ id, verified: true, suspended: status === 'suspended' });
    }
    expect(refused).toEqual([]);
  });

  it('verifies every status list credential, and decodes its bits', async () => {
    const lists = await siteStatusLists(site);
    expect(lists.length).toBeGreaterThanOrEqual(2);
    for (const { file, list } of lists) {
      const result = await vc.verifyCredential({ credential: list, suite, documentLoader, now: withinValidity(list) });
      expect({ file, verified: result.verified }).toEqual({ file, verified: true });
      const bits = await decodeList({ encodedList: String((list['credentialSubject'] as Json)['encodedList']) });
      // BSL §6.1: at least 131,072 entries, for herd privacy.
      expect(bits.length).toBeGreaterThanOrEqual(131_072);
    }
  });

  it('takes the keys from the DID document, as Multikeys it accepts', async () => {
    expect(didDocumentReads.length).toBeGreaterThan(0);
    const didDocument = await readJson(siteFile(site, didWebUrl(String((credentials[0]!.credential['issuer'] as Json)['id'])))!);
    for (const method of didDocument['verificationMethod'] as Json[]) {
      const key = await Ed25519Multikey.from({ '@context': 'https://w3id.org/security/multikey/v1', ...method });
      expect({ id: key.id, controller: key.controller, publicKeyMultibase: key.publicKeyMultibase }).toEqual({ id: method['id'], controller: didDocument['id'], publicKeyMultibase: method['publicKeyMultibase'] });
      expect(didDocument['assertionMethod']).toContain(method['id']);
    }
  });

  it('refuses a tampered copy of a credential', async () => {
    const { credential } = credentials.find((c) => c.status === 'active')!;
    const result = await vc.verifyCredential({ credential: tampered(credential), suite, documentLoader, checkStatus, now: withinValidity(credential) });
    expect(result.verified).toBe(false);
    expect(result.results?.[0]?.['verified']).toBe(false);
  });

  it('refuses an expired credential once its validUntil has passed', async () => {
    const expired = credentials.find((c) => typeof c.credential['validUntil'] === 'string' && c.status === 'active');
    expect(expired).toBeDefined();
    const after = new Date(Date.parse(String(expired!.credential['validUntil'])) + DAY);
    const result = await vc.verifyCredential({ credential: expired!.credential, suite, documentLoader, checkStatus, now: after });
    expect(result.verified).toBe(false);
    expect(String((result.error as Error | undefined)?.message ?? JSON.stringify(result.error))).toMatch(/after "validUntil"/);
  });

  it('never went to the network', () => {
    expect(network.refused).toEqual([]);
    expect(refused).toEqual([]);
  });
});

describe("Digital Bazaar's vc library verifies an achievement in several languages (the built francais site)", () => {
  const french = inject('sites').francais;
  const loader = loaderFor(french);

  it('verifies every credential, whose Achievement names its other language by related, and the hosted editions', async () => {
    const signed = await siteCredentials(french);
    expect(signed.length).toBeGreaterThan(0);
    for (const { id, credential } of signed) {
      const achievement = (credential['credentialSubject'] as Json)['achievement'] as Json;
      const [related] = achievement['related'] as Json[];
      expect(related?.['type']).toEqual(['Related']);
      const edition = await readJson(siteFile(french, String(related!['id']))!);
      expect(edition['inLanguage']).toBe(related!['inLanguage']);
      expect((edition['related'] as Json[]).map((entry) => entry['id'])).toContain(achievement['id']);
      const result = await vc.verifyCredential({ credential, suite, documentLoader: loader, checkStatus, now: withinValidity(credential) });
      expect(result.verified, `${id}: ${JSON.stringify(result.error ?? result.results)}`).toBe(true);
    }
    expect(refused).toEqual([]);
  });
});
