/**
 * The verify page's engine, loaded on first use (element.ts imports it dynamically, so a
 * certificate page pays for it only when someone presses "Verify"): reads the input, runs the
 * same core verifier the build and the command line use, and times it.
 */
import type { FetchJson } from '../core/did.ts';
import { createDocumentLoader, CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT } from '../core/document-loader.ts';
import { keyPairFromSeed } from '../core/multikey.ts';
import { createProof } from '../core/proof.ts';
import { openBadgeSchemas, validateOpenBadgeSchema } from '../core/schemas/ob-schema.ts';
import type { VerificationReport } from '../core/verify/check.ts';
import type { Origin } from '../core/verify/input.ts';
import { unreadableReport, verifyCredential, verifyCredentialJson } from '../core/verify/verify.ts';
import { bundleFileName, makeBundle, recordingFetchers } from '../core/verify/bundle.ts';
import { verifierMessagesFor } from '../core/verify/languages.ts';
import { createFetcher, type Fetcher } from './fetcher.ts';
import { loadInput, type VerifyInput } from './input.ts';
import { localPreview, toLocal, type LocalPreview } from './local-preview.ts';
import { verifierPageWordsFor } from './page-words.ts';
import type { VerifierPageWords } from './words.ts';

export interface Run {
  report: VerificationReport;
  /** How the credential arrived, when it could be read. */
  origin?: Origin;
  /** Time spent in the core verifier, fetching the issuer's files included (reading the input not). */
  durationMs: number;
  /** Of that, the time some fetch of the issuer's files was under way. */
  fetchMs: number;
  /**
   * The verification bundle of this run, to offer for download: the credential and the issuer's
   * files it read, when it verified with the issuer's live files.
   */
  bundle?: { readonly fileName: string; readonly text: string };
}

/** Wall time during which at least one fetch is pending (parallel fetches are not counted twice). */
function fetchTimer(): { timed: <F extends (url: string) => Promise<unknown>>(fetch: F) => F; elapsed: () => number } {
  let pending = 0;
  let since = 0;
  let total = 0;
  const timed = <F extends (url: string) => Promise<unknown>>(fetch: F): F =>
    (async (url: string) => {
      if (pending++ === 0) since = performance.now();
      try {
        return await fetch(url);
      } finally {
        if (--pending === 0) total += performance.now() - since;
      }
    }) as F;
  return { timed, elapsed: () => total };
}

/**
 * The page's fetcher: https anywhere, or this page's own origin; no cookies, no referrer, and a
 * revalidated cache (a status list changes when the issuer revokes). The browser hides why a
 * request failed (offline, DNS, CORS) from scripts on purpose, so the reason says what it may be.
 */
function pageFetcher(preview: LocalPreview | undefined, words: Pick<VerifierPageWords, 'unreachable' | 'fetchReasons'>): Fetcher {
  return createFetcher({
    fetch: (url, init) => fetch(toLocal(preview, url.href), init),
    base: location.href,
    allowedOrigins: [location.origin],
    init: { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' },
    redirects: 'platform',
    describeError: () => words.unreachable,
    reasons: words.fetchReasons,
  });
}

/**
 * Verifies what the visitor gave. On a local preview of the site at `siteUrl`, the site's own
 * files are read from the local server (./local-preview.ts). The report is worded in `language`,
 * the page's.
 */
export async function verifyInput(input: VerifyInput, siteUrl?: string, language = 'en'): Promise<Run> {
  const messages = verifierMessagesFor(language);
  // Warm up while the credential downloads, if that has not happened yet (a deep link).
  void warmUp().catch(() => undefined);
  const fetcher = pageFetcher(localPreview(siteUrl, new URL(location.href)), verifierPageWordsFor(language));
  const loaded = await loadInput(input, fetcher);
  if (!loaded.ok) return { report: unreadableReport(loaded, messages), durationMs: 0, fetchMs: 0 };
  const timer = fetchTimer();
  const recording = recordingFetchers({ fetchJson: timer.timed(fetcher.fetchJson), fetchLogFile: timer.timed(fetcher.fetchLogFile) });
  const started = performance.now();
  const now = new Date();
  const report = await verifyCredentialJson(loaded.text, { now, fetchJson: recording.fetchJson, fetchLogFile: recording.fetchLogFile, validateSchema: openBadgeSchemas, messages });
  const run: Run = { report, origin: loaded.origin, durationMs: performance.now() - started, fetchMs: timer.elapsed() };
  const live = (report.status === 'verified' || report.status === 'warning') && (report.bundle?.recorded.length ?? 0) === 0;
  if (!live || !report.credential) return run;
  return { ...run, bundle: { fileName: bundleFileName(report.credential), text: `${JSON.stringify(makeBundle(report.credential, recording.files(), now))}\n` } };
}

let warm: Promise<void> | undefined;

/**
 * Does once, while the visitor is still choosing what to verify (or while the credential
 * downloads), the work a first verification would otherwise pay for: processing the pinned VC 2.0
 * and OB 3.0 contexts (JSON-LD keeps them processed), Ed25519's precomputed tables, and compiling
 * every step of the checks. It verifies a throwaway credential it signs itself with a did:key made
 * from a fixed, public seed; nothing is fetched, and the result is thrown away.
 */
export function warmUp(): Promise<void> {
  warm ??= (async () => {
    const keys = keyPairFromSeed(new Uint8Array(32).fill(1));
    const did = `did:key:${keys.publicKeyMultibase}`;
    const loader = createDocumentLoader();
    const unsigned = {
      '@context': [CREDENTIALS_V2_CONTEXT, OB_V3P0_CONTEXT],
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: 'Warm-up' },
      validFrom: '2020-01-01T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'warm-up', identityHash: 'sha256$00' }],
        achievement: { id: 'urn:uuid:00000000-0000-4000-8000-000000000001', type: ['Achievement'], name: 'Warm-up', description: 'Warm-up', criteria: { narrative: 'Warm-up' } },
      },
    };
    const options = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2020-01-01T00:00:00Z', verificationMethod: `${did}#${keys.publicKeyMultibase}`, proofPurpose: 'assertionMethod' } as const;
    const signed = await createProof(unsigned, options, keys.secretKey, loader);
    if (!signed.ok) return;
    const offline: FetchJson = async () => ({ ok: false, reason: 'warm-up' });
    await verifyCredential({ ...unsigned, proof: [signed.proof] }, { now: new Date(), fetchJson: offline, documentLoader: loader, validateSchema: validateOpenBadgeSchema });
  })();
  return warm;
}

/** Compares an email address with the credential's hashed recipient, here in the page; nothing is fetched. */
export { plannedChecks, withRecipient } from '../core/verify/verify.ts';
export { describeVerdict } from '../core/verify/messages.ts';
export { verifierMessagesFor } from '../core/verify/languages.ts';
