/**
 * What the build signs, its own verifier reads: a credential, an achievement or a status list
 * over the verifier's limits (src/core/limits.ts) is an error in the file it comes from, naming
 * the field that makes it large and never a stack.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { formatError, LaurelErrors, type LaurelError } from '../../src/core/error.ts';
import { MAX_DEPTH, MAX_INPUT_BYTES, MAX_NODES } from '../../src/core/limits.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { parseDocument } from '../../src/core/verify/input.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite } from '../../src/issue/signed-site.ts';
import { credentialText, jsonText } from '../../src/issue/json-text.ts';
import { assertWithinVerifierLimits, documentsOverVerifierLimits, largestPart, verifierRefusal } from '../../src/issue/verifier-limits.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const pair = keyPairFromSecretKey(seed);
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const keys = [{ type: 'Multikey' as const, publicKeyMultibase: pair.publicKeyMultibase, created: identity.created, status: 'current' as const, file: 'keys/test.json' }];

function minimalContent(): SiteContent {
  const result = validateContent(toContentFiles(fixtureTree()));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

/** The minimal content with its one award changed: past content validation, as a hostile file could be. */
function withAward(change: (award: SiteContent['awards'][number]) => SiteContent['awards'][number]): SiteContent {
  const content = minimalContent();
  return { ...content, awards: content.awards.map(change) };
}

const sign = (content: SiteContent) => buildSignedSite(content, { identity, keys, cache: memoryProofCache() });

/** The errors signing refuses the content with, before it signs anything. */
async function refusal(content: SiteContent): Promise<readonly LaurelError[]> {
  let signed = 0;
  const error = await buildSignedSite(content, { identity, keys, cache: memoryProofCache(), signMany: async (jobs) => ((signed += jobs.length), []) }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(signed, 'documents signed').toBe(0);
  if (!LaurelErrors.is(error)) throw new Error(`not refused: ${String(error)}`);
  return error.errors;
}

describe('signed documents and the verifier limits', () => {
  it('accepts a site whose every document its verifier reads', async () => {
    const site = await sign(minimalContent());
    expect(documentsOverVerifierLimits(site)).toEqual([]);
    for (const award of site.awards) expect(parseDocument(award.json).ok).toBe(true);
  });

  it('refuses a credential larger than a verifier reads, naming the award file and the field', async () => {
    const narrative = 'A very long narrative. '.repeat(Math.ceil((MAX_INPUT_BYTES + 1) / 23));
    const errors = await refusal(withAward((award) => ({ ...award, narrative })));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'over-verifier-limit', file: 'content/awards/teamwork-ada.yaml', line: 1, field: 'narrative' });
    const text = formatError(errors[0]!);
    expect(text).toContain('The signed credential of award 00000000-0000-4000-8000-000000000001 would be 1.0 MB');
    expect(text).toContain('larger than 1 MB');
    expect(text).toContain('Most of it is its narrative');
    expect(text).toContain(`expected: a signed document within the limits every verifier holds it to: at most 1 MB of JSON, ${MAX_DEPTH} levels of nesting and ${MAX_NODES.toLocaleString('en')} values`);
  });

  it('refuses a credential with more values than a verifier reads, though small in bytes', async () => {
    const results = Array.from({ length: MAX_NODES / 4 }, () => ({ resultDescription: undefined, value: '1', status: undefined, achievedLevel: undefined }));
    const errors = await refusal(withAward((award) => ({ ...award, results: results as unknown as typeof award.results })));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'over-verifier-limit', file: 'content/awards/teamwork-ada.yaml', field: 'results' });
    expect(errors[0]!.message).toMatch(/more than 100000 values|larger than 1 MB/);
  });

  it('names an achievement too large for its credentials once, in the achievement file', async () => {
    const content = minimalContent();
    const [slug, record] = [...content.achievements][0]!;
    const description = 'x'.repeat(MAX_INPUT_BYTES);
    const big: SiteContent = { ...content, achievements: new Map([[slug, { ...record, data: { ...record.data, description } }]]) };
    const errors = await refusal(big);
    expect(errors.map((error) => [error.code, error.file, error.field])).toEqual([['over-verifier-limit', record.file, 'description']]);
  });

  it('checks the signed site in the bytes it serves: a DID document of too many keys is an error in keys/', async () => {
    const site = await sign(minimalContent());
    const retired = Array.from({ length: 6000 }, (_, index) => ({ ...keys[0]!, publicKeyMultibase: `z6Mk${String(index).padStart(44, 'x')}`, status: 'retired' as const, file: `keys/${index}.json` }));
    const crowded = await buildSignedSite(minimalContent(), { identity, keys: [...keys, ...retired], cache: memoryProofCache() });
    expect(documentsOverVerifierLimits(site)).toEqual([]);
    const errors = documentsOverVerifierLimits(crowded);
    expect(errors.map((error) => [error.code, error.file])).toEqual([['over-verifier-limit', 'keys']]);
    expect(errors[0]!.message).toMatch(/^The DID document would be \d\.\d MB, and no verifier could read it: it is larger than 1 MB/);
    expect(() => assertWithinVerifierLimits(crowded)).toThrow(LaurelErrors);
  });

  it('answers as the verifier’s reader does, without parsing only where the answer is sure', () => {
    const nested = (depth: number, inner: unknown[] = []): unknown => (depth === 1 ? inner : [nested(depth - 1, inner)]);
    const documents: unknown[] = [
      // The reader counts the values inside the deepest container as one level more.
      { deep: nested(MAX_DEPTH - 2, [0]) },
      { deep: nested(MAX_DEPTH - 1, [0]) },
      { deep: nested(MAX_DEPTH - 1) },
      { deep: nested(MAX_DEPTH) },
      { deep: { deeper: nested(MAX_DEPTH - 2) } },
      { values: Array.from({ length: MAX_NODES - 2 }, () => 0) },
      { values: Array.from({ length: MAX_NODES - 1 }, () => 0) },
      { text: 'é'.repeat(MAX_INPUT_BYTES / 2) },
      { text: 'x'.repeat(1000) },
      // More brackets than levels, shallow: compact text is then measured by its nesting.
      { results: Array.from({ length: MAX_DEPTH }, () => ({ type: ['Result'] })) },
      { text: '{['.repeat(MAX_DEPTH) },
    ];
    // Both the indented text of the hosted documents and the compact text of the credentials.
    for (const write of [jsonText, credentialText]) {
      for (const document of documents) {
        const text = write(document);
        expect(verifierRefusal(text) === undefined, text.slice(0, 40)).toBe(parseDocument(text).ok);
      }
      expect(documents.map((document) => parseDocument(write(document)).ok)).toEqual([true, false, true, false, true, true, false, false, true, true, true]);
      expect(verifierRefusal(write({ deep: nested(MAX_DEPTH) }))).toBe(`it is nested more than ${MAX_DEPTH} levels deep`);
    }
    // Text it did not write: compact without the final newline, or not starting with `{` (parsed).
    expect(verifierRefusal(JSON.stringify({ deep: nested(MAX_DEPTH) }))).toBe(`it is nested more than ${MAX_DEPTH} levels deep`);
    expect(verifierRefusal(` ${JSON.stringify({ deep: nested(MAX_DEPTH) })}`)).toBe(`it is nested more than ${MAX_DEPTH} levels deep`);
  });

  it('finds the part of a document that makes it large', () => {
    const document = { id: 'x', credentialSubject: { name: 'Ada', narrative: 'n'.repeat(1000) }, proof: [{ proofValue: 'z' }] };
    expect(largestPart(document)).toEqual({ path: 'credentialSubject.narrative', bytes: 1002 });
    expect(largestPart({ a: 'x', b: 'y' })).toBeUndefined();
  });
});
