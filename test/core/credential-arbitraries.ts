/**
 * fast-check generators of unsigned Open Badges 3.0 credentials (OB 3.0 §B.1.2 and the shapes of
 * src/core/credential.ts, with everything optional that the model allows to be absent), and of
 * mutations that make one invalid or push it out of the JSON-LD the pinned contexts define.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonRecord = { [key: string]: Json };

export const CREDENTIALS_V1 = 'https://www.w3.org/2018/credentials/v1';
export const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXTS = [
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
] as const;

/** Text as people write it: any Unicode, and what N-Quads must escape. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'Ada Lovelace', 'Zoë Ñúñez-Øster', 'Łukasz Żółć', '王小明', 'محمد', 'a "quoted" \\ back\\slash', 'line\nbreak\ttab\rreturn', '\u0000\u001f\u007f\u2028', '😀🎓', 'https://not.an.iri/but text') },
);

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
const iri = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
  slug.map((name) => `did:web:${name}.example`),
  slug.map((name) => `did:example:${name}`),
  slug.map((name) => `https://example.org/${name}/é😀#frag`),
  fc.constant('mailto:learner@example.org'),
);
/** Shared blank node labels, so that two nodes of one document are sometimes the same node. */
const blankNodeId = fc.constantFrom('_:a', '_:b', '_:shared');

const dateTime = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')),
  fc.constantFrom('2024-05-20T10:00:00+02:00', '2024-05-20', 'not a date', ''),
);
const date = fc.oneof(dateTime.map((value) => value.slice(0, 10)), fc.constantFrom('2024-02-29', '0001-01-01'));
/** Numbers jsonld.js writes as xsd:integer and as xsd:double, and edge cases of each. */
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, -0, 0.5, 1.0, 2.75, 1e21, 1e-7, 123456789012345680000, Number.MAX_SAFE_INTEGER),
);

function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined, freq: 2 });
}

/** A JSON object without its undefined entries, as JSON.stringify would write it. */
function compact(record: Record<string, Json | undefined>): JsonRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as JsonRecord;
}

/** `type` as one string, an array of one, or with its value repeated. */
function typeOf(name: string, ...others: string[]): fc.Arbitrary<Json> {
  return fc.constantFrom<Json>(name, [name], [name, name], [name, ...others], [...others, name]);
}

const image = fc.oneof(iri, fc.record({ id: iri, type: fc.constant('Image'), caption: optional(text) }).map(compact));

export const profile = fc
  .record({
    id: fc.oneof({ weight: 5, arbitrary: iri }, { weight: 1, arbitrary: blankNodeId }),
    type: typeOf('Profile'),
    name: optional(text),
    url: optional(iri),
    description: optional(text),
    email: optional(text),
    phone: optional(text),
    image: optional(image),
    address: optional(fc.record({ type: typeOf('Address'), addressLocality: optional(text), addressCountry: optional(text), postalCode: optional(text) }).map(compact)),
  })
  .map(compact);

const alignment = fc
  .record({
    type: typeOf('Alignment'),
    targetName: text,
    targetUrl: iri,
    targetFramework: optional(text),
    targetCode: optional(text),
    targetDescription: optional(text),
    targetType: optional(fc.constantFrom('CFItem', 'ceasn:Competency', 'ext:Skill')),
  })
  .map(compact);

const resultDescription = fc
  .record({
    id: iri,
    type: typeOf('ResultDescription'),
    name: text,
    resultType: fc.constantFrom('GradePointAverage', 'LetterGrade', 'Status', 'ext:Custom'),
    valueMin: optional(text),
    valueMax: optional(text),
    // A list container (OB 3.0 context): empty, one value not in an array, repeated values.
    allowedValue: optional(fc.oneof(fc.array(text, { maxLength: 4 }), text, fc.constant<Json>(['A', 'A', 'B']), fc.constant<Json>([]))),
    requiredValue: optional(text),
  })
  .map(compact);

export const achievement = fc
  .record({
    id: optional(iri),
    type: typeOf('Achievement'),
    achievementType: optional(fc.constantFrom('Badge', 'Certificate', 'CertificateOfCompletion', 'ext:MicroCredential')),
    name: text,
    description: text,
    criteria: fc.oneof(iri, fc.record({ id: optional(iri), narrative: optional(text) }).map(compact)),
    image: optional(image),
    creator: optional(profile),
    creditsAvailable: optional(number),
    fieldOfStudy: optional(text),
    humanCode: optional(text),
    inLanguage: optional(fc.constantFrom('en', 'fr-CA', 'zh-Hant')),
    version: optional(text),
    tag: optional(fc.oneof(fc.array(text, { maxLength: 4 }), text, fc.constant<Json>(['same', 'same']))),
    alignment: optional(fc.array(alignment, { maxLength: 3 })),
    resultDescription: optional(fc.array(resultDescription, { maxLength: 2 })),
  })
  .map(compact);

const identityObject = fc
  .record({
    type: fc.constant('IdentityObject'),
    identityType: fc.constantFrom('emailAddress', 'sourcedId', 'ext:studentNumber'),
    hashed: fc.boolean(),
    identityHash: text,
    salt: optional(text),
  })
  .map(compact);

const result = fc
  .record({
    type: typeOf('Result'),
    resultDescription: optional(iri),
    value: optional(fc.oneof(text, number.map(String))),
    achievedLevel: optional(iri),
    status: optional(fc.constantFrom('Completed', 'Enrolled', 'Failed')),
  })
  .map(compact);

const evidence = fc
  .record({ id: optional(iri), type: typeOf('Evidence'), name: optional(text), description: optional(text), narrative: optional(text), genre: optional(text) })
  .map(compact);

const statusEntry = fc
  .record({ id: iri, type: fc.constant('BitstringStatusListEntry'), statusPurpose: fc.constantFrom('revocation', 'suspension'), statusListIndex: fc.nat().map(String), statusListCredential: iri })
  .map(compact);

/** A credential a Laurel site (or another OB 3.0 issuer using the same contexts) could sign: terms of OB 3.0.3. */
export const credential: fc.Arbitrary<JsonRecord> = fc
  .record({
    context: fc.constant<Json>([CREDENTIALS_V2, OB_CONTEXTS[0]]),
    id: optional(iri),
    type: fc.constantFrom<Json>(['VerifiableCredential', 'OpenBadgeCredential'], ['VerifiableCredential', 'AchievementCredential'], ['OpenBadgeCredential', 'VerifiableCredential', 'OpenBadgeCredential'], 'VerifiableCredential'),
    name: optional(text),
    description: optional(text),
    image: optional(image),
    issuer: fc.oneof({ weight: 4, arbitrary: profile }, { weight: 1, arbitrary: iri }),
    validFrom: optional(dateTime),
    validUntil: optional(dateTime),
    awardedDate: optional(dateTime),
    credentialSubject: fc
      .record({
        id: optional(fc.oneof({ weight: 5, arbitrary: iri }, { weight: 1, arbitrary: blankNodeId })),
        type: typeOf('AchievementSubject'),
        name: optional(text),
        identifier: optional(fc.array(identityObject, { maxLength: 2 })),
        achievement,
        narrative: optional(text),
        creditsEarned: optional(number),
        activityStartDate: optional(date),
        activityEndDate: optional(date),
        result: optional(fc.array(result, { maxLength: 3 })),
      })
      .map(compact),
    evidence: optional(fc.array(evidence, { maxLength: 2 })),
    credentialStatus: optional(statusEntry),
  })
  .map(({ context, ...rest }) => compact({ '@context': context, ...rest }));

/** The objects of a document with their paths, so that a mutation can pick one. */
function objectsOf(value: Json, path: Array<string | number> = []): Array<{ path: Array<string | number>; object: JsonRecord }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsOf(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return [{ path, object: value }, ...Object.entries(value).flatMap(([key, item]) => (key === '@context' ? [] : objectsOf(item, [...path, key])))];
}

type Mutation = (object: JsonRecord) => void;

/** One change each: terms no context defines, IRIs that stay relative, JSON-LD outside the subset, tampered contexts. */
const mutations: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.constantFrom<{ name: string; apply: Mutation }>(
    { name: 'undefined term', apply: (o) => (o['favouriteColour'] = 'blue') },
    { name: 'undefined term with a null value', apply: (o) => (o['favouriteColour'] = null) },
    { name: 'language map where none is defined', apply: (o) => (o['name'] = { en: 'Badge', fr: 'Insigne' }) },
    { name: 'relative @id', apply: (o) => (o['id'] = 'credentials/42') },
    { name: 'fragment @id', apply: (o) => (o['id'] = '#me') },
    { name: 'empty @id', apply: (o) => (o['id'] = '') },
    { name: 'reserved @id', apply: (o) => (o['id'] = '@reserved') },
    { name: 'number @id', apply: (o) => (o['id'] = 42) },
    { name: 'unknown type', apply: (o) => (o['type'] = ['UnknownType']) },
    { name: 'type as a number', apply: (o) => (o['type'] = 7) },
    { name: 'type as an object', apply: (o) => (o['type'] = { '@default': 'Profile' }) },
    { name: 'keyword type', apply: (o) => (o['type'] = '@json') },
    { name: '@type key next to type', apply: (o) => (o['@type'] = 'https://example.org/Extra') },
    { name: 'absolute IRI key', apply: (o) => (o['https://example.org/vocab#extra'] = 'value') },
    { name: 'compact IRI key on an undefined prefix', apply: (o) => (o['ex:extra'] = 'value') },
    { name: 'blank node key', apply: (o) => (o['_:p'] = 'value') },
    { name: 'keyword-like key', apply: (o) => (o['@foo'] = 'value') },
    { name: 'value object', apply: (o) => (o['name'] = { '@value': 'Typed', '@type': 'https://example.org/T' }) },
    { name: 'value object with a language', apply: (o) => (o['name'] = { '@value': 'Hallo', '@language': 'de' }) },
    { name: 'null @value', apply: (o) => (o['name'] = { '@value': null }) },
    { name: 'object @value', apply: (o) => (o['name'] = { '@value': { a: 1 } }) },
    { name: 'value object with a relative @type', apply: (o) => (o['name'] = { '@value': 'x', '@type': 'relative' }) },
    { name: '@language', apply: (o) => (o['@language'] = 'en') },
    { name: '@index', apply: (o) => (o['@index'] = 'i') },
    { name: '@reverse', apply: (o) => (o['@reverse'] = { 'https://schema.org/knows': { id: 'https://example.org/x' } }) },
    { name: '@graph', apply: (o) => (o['@graph'] = [{ id: 'https://example.org/g', name: 'n' }]) },
    { name: '@included', apply: (o) => (o['@included'] = [{ id: 'https://example.org/i', type: 'Profile' }]) },
    { name: '@nest', apply: (o) => (o['@nest'] = { name: 'nested' }) },
    { name: '@list', apply: (o) => (o['tag'] = { '@list': ['a', 'b'] }) },
    { name: '@set', apply: (o) => (o['tag'] = { '@set': ['a', 'b'] }) },
    { name: 'list of lists', apply: (o) => (o['allowedValue'] = [['a'], ['b']]) },
    { name: 'nested arrays', apply: (o) => (o['tag'] = [['a', ['b']], 'c']) },
    { name: 'null value', apply: (o) => (o['name'] = null) },
    { name: 'empty array', apply: (o) => (o['name'] = []) },
    { name: 'array with null', apply: (o) => (o['name'] = [null, 'x', null]) },
    { name: 'empty object', apply: (o) => (o['image'] = {}) },
    { name: 'object with only an id', apply: (o) => (o['image'] = { id: 'https://example.org/only-id' }) },
    { name: 'boolean where text is expected', apply: (o) => (o['name'] = true) },
    { name: 'number where text is expected', apply: (o) => (o['name'] = 12.5) },
    { name: 'same value as string and number', apply: (o) => (o['creditsAvailable'] = [1, '1', 1.0]) },
    { name: 'relative IRI value', apply: (o) => (o['image'] = 'images/badge.png') },
    { name: 'reserved IRI value', apply: (o) => (o['image'] = '@none') },
    { name: 'relative vocabulary value', apply: (o) => (o['proofPurpose'] = 'notAPurpose') },
    { name: 'JSON literal', apply: (o) => (o['jsonSchema'] = { type: 'object' }) },
    { name: 'proof (a graph container)', apply: (o) => (o['proof'] = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:a#k' }) },
    { name: 'embedded context', apply: (o) => (o['@context'] = { extra: 'https://example.org/extra' }) },
    { name: 'embedded null context', apply: (o) => (o['@context'] = null) },
    { name: 'embedded context URL', apply: (o) => (o['@context'] = CREDENTIALS_V2) },
  ),
);

/** Changes to the document's own @context: what the issuer names, and what a tamperer might. */
const contextTampering: fc.Arbitrary<{ name: string; context: (original: Json) => Json }> = fc.constantFrom<{ name: string; context: (original: Json) => Json }>(
  { name: 'an unknown context URL', context: (original) => [...(original as Json[]), 'https://example.org/unknown-context.jsonld'] },
  { name: 'a relative context URL', context: () => ['context.jsonld'] },
  { name: 'the contexts in the other order', context: (original) => [...(original as Json[])].reverse() },
  { name: 'the VC 1.1 context', context: (original) => [CREDENTIALS_V1, (original as Json[])[1]!] },
  { name: 'the OB 3.0 (first) context', context: () => [CREDENTIALS_V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'] },
  { name: 'the OB 3.0.1 context', context: () => [CREDENTIALS_V2, OB_CONTEXTS[2]] },
  { name: 'the OB 3.0.2 context', context: () => [CREDENTIALS_V2, OB_CONTEXTS[1]] },
  { name: 'the credentials context alone', context: () => CREDENTIALS_V2 },
  { name: 'no context', context: () => [] },
  { name: 'a null context first', context: (original) => [null, ...(original as Json[])] },
  { name: 'a null context last', context: (original) => [...(original as Json[]), null] },
  { name: 'a context repeated', context: (original) => [...(original as Json[]), ...(original as Json[])] },
  { name: 'an embedded context adding a term', context: (original) => [...(original as Json[]), { favouriteColour: 'https://example.org/favouriteColour' }] },
  { name: 'an embedded context redefining a protected term', context: (original) => [...(original as Json[]), { name: 'https://example.org/not-schema-name' }] },
  { name: 'an embedded context restating a protected term', context: (original) => [...(original as Json[]), { '@protected': true, id: '@id', type: '@type' }] },
  { name: 'an embedded @vocab', context: (original) => [...(original as Json[]), { '@vocab': 'https://example.org/vocab#' }] },
  { name: 'an embedded relative @vocab', context: (original) => [...(original as Json[]), { '@vocab': 'vocab#' }] },
  { name: 'an embedded @language', context: (original) => [...(original as Json[]), { '@language': 'en' }] },
  { name: 'an embedded @base', context: (original) => [...(original as Json[]), { '@base': 'https://example.org/' }] },
  { name: 'an embedded prefix', context: (original) => [...(original as Json[]), { ex: 'https://example.org/ns#' }] },
  { name: 'an embedded context aliasing a keyword', context: (original) => [{ '@version': 1.1, identifier: '@id' }, ...(original as Json[])] },
  { name: 'a context that is a number', context: () => 5 },
);

/** A credential with one mutation at one of its objects, or with its @context tampered with. */
export const mutatedCredential: fc.Arbitrary<{ document: JsonRecord; change: string }> = fc.oneof(
  fc.tuple(credential, mutations, fc.nat()).map(([document, mutation, pick]) => {
    const copy = structuredClone(document);
    const objects = objectsOf(copy);
    const target = objects[pick % objects.length]!;
    mutation.apply(target.object);
    return { document: copy, change: `${mutation.name} at ${JSON.stringify(target.path)}` };
  }),
  fc.tuple(credential, contextTampering).map(([document, tampering]) => ({ document: { ...document, '@context': tampering.context(document['@context']!) }, change: tampering.name })),
);
