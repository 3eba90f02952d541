/**
 * An optional list of issuers the verifier trusts, and whether a credential's issuer is on it.
 * OB 3.0 recommended practices: issuer metadata (its name, its URL) is the issuer's own claim,
 * to be shown as unverified unless the issuer's id is on a list the verifier trusts. Only the
 * issuer id that the signature and key checks have proven is looked up.
 *
 * Two formats are read, both plain JSON:
 * - the issuer registry format of the Digital Credentials Consortium (used by its verifier-core
 *   and issuer-registry-client): `{"meta": {…}, "entries": {"<did>": {"name": "…", "url": "…"}}}`;
 * - a simple list: `{"name": "<list name>", "issuers": [{"id": "<did or URL>", "name": "…"}]}`.
 *
 * Pure: the caller reads the file or fetches the list's own URL (and nothing else).
 */
import { MAX_TRUST_LIST_ENTRIES } from '../limits.ts';
import type { CheckResult, TrustedIssuer } from './check.ts';
import { parseJsonText } from './input.ts';
import { idOf, isRecord, type Json } from './json-shape.ts';

/** Longest issuer id and name kept: longer ones are refused, never shown cut. */
const MAX_ID_LENGTH = 2048;
const MAX_NAME_LENGTH = 200;

export interface TrustList {
  /** The list's own name, or where it was read from. */
  readonly label: string;
  readonly issuers: ReadonlyMap<string, { readonly name?: string }>;
}

export type TrustListResult = { readonly ok: true; readonly list: TrustList } | { readonly ok: false; readonly reason: string };

const bad = (reason: string): TrustListResult => ({ ok: false, reason });

function entryName(value: unknown, field: string): { ok: true; name?: string } | { ok: false; reason: string } {
  if (value === undefined) return { ok: true };
  if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH) return { ok: false, reason: `${field} must be text of at most ${MAX_NAME_LENGTH} characters` };
  return { ok: true, name: value };
}

/** Reads a parsed trust list; `source` names it when it has no name of its own. */
export function readTrustList(json: unknown, source: string): TrustListResult {
  if (!isRecord(json)) return bad('it is not a JSON object');
  const pairs: Array<[string, unknown, string]> = [];
  if (isRecord(json['entries'])) {
    for (const [id, entry] of Object.entries(json['entries'])) pairs.push([id, isRecord(entry) ? entry['name'] : undefined, `entries["${id.slice(0, 80)}"].name`]);
  } else if (Array.isArray(json['issuers'])) {
    for (const [index, entry] of json['issuers'].entries()) {
      if (!isRecord(entry) || typeof entry['id'] !== 'string') return bad(`issuers[${index}] must be an object with an "id"`);
      pairs.push([entry['id'], entry['name'], `issuers[${index}].name`]);
    }
  } else {
    return bad('it has neither "entries" (an issuer registry) nor an "issuers" list');
  }
  if (pairs.length > MAX_TRUST_LIST_ENTRIES) return bad(`it names more than ${MAX_TRUST_LIST_ENTRIES} issuers, the most this verifier reads`);
  const issuers = new Map<string, { name?: string }>();
  for (const [id, rawName, field] of pairs) {
    if (id === '' || id.length > MAX_ID_LENGTH) return bad(`an issuer id is empty or longer than ${MAX_ID_LENGTH} characters`);
    const name = entryName(rawName, field);
    if (!name.ok) return bad(name.reason);
    // The first entry for an id wins, as in the DCC client: a list is ordered most authoritative first.
    if (!issuers.has(id)) issuers.set(id, name.name === undefined ? {} : { name: name.name });
  }
  const listName = entryName(json['name'] ?? (isRecord(json['meta']) ? json['meta']['name'] : undefined), 'name');
  return { ok: true, list: { label: listName.ok && listName.name ? listName.name : source, issuers } };
}

/** Parses trust list text (held to the verifier's input limits) and reads it. */
export function parseTrustList(text: string, source: string): TrustListResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return bad(`it is not readable JSON (${parsed.code})`);
  return readTrustList(parsed.value, source);
}

/**
 * Whether the credential's issuer is on the list. Looked up only when the issuer-key and proof
 * checks passed (or warned): otherwise anyone could name a listed issuer in a forged credential.
 */
export function lookUpIssuer(list: TrustList, credential: Json | undefined, checks: readonly Pick<CheckResult, 'id' | 'state'>[]): TrustedIssuer {
  const proven = ['issuer-key', 'proof'].every((id) => checks.some((c) => c.id === id && (c.state === 'passed' || c.state === 'warning')));
  if (!proven) return { listed: false, list: list.label, unproven: true };
  const issuerId = credential === undefined ? undefined : idOf(credential['issuer']);
  const entry = issuerId === undefined ? undefined : list.issuers.get(issuerId);
  if (!entry) return { listed: false, list: list.label };
  return entry.name === undefined ? { listed: true, list: list.label } : { listed: true, name: entry.name, list: list.label };
}

/** The CLI's and the page's line about it. */
export function describeTrustedIssuer(trusted: TrustedIssuer): string {
  if (trusted.unproven) return `Trusted issuer: not looked up on ${trusted.list}, because the credential is not proven to come from its issuer`;
  if (!trusted.listed) return `Trusted issuer: not on ${trusted.list}`;
  return `Trusted issuer: listed${trusted.name === undefined ? '' : ` as ${trusted.name}`} in ${trusted.list}`;
}
