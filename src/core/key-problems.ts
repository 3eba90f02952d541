/**
 * Why an issuer's key could not be found, as data (a code and its values), so that each verifier
 * says it in its reader's language (./verify/key-problems-fr.ts) while the command line and the
 * JSON output keep the English sentence (`reason`). A problem may quote another (the reason a key
 * was refused, inside the document it was looked for in), or a reason already in words (a fetch
 * reason, which each fetcher writes in its own language). The did:webvh log's own checks
 * (./did-webvh.ts) stay English sentences, quoted as they are.
 */

/** A value a problem quotes: text, a number, or the problem it follows from. */
export type KeyProblemValue = string | number | KeyProblem;

export interface KeyProblem {
  readonly code: KeyProblemCode;
  readonly params: Readonly<Record<string, KeyProblemValue>>;
}

/** A failed result: the English sentence, and the problem it says. */
export interface KeyFailure {
  readonly ok: false;
  readonly reason: string;
  readonly problem: KeyProblem;
}

type Words = (p: Readonly<Record<string, KeyProblemValue>>, say: (value: KeyProblemValue | undefined) => string) => string;

/** Each problem in English: the sentences these modules have always written, word for word. */
export const englishKeyProblems = {
  // did:web and did:key identifiers (did-method-web §3.2, did-key-spec §3.1)
  'not-did-web': (p, say) => `"${say(p['did'])}" is not a did:web identifier.`,
  'did-web-character': (p, say) => `"${say(p['did'])}" contains a character a did:web identifier may not contain.`,
  'did-web-host': (p, say) => `"${say(p['host'])}" in ${say(p['did'])} is not a domain name.`,
  'did-web-path': (p, say) => `The path of ${say(p['did'])} is not valid.`,
  'not-did-key': (p, say) => `"${say(p['did'])}" is not a did:key identifier.`,
  'did-key-not-ed25519': (p, say) => `${say(p['did'])} is not an Ed25519 did:key (it must start with z6Mk).`,
  // CID 1.0 §3.3 Retrieve Verification Method
  'no-fragment': (p, say) => `The verification method ${say(p['vmId'])} has no #fragment naming a key.`,
  'document-not-object': () => 'The key document is not a JSON object.',
  'document-other-id': (p, say) => `The key document says it is ${say(p['said'])}, not ${say(p['url'])}.`,
  'no-method': (p, say) => `The key document has no verification method with the id ${say(p['vmId'])} (ids must be absolute).`,
  'method-type': (p, say) => `The verification method is a ${say(p['type'])}, not a Multikey.`,
  'method-controller': (p, say) => `The verification method's controller ${say(p['controller'])} is not ${say(p['url'])}.`,
  'not-assertion-method': (p, say) => `The key ${say(p['vmId'])} is not listed under assertionMethod, so it may not sign credentials.`,
  'no-ed25519-key': () => 'The verification method does not hold an Ed25519 public key (z6Mk…).',
  // Where the key was looked for
  'no-verification-method': () => 'The signature does not name the key that made it (no verificationMethod).',
  'did-document-unreachable': (p, say) => `Could not fetch the issuer's DID document ${say(p['url'])}: ${say(p['reason'])}`,
  'in-did-document': (p, say) => `${say(p['inner'])} (in ${say(p['url'])})${p['added'] === undefined ? '' : ` The issuer's DID history listed it from ${say(p['added'])} until ${say(p['removed'])}.`}`,
  'did-method-unsupported': (p, say) => `The DID method of ${say(p['did'])} is not supported (did:web, did:webvh and did:key are).`,
  'method-not-absolute': (p, say) => `The verification method ${say(p['vmId'])} is not an absolute URL.`,
  'key-document-not-https': (p, say) => `The key document ${say(p['url'])} is not on https.`,
  'key-document-unreachable': (p, say) => `Could not fetch the key document ${say(p['url'])}: ${say(p['reason'])}. The key is only trusted when the issuer's own document publishes it.`,
  'key-document-not-object': (p, say) => `The key document ${say(p['url'])} is not a JSON object.`,
  'in-key-document': (p, say) => `${say(p['inner'])} (in ${say(p['url'])}; the key is only trusted when that document publishes it)`,
  'not-multikey-document': (p, say) => `The document at ${say(p['url'])} is not a Multikey verification method.`,
  // did:webvh (its log's own checks are in ./did-webvh.ts)
  'did-deactivated': (p, say) => `The issuer deactivated ${say(p['did'])} on ${say(p['on'])} (${say(p['url'])}).`,
  'key-removed': (p, say) => `The issuer's DID history listed this key from ${say(p['added'])} until ${say(p['removed'])}, when it was removed (${say(p['url'])}).`,
  'in-did-log': (p, say) => `${say(p['inner'])} (in ${say(p['url'])})`,
  'history-removed-key': (p, say) => `The issuer's DID history (${say(p['url'])}) removed this key on ${say(p['removed'])}, and its DID document still lists it.`,
  'did-log-unreadable-here': (p, say) => `The issuer's DID log ${say(p['url'])} cannot be read here.`,
  'did-log-unreachable': (p, say) => `Could not fetch the issuer's DID log ${say(p['url'])}: ${say(p['reason'])}`,
  'did-log-not-utf8': (p, say) => `The issuer's DID log ${say(p['url'])} is not UTF-8 text.`,
  'did-log-unparsable': (p, say) => `${say(p['inner'])} (${say(p['url'])})`,
  'did-log-invalid': (p, say) => `The issuer's DID log does not verify: ${say(p['inner'])} (${say(p['url'])})`,
} as const satisfies Record<string, Words>;

export type KeyProblemCode = keyof typeof englishKeyProblems;

/** A language's words for every problem: the compiler refuses a catalog that misses one. */
export type KeyProblemWords = Readonly<Record<KeyProblemCode, Words>>;

/** The problem in `words`, with every problem it quotes in them too. */
export function sayKeyProblem(problem: KeyProblem, words: KeyProblemWords): string {
  const say = (value: KeyProblemValue | undefined): string => (value === undefined ? '' : typeof value === 'object' ? sayKeyProblem(value, words) : String(value));
  return words[problem.code](problem.params, say);
}

/** Whether a value a verifier result carries is a problem (results travel as JSON). */
export function isKeyProblem(value: unknown): value is KeyProblem {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code in englishKeyProblems && typeof (value as { params?: unknown }).params === 'object';
}

/** A failed result for `code`: its English sentence and the problem as data. */
export function keyFailure(code: KeyProblemCode, params: Readonly<Record<string, KeyProblemValue | undefined>> = {}): KeyFailure {
  const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as Record<string, KeyProblemValue>;
  const problem: KeyProblem = { code, params: defined };
  return { ok: false, reason: sayKeyProblem(problem, englishKeyProblems), problem };
}

/** What a failed result quotes: its problem where it has one, else its sentence. */
export function quoted(failure: { readonly reason: string; readonly problem?: KeyProblem | undefined }): KeyProblemValue {
  return failure.problem ?? failure.reason;
}
