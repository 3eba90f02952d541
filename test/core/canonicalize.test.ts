/**
 * RDFC-1.0 canonicalization: the fast path (src/core/rdf) against jsonld.js in safe mode, the
 * reference. On every document, generated or hand-picked, canonicalizeRdfc must give jsonld.js
 * `canonize`'s N-Quads byte for byte, or its failure with the same kind; and the fast path must
 * return a dataset only where jsonld.js `toRDF` returns one, and then the very same dataset.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import { canonicalizeRdfc, canonicalizeWithJsonLd, type CanonicalizationResult } from '../../src/core/canonicalize.ts';
import { PINNED_CONTEXTS, createDocumentLoader, type DocumentLoader } from '../../src/core/document-loader.ts';
import { datasetOf } from '../../src/core/rdf/dataset.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { keyPairFromSeed } from '../../src/core/multikey.ts';
import { CREDENTIALS_V2, OB_CONTEXTS, credential, mutatedCredential, type JsonRecord } from './credential-arbitraries.ts';

const loader = createDocumentLoader();
/** Each run of a property calls jsonld.js, some milliseconds each: a busy machine needs time. */
const PROPERTY_TIMEOUT = 240_000;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

interface Outcome {
  readonly fast: boolean;
  readonly reference: CanonicalizationResult;
}

async function referenceDataset(document: object, documentLoader: DocumentLoader): Promise<object[] | undefined> {
  try {
    return (await jsonld.toRDF(document as jsonld.JsonLdDocument, { documentLoader: documentLoader as never, safe: true } as jsonld.Options.ToRdf)) as object[];
  } catch {
    return undefined;
  }
}

/** Both paths on one document, and everything the two must agree on. */
async function expectSameAsJsonLd(document: object, documentLoader: DocumentLoader = loader): Promise<Outcome> {
  const before = structuredClone(document);
  const reference = await canonicalizeWithJsonLd(document, documentLoader);
  const dataset = await datasetOf(document, documentLoader);
  const result = await canonicalizeRdfc(document, documentLoader);
  expect(document, 'no path changes the document').toEqual(before);
  expect(result).toEqual(reference);
  if (dataset) {
    // The same quads in the same order with the same blank node labels: rdf-canonize then
    // succeeds, or gives up (too many deep iterations), exactly as it does under jsonld.js.
    expect(dataset, 'the fast path returns a dataset only where jsonld.js does, and the same one').toEqual(await referenceDataset(document, documentLoader));
    if (reference.ok) expect(await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' })).toBe(reference.nquads);
  }
  return { fast: dataset !== undefined, reference };
}

function failureKind(outcome: Outcome): string | undefined {
  return outcome.reference.ok ? undefined : outcome.reference.failure.kind;
}

const proofOptions = fc.record(
  {
    type: fc.constant('DataIntegrityProof'),
    cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019'),
    created: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    expires: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
    verificationMethod: fc.oneof(fc.webUrl({ withFragments: true }), fc.constant('did:web:credentials.example#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi')),
    proofPurpose: fc.constantFrom('assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'),
    challenge: fc.string(),
    domain: fc.oneof(fc.string(), fc.array(fc.webUrl(), { maxLength: 2 })),
    nonce: fc.string(),
  },
  { requiredKeys: ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose'] },
);

describe('canonicalizeRdfc agrees with jsonld.js canonize', () => {
  it('on generated Open Badges credentials, all of which take the fast path', async () => {
    await fc.assert(
      fc.asyncProperty(credential, async (document) => {
        const outcome = await expectSameAsJsonLd(document);
        expect(outcome.fast).toBe(true);
        // Many equal values in one list make blank nodes RDFC-1.0 can only tell apart by deep
        // iterations, and rdf-canonize's default work factor stops it: a refusal both paths share.
        if (!outcome.reference.ok) expect(outcome.reference.failure.message).toMatch(/^Maximum deep iterations exceeded/);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);

  it('on generated proof configurations (vc-di-eddsa §3.2.4), with the credential contexts', async () => {
    await fc.assert(
      fc.asyncProperty(proofOptions, fc.constantFrom(...OB_CONTEXTS), async (options, ob) => {
        const outcome = await expectSameAsJsonLd({ ...options, '@context': [CREDENTIALS_V2, ob] });
        expect(outcome.fast).toBe(outcome.reference.ok);
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT);

  it('on mutated credentials: the same N-Quads, or the same failure, and both paths are taken', async () => {
    const seen = { fast: 0, fallback: 0, failures: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(mutatedCredential, async ({ document }) => {
        const outcome = await expectSameAsJsonLd(document);
        if (outcome.fast) seen.fast += 1;
        else seen.fallback += 1;
        const kind = failureKind(outcome);
        if (kind) seen.failures.add(kind);
      }),
      { numRuns: 400 },
    );
    expect(seen.fast).toBeGreaterThan(0);
    expect(seen.fallback).toBeGreaterThan(0);
    expect([...seen.failures].sort()).toEqual(['invalid-json-ld', 'undefined-term', 'unknown-context']);
  }, PROPERTY_TIMEOUT);
});

describe('hand-picked documents', () => {
  const base = (): JsonRecord => ({
    '@context': [CREDENTIALS_V2, OB_CONTEXTS[0]],
    id: 'urn:uuid:7d8d4f44-0b5b-4b55-b2d6-0b2f0d5b7a11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:web:credentials.example', type: ['Profile'], name: 'Example School' },
    validFrom: '2024-05-20T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'https://credentials.example/achievements/a.json', type: ['Achievement'], name: 'A', description: 'B', criteria: { narrative: 'C' } },
    },
  });

  it('takes the fast path for a plain credential', async () => {
    expect(await expectSameAsJsonLd(base())).toMatchObject({ fast: true, reference: { ok: true } });
  });

  it('refuses an undefined term at the top level, and nested in a type-scoped node', async () => {
    const top = await expectSameAsJsonLd({ ...base(), favouriteColour: 'blue' });
    expect({ fast: top.fast, kind: failureKind(top) }).toEqual({ fast: false, kind: 'undefined-term' });
    const document = base();
    ((document['credentialSubject'] as JsonRecord)['achievement'] as JsonRecord)['favouriteColour'] = 'blue';
    const nested = await expectSameAsJsonLd(document);
    expect({ fast: nested.fast, kind: failureKind(nested) }).toEqual({ fast: false, kind: 'undefined-term' });
  });

  it('refuses a term that only the context of another type defines', async () => {
    // `achievementType` is in the Achievement type-scoped context, not in AchievementSubject's.
    const document = base();
    (document['credentialSubject'] as JsonRecord)['achievementType'] = 'Badge';
    const outcome = await expectSameAsJsonLd(document);
    expect({ fast: outcome.fast, kind: failureKind(outcome) }).toEqual({ fast: false, kind: 'undefined-term' });
  });

  it('refuses an unknown @context URL, naming it', async () => {
    const outcome = await expectSameAsJsonLd({ ...base(), '@context': [CREDENTIALS_V2, 'https://example.org/unknown.jsonld'] });
    expect(outcome.fast).toBe(false);
    expect(outcome.reference).toMatchObject({ ok: false, failure: { kind: 'unknown-context', url: 'https://example.org/unknown.jsonld' } });
  });

  it('refuses a relative @id and a relative @type', async () => {
    const relativeId = await expectSameAsJsonLd({ ...base(), id: 'credentials/42' });
    const relativeType = await expectSameAsJsonLd({ ...base(), type: ['VerifiableCredential', 'NoSuchCredential'] });
    expect([failureKind(relativeId), failureKind(relativeType)]).toEqual(['undefined-term', 'undefined-term']);
  });

  it('follows a tampered context, by content and not by URL', async () => {
    // The same URL, served with another IRI for a type: each loader gets its own N-Quads.
    const ob = structuredClone(PINNED_CONTEXTS.get(OB_CONTEXTS[0])) as { '@context': Record<string, { '@id': string }> };
    ob['@context']['OpenBadgeCredential']!['@id'] = 'https://example.org/TamperedCredential';
    const tampered = createDocumentLoader(new Map([...PINNED_CONTEXTS, [OB_CONTEXTS[0], ob]]));
    const document = base();
    const honest = await expectSameAsJsonLd(document);
    const changed = await expectSameAsJsonLd(document, tampered);
    const again = await expectSameAsJsonLd(document);
    expect([honest.fast, changed.fast, again.fast]).toEqual([true, true, true]);
    expect(changed.reference.ok && changed.reference.nquads).toContain('<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/TamperedCredential>');
    expect(again.reference).toEqual(honest.reference);
    expect(changed.reference).not.toEqual(honest.reference);
  });

  it('refuses an embedded context that redefines a protected term, and accepts one that adds a term', async () => {
    const redefined = await expectSameAsJsonLd({ ...base(), '@context': [CREDENTIALS_V2, OB_CONTEXTS[0], { name: 'https://example.org/name' }], name: 'x' });
    expect({ fast: redefined.fast, kind: failureKind(redefined) }).toEqual({ fast: false, kind: 'invalid-json-ld' });
    const added = await expectSameAsJsonLd({ ...base(), '@context': [CREDENTIALS_V2, OB_CONTEXTS[0], { colour: 'https://example.org/colour' }], colour: 'blue' });
    expect(added).toMatchObject({ fast: true, reference: { ok: true } });
  });

  it('gives JSON-LD outside the fast path (a proof graph, a JSON literal, a language value) to jsonld.js', async () => {
    const withProof = { ...base(), proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2024-01-01T00:00:00Z', verificationMethod: 'did:web:credentials.example#key', proofPurpose: 'assertionMethod', proofValue: 'z5x9' } };
    const withJson = { ...base(), type: ['VerifiableCredential', 'JsonSchemaCredential'], credentialSubject: { id: 'https://example.org/schema', type: 'JsonSchema', jsonSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' } } };
    const withLanguage = { ...base(), name: { '@value': 'Insigne', '@language': 'fr' } };
    for (const document of [withProof, withJson, withLanguage]) expect(await expectSameAsJsonLd(document)).toMatchObject({ fast: false, reference: { ok: true } });
  });

  it('reads contexts that a loader hands out as new copies every time', async () => {
    const copying: DocumentLoader = async (url) => structuredClone(await loader(url));
    expect(await expectSameAsJsonLd(base(), copying)).toMatchObject({ fast: true, reference: { ok: true } });
  });

  it('keeps values that differ in JSON but not in RDF as jsonld.js does, and merges nodes with one id', async () => {
    const document = base();
    const achievement = (document['credentialSubject'] as JsonRecord)['achievement'] as JsonRecord;
    achievement['creditsAvailable'] = [1, '1', 1, 2.5, 1e21];
    achievement['tag'] = ['x', 'x', 'y'];
    achievement['creator'] = { id: 'did:web:credentials.example', type: 'Profile', name: 'Example School', url: 'https://credentials.example/' };
    const outcome = await expectSameAsJsonLd(document);
    expect(outcome).toMatchObject({ fast: true, reference: { ok: true } });
    const nquads = outcome.reference.ok ? outcome.reference.nquads : '';
    expect(nquads.match(/ "1"\^\^<https:\/\/www.w3.org\/2001\/XMLSchema#float> \./g)).toHaveLength(2);
    expect(nquads.match(/"x" \./g)).toHaveLength(1);
  });
});

/** Every JSON file under a directory, with the path below it. */
function jsonFiles(directory: string): Array<[string, JsonRecord]> {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(directory, file), JSON.parse(readFileSync(file, 'utf8')) as JsonRecord] as [string, JsonRecord];
    });
}

function withoutProof(document: JsonRecord): JsonRecord {
  const { proof: _proof, ...unsecured } = document;
  return unsecured;
}

describe('real documents', () => {
  it("1EdTech's OB 3.0 validator credentials and their proof configurations", async () => {
    const outcomes: Array<[string, boolean, string | undefined]> = [];
    for (const [file, document] of jsonFiles(path.join(FIXTURES, 'interop/1edtech'))) {
      const unsecured = withoutProof(document);
      const outcome = await expectSameAsJsonLd(unsecured);
      outcomes.push([file, outcome.fast, failureKind(outcome)]);
      for (const proof of [document['proof'] ?? []].flat() as JsonRecord[]) {
        const { proofValue: _value, ...options } = proof;
        await expectSameAsJsonLd({ ...options, '@context': unsecured['@context'] ?? null });
      }
    }
    // The credentials Laurel's contexts define all take the fast path.
    expect(outcomes.filter(([, fast, kind]) => !fast && kind === undefined)).toEqual([]);
  });

  it('the W3C and 1EdTech test vectors', async () => {
    for (const [file, vector] of jsonFiles(path.join(FIXTURES, 'vectors'))) {
      const unsigned = vector['unsigned'] as JsonRecord | undefined;
      if (!unsigned || (vector['proofOptions'] as JsonRecord)['cryptosuite'] !== 'eddsa-rdfc-2022') continue;
      const names = [unsigned['@context']].flat() as string[];
      const outcome = await expectSameAsJsonLd(unsigned);
      // The employment vector names a context Laurel does not pin.
      expect({ file, fast: outcome.fast }).toEqual({ file, fast: names.every((url) => PINNED_CONTEXTS.has(url)) });
    }
  });

  it('every document a build of the academy fixture site signs', async () => {
    const files = await readContentFiles(path.join(FIXTURES, 'sites/academy'));
    const checked = validateContent(files);
    if (!checked.ok) throw new Error('the academy fixture has content errors');
    const pair = keyPairFromSeed(new Uint8Array(32).fill(9));
    const identity = { secretKey: pair.secretKey, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: true };
    const site = await buildSignedSite(checked.content, { identity, keys: [], cache: memoryProofCache() });
    const signed = [...site.awards.map((award) => award.credential), ...site.statusLists.values()] as JsonRecord[];
    expect(signed.length).toBeGreaterThan(10);
    for (const document of signed) {
      for (const proof of [document['proof'] ?? []].flat() as JsonRecord[]) {
        const { proofValue: _value, ...options } = proof;
        expect(await expectSameAsJsonLd({ ...options, '@context': document['@context'] ?? null })).toMatchObject({ reference: { ok: true } });
      }
      expect(await expectSameAsJsonLd(withoutProof(document))).toMatchObject({ fast: true, reference: { ok: true } });
    }
  });

  it('jsonld.js gives the reference what canonize gives directly', async () => {
    const document = withoutProof(jsonFiles(path.join(FIXTURES, 'interop/1edtech')).find(([file]) => file === 'simple.json')![1]);
    const direct = await jsonld.canonize(document as jsonld.JsonLdDocument, { algorithm: 'RDFC-1.0', documentLoader: loader as never, safe: true } as unknown as jsonld.Options.Normalize);
    expect(await canonicalizeRdfc(document, loader)).toEqual({ ok: true, nquads: direct });
  });
});
