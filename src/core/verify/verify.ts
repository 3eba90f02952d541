/**
 * Verifies a credential (OB 3.0 §"Verification") as a checklist of named steps known before they
 * run (./check.ts), and returns a report; it never throws on what it is given. Pure and
 * browser-safe: the clock, the fetcher, the document loader and the schema validator are passed
 * in, so the command line, the build and the verify page run exactly the same checks. Each check
 * is a module of its own; this one runs them in order and words the results (./messages.ts).
 */
import type { FetchJson } from '../did.ts';
import { createDocumentLoader, type DocumentLoader } from '../document-loader.ts';
import { CHECK_IDS, overallStatus, reportStatus, result, type Check, type NestedCredentials, type CheckId, type CheckResult, type VerificationReport } from './check.ts';
import { checkContexts } from './contexts.ts';
import { checkFormat, type DocumentKind, type FormatResult } from './format.ts';
import { guardDocument, parseJsonText, unreadable, type Unreadable } from './input.ts';
import { checkIssuerKey } from './issuer-key.ts';
import { errorMessage, dateOf, type Json } from './json-shape.ts';
import { describeCheck, english, type VerifierMessages } from './messages.ts';
import { checkRecipient } from './recipient.ts';
import { checkSchema, type SchemaValidators } from './schema.ts';
import { checkSignature, proofCandidates, type ProofSelection } from './signature.ts';
import { checkLog, type FetchLogFile } from './log.ts';
import { checkStatus, type ListAuthentication } from './status.ts';
import { checkValidity } from './validity.ts';
import { heldVerdict, verifyNestedCredentials } from './nested.ts';
import { asRecorded, fallbackFetchers, looksLikeBundle, readBundle, type VerificationBundle } from './bundle.ts';

export interface VerifyDeps {
  readonly now: Date;
  readonly fetchJson: FetchJson;
  /** Reads the files of an issuer's transparency log (bytes); without it, a logged issuer's log check ends "could not check". */
  readonly fetchLogFile?: FetchLogFile | undefined;
  /** Defaults to the fail-closed loader over the pinned contexts. */
  readonly documentLoader?: DocumentLoader | undefined;
  /** The OB 3.0 JSON Schemas as functions (the browser passes precompiled ones); one function is the achievement schema. */
  readonly validateSchema?: SchemaValidators | undefined;
  /** An email address to compare with the credential's hashed recipient identifiers. */
  readonly recipientEmail?: string | undefined;
  /** The words of the report; English by default. */
  readonly messages?: VerifierMessages | undefined;
}

export function plannedChecks(messages: VerifierMessages = english): Array<{ id: CheckId; title: string; question: string }> {
  return CHECK_IDS.map((id) => ({ id, title: messages.titles[id], question: messages.questions[id] }));
}

// ---------------------------------------------------------------------------------------------
// Authenticity of a document: format, contexts, issuer-key, proof (shared with status lists)

interface Authenticity {
  readonly format: FormatResult;
  readonly contexts: CheckResult;
  readonly issuerKey: CheckResult;
  readonly proof: CheckResult;
  /** The key that was found, when one was. */
  readonly key: Awaited<ReturnType<typeof checkIssuerKey>>['key'];
}

async function checkAuthenticity(doc: Json, kind: DocumentKind, deps: VerifyDeps, loader: DocumentLoader): Promise<Authenticity> {
  const format = checkFormat(doc, kind);
  const contexts = await checkContexts(doc, loader);
  // The OB key-provenance rule applies to badges and status lists; a plain VC gets a warning.
  const strictController = format.openBadge || kind === 'status-list';
  const candidates = proofCandidates(doc);
  const selections: ProofSelection[] = candidates.ok ? candidates.proofs.map((proof) => ({ ok: true, proof, ignored: candidates.total - 1 })) : [candidates];
  // Any one proof suffices (OB 3.0 integrity.md): the first whose key is the issuer's and whose
  // signature holds is the one reported; when none does, the best-ranked one's failure is.
  let first: Authenticity | undefined;
  for (const selection of selections) {
    const { check: issuerKey, key } = await checkIssuerKey(doc, selection, deps.fetchJson, deps.now, strictController, deps.fetchLogFile);
    const proof = await checkSignature(doc, selection, key, contexts.state === 'passed', deps.now, loader);
    const attempt = { format, contexts, issuerKey, proof, key };
    if (issuerKey.state !== 'failed' && proof.state === 'passed') return attempt;
    first ??= attempt;
  }
  return first!;
}

/**
 * BSL §4.3 step 4: a status list credential is verified with the same machinery (format, contexts,
 * issuer key, signature; its own status is not followed) and must be inside its validity period.
 */
async function authenticateStatusList(json: unknown, url: string, deps: VerifyDeps, loader: DocumentLoader): Promise<ListAuthentication> {
  const guarded = guardDocument(json);
  if (!guarded.ok) return { ok: false, problem: 'list-unreadable', params: { url, unreadable: guarded.code, unreadableParams: guarded.params ?? {} } };
  const list = guarded.document;
  const authenticity = await checkAuthenticity(list, 'status-list', deps, loader);
  const checks = [authenticity.format.check, authenticity.contexts, authenticity.issuerKey, authenticity.proof];
  const bad = checks.find((c) => c.state !== 'passed' && c.state !== 'warning');
  // STATUS_VERIFICATION_ERROR; the failing check's reason, not its work (that is in `checks`).
  if (bad) return { ok: false, problem: 'list-unverified', params: { url, check: { id: bad.id, code: bad.code, params: bad.params ?? {} } }, checks };
  const now = deps.now.getTime();
  // A VCDM 1.1 list (StatusList2021) names its period issuanceDate and expirationDate.
  const fromText = list['validFrom'] ?? (authenticity.format.vcVersion === 1 ? list['issuanceDate'] : undefined);
  const untilText = list['validUntil'] ?? (authenticity.format.vcVersion === 1 ? list['expirationDate'] : undefined);
  const from = dateOf(fromText);
  const until = dateOf(untilText);
  if ((fromText !== undefined && (from === undefined || from > now)) || (untilText !== undefined && (until === undefined || until <= now))) {
    return { ok: false, problem: 'list-out-of-date', params: { url }, checks };
  }
  return { ok: true, document: list, checks };
}

// ---------------------------------------------------------------------------------------------
// The checklist

const defaultLoader = createDocumentLoader();

/** One verification fetches each URL once (the issuer's did.json serves the credential and its status list). */
function fetchOnce<T>(fetch: (url: string) => Promise<{ ok: true } & T | { ok: false; reason: string }>): (url: string) => Promise<{ ok: true } & T | { ok: false; reason: string }> {
  const seen = new Map<string, Promise<{ ok: true } & T | { ok: false; reason: string }>>();
  return (url) => {
    let pending = seen.get(url);
    if (!pending) {
      pending = (async () => {
        try {
          return await fetch(url);
        } catch (error) {
          return { ok: false as const, reason: errorMessage(error) };
        }
      })();
      seen.set(url, pending);
    }
    return pending;
  };
}

const once = (deps: VerifyDeps): VerifyDeps => ({
  ...deps,
  fetchJson: fetchOnce(deps.fetchJson),
  ...(deps.fetchLogFile ? { fetchLogFile: fetchOnce(deps.fetchLogFile) } : {}),
});

function skipRest(done: readonly CheckResult[], code: 'skipped.unreadable' | 'skipped.internal-error'): CheckResult[] {
  const ids = new Set(done.map((c) => c.id));
  return [...done, ...CHECK_IDS.filter((id) => !ids.has(id)).map((id) => result(id, 'skipped', code))];
}

function report(results: readonly CheckResult[], messages: VerifierMessages, credential?: Json): VerificationReport {
  const checks: Check[] = results.map((check) => describeCheck(check, messages));
  return credential === undefined ? { status: overallStatus(checks), checks } : { status: overallStatus(checks), checks, credential };
}

/** The report for input that is not a credential at all: format fails, nothing else runs. */
export function unreadableReport(why: Unreadable, messages: VerifierMessages = english): VerificationReport {
  const format = result('format', 'failed', 'format.unreadable', { unreadable: why.code, unreadableParams: why.params ?? {} }, { reason: messages.unreadable(why.code, why.params ?? {}) });
  return report(skipRest([format], 'skipped.unreadable'), messages);
}

/**
 * Runs every check on an already parsed credential, and on the credentials inside it
 * (./nested.ts); or on the credential of a verification bundle, with its saved files standing in
 * for what cannot be fetched (./bundle.ts). Never throws.
 */
export async function verifyCredential(input: unknown, deps: VerifyDeps): Promise<VerificationReport> {
  if (looksLikeBundle(input)) {
    const read = readBundle(input);
    if (!read.ok) return unreadableReport(unreadable('bad-bundle', { problem: read.problem }), deps.messages);
    return verifyBundle(read.bundle, deps);
  }
  return verifyWithNested(input, deps);
}

async function verifyWithNested(input: unknown, deps: VerifyDeps): Promise<VerificationReport> {
  deps = once(deps);
  const outer = await verifyOne(input, deps);
  if (!outer.credential) return outer;
  const family = outer.checks.find((c) => c.id === 'format')?.details?.['family'];
  // Nesting depth 1: a nested credential is verified by verifyOne, which does not look inside it.
  const nested = await verifyNestedCredentials(outer.credential, family === 'clr' ? 'clr' : 'achievement', (credential) => verifyOne(credential, deps));
  return nested ? withNested(outer, nested, family === 'clr') : outer;
}

/**
 * The report with its nested credentials; for a CLR, its verdict is also theirs (./nested.ts
 * heldVerdict): a transcript holding a changed or revoked credential is not verified.
 */
function withNested(outer: VerificationReport, nested: NestedCredentials, clr: boolean): VerificationReport {
  if (!clr) return { ...outer, nested };
  const held = heldVerdict(nested);
  return { ...outer, status: reportStatus(outer.checks, held), nested, held };
}

/**
 * A bundle's credential, verified live where the issuer's files can be fetched and with the
 * bundle's copies where they cannot; what rested on a copy is said so (./bundle.ts asRecorded).
 */
async function verifyBundle(bundle: VerificationBundle, deps: VerifyDeps): Promise<VerificationReport> {
  const messages = deps.messages ?? english;
  if (looksLikeBundle(bundle.credential)) return unreadableReport(unreadable('bad-bundle', { problem: 'it holds another bundle, not a credential' }), messages);
  const fetchers = fallbackFetchers(bundle, deps);
  const live = await verifyWithNested(bundle.credential, { ...deps, ...fetchers });
  const recorded = fetchers.recorded();
  const redo = (inner: VerificationReport): VerificationReport => {
    if (!inner.credential) return inner;
    const checks = asRecorded(inner.checks, inner.credential, bundle, recorded).map((check) => describeCheck(check, messages));
    return { ...inner, checks, status: overallStatus(checks) };
  };
  const outer = redo(live);
  const nested = live.nested && { ...live.nested, reports: live.nested.reports.map((one) => ({ ...one, report: redo(one.report) })) };
  return { ...(nested ? withNested(outer, nested, live.held !== undefined) : outer), bundle: { savedAt: bundle.savedAt, files: Object.keys(bundle.files).length, recorded } };
}

async function verifyOne(input: unknown, deps: VerifyDeps): Promise<VerificationReport> {
  const messages = deps.messages ?? english;
  const guarded = guardDocument(input);
  if (!guarded.ok) return unreadableReport(guarded, messages);
  const doc = guarded.document;
  const loader = deps.documentLoader ?? defaultLoader;
  deps = once(deps);
  const checks: CheckResult[] = [];
  try {
    const authenticity = await checkAuthenticity(doc, 'credential', deps, loader);
    checks.push(authenticity.format.check, authenticity.contexts, checkSchema(doc, authenticity.format, deps.validateSchema), authenticity.issuerKey, authenticity.proof);
    // The status list address is only trusted (and only fetched) once the credential is known to be the issuer's.
    const authentic = authenticity.proof.state === 'passed' && authenticity.issuerKey.state !== 'failed';
    if (authentic) {
      const authenticate = (json: unknown, url: string) => authenticateStatusList(json, url, deps, loader);
      const [status, log] = await Promise.all([
        checkStatus(doc, { fetchJson: deps.fetchJson, authenticate, issuerKey: authenticity.key }),
        checkLog(doc, { fetchJson: deps.fetchJson, fetchLogFile: deps.fetchLogFile, issuerKey: authenticity.key }),
      ]);
      checks.push(status, log);
    } else {
      checks.push(result('status', 'skipped', 'status.not-authentic'), result('log', 'skipped', 'log.not-authentic'));
    }
    // The dates and recipient are checked once the signature holds (a warning such as a future
    // `created` included) with a key that is not refused.
    const signed = (authenticity.proof.state === 'passed' || authenticity.proof.state === 'warning') && authenticity.issuerKey.state !== 'failed';
    if (signed) {
      checks.push(checkValidity(doc, authenticity.format.vcVersion, deps.now), checkRecipient(doc, deps.recipientEmail));
    } else {
      // A forgery's dates and recipient are the forger's: checking them would only lend them weight.
      checks.push(result('validity', 'skipped', 'validity.not-authentic'), result('recipient', 'skipped', 'recipient.not-authentic'));
    }
  } catch (error) {
    // A bug, not a verdict on the credential: say so, and fail closed.
    const next = CHECK_IDS.find((id) => !checks.some((c) => c.id === id)) ?? 'format';
    checks.push(result(next, 'failed', 'internal-error', {}, { error: errorMessage(error) }));
    return report(skipRest(checks, 'skipped.internal-error'), messages, doc);
  }
  return report(checks, messages, doc);
}

/** Parses JSON text (at most 1 MB, nested at most 64 levels) and verifies it. */
export async function verifyCredentialJson(text: string, deps: VerifyDeps): Promise<VerificationReport> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return unreadableReport(parsed, deps.messages);
  return verifyCredential(parsed.value, deps);
}

/** The report with the recipient check redone for `email`, here and now; nothing is fetched. */
export function withRecipient(report: VerificationReport, email: string | undefined, messages: VerifierMessages = english): VerificationReport {
  if (!report.credential) return report;
  if (report.checks.some((check) => check.code === 'recipient.not-authentic')) return report;
  const recipient = describeCheck(checkRecipient(report.credential, email === undefined || email.trim() === '' ? undefined : email), messages);
  const checks = report.checks.map((check) => (check.id === 'recipient' ? recipient : check));
  return { ...report, checks, status: reportStatus(checks, report.held) };
}
