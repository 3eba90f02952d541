/**
 * A site of test/helpers/verify-site.ts whose DID document announces a transparency log, with the
 * log the build's own code writes (src/issue/transparency-log.ts extendLog) served from memory.
 */
import { buildDidDocument } from '../../src/core/did.ts';
import { jsonDigest } from '../../src/core/tlog/entry.ts';
import type { FetchLogFile } from '../../src/core/verify/log.ts';
import type { VerifyDeps } from '../../src/core/verify/verify.ts';
import { extendLog, type ExtendedLog, type Publication } from '../../src/issue/transparency-log.ts';
import { DID, DID_URL, NOW, SITE, buildSite, key, memoryFetch, type Json } from './verify-site.ts';

export const LOG = `${SITE}log/`;
export const logService = { id: `${DID}#transparency-log`, type: 'TransparencyLog' as const, serviceEndpoint: LOG };

/** What a build logs of a credential: the SHA-256 of its JSON as hosted, compact and with a newline (src/issue/json-text.ts). */
export const published = (credential: Json, extra: Partial<Publication> = {}): Publication =>
  ({ id: credential['id'] as string, state: 'valid', sha256: jsonDigest(`${JSON.stringify(credential)}\n`), issuedOn: '2025-06-01T00:00:00Z', ...extra }) as Publication;

/** `count` other credentials, logged before the ones under test (a build logs in the order of ids). */
export const others = (count: number): Publication[] =>
  Array.from({ length: count }, (_, n) => ({ id: `${SITE}credentials/0-other-${String(n).padStart(4, '0')}.json`, state: 'valid', sha256: n.toString(16).padStart(64, '0'), issuedOn: '2025-06-01T00:00:00Z' }));

/** The log after builds that published these lists of credentials, one build each. */
export function logOf(builds: ReadonlyArray<readonly Publication[]>, signer = key): ExtendedLog {
  let log: ExtendedLog | undefined;
  builds.forEach((publications, build) => {
    const previous = log && { checkpoint: new TextDecoder().decode(log.files.find((file) => file.path === 'checkpoint')!.bytes), entries: log.entries, earlierSizes: log.earlierSizes };
    log = extendLog(previous, publications, { prefix: LOG, trustedKeys: [signer.publicKey], signer, loggedAt: `2025-0${6 + build}-02T09:00:00.000Z` });
  });
  return log!;
}

/** The site with its DID document announcing the log, and its log files served by URL. */
export async function loggedSite(log: ExtendedLog | undefined, change: (files: Map<string, Uint8Array>) => void = () => undefined) {
  const site = await buildSite();
  site.set(DID_URL, buildDidDocument(DID, [key.publicKeyMultibase], [logService]));
  const files = new Map((log?.files ?? []).map((file) => [LOG + file.path, file.bytes]));
  change(files);
  const calls: string[] = [];
  const fetchLogFile: FetchLogFile = async (url) => {
    calls.push(url);
    const bytes = files.get(url);
    return bytes ? { ok: true, bytes } : { ok: false, reason: `404 Not Found: ${url}` };
  };
  return { deps: { now: NOW, fetchJson: memoryFetch(site), fetchLogFile } satisfies VerifyDeps, calls, site, files };
}

