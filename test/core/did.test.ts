/**
 * did:web ⇄ URL (did-method-web §3.2 Read examples), did:key expansion (did-key-spec), and CID 1.0
 * §3.3 "Retrieve Verification Method" checks, each refused case named.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsonld from 'jsonld';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import {
  buildDidDocument,
  didWebForSiteUrl,
  didWebSiteUrl,
  didWebToUrl,
  expandDidKey,
  extractVerificationMethod,
  isIpAddress,
  type FetchJson,
} from '../../src/core/did.ts';
import { resolveVerificationMethod } from '../../src/core/verification-method.ts';
import { decodePublicKeyMultibase } from '../../src/core/multikey.ts';
import { createDocumentLoader, PINNED_CONTEXTS } from '../../src/core/document-loader.ts';
import rdfcVector from '../fixtures/vectors/eddsa-rdfc-2022-vector.json' with { type: 'json' };

const KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const OTHER = rdfcVector.publicKeyMultibase;
const ok = <T>(value: T) => ({ ok: true, value });

describe('did:web', () => {
  it('maps DIDs to did.json URLs as did-method-web §3.2 shows', () => {
    expect(didWebToUrl('did:web:w3c-ccg.github.io')).toEqual(ok('https://w3c-ccg.github.io/.well-known/did.json'));
    expect(didWebToUrl('did:web:w3c-ccg.github.io:user:alice')).toEqual(ok('https://w3c-ccg.github.io/user/alice/did.json'));
    expect(didWebToUrl('did:web:example.com%3A3000:user:alice')).toEqual(ok('https://example.com:3000/user/alice/did.json'));
  });

  it('maps a site URL to its DID and back', () => {
    expect(didWebForSiteUrl('https://org.github.io/repo/')).toEqual(ok('did:web:org.github.io:repo'));
    expect(didWebForSiteUrl('https://org.github.io/repo')).toEqual(ok('did:web:org.github.io:repo'));
    expect(didWebForSiteUrl('https://badges.example.org/')).toEqual(ok('did:web:badges.example.org'));
    expect(didWebForSiteUrl('https://badges.example.org:8443/a/b/')).toEqual(ok('did:web:badges.example.org%3A8443:a:b'));
    expect(didWebSiteUrl('did:web:org.github.io:repo')).toEqual(ok('https://org.github.io/repo/'));
    expect(didWebSiteUrl('did:web:badges.example.org')).toEqual(ok('https://badges.example.org/'));
    expect(didWebSiteUrl('did:web:example.com%3A3000')).toEqual(ok('https://example.com:3000/'));
  });

  it('round-trips generated site URLs', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 3 }), fc.array(label, { maxLength: 3 }), (host, path) => {
        const site = `https://${host.join('.')}/${path.map((segment) => `${segment}/`).join('')}`;
        const did = didWebForSiteUrl(site);
        return did.ok && JSON.stringify(didWebSiteUrl(did.value)) === JSON.stringify(ok(site));
      }),
    );
  });

  it('refuses what is not a did:web over a domain name', () => {
    for (const bad of ['did:key:z6Mk', 'did:web:', 'did:web:127.0.0.1', 'did:web:localhost', 'did:web:example.com:..:etc', 'did:web:example.com/x', 'did:web:exa mple.com', 'did:web:example.com::a']) {
      expect(didWebToUrl(bad).ok, bad).toBe(false);
    }
    for (const bad of ['http://example.com/', 'not a url', 'https://example.com/?q=1', 'https://127.0.0.1/']) {
      expect(didWebForSiteUrl(bad).ok, bad).toBe(false);
    }
  });

  it('refuses an IP address in every notation a URL parser reads, not only dotted decimal', () => {
    // Each of these is 127.0.0.1 (or another internal address) once a URL parser has read it.
    for (const host of ['0x7f.1', '0177.0.0.1', '2130706433', '127.1', '0x7f000001', '127.0.0.1%3A8080', '0x7f.0.0.1', '10.0.0.1', '169.254.169.254', '0251.0376.0251.0376']) {
      expect(didWebToUrl(`did:web:${host}`), host).toMatchObject({ ok: false, reason: expect.stringContaining('is not a domain name') });
    }
    expect(isIpAddress('0x7f.1')).toBe(true);
    expect(isIpAddress('[::1]')).toBe(true);
    expect(isIpAddress('badges.example.org')).toBe(false);
    // Names that merely contain digits are domain names.
    for (const host of ['0x7f.example', '127-0-0-1.example.org', 'a1.b2.example']) expect(didWebToUrl(`did:web:${host}`).ok, host).toBe(true);
  });
});

describe('buildDidDocument', () => {
  it('lists every key as an absolute Multikey assertion method controlled by the DID', () => {
    const did = 'did:web:org.github.io:repo';
    expect(buildDidDocument(did, [KEY, OTHER, KEY])).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: `${did}#${KEY}`, type: 'Multikey', controller: did, publicKeyMultibase: KEY },
        { id: `${did}#${OTHER}`, type: 'Multikey', controller: did, publicKeyMultibase: OTHER },
      ],
      assertionMethod: [`${did}#${KEY}`, `${did}#${OTHER}`],
    });
  });
});

describe('the DID document as JSON-LD', () => {
  // The pinned credential contexts plus the DID and Multikey contexts (published by their
  // editors as npm packages), and nothing fetched: a strict verifier's view of did.json.
  const loader = createDocumentLoader(
    new Map<string, object>([...PINNED_CONTEXTS, ...didContext.contexts, ...multikeyContext.contexts]),
  );
  const documentLoader = async (url: string) => ({ ...(await loader(url)), documentUrl: url });
  const did = 'did:web:org.github.io:repo';
  const services = [
    { id: `${did}#suspension-list`, type: 'BitstringStatusListCredential', serviceEndpoint: 'https://org.github.io/repo/status/suspension.json' },
    { id: `${did}#issuer-profile`, type: 'OpenBadgesProfile', serviceEndpoint: 'https://org.github.io/repo/issuer.json' },
  ] as const;

  it('expands in safe mode, its service types as absolute IRIs', async () => {
    const document = buildDidDocument(did, [KEY], [...services]);
    const [expanded] = (await jsonld.expand(structuredClone(document) as never, { safe: true, documentLoader } as never)) as unknown as Array<Record<string, unknown>>;
    const expandedServices = expanded!['https://www.w3.org/ns/did#service'] as Array<Record<string, unknown>>;
    expect(expandedServices.map((service) => service['@type'])).toEqual([
      ['https://www.w3.org/ns/credentials/status#BitstringStatusListCredential'],
      ['https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile'],
    ]);
    // Readers match the compact types, which stay as they were.
    expect(document.service!.map((service) => service.type)).toEqual(['BitstringStatusListCredential', 'OpenBadgesProfile']);
  });

  it('would be refused without the service type definitions (the defect this guards against)', async () => {
    const bare = { ...buildDidDocument(did, [KEY]), service: [...services] };
    await expect(jsonld.expand(structuredClone(bare) as never, { safe: true, documentLoader } as never)).rejects.toThrow();
  });

  it('adds no context when there are no services', () => {
    expect(buildDidDocument(did, [KEY])['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
  });
});

describe('did:key', () => {
  it('expands an Ed25519 did:key to its document and key', () => {
    const did = `did:key:${OTHER}`;
    const result = expandDidKey(did);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.publicKey).toEqual(decodePublicKeyMultibase(OTHER));
    expect(result.value.document['assertionMethod']).toEqual([`${did}#${OTHER}`]);
  });

  it('refuses other key types', () => {
    expect(expandDidKey('did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169').ok).toBe(false); // P-256
    expect(expandDidKey('did:key:nonsense').ok).toBe(false);
  });
});

describe('extractVerificationMethod (CID §3.3)', () => {
  const did = 'did:web:badges.example.org';
  const vm = `${did}#${KEY}`;
  const document = () => structuredClone(buildDidDocument(did, [KEY])) as unknown as Record<string, unknown>;

  it('returns the key of a conforming document', () => {
    const result = extractVerificationMethod(document(), vm);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.controller).toBe(did);
    expect(result.value.publicKeyMultibase).toBe(KEY);
  });

  const cases: Array<[string, (doc: Record<string, unknown>) => void, RegExp]> = [
    ['document id differs', (doc) => (doc['id'] = 'did:web:evil.example'), /says it is/],
    ['method missing', (doc) => (doc['verificationMethod'] = []), /no verification method/],
    ['relative method id', (doc) => ((doc['verificationMethod'] as Array<Record<string, unknown>>)[0]!['id'] = `#${KEY}`), /no verification method/],
    ['controller differs', (doc) => ((doc['verificationMethod'] as Array<Record<string, unknown>>)[0]!['controller'] = 'did:web:evil.example'), /controller/],
    ['not an assertion method', (doc) => (doc['assertionMethod'] = []), /assertionMethod/],
    ['not a Multikey', (doc) => ((doc['verificationMethod'] as Array<Record<string, unknown>>)[0]!['type'] = 'JsonWebKey'), /not a Multikey/],
    ['not an Ed25519 key', (doc) => ((doc['verificationMethod'] as Array<Record<string, unknown>>)[0]!['publicKeyMultibase'] = 'zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169'), /Ed25519/],
  ];
  it.each(cases)('refuses a document where the %s', (_name, mutate, reason) => {
    const doc = document();
    mutate(doc);
    const result = extractVerificationMethod(doc, vm);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses non-objects and ids without a fragment, without throwing', () => {
    for (const bad of [null, 'text', 42, [], { id: did }]) expect(extractVerificationMethod(bad, vm).ok).toBe(false);
    expect(extractVerificationMethod(document(), did).ok).toBe(false);
  });
});

describe('resolveVerificationMethod', () => {
  const fetchFrom = (documents: Record<string, unknown>): FetchJson & { calls: string[] } => {
    const calls: string[] = [];
    const fetchJson: FetchJson = async (url) => {
      calls.push(url);
      return url in documents ? { ok: true, json: documents[url] } : { ok: false, reason: '404' };
    };
    return Object.assign(fetchJson, { calls });
  };

  it('decodes did:key locally, with or without a fragment', async () => {
    const fetchJson = fetchFrom({});
    for (const vm of [`did:key:${OTHER}#${OTHER}`, `did:key:${OTHER}`]) {
      const result = await resolveVerificationMethod(vm, fetchJson);
      if (!result.ok) throw new Error(result.reason);
      expect(result.value.source).toBe('did:key');
      expect(result.value.controller).toBe(`did:key:${OTHER}`);
    }
    expect(fetchJson.calls).toEqual([]);
  });

  it('fetches did.json for did:web', async () => {
    const did = 'did:web:org.github.io:repo';
    const fetchJson = fetchFrom({ 'https://org.github.io/repo/did.json': buildDidDocument(did, [KEY]) });
    const result = await resolveVerificationMethod(`${did}#${KEY}`, fetchJson);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value).toMatchObject({ source: 'did:web', documentUrl: 'https://org.github.io/repo/did.json', controller: did });
    const missing = await resolveVerificationMethod(`${did}#${OTHER}`, fetchJson);
    expect(missing.ok).toBe(false);
  });

  it('reads a plain HTTPS controlled identifier document', async () => {
    const id = 'https://badges.example.org/issuer.json';
    const fetchJson = fetchFrom({
      [id]: { id, verificationMethod: [{ id: `${id}#key-1`, type: 'Multikey', controller: id, publicKeyMultibase: KEY }], assertionMethod: [`${id}#key-1`] },
    });
    const result = await resolveVerificationMethod(`${id}#key-1`, fetchJson);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value).toMatchObject({ source: 'controlled-identifier-document', controller: id });
  });

  it('reads a standalone Multikey document', async () => {
    const id = 'https://badges.example.org/keys/1';
    const fetchJson = fetchFrom({ [id]: { id, type: 'Multikey', controller: 'https://badges.example.org/issuer', publicKeyMultibase: KEY } });
    const result = await resolveVerificationMethod(id, fetchJson);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value).toMatchObject({ source: 'multikey-document', controller: 'https://badges.example.org/issuer' });
  });

  it('never takes the key from <url>#<multikey> alone: the document at the URL must publish it', async () => {
    const issuer = 'https://example.edu/issuers/565049';
    const vm = `${issuer}#${KEY}`;
    // Nothing at the URL, a profile that lists no keys, a document that lists others: all refused.
    const unreachable = await resolveVerificationMethod(vm, fetchFrom({}));
    expect(unreachable).toMatchObject({ ok: false, reason: expect.stringContaining(`Could not fetch the key document ${issuer}`) });
    const profileOnly = await resolveVerificationMethod(vm, fetchFrom({ [issuer]: { id: issuer, type: ['Profile'] } }));
    expect(profileOnly).toMatchObject({ ok: false, reason: expect.stringContaining(`no verification method with the id ${vm}`) });
    const disowned = await resolveVerificationMethod(vm, fetchFrom({ [issuer]: { id: issuer, verificationMethod: [], assertionMethod: [] } }));
    expect(disowned.ok).toBe(false);
    const notAssertion = await resolveVerificationMethod(vm, fetchFrom({ [issuer]: { id: issuer, verificationMethod: [{ id: vm, type: 'Multikey', controller: issuer, publicKeyMultibase: KEY }] } }));
    expect(notAssertion).toMatchObject({ ok: false, reason: expect.stringContaining('not listed under assertionMethod') });
    // An issuer profile that is also a controlled identifier document publishes it.
    const listed = await resolveVerificationMethod(vm, fetchFrom({ [issuer]: { id: issuer, type: ['Profile'], verificationMethod: [{ id: vm, type: 'Multikey', controller: issuer, publicKeyMultibase: KEY }], assertionMethod: [vm] } }));
    if (!listed.ok) throw new Error(listed.reason);
    expect(listed.value).toMatchObject({ source: 'controlled-identifier-document', controller: issuer, documentUrl: issuer, publicKeyMultibase: KEY });
  });

  it('returns failures, never throws, for hostile input', async () => {
    const throwing: FetchJson = async () => {
      throw new Error('network down');
    };
    for (const bad of [undefined, 42, '', 'did:example:123#k', 'http://example.com/key#k', 'not a url', 'https://example.com/k#nokey']) {
      const result = await resolveVerificationMethod(bad, throwing);
      expect(result.ok).toBe(false);
    }
  });
});
