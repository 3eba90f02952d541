/**
 * The issuer's did:webvh DID log (`did.jsonl` beside `did.json`): the history of its DID document.
 * A build starts from the log already published (the same folder as the transparency log's, see
 * ./log-folder.ts), and appends a version whenever the document it publishes differs from the
 * log's latest: a key added by a rotation, a key removed as compromised, a new service, a move.
 *
 * Each version is signed by an update key the log authorises, and Laurel's update key is the
 * signing key. So the version that records a rotation must be signed by the key rotated out:
 * its secret is given for one build as LAUREL_PREVIOUS_SIGNING_KEY. Without it, the log is
 * published unchanged and the build says so; what the current key signs still verifies through
 * did:web.
 */
import { canonicalizeJcs } from '../core/canonicalize.ts';
import { appendDidLogEntry, createDidLog, didWebvhForDidWeb, didWebvhToUrl, parseDidLog, resolveDidLog, serializeDidLog, type DidLogEntry, type UpdateKey } from '../core/did-webvh.ts';
import { LaurelError } from '../core/error.ts';
import type { JsonObject, JsonValue } from '../core/json.ts';

export interface DidHistory {
  /** The did:webvh DID, `did:webvh:<SCID>:<the did:web's location>`. */
  readonly did: string;
  /** did.jsonl, as published. */
  readonly text: string;
  readonly versions: number;
  /** How many versions this build added (0: the document did not change, or could not be signed). */
  readonly appended: number;
  /** Why the log could not record this build's document, and what to do; or that the previous key's secret was given and not needed. */
  readonly warning?: string | undefined;
}

/** Said when the retired key's secret is given to a build that has no rotation to record: it should not linger. */
const PREVIOUS_KEY_NOT_NEEDED = 'LAUREL_PREVIOUS_SIGNING_KEY is set, and this build did not need it: the DID history already names the current key. Delete that secret, so the retired key is kept nowhere it is not needed.';

/** A did.jsonl as a build reads it, and where from (for its errors). */
export interface PreviousDidLog {
  readonly text: string;
  readonly file: string;
}

export interface DidHistoryOptions {
  /** The published did.jsonl this build extends; undefined for a site's first log. */
  readonly previous: PreviousDidLog | undefined;
  readonly didWeb: string;
  /** The did:web document the build publishes, without its alias to the did:webvh DID. */
  readonly didWebDocument: JsonObject;
  /** The signing key, then the key rotated out when its secret is given. */
  readonly current: UpdateKey;
  readonly previousKey?: UpdateKey | undefined;
  /** Where the keys are, for the warning: publicKeyMultibase → keys/… file. */
  readonly keyFiles: ReadonlyMap<string, string>;
  /** The build's time; a version is dated by it (UTC, seconds). */
  readonly versionTime: string;
}

/** The did:web document's content, for the did:webvh DID: ids moved to it, the did:web named as an alias. */
export function webvhState(didWebDocument: JsonObject, didWeb: string, didWebvh: string, formerNames: readonly string[] = []): JsonObject {
  const move = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') return value === didWeb ? didWebvh : value.startsWith(`${didWeb}#`) ? `${didWebvh}${value.slice(didWeb.length)}` : value;
    if (Array.isArray(value)) return value.map(move);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, move(item)]));
    return value;
  };
  // DID Core §5.1.3 alsoKnownAs; did:webvh "Publishing a Parallel did:web DID".
  // A DID that moved names where it was before (did:webvh "Moving a DID").
  return { ...(move(didWebDocument) as JsonObject), alsoKnownAs: [didWeb, ...formerNames.filter((name) => name !== didWebvh)] };
}

/** How far a log's latest version may be dated after this build (resolvers allow as much: did-webvh.ts). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const invalid = (file: string, reason: string) =>
  new LaurelError('did-log-invalid', `${file} is not a DID log this build can extend: ${reason} Nothing was built.`, {
    file,
    expected: 'the did.jsonl the site publishes, as npm run fetch-log downloads it; see docs/transparency.md, "Keys with a history"',
  });

/** The DID log with this build's document as its latest version, or why it could not be. */
export async function extendDidHistory(options: DidHistoryOptions): Promise<DidHistory> {
  const location = options.didWeb.slice('did:web:'.length);
  if (!options.previous) {
    // Portable, so that the DID can move to another domain with its history (did:webvh "portable").
    const first = await createDidLog({ location, state: (did) => webvhState(options.didWebDocument, options.didWeb, did), updateKey: options.current, versionTime: options.versionTime, portable: true });
    return { did: first.state['id'] as string, text: serializeDidLog([first]), versions: 1, appended: 1, ...(options.previousKey ? { warning: PREVIOUS_KEY_NOT_NEEDED } : {}) };
  }
  const { file, text } = options.previous;
  const parsed = parseDidLog(text);
  if (!parsed.ok) throw invalid(file, parsed.reason);
  const entries: DidLogEntry[] = parsed.value;
  const latestDid = entries.at(-1)!.state['id'];
  if (typeof latestDid !== 'string') throw invalid(file, 'its latest version names no DID.');
  const logUrl = didWebvhToUrl(latestDid);
  if (!logUrl.ok) throw invalid(file, logUrl.reason);
  // Resolved at the end of time: a version dated after this build is the clock check's, below.
  const resolved = await resolveDidLog(entries, latestDid, logUrl.value, new Date(8.64e15));
  if (!resolved.ok) throw invalid(file, resolved.reason);
  const { scid, versions } = resolved.value;
  const did = didWebvhForDidWeb(options.didWeb, scid);
  const state = webvhState(options.didWebDocument, options.didWeb, did, [...new Set(versions.map((version) => version.did))]);
  const latest = versions.at(-1)!;
  const needsPrevious = !latest.updateKeys.includes(options.current.publicKeyMultibase);
  const unchanged = { did, text, versions: versions.length, appended: 0, ...(options.previousKey && !needsPrevious ? { warning: PREVIOUS_KEY_NOT_NEEDED } : {}) };
  if (canonicalizeJcs(state) === canonicalizeJcs(latest.document)) return unchanged;
  // versionTime must increase. Two builds in the same second get one second apart; a latest version
  // dated well after this build means a clock is wrong, and the log would be refused by resolvers.
  const latestTime = Date.parse(latest.versionTime);
  if (latestTime > Date.parse(options.versionTime) + CLOCK_SKEW_MS) {
    throw invalid(file, `its latest version is dated ${latest.versionTime}, after this build (${options.versionTime}); check the computer's clock.`);
  }
  const versionTime = new Date(Math.max(Date.parse(options.versionTime), latestTime + 1000)).toISOString().replace(/\.\d+Z$/, 'Z');
  // Without pre-rotation, the keys in force are the latest version's (did:webvh "Authorized Keys").
  const signer = [options.current, options.previousKey].find((key) => key !== undefined && latest.updateKeys.includes(key.publicKeyMultibase));
  if (!signer) {
    const named = latest.updateKeys.map((key) => `${key}${options.keyFiles.has(key) ? ` (${options.keyFiles.get(key)})` : ''}`).join(', ');
    return {
      ...unchanged,
      warning: `the DID history (did.jsonl) stays at version ${versions.length}: only ${named} may add to it, and this build signs with ${options.current.publicKeyMultibase}. To record the key rotation, run one build with LAUREL_PREVIOUS_SIGNING_KEY set to that key's secret (README, "Rotating keys"). Credentials still verify through did:web.`,
    };
  }
  const handsOver = latest.updateKeys.length !== 1 || latest.updateKeys[0] !== options.current.publicKeyMultibase;
  const entry = await appendDidLogEntry(entries, { state, parameters: handsOver ? { updateKeys: [options.current.publicKeyMultibase] } : {}, versionTime, signer });
  return { did, text: serializeDidLog([...entries, entry]), versions: versions.length + 1, appended: 1, ...(options.previousKey && signer !== options.previousKey ? { warning: PREVIOUS_KEY_NOT_NEEDED } : {}) };
}
