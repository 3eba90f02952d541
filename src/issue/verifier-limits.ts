/**
 * The signed site read back as a verifier reads it. Every hosted JSON document (credentials,
 * achievements, the issuer profile, the DID document, the status and revocation lists), in the
 * exact bytes the site serves, goes through the verifier's own reader (`parseDocument`,
 * src/core/verify/input.ts, with the limits of src/core/limits.ts). What that reader refuses no one
 * could verify, Laurel's own verifier included, so it is an error in the file it comes from, and
 * the build stops before anything is written. The credentials are also checked before they are
 * signed, with a stand-in proof as large as any real one, so that a hostile award is refused
 * before it costs minutes of canonicalization. Pure.
 */
import { languageFolder } from '../core/locale/language.ts';
import type { JsonObject } from '../core/json.ts';
import { errorCount, LaurelError, LaurelErrors } from '../core/error.ts';
import { MAX_DEPTH, MAX_INPUT_BYTES, MAX_NODES } from '../core/limits.ts';
import { english } from '../core/verify/messages.ts';
import { describeBytes, jsonNestingDepth, parseDocument } from '../core/verify/input.ts';
import type { AwardRecord, SiteContent } from '../content/validate.ts';
import { jsonText } from './json-text.ts';

const LIMITS = `at most ${describeBytes(MAX_INPUT_BYTES)} of JSON, ${MAX_DEPTH} levels of nesting and ${MAX_NODES.toLocaleString('en')} values (src/core/limits.ts)`;

/**
 * A sure answer without parsing, for the text `jsonText` and `credentialText` write (./json-text.ts).
 * JSON text of n characters holds at most (n + 1) / 2 values (each is a character at least, and a
 * separator stands between two) and at most 3n bytes of UTF-8. A value inside d containers is d + 1
 * levels deep for the reader, so text whose containers nest fewer than MAX_DEPTH deep, and shorter
 * than this, passes every limit of `parseDocument`. How deep they nest is read from the text:
 */
const SURELY_READABLE_CHARACTERS = Math.min(2 * MAX_NODES - 1, Math.floor(MAX_INPUT_BYTES / 3));
/**
 * Indented text (`jsonText`) indents two spaces a level and its strings hold no raw line break, so
 * a line indented 2d spaces is inside d containers: none is MAX_DEPTH deep without a line indented
 * 2 × MAX_DEPTH − 1 spaces or more.
 */
const TOO_DEEP_INDENTATION = `\n${' '.repeat(2 * MAX_DEPTH - 1)}`;

/**
 * Compact text (`credentialText`) nests no deeper than the number of `{` and `[` it holds, strings
 * included: a credential holds a few dozen, counted at the speed of `indexOf`. Past `limit`, the
 * count stops.
 */
function bracketsUpTo(text: string, limit: number): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1 && count < limit; at = text.indexOf(bracket, at + 1)) count += 1;
  }
  return count;
}

function surelyReadable(text: string): boolean {
  if (text.length >= SURELY_READABLE_CHARACTERS || !text.startsWith('{')) return false;
  if (text.startsWith('{\n')) return !text.includes(TOO_DEEP_INDENTATION);
  // More brackets than that (many results or alignments): the nesting itself, strings skipped.
  return bracketsUpTo(text, MAX_DEPTH) < MAX_DEPTH || jsonNestingDepth(text, MAX_DEPTH) < MAX_DEPTH;
}

/** Why the verifier's reader refuses `text` (as ./json-text.ts writes it), in its own words; undefined when it reads it. */
export function verifierRefusal(text: string): string | undefined {
  if (surelyReadable(text)) return undefined;
  const parsed = parseDocument(text);
  return parsed.ok ? undefined : english.unreadable(parsed.code, parsed.params ?? {});
}

/** A size to one decimal: 1.2 MB, 340 KB. */
function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The credential's fields and the award fields they are made from (src/issue/signed-site.ts). */
const AWARD_FIELDS: ReadonlyArray<readonly [credentialPath: string, awardField: string]> = [
  ['credentialSubject.narrative', 'narrative'],
  ['credentialSubject.result', 'results'],
  ['credentialSubject.name', 'recipient.name'],
  ['credentialSubject.identifier', 'recipient.identity'],
  ['evidence', 'evidence'],
];

const size = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

/**
 * The part of a document that makes it large: from the top, into the largest child as long as it
 * holds most of its parent. `credentialSubject.narrative` for a long narrative.
 */
export function largestPart(document: JsonObject): { path: string; bytes: number } | undefined {
  let node: unknown = document;
  let path = '';
  let bytes = size(document);
  while (node !== null && typeof node === 'object') {
    const children = Object.entries(node as Record<string, unknown>);
    if (children.length === 0) break;
    const sizes = children.map(([, child]) => size(child));
    const largest = sizes.indexOf(Math.max(...sizes));
    if (sizes[largest]! * 2 < bytes) break;
    const [key, child] = children[largest]!;
    path = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    node = child;
    bytes = sizes[largest]!;
  }
  return path ? { path, bytes } : undefined;
}

interface Readable {
  readonly text: string;
  /** What it is, for the message: "The signed credential of award …". */
  readonly what: string;
  readonly where: { readonly file: string; readonly line?: number | undefined };
  /** The field that makes it large and what to do, worked out only for a refused document. */
  readonly explain?: () => { field: string | undefined; hint: string };
}

/** The error for a document its verifier refuses, or undefined. */
function refuse(document: Readable): LaurelError | undefined {
  const reason = verifierRefusal(document.text);
  if (reason === undefined) return undefined;
  const { field, hint } = document.explain?.() ?? { field: undefined, hint: '' };
  return new LaurelError('over-verifier-limit', `${document.what} would be ${sizeInWords(new TextEncoder().encode(document.text).length)}, and no verifier could read it: ${reason}.${hint}`, {
    ...document.where,
    field,
    expected: `a signed document within the limits every verifier holds it to: ${LIMITS}`,
  });
}

/** The award field that makes a credential large, and a sentence on what to do about it. */
function awardHint(content: SiteContent, record: AwardRecord, credential: JsonObject): { field: string | undefined; hint: string } {
  const part = largestPart(credential);
  if (!part) return { field: undefined, hint: '' };
  const within = (prefix: string) => part.path === prefix || part.path.startsWith(`${prefix}.`) || part.path.startsWith(`${prefix}[`);
  const field = AWARD_FIELDS.find(([credentialPath]) => within(credentialPath))?.[1];
  if (field) return { field, hint: ` Most of it is its ${field} (${sizeInWords(part.bytes)}): shorten it, or publish the long text elsewhere and link to it as evidence.` };
  if (within('credentialSubject.achievement')) return { field: undefined, hint: ` Most of it comes from its achievement (${content.achievements.get(record.achievement)?.file}): shorten it there.` };
  return { field: undefined, hint: ` Its largest part is ${part.path} (${sizeInWords(part.bytes)}).` };
}

export interface CredentialText {
  readonly record: AwardRecord;
  /** The credential (or, before signing, the credential with a stand-in proof). */
  readonly credential: JsonObject;
  /** Its bytes as hosted. */
  readonly json: string;
}

/**
 * Achievements and credentials a verifier would refuse. An achievement too large on its own makes
 * each of its credentials too large: that is said once, in the achievement's file.
 */
export function credentialsOverVerifierLimits(content: SiteContent, achievements: ReadonlyMap<string, JsonObject>, credentials: readonly CredentialText[]): LaurelError[] {
  const errors: LaurelError[] = [];
  const oversized = new Set<string>();
  for (const [slug, achievement] of achievements) {
    // An edition in another language (`<slug>.fr`, ./signed-site.ts) is its translation's file.
    const [own, folder] = slug.split('.');
    const record = content.achievements.get(own!);
    const file = (folder === undefined ? record?.file : record?.translations.find((translation) => languageFolder(translation.language) === folder)?.file) ?? 'content/achievements';
    const error = refuse({ text: jsonText(achievement), what: `The achievement ${slug}`, where: { file }, explain: () => ({ field: largestPart(achievement)?.path, hint: '' }) });
    if (error) errors.push(error), oversized.add(slug);
  }
  for (const { record, credential, json } of credentials) {
    if (oversized.has(record.achievement)) continue;
    const error = refuse({ text: json, what: `The signed credential of award ${record.id}`, where: record.origin, explain: () => awardHint(content, record, credential) });
    if (error) errors.push(error);
  }
  return errors;
}

/** The hosted documents of a signed site (./signed-site.ts's SignedSite). */
export interface SiteDocuments {
  readonly content: SiteContent;
  readonly issuerProfile: JsonObject;
  readonly didDocument: JsonObject;
  readonly revocationList: JsonObject;
  readonly statusLists: ReadonlyMap<string, JsonObject>;
  readonly achievements: ReadonlyMap<string, JsonObject>;
  readonly achievementEditions?: ReadonlyMap<string, JsonObject> | undefined;
  readonly awards: readonly CredentialText[];
}

/** Every hosted document of the signed site a verifier would refuse, in the exact bytes served. */
export function documentsOverVerifierLimits(site: SiteDocuments): LaurelError[] {
  const issuer = { file: 'content/issuer.yaml' };
  const awards = { file: 'content/awards' };
  const documents: Readable[] = [
    { text: jsonText(site.issuerProfile), what: 'The issuer profile', where: issuer },
    // Made from the issuer's URL and every key of keys/ not marked compromised.
    { text: jsonText(site.didDocument), what: 'The DID document', where: { file: 'keys' } },
    { text: jsonText(site.revocationList), what: 'The revocation list', where: awards },
    ...[...site.statusLists].map(([purpose, list]) => ({ text: jsonText(list), what: `The ${purpose} list`, where: awards })),
  ];
  const errors = documents.flatMap((document) => refuse(document) ?? []);
  return [...errors, ...credentialsOverVerifierLimits(site.content, new Map([...site.achievements, ...(site.achievementEditions ?? [])]), site.awards)];
}

/** Throws the errors of a check at once, as the build reports them. */
export function throwOverVerifierLimits(errors: readonly LaurelError[]): void {
  if (errors.length) throw new LaurelErrors(errors, `${errorCount(errors)}: signed documents larger than a verifier reads. Nothing was built.`);
}

/** Throws every error of `documentsOverVerifierLimits` at once. */
export function assertWithinVerifierLimits(site: SiteDocuments): void {
  throwOverVerifierLimits(documentsOverVerifierLimits(site));
}
