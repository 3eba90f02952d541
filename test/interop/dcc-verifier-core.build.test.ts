/**
 * A built site verified by the Digital Credentials Consortium's verifier-core, the library behind
 * the DCC's Learner Credential Wallet and VerifierPlus. It brings its own document loader
 * (bundled contexts; did:web and status lists over `fetch`) and fetches the OB 3.0 JSON Schema and
 * issuer registries, so the test replaces the global `fetch`: the site's URLs come from its dist/
 * folder, the schema from the copy committed in test/fixtures/schemas, no registry is named, and
 * any other URL throws. The library reads the clock for expiry, so the clock is fixed to the day
 * after the site was built (its status lists are valid from the build).
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import path from 'node:path';
import { didWebUrl, offlineFetch, siteCredentials, siteStatusLists, tampered, type Json, type OfflineFetch, type SiteCredential } from './offline-site.ts';

type VerifierCore = typeof import('@digitalcredentials/verifier-core');
type Result = Awaited<ReturnType<VerifierCore['verifyCredential']>>;

const site = inject('sites').academy;
const SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const SCHEMA_FILE = path.resolve(import.meta.dirname, '../fixtures/schemas/ob_v3p0_achievementcredential_schema.json');
const DAY = 24 * 60 * 60 * 1000;

let network: OfflineFetch;
let verifier: VerifierCore;
let credentials: SiteCredential[];
let lists: Array<{ file: string; list: Json }>;
let now: number;

beforeAll(async () => {
  network = offlineFetch(site, new Map([[SCHEMA_URL, SCHEMA_FILE]]));
  // Before the library is loaded, in case it keeps a reference to fetch.
  vi.stubGlobal('fetch', network);
  credentials = await siteCredentials(site);
  lists = await siteStatusLists(site);
  now = Math.max(...lists.map(({ list }) => Date.parse(String(list['validFrom'])))) + DAY;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  verifier = await import('@digitalcredentials/verifier-core');
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function verify(credential: Json): Promise<Result> {
  return verifier.verifyCredential({ credential, knownDIDRegistries: [] });
}

/** The log as `step → valid`, the registry step left out (no registry is named in this test). */
function steps(result: Result): Record<string, boolean | undefined> {
  return Object.fromEntries((result.log ?? []).filter((step) => step.id !== 'registered_issuer').map((step) => [step.id, step.valid]));
}

describe("DCC verifier-core verifies the built academy site, offline", () => {
  it('the site has revoked and suspended credentials to check', () => {
    expect(credentials.length).toBeGreaterThanOrEqual(10);
    expect(credentials.some((c) => c.status === 'revoked')).toBe(true);
    expect(credentials.some((c) => c.status === 'suspended')).toBe(true);
  });

  it('verifies every credential: signature, revocation, expiry and the OB 3.0 schema', async () => {
    const outcomes: Json[] = [];
    const expected: Json[] = [];
    for (const { id, credential, status } of credentials) {
      const result = await verify(credential);
      const schema = (result['additionalInformation'] as Array<{ id: string; results?: Array<{ result: { valid: boolean } }> }> | undefined)?.find((entry) => entry.id === 'schema_check');
      outcomes.push({ id, errors: result.errors ?? [], ...steps(result), schema: schema?.results?.every((r) => r.result.valid) });
      const validUntil = credential['validUntil'];
      // The library reads only the first credentialStatus (the revocation entry); a Laurel
      // suspension is announced in the DID document, which it does not look at.
      expected.push({ id, errors: [], valid_signature: true, revocation_status: status !== 'revoked', expiration: typeof validUntil !== 'string' || Date.parse(validUntil) > now, schema: true });
    }
    expect(outcomes).toEqual(expected);
    expect(outcomes.some((o) => o['expiration'] === false)).toBe(true);
    expect(network.refused).toEqual([]);
  });

  it("resolves the issuer's did:web from the site's DID document", () => {
    const did = String((credentials[0]!.credential['issuer'] as Json)['id']);
    expect(network.requested).toContain(didWebUrl(did));
  });

  it('verifies the signature of every status list credential', async () => {
    expect(lists.length).toBeGreaterThanOrEqual(2);
    for (const { file, list } of lists) {
      const result = await verify(list);
      expect({ file, errors: result.errors ?? [], signature: steps(result)['valid_signature'] }).toEqual({ file, errors: [], signature: true });
    }
  });

  it('refuses a tampered copy of a credential', async () => {
    const { credential } = credentials.find((c) => c.status === 'active')!;
    const result = await verify(tampered(credential));
    expect(result.errors?.map((error) => error.name)).toEqual(['invalid_signature']);
  });

  it('never went to the network', () => {
    expect(network.refused).toEqual([]);
  });
});
