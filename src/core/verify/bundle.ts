/**
 * A verification bundle: one file a learner keeps, holding the credential and every file of the
 * issuer that its verification read (the DID document, the status lists, the transparency log's
 * checkpoint, index, entry bundles and tiles), recorded while a verifier checked it live.
 *
 * Verifying a bundle runs the very same checks. Each of the issuer's files is fetched live first;
 * only a file that cannot be fetched (the site is gone, the reader is offline) is taken from the
 * bundle. A check that then rests on a saved file says so and never passes: the issuer's key
 * read from a saved DID document is "could not check", because anyone can write a bundle whose
 * saved DID document lists their own key under another issuer's name; the status read from a
 * saved list is "could not check", because the issuer may have revoked the credential since.
 * What a bundle still proves with no network at all: this credential was signed by the key the
 * saved DID document lists, nothing in it has changed, and the log signed by that key listed it
 * when the bundle was saved. Pure: the caller saves and reads the file.
 */
import { base64 } from '@scure/base';
import type { FetchJson } from '../did.ts';
import { result, type CheckResult } from './check.ts';
import type { FetchLogFile } from './log.ts';
import { asArray, isRecord, type Json } from './json-shape.ts';

export const BUNDLE_TYPE = 'LaurelVerificationBundle';

/** A file as it was read: JSON (the issuer's documents) or bytes in base64 (the log's files). */
export type BundledFile = { readonly json: unknown } | { readonly base64: string };

export interface VerificationBundle {
  readonly type: typeof BUNDLE_TYPE;
  readonly version: 1;
  /** When the files were read (ISO 8601): what they show is as of then. */
  readonly savedAt: string;
  readonly credential: Json;
  /** Every file the verification read, by the URL it was read at. */
  readonly files: Readonly<Record<string, BundledFile>>;
}

export interface Fetchers {
  readonly fetchJson: FetchJson;
  readonly fetchLogFile?: FetchLogFile | undefined;
}

/** Fetchers that keep what they read, for a bundle made once the verification ends. */
export function recordingFetchers(fetchers: Fetchers): Fetchers & { files: () => Record<string, BundledFile> } {
  const files = new Map<string, BundledFile>();
  const fetchJson: FetchJson = async (url) => {
    const fetched = await fetchers.fetchJson(url);
    if (fetched.ok) files.set(url, { json: structuredClone(fetched.json) });
    return fetched;
  };
  const inner = fetchers.fetchLogFile;
  const fetchLogFile: FetchLogFile | undefined =
    inner &&
    (async (url) => {
      const fetched = await inner(url);
      if (fetched.ok) files.set(url, { base64: base64.encode(fetched.bytes) });
      return fetched;
    });
  // Sorted, so that two bundles of the same files are the same bytes.
  const recorded = () => Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { fetchJson, fetchLogFile, files: recorded };
}

export function makeBundle(credential: Json, files: Readonly<Record<string, BundledFile>>, savedAt: Date): VerificationBundle {
  return { type: BUNDLE_TYPE, version: 1, savedAt: savedAt.toISOString(), credential, files };
}

/** A bundle's file name: the credential's own name when it has a readable one. */
export function bundleFileName(credential: Json): string {
  const id = typeof credential['id'] === 'string' ? credential['id'] : '';
  const last = id.replace(/[?#].*$/, '').replace(/\.json$/, '').split(/[/:]/).filter(Boolean).pop() ?? '';
  const safe = last.replace(/[^\w.-]/g, '').slice(0, 80);
  return `${safe === '' ? 'credential' : safe}.verification-bundle.json`;
}

/** Whether this JSON claims to be a bundle: then it is read as one or refused, never taken for a credential. */
export function looksLikeBundle(value: unknown): boolean {
  return isRecord(value) && value['type'] === BUNDLE_TYPE;
}

/** The bundle this JSON is, or why not (a clause). */
export function readBundle(value: unknown): { ok: true; bundle: VerificationBundle } | { ok: false; problem: string } {
  if (!isRecord(value) || value['type'] !== BUNDLE_TYPE) return { ok: false, problem: `its type is not ${BUNDLE_TYPE}` };
  if (value['version'] !== 1) return { ok: false, problem: 'it is of a version this verifier does not read (it reads version 1)' };
  const { savedAt, credential, files } = value;
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return { ok: false, problem: 'its savedAt is not a date' };
  if (!isRecord(credential)) return { ok: false, problem: 'it holds no credential' };
  if (!isRecord(files)) return { ok: false, problem: 'its files are not an object' };
  for (const [url, file] of Object.entries(files)) {
    const one = isRecord(file) && (('json' in file && !('base64' in file)) || (typeof file['base64'] === 'string' && !('json' in file)));
    if (!one) return { ok: false, problem: `its file ${url} is neither {"json": …} nor {"base64": "…"}` };
  }
  return { ok: true, bundle: value as unknown as VerificationBundle };
}

/**
 * The live fetchers, with the bundle's files standing in for what cannot be fetched. `recorded`
 * lists the URLs that were read from the bundle. `live` may be fetchers that always fail (the
 * command line's --offline).
 */
export function fallbackFetchers(bundle: VerificationBundle, live: Fetchers): Fetchers & { recorded: () => string[] } {
  const used = new Set<string>();
  const saved = (url: string) => (Object.hasOwn(bundle.files, url) ? bundle.files[url] : undefined);
  const fetchJson: FetchJson = async (url) => {
    const fetched = await live.fetchJson(url).catch((error: unknown) => ({ ok: false as const, reason: String(error) }));
    const file = saved(url);
    if (fetched.ok || !file || !('json' in file)) return fetched;
    used.add(url);
    return { ok: true, json: structuredClone(file.json) };
  };
  const fetchLogFile: FetchLogFile = async (url) => {
    const fetched = live.fetchLogFile ? await live.fetchLogFile(url).catch((error: unknown) => ({ ok: false as const, reason: String(error) })) : { ok: false as const, reason: 'the log cannot be read here' };
    const file = saved(url);
    if (fetched.ok || !file || !('base64' in file)) return fetched;
    try {
      const bytes = base64.decode(file.base64);
      used.add(url);
      return { ok: true, bytes };
    } catch {
      return { ok: false, reason: `${url} in the verification bundle is not base64` };
    }
  };
  return { fetchJson, fetchLogFile, recorded: () => [...used].sort() };
}

/** The status list URLs a credential names (BSL §2.1 statusListCredential). */
function statusListUrls(credential: Json): Set<string> {
  const urls = new Set<string>();
  for (const entry of asArray(credential['credentialStatus'])) if (isRecord(entry) && typeof entry['statusListCredential'] === 'string') urls.add(entry['statusListCredential']);
  return urls;
}

/**
 * The checks of a bundle's verification, with what rested on saved files said so. A key found
 * only in a saved DID document, and a status read only from a saved list, cannot be confirmed:
 * they become "could not check" (`issuer-key.recorded`, `status.recorded`), so the verdict is
 * never "Verified" on the bundle's word. The log's proof holds against the checkpoint the saved
 * key signed; it keeps its state and names the day the files were saved.
 */
export function asRecorded(checks: readonly CheckResult[], credential: Json, bundle: VerificationBundle, recorded: readonly string[]): CheckResult[] {
  const lists = statusListUrls(credential);
  // The log's files are kept as bytes, the issuer's documents (DID document, status lists) as JSON.
  const isLogFile = (url: string) => {
    const file = bundle.files[url];
    return file !== undefined && 'base64' in file;
  };
  const savedIssuerFiles = recorded.some((url) => !lists.has(url) && !isLogFile(url));
  const savedLists = recorded.some((url) => lists.has(url));
  const savedLog = recorded.some(isLogFile);
  const { savedAt } = bundle;
  return checks.map((check) => {
    if (check.id === 'issuer-key' && savedIssuerFiles && (check.state === 'passed' || check.state === 'warning')) {
      return result('issuer-key', 'unknown', 'issuer-key.recorded', { ...check.params, savedAt }, { ...check.details, recordedCode: check.code });
    }
    if (check.id === 'status' && savedLists && (check.state === 'passed' || check.state === 'warning')) {
      return result('status', 'unknown', 'status.recorded', { ...check.params, savedAt }, { ...check.details, recordedCode: check.code });
    }
    if (check.id === 'log' && savedLog && (check.code === 'log.logged' || check.code === 'log.withdrawn')) return { ...check, params: { ...check.params, savedAt } };
    return check;
  });
}
