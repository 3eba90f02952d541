/**
 * What a verification is made of: the named checks, known before they run (so a page can show the
 * checklist first), each ending in a state and a stable reason code with its parameters and the
 * machine details behind it. Sentences are not made here: ./messages.ts turns codes into words.
 */

/** The checks, in the order they run and are shown. */
export const CHECK_IDS = ['format', 'contexts', 'schema', 'issuer-key', 'proof', 'status', 'log', 'validity', 'recipient'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** `unknown` is "could not check"; `skipped` is "not checked, because of an earlier result or no input". */
export type CheckState = 'passed' | 'failed' | 'warning' | 'unknown' | 'skipped';

/**
 * Every reason a check can end with, `<check>.<reason>`. Stable: tools, tests and translations
 * rely on them. `skipped.*` reasons are shared by every check.
 */
export type CheckCode =
  | 'format.open-badge' | 'format.endorsement' | 'format.clr' | 'format.status-list' | 'format.not-open-badge' | 'format.malformed' | 'format.unreadable'
  | 'contexts.known' | 'contexts.missing' | 'contexts.invalid-entry' | 'contexts.unknown'
  | 'schema.valid' | 'schema.invalid' | 'schema.not-open-badge' | 'schema.no-validator' | 'schema.version-1' | 'schema.checker-error' | 'schema.clr'
  | 'issuer-key.published' | 'issuer-key.did-key' | 'issuer-key.not-found' | 'issuer-key.wrong-controller' | 'issuer-key.other-controller'
  | 'issuer-key.withdrawn' | 'issuer-key.expired' | 'issuer-key.no-proof' | 'issuer-key.recorded' | 'issuer-key.history-problem'
  | 'proof.valid' | 'proof.bad-signature' | 'proof.malformed' | 'proof.unknown-context' | 'proof.undefined-term' | 'proof.not-linked-data'
  | 'proof.unsigned' | 'proof.wrong-purpose' | 'proof.unsupported' | 'proof.expired' | 'proof.contexts-unknown' | 'proof.no-key'
  | 'proof.after-key-expired' | 'proof.created-in-future'
  | 'status.none' | 'status.clear' | 'status.revoked' | 'status.suspended' | 'status.unknown' | 'status.not-authentic' | 'status.recorded'
  | 'log.logged' | 'log.withdrawn' | 'log.none' | 'log.missing' | 'log.not-logged' | 'log.checkpoint-not-signed' | 'log.inconsistent' | 'log.unknown' | 'log.not-authentic' | 'log.anchor-invalid'
  | 'validity.until' | 'validity.no-expiry' | 'validity.no-dates' | 'validity.expired' | 'validity.not-yet' | 'validity.bad-start'
  | 'validity.bad-end' | 'validity.ends-before-starts' | 'validity.no-clock' | 'validity.not-authentic'
  | 'recipient.match' | 'recipient.mismatch' | 'recipient.no-email-identifier' | 'recipient.no-email-given' | 'recipient.not-authentic'
  | 'internal-error' | 'skipped.unreadable' | 'skipped.internal-error';

/** Values a reason's sentence names: a URL, a date, a key's controller. Plain data. */
export type CheckParams = Readonly<Record<string, unknown>>;

/** What a check concludes, as data. */
export interface CheckResult {
  readonly id: CheckId;
  readonly state: CheckState;
  readonly code: CheckCode;
  readonly params?: CheckParams;
  /** Machine data so an expert can redo the step by hand. */
  readonly details?: Record<string, unknown>;
}

/** A check with its words, as reports carry it. */
export interface Check extends CheckResult {
  readonly title: string;
  /** One plain sentence a non-expert understands. */
  readonly summary: string;
}

/**
 * The verdict, one word for the whole report. By precedence (the worst wins):
 * - `failed`: some check failed: the credential is forged, changed, revoked, suspended, not yet valid…
 * - `expired`: nothing else failed, but it is past its end date. OB 3.0 §Verification (VCDM 2.0
 *   §4.9) treats an expired credential as not in force, so it is no "verified, with warnings";
 *   its signature can still be authentic, which the checks say.
 * - `unchecked`: nothing failed, but some check could not be done (a status list that could not
 *   be fetched): nobody can say it is in force.
 * - `warning`: everything needed passed, with warnings to read.
 * - `verified`: every check passed.
 */
export type OverallStatus = 'verified' | 'warning' | 'expired' | 'unchecked' | 'failed';

/** The verdicts from best to worst: of several reports, the last one met decides. */
export const VERDICT_ORDER: readonly OverallStatus[] = ['verified', 'warning', 'unchecked', 'expired', 'failed'];

/** The worst of several verdicts (a folder of credentials), by the precedence above. */
export function worstVerdict(verdicts: Iterable<OverallStatus>): OverallStatus {
  let worst: OverallStatus = 'verified';
  for (const verdict of verdicts) if (VERDICT_ORDER.indexOf(verdict) > VERDICT_ORDER.indexOf(worst)) worst = verdict;
  return worst;
}

export interface VerificationReport {
  readonly status: OverallStatus;
  readonly checks: readonly Check[];
  /** The credential that was checked, when it could be read as a JSON object. */
  readonly credential?: Record<string, unknown>;
  /** Credentials inside this one (endorsements, a CLR's credentials), each verified on its own (./nested.ts). */
  readonly nested?: NestedCredentials;
  /**
   * For a CLR 2.0 transcript: what its credentials' own verdicts make of it. `status` above is
   * the worse of the transcript's checks and this, so a changed credential inside fails the whole.
   */
  readonly held?: HeldCredentials;
  /** Whether the issuer is on the trust list the verifier was given, if one was (./trust-list.ts). */
  readonly trustedIssuer?: TrustedIssuer;
  /** The input was a verification bundle (./bundle.ts): when it was saved, and which of its files were used. */
  readonly bundle?: BundleUse;
}

/** What a report says of the verification bundle (./bundle.ts) it checked: when it was saved, and which of its files stood in for the network. */
export interface BundleUse {
  readonly savedAt: string;
  /** How many files the bundle holds. */
  readonly files: number;
  /** The URLs that could not be fetched live and were read from the bundle, sorted. */
  readonly recorded: readonly string[];
}

/** The issuer looked up on a trust list. `unproven`: not looked up, the credential is not proven to be the issuer's. */
export interface TrustedIssuer {
  readonly listed: boolean;
  readonly name?: string;
  /** The list's name, or where it was read from. */
  readonly list: string;
  readonly unproven?: true;
}

/** One credential found inside another, and its own report. */
export interface NestedReport {
  readonly role: 'endorsement' | 'clr-credential';
  /** Where it is in the outer credential, as a JSON Pointer (RFC 6901). */
  readonly pointer: string;
  /** For an endorsement: the id of what it is embedded in, and whether its subject names that id. */
  readonly endorses?: { readonly id: string | undefined; readonly matches: boolean };
  readonly report: VerificationReport;
}

export interface NestedCredentials {
  readonly reports: readonly NestedReport[];
  /** Found but not verified: beyond MAX_NESTED_CREDENTIALS, or MAX_CLR_CREDENTIALS for a CLR (src/core/limits.ts). */
  readonly notVerified: number;
}

/** One credential of a transcript that did not verify, named so a reader can find it. */
export interface HeldProblem {
  /** Where it is in the transcript, as a JSON Pointer (RFC 6901). */
  readonly pointer: string;
  /** Its `name` and `id` as it states them, when it has them. */
  readonly name?: string;
  readonly id?: string;
  readonly status: OverallStatus;
}

/**
 * A CLR 2.0 transcript's verdict on the credentials it holds: the record vouches for each of them,
 * so it is no better than the worst (a credential beyond MAX_CLR_CREDENTIALS counts as not checked).
 */
export interface HeldCredentials {
  readonly status: OverallStatus;
  /** How many credentials the transcript holds. */
  readonly count: number;
  /** Those whose verdict is neither verified nor a warning, in document order. */
  readonly notVerified: readonly HeldProblem[];
  /** Held but not verified: beyond MAX_CLR_CREDENTIALS (src/core/limits.ts). */
  readonly beyondLimit: number;
}

export function result(id: CheckId, state: CheckState, code: CheckCode, params?: CheckParams, details?: Record<string, unknown>): CheckResult {
  return { id, state, code, ...(params === undefined ? {} : { params }), ...(details === undefined ? {} : { details }) };
}

/** The verdict of a report: its checklist's, and for a CLR 2.0 transcript no better than the credentials it holds. */
export function reportStatus(checks: readonly CheckResult[], held: HeldCredentials | undefined): OverallStatus {
  return held === undefined ? overallStatus(checks) : worstVerdict([overallStatus(checks), held.status]);
}

/** The verdict of a checklist (see OverallStatus): an expiry alone is `expired`, any other failure `failed`. */
export function overallStatus(checks: readonly CheckResult[]): OverallStatus {
  const failed = checks.filter((c) => c.state === 'failed');
  if (failed.some((c) => c.code !== 'validity.expired')) return 'failed';
  if (failed.length > 0) return 'expired';
  if (checks.some((c) => c.state === 'unknown')) return 'unchecked';
  if (checks.some((c) => c.state === 'warning')) return 'warning';
  return 'verified';
}
