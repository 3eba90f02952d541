/**
 * Every sentence the verifier says, in one place: the title of each check, the question it asks
 * (shown before it runs), and one sentence per reason code. The checks themselves return codes
 * and parameters only (./check.ts), so a translation is one more object of this shape.
 *
 * Parameters come from the credential, the issuer's files and the network: they are inserted as
 * text, and a page must render the result as text too (it never becomes HTML).
 */
import type { BundleUse, CheckCode, HeldCredentials, CheckId, CheckParams, CheckResult, OverallStatus, VerificationReport } from './check.ts';
import { describeBytes, type UnreadableCode } from './input.ts';
import type { FormatProblem } from './format.ts';
import type { LogProblem, LoggedEvent } from './log.ts';
import type { StatusProblem, StatusWarning } from './status.ts';
import { anchorOf, clauseParams, eventDate, listCheck, loggedEvents, lowerFirst, readerDate, statusWarnings, text, withoutStop, type AnchorProblemCode } from './wording.ts';

export interface VerifierMessages {
  /** The short name of each check, e.g. "Signature". */
  readonly titles: Readonly<Record<CheckId, string>>;
  /** What each check asks, shown before it runs. */
  readonly questions: Readonly<Record<CheckId, string>>;
  /** The verdict in a few words, the page's and the command line's headline ("Expired"). */
  readonly verdicts: Readonly<Record<OverallStatus, string>>;
  /** Who issued it, once its key is confirmed as the issuer's: "Issued by X, whose key is published by host." */
  issuedBy(issuer: IssuerNamed): string;
  /** A date from a credential (ISO 8601) as a reader writes it, in their locale. */
  date(value: unknown): string;
  /** The sentence for a check's result. */
  summary(code: CheckCode, params: CheckParams): string;
  /** Why input is not readable as a credential, as a clause ("it is not valid JSON"). */
  unreadable(code: UnreadableCode, params: CheckParams): string;
  /** What is wrong with a document's shape, as a clause ("type must include VerifiableCredential"). */
  formatProblem(problem: FormatProblem, params: CheckParams): string;
  /** Why a status entry could not be checked, as a clause ("the status list … could not be fetched"). */
  statusProblem(problem: StatusProblem, params: CheckParams): string;
  /** Why the issuer's transparency log could not be read, as a clause ("its checkpoint … could not be fetched"). */
  logProblem(problem: LogProblem, params: CheckParams): string;
  /** What a verification bundle was used for: checked live, or some of its saved files stood in. */
  bundleUse(use: BundleUse): string;
  /** A CLR 2.0 transcript's credentials: all verified, or which ones did not. */
  heldCredentials(held: HeldCredentials): string;
}

/** The issuer as the headline names it: its name as the credential says, and where its key is. */
export interface IssuerNamed {
  /** The issuer's name as written in the credential, if any. */
  readonly name?: string | undefined;
  /** The host name that publishes the key (did:web or an https key document). */
  readonly keyHost?: string | undefined;
  /** The key is written in the issuer's identifier itself (did:key): no website vouches for it. */
  readonly selfContained?: boolean | undefined;
  /** The issuer's identifier, when it has no name. */
  readonly id?: string | undefined;
}

const describeLimit = (bytes: unknown): string => describeBytes(Number(bytes));

const FORMAT_PROBLEMS: Record<FormatProblem, (params: CheckParams) => string> = {
  'context-not-list': () => '@context must be a list that starts with the Verifiable Credentials context',
  'first-context': (p) => `the first @context must be ${text(p['expected'])}`,
  'second-context': () => 'the second @context must be the Open Badges 3.0 context',
  'context-entry': () => 'every @context entry must be a URL or an object',
  'type-vc': () => 'type must include VerifiableCredential',
  'type-open-badge': () => 'type must include OpenBadgeCredential',
  'type-status-list': () => 'type must include BitstringStatusListCredential (or StatusList2021Credential)',
  'no-id': () => 'the credential has no id',
  'no-issuer': () => 'the issuer must be a URL or an object with an id',
  'subjects-not-objects': () => 'credentialSubject must be an object or a list of objects',
  'no-issuance-date': () => 'issuanceDate is missing',
  'subject-not-object': () => 'credentialSubject must be an object',
  'no-valid-from': () => 'validFrom is missing',
  'subject-unidentified': () => 'credentialSubject needs an id or an identifier',
  'subject-not-status-list': () => 'credentialSubject.type must be BitstringStatusList (or StatusList2021)',
  'no-encoded-list': () => 'credentialSubject.encodedList is missing',
  'no-status-purpose': () => 'credentialSubject.statusPurpose is missing',
  'clr-context': () => 'the second @context must be the CLR 2.0 context',
  'endorsement-subject': () => 'credentialSubject must be an EndorsementSubject with the id of what is endorsed',
  'clr-subject': () => 'credentialSubject.verifiableCredential must list the credentials the record holds',
};

const STATUS_PROBLEMS: Record<StatusProblem, (params: CheckParams, messages: VerifierMessages) => string> = {
  'entry-not-object': () => 'a status entry is not an object',
  'no-purpose': () => 'the status entry has no statusPurpose',
  'no-list-url': () => 'the status entry has no https statusListCredential',
  'bad-index': () => 'the statusListIndex is not a whole number',
  'bad-size': () => 'the statusSize is not a positive whole number',
  'unsupported-method': (p) => `the status method ${JSON.stringify(p['method'])} is not supported`,
  'list-unreachable': (p) => `the status list ${text(p['url'])} could not be fetched (${text(p['reason'])})`,
  'list-unreadable': (p, m) => `the status list ${text(p['url'])} could not be read: ${m.unreadable(p['unreadable'] as UnreadableCode, clauseParams(p, 'unreadableParams'))}`,
  'list-unverified': (p, m) => {
    const check = listCheck(p);
    return `the status list ${text(p['url'])} could not be verified (${m.titles[check.id]}: ${m.summary(check.code, check.params ?? {})})`;
  },
  'list-out-of-date': (p) => `the status list ${text(p['url'])} is outside its validity period`,
  'list-without-subject': (p) => `the status list ${text(p['url'])} has no credentialSubject`,
  'list-not-expandable': (p) => `the status list ${text(p['url'])} could not be expanded: ${text(p['reason'])}`,
  'list-other-issuer': (p) => `the ${text(p['purpose'])} list ${text(p['url'])} is issued by ${text(p['listIssuer']) || '(nobody)'}, not by the issuer ${text(p['issuer'])}`,
  'list-other-method': (p) => `the status list ${text(p['url'])} is a ${text(p['listType'])} list, which a ${text(p['method'])} cannot be read in`,
  'unknown-purpose': (p) => `the status list gives the value ${text(p['value'])} for the purpose "${text(p['purpose'])}", which this verifier does not know`,
  'wrong-purpose': (p) => `the status list is for ${text(p['listPurposes'])}, not ${text(p['purpose'])}`,
  'list-too-short': (p) => `the status list has ${text(p['entries'])} entries, fewer than the ${text(p['minimum'])} the standard requires`,
  'index-out-of-range': (p) => `index ${text(p['index'])} is outside the status list`,
  'revocation-list-url': () => 'the revocation list has no https address',
  'revocation-list-unreachable': (p) => `the revocation list ${text(p['url'])} could not be fetched (${text(p['reason'])})`,
  'revocation-list-malformed': (p) => `the revocation list ${text(p['url'])} has no revokedCredential list`,
  'announcement-broken': () => "the issuer's DID document announces a suspension list without a single https address",
};

const LOG_PROBLEMS: Record<LogProblem, (params: CheckParams) => string> = {
  'announcement-broken': () => "the issuer's DID document announces a log without a single https address ending in /",
  'no-fetcher': () => 'this verifier cannot read log files here',
  'checkpoint-unreachable': (p) => `its checkpoint ${text(p['url'])} could not be fetched (${text(p['reason'])})`,
  'index-unreachable': (p) => `its index ${text(p['url'])} could not be fetched (${text(p['reason'])})`,
  'index-unreadable': (p) => `its index ${text(p['url'])} is not a list of entry numbers`,
  'too-many-entries': (p) => `the log lists ${text(p['count'])} entries for this credential, more than this verifier reads`,
  'file-unreachable': (p) => `the log file ${text(p['url'])} could not be fetched (${text(p['reason'])})`,
};

const LOG_EVENT_WORDS: Record<LoggedEvent['event'], string> = {
  issued: 'issued',
  're-signed': 're-signed',
  revoked: 'revoked',
  suspended: 'suspended',
  reinstated: 'reinstated',
  erased: 'erased',
};

/** "issued 14 March 2026, revoked 2 April 2026": the credential's history as the log records it. */
const logHistory = (p: CheckParams, m: VerifierMessages): string =>
  loggedEvents(p).map((event) => `${LOG_EVENT_WORDS[event.event]} ${m.date(eventDate(event))}`).join(', ');

const STATUS_WARNINGS: Record<StatusWarning, string> = {
  'index-not-string': 'its statusListIndex is written as a number, not as the string the standard requires, and was read as that number',
};

/** " Note: …" for what the status check read past; nothing when it read nothing leniently. */
const statusNote = (p: CheckParams): string => {
  const warnings = statusWarnings(p);
  return warnings.length === 0 ? '' : ` Note: ${warnings.map((warning) => STATUS_WARNINGS[warning]).join('; ')}.`;
};

const UNREADABLE: Record<UnreadableCode, (params: CheckParams) => string> = {
  'too-large': (p) => `it is larger than ${describeLimit(p['limit'])} (${text(p['limit'])} bytes), the most this verifier reads`,
  'image-too-large': (p) => `the file is larger than ${describeLimit(p['limit'])}, the most this verifier reads`,
  'compressed-too-large': (p) => `the credential compressed in this PNG image expands to more than ${describeLimit(p['limit'])}, the most this verifier reads`,
  'too-deep': (p) => `it is nested more than ${text(p['limit'])} levels deep`,
  'too-many-values': (p) => `it has more than ${text(p['limit'])} values`,
  'not-json-number': () => 'it holds a number JSON cannot represent',
  'not-json-value': () => 'it holds a value that is not JSON',
  'not-object': () => 'it is not a JSON object',
  'not-text': () => 'it is not text',
  'invalid-json': (p) => `it is not valid JSON (${text(p['reason'])})`,
  empty: () => 'nothing was given: it is empty',
  'png-without-credential': () => 'this PNG image has no Open Badges 3.0 credential baked in',
  'svg-without-credential': () => 'this SVG image has no Open Badges 3.0 credential baked in',
  'not-a-credential-file': () => 'this file is neither JSON, a PNG image nor an SVG image',
  'vc-jwt': () => 'the baked credential is a VC-JWT, which this verifier does not support',
  'web-page': (p) => `${text(p['url'])} is a web page, not a credential (link to its .json, .png or .svg file)`,
  'fetch-failed': (p) => `could not fetch ${text(p['url'])}: ${text(p['reason'])}`,
  'bad-bundle': (p) => `it calls itself a verification bundle, but ${text(p['problem'])}`,
};

const KINDS: Readonly<Record<string, string>> = {
  'status-list': 'Bitstring Status List credential',
  'open-badge': 'Open Badges 3.0 credential',
  endorsement: 'Open Badges 3.0 endorsement',
  clr: 'CLR 2.0 credential (Comprehensive Learner Record)',
};
const what = (kind: unknown) => KINDS[String(kind)] ?? 'Verifiable Credential';

const ANCHOR_PROBLEMS: Record<AnchorProblemCode, string> = {
  'index-unreadable': 'its list of timestamps is unreadable',
  'file-unreachable': 'one of its files could not be fetched',
  'checkpoint-not-signed': "the timestamped checkpoint is not signed by the issuer's key",
  'wrong-size': 'the timestamped checkpoint is not of the size it is listed at',
  'proof-unreadable': 'its OpenTimestamps proof cannot be read',
  'proof-of-other-file': 'its OpenTimestamps proof is of another file',
  'no-bitcoin-attestation': 'its OpenTimestamps proof does not end in the block it names',
  'header-mismatch': "the block header does not match the proof, or lacks the block's proof of work",
  'not-included': 'the timestamped checkpoint does not hold this entry',
};

/** What the log's Bitcoin timestamp (anchor) says of when the credential was logged, as a sentence to append. */
function anchorSentence(p: CheckParams, m: VerifierMessages): string {
  const anchor = anchorOf(p);
  if (anchor.state === 'anchored') {
    return ` Bitcoin proves it was in the log by ${m.date(anchor.time)}: the log's checkpoint of ${text(anchor.size)} entries is timestamped in block ${text(anchor.height)}, whose hash ${text(anchor.blockHash)} any block explorer confirms.`;
  }
  if (anchor.state === 'pending') return " The log's Bitcoin timestamp of it is not complete yet; it usually is within a day of publication.";
  if (anchor.state === 'invalid') return ` The log's Bitcoin timestamp does not check out (${ANCHOR_PROBLEMS[text(anchor.problem) as AnchorProblemCode] ?? text(anchor.problem)}), so when it was logged rests on the issuer's word alone.`;
  return '';
}

/** A sentence about the log, said as of the day a verification bundle saved it when it did. */
const asSaved = (p: CheckParams, m: VerifierMessages, sentence: string): string =>
  p['savedAt'] === undefined ? sentence : `${sentence} This is the log as the verification bundle saved it on ${m.date(p['savedAt'])}.`;

const SUMMARIES: Record<CheckCode, (params: CheckParams, messages: VerifierMessages) => string> = {
  'format.open-badge': () => 'This is a well-formed Open Badges 3.0 credential with all the required parts.',
  'format.endorsement': () => 'This is a well-formed Open Badges 3.0 endorsement: a credential in which its issuer vouches for an achievement, an issuer or another credential.',
  'format.clr': () => 'This is a well-formed CLR 2.0 credential (Comprehensive Learner Record); each credential it holds is verified on its own as well.',
  'format.status-list': () => 'This is a well-formed Bitstring Status List credential with all the required parts.',
  'format.not-open-badge': (p) => {
    const types = (p['types'] ?? []) as string[];
    const kindName = types.length > 0 ? ` (its type is ${types.join(', ')})` : '';
    return `This is a well-formed W3C Verifiable Credential, but not an Open Badge${kindName}: its signature, issuer, status and dates are checked, the Open Badges rules are not.`;
  },
  'format.malformed': (p, m) => `This is not a well-formed ${what(p['kind'])}: ${m.formatProblem(p['problem'] as FormatProblem, clauseParams(p, 'problemParams'))}.`,
  'format.unreadable': (p, m) => `This file cannot be read as a credential: ${m.unreadable(p['unreadable'] as UnreadableCode, clauseParams(p, 'unreadableParams'))}.`,

  'contexts.known': () => 'Every vocabulary the credential uses is one this verifier knows and keeps its own copy of.',
  'contexts.missing': () => 'The credential does not say which vocabularies it uses (no @context).',
  'contexts.invalid-entry': () => 'The credential lists a vocabulary in a form that is neither a URL nor an object.',
  'contexts.unknown': (p) => `The credential uses a vocabulary this verifier does not know (${text(p['url'])}), and it never downloads vocabularies, so its meaning cannot be checked.`,

  'schema.valid': () => 'The credential follows the Open Badges 3.0 data rules (JSON Schema).',
  'schema.invalid': (p) => `The credential breaks the Open Badges 3.0 data rules: ${text(p['error'])}.`,
  'schema.not-open-badge': () => 'The Open Badges data rules apply only to Open Badges, so this credential was not checked against them.',
  'schema.no-validator': () => 'Could not check the Open Badges data rules: this verifier has no copy of the schema loaded.',
  'schema.version-1': () => 'The Open Badges schema is written for version 2.0 credentials, so this older credential was not checked against it.',
  'schema.clr': () => 'This verifier does not carry the CLR 2.0 data rules (JSON Schema), so the record itself was not checked against them; the Open Badges it holds are.',
  'schema.checker-error': () => 'Could not check the Open Badges data rules because the schema checker stopped with an error.',

  'issuer-key.published': (p, m) =>
    `The key that signed this credential is published by the issuer at ${text(p['where'])}.${p['historySince'] === undefined ? '' : ` The issuer's verifiable DID history (did:webvh) has listed it since ${m.date(p['historySince'])}.`}`,
  'issuer-key.did-key': () => "The key that signed this credential is the issuer's own did:key identifier.",
  'issuer-key.not-found': (p) => `The key that should check the signature could not be found, so the signature cannot be trusted: ${withoutStop(p['reason'])}.`,
  'issuer-key.wrong-controller': (p) => `The key that signed this credential belongs to ${text(p['controller'])}, not to the issuer ${text(p['issuer']) || '(none)'}.`,
  'issuer-key.other-controller': (p) =>
    `The signature was made with a key of ${text(p['controller'])}. The credential names ${text(p['issuer']) || 'no one'} as its issuer, which that key does not confirm: trust the issuer's name only if you trust ${text(p['controller'])}.`,
  'issuer-key.history-problem': (p) =>
    `The key that signed this credential is published by the issuer at ${text(p['where'])}, but the verifiable history of the issuer's keys that its DID document names does not confirm it: ${withoutStop(p['reason'])}.`,
  'issuer-key.withdrawn': () => 'The issuer has withdrawn the key that signed this credential.',
  'issuer-key.expired': (p, m) => `The issuer's key expired on ${m.date(p['expires'])}; the signature was made with a key that is no longer current.`,
  'issuer-key.no-proof': () => 'There is no usable signature, so there is no key to look up.',
  'issuer-key.recorded': (p, m) =>
    `The verification bundle saved on ${m.date(p['savedAt'])} says the issuer published this key at ${text(p['where'])}, but the issuer's site could not be reached to confirm it, and anyone can write a bundle.`,

  'proof.valid': () => 'The signature is valid: nothing in the credential has changed since the issuer signed it.',
  'proof.bad-signature': () => 'The signature does not match: the credential was changed after it was signed, or it was signed with another key.',
  'proof.malformed': (p) => `The signature is malformed: ${lowerFirst(text(p['reason']))}`,
  'proof.unknown-context': (p) => `The credential uses a vocabulary this verifier does not know (${text(p['url'])}), so the signature cannot be checked.`,
  'proof.undefined-term': (p) => `The credential contains a field${p['term'] ? ` or type ("${text(p['term'])}")` : ''} its vocabularies do not define, so the signature cannot cover it.`,
  'proof.not-linked-data': () => 'The credential is not valid linked data, so the signature cannot be checked.',
  'proof.unsigned': () => 'The credential is not signed: it has no proof.',
  'proof.wrong-purpose': (p) => `The signature is for "${text(p['purpose'])}", not for issuing credentials (assertionMethod).`,
  'proof.unsupported': (p) => `The signature is of a kind this verifier does not support (${text(p['kind'])}); it checks eddsa-rdfc-2022, eddsa-jcs-2022 and Ed25519Signature2020.`,
  'proof.expired': () => 'The signature has expired.',
  'proof.after-key-expired': (p, m) => `The signature is dated ${m.date(p['created'])}, after the issuer's key expired on ${m.date(p['expires'])}: the key could no longer sign then.`,
  'proof.created-in-future': (p, m) => `The signature is valid, but it is dated ${m.date(p['created'])}, later than this computer's clock: the date it claims cannot be trusted.`,
  'proof.contexts-unknown': () => 'The signature was not checked because the credential uses vocabularies this verifier does not know.',
  'proof.no-key': () => "The signature was not checked because the issuer's key could not be found.",

  'status.none': () => 'This credential has no status list, so its issuer cannot revoke or suspend it.',
  'status.clear': (p) => `The issuer's status ${Number(p['lists']) > 1 ? 'lists show' : 'list shows'} this credential has not been ${text(p['what'])}.${statusNote(p)}`,
  'status.revoked': (p) => `The issuer has revoked this credential.${statusNote(p)}`,
  'status.suspended': (p) => `The issuer has suspended this credential.${statusNote(p)}`,
  'status.unknown': (p, m) => `Could not check whether the issuer has revoked or suspended this credential: ${m.statusProblem(p['problem'] as StatusProblem, clauseParams(p, 'problemParams'))}.${statusNote(p)}`,
  'status.not-authentic': () => 'Not checked, because the credential is not proven to come from its issuer.',
  'status.recorded': (p, m) =>
    `When the verification bundle was saved, on ${m.date(p['savedAt'])}, the issuer's status ${Number(p['lists']) > 1 ? 'lists showed' : 'list showed'} this credential had not been ${text(p['what'])}; whether it has been since could not be checked.`,

  'log.logged': (p, m) =>
    asSaved(
      p,
      m,
      `In the issuer's public log since ${m.date(p['loggedOn'])}: ${logHistory(p, m)}.${p['supersededOn'] === undefined ? '' : ` The issuer signed it again on ${m.date(p['supersededOn'])}; this earlier copy still counts.`}${anchorSentence(p, m)}`,
    ),
  'log.withdrawn': (p, m) => asSaved(p, m, `The issuer's public log records this credential as withdrawn: ${logHistory(p, m)}.${anchorSentence(p, m)}`),
  'log.anchor-invalid': (p, m) => asSaved(p, m, `In the issuer's public log since ${m.date(p['loggedOn'])}: ${logHistory(p, m)}.${anchorSentence(p, m)}`),
  'log.none': () => 'This issuer publishes no transparency log, so there is no public record to look the credential up in.',
  'log.missing': () => "This credential is not in the issuer's public log, although the issuer keeps one: its issuer never logged it.",
  'log.not-logged': (p, m) => `This copy of the credential is not in the issuer's public log: the log has other versions of it (${logHistory(p, m)}), none with these exact contents.`,
  'log.checkpoint-not-signed': () => "The issuer's log is not signed by any key in the issuer's DID document, so it proves nothing.",
  'log.inconsistent': (p) => `The issuer's log does not prove entry ${text(p['index'])}: its files do not agree with its signed checkpoint.`,
  'log.unknown': (p, m) => `Could not check the issuer's public log: ${m.logProblem(p['problem'] as LogProblem, clauseParams(p, 'problemParams'))}.`,
  'log.not-authentic': () => 'Not checked, because the credential is not proven to come from its issuer.',

  'validity.until': (p, m) => `This credential is valid until ${m.date(p['until'])}.`,
  'validity.no-expiry': (p, m) => `This credential is valid from ${m.date(p['from'])} and does not expire.`,
  'validity.no-dates': () => 'This credential has no validity dates.',
  'validity.expired': (p, m) => `This credential expired on ${m.date(p['until'])}: it is no longer in force, even though its signature may be authentic.`,
  'validity.not-yet': (p, m) => `This credential is not valid yet: it starts on ${m.date(p['from'])}.`,
  'validity.bad-start': (p) => `The credential's start date (${text(p['field'])}) is not a valid date.`,
  'validity.bad-end': (p) => `The credential's end date (${text(p['field'])}) is not a valid date.`,
  'validity.ends-before-starts': () => 'The credential ends before it starts.',
  'validity.no-clock': () => 'Could not check the validity dates because the current time is unknown.',
  'validity.not-authentic': () => 'Not checked, because the credential is not proven to come from its issuer: its dates mean nothing until it is.',

  'recipient.match': () => 'The email address you entered matches the recipient of this credential.',
  'recipient.mismatch': () => 'The email address you entered does not match the recipient of this credential.',
  'recipient.no-email-identifier': () => 'The credential does not name its recipient by email address, so the address could not be compared.',
  'recipient.no-email-given': () => 'No email address was given, so the recipient was not checked.',
  'recipient.not-authentic': () => 'Not checked, because the credential is not proven to come from its issuer.',

  'internal-error': () => 'The verifier stopped with an internal error, so this credential could not be verified.',
  'skipped.unreadable': () => 'Not checked, because the credential could not be read.',
  'skipped.internal-error': () => 'Not checked, because the verifier stopped with an internal error.',
};

export const english: VerifierMessages = {
  titles: {
    // Titles are plain words for anyone; the technical names are in the questions and the work.
    format: 'Open Badges 3.0 format',
    contexts: 'Known terms only',
    schema: 'Open Badges rules',
    'issuer-key': "Issuer's key",
    proof: 'Signature',
    status: 'Revocation and suspension',
    log: 'Public log',
    validity: 'Validity dates',
    recipient: 'Recipient',
  },
  questions: {
    format: 'Is it an Open Badges 3.0 credential in the right shape: JSON, with the required types and fields?',
    contexts: 'Does it use only vocabularies (JSON-LD contexts) this page keeps its own copies of? Unknown ones are never downloaded.',
    schema: 'Does it follow the Open Badges 3.0 data rules (the 1EdTech JSON Schema)?',
    'issuer-key': "Where is the key that made the signature, and does it belong to the issuer? (did:web from the issuer's site, did:key, or an https key document)",
    proof: 'Does the signature match the credential, byte for byte? (eddsa-rdfc-2022; also eddsa-jcs-2022 and the older Ed25519Signature2020)',
    status: "Has the issuer revoked or suspended it? Reads the issuer's own signed status lists.",
    log: "Is it in the issuer's public, append-only log, and what does the log say happened to it? Proves its entries against the log's signed checkpoint (C2SP tlog).",
    validity: 'Is today within its validity dates?',
    recipient: 'Optional: was it awarded to you? Your email address is compared with the credential here, in your browser.',
  },
  verdicts: {
    verified: 'Verified',
    warning: 'Verified, with warnings',
    expired: 'Expired',
    unchecked: 'Could not be fully checked',
    failed: 'Not verified',
  },
  issuedBy: (issuer) => {
    const who = issuer.name ?? issuer.id ?? 'an issuer with no name';
    if (issuer.selfContained) return `Issued by ${who}, whose key is written in its own identifier (did:key), not published on a website.`;
    return issuer.keyHost ? `Issued by ${who}, whose key is published by ${issuer.keyHost}.` : `Issued by ${who}.`;
  },
  date: (value) => readerDate(value),
  summary: (code, params) => SUMMARIES[code](params, english),
  unreadable: (code, params) => UNREADABLE[code](params),
  formatProblem: (problem, params) => FORMAT_PROBLEMS[problem](params),
  statusProblem: (problem, params) => STATUS_PROBLEMS[problem](params, english),
  logProblem: (problem, params) => LOG_PROBLEMS[problem](params),
  bundleUse: (use) => {
    const saved = `This is a verification bundle saved on ${readerDate(use.savedAt)}`;
    if (use.recorded.length === 0) return `${saved}. It was checked against the issuer's live files; none of its ${use.files} saved files was needed.`;
    return `${saved}. ${use.recorded.length} of its ${use.files} saved files stood in for the issuer's, which could not be fetched: what rests on them is as of that day.`;
  },
  heldCredentials: (held) => {
    const sentences: string[] = [];
    const all = held.count === 1 ? 'The credential this record holds' : `Each of the ${held.count} credentials this record holds`;
    if (held.notVerified.length === 0 && held.beyondLimit === 0) sentences.push(`${all} verified as well.`);
    if (held.notVerified.length > 0) {
      const named = held.notVerified.map((one) => `${one.name === undefined ? 'the credential' : `"${one.name}"`} at ${one.pointer} (${english.verdicts[one.status].toLowerCase()})`);
      const which = held.count === 1 ? 'The credential this record holds' : `${held.notVerified.length} of the ${held.count} credentials this record holds`;
      sentences.push(`${which} did not verify, so the record cannot be relied on as a whole: ${named.join('; ')}.`);
    }
    if (held.beyondLimit > 0) {
      const checked = held.count - held.beyondLimit;
      const first = held.notVerified.length === 0 ? `The first ${checked} of the ${held.count} credentials this record holds verified as well; the other ${held.beyondLimit}` : `The last ${held.beyondLimit}`;
      sentences.push(`${first} were not checked, so the record cannot be called verified: a record is checked up to ${checked} credentials.`);
    }
    return sentences.join(' ');
  },
};

const hostOf = (url: unknown): string | undefined => {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
};

const clip = (value: string, max = 120): string => (value.length > max ? `${value.slice(0, max)}…` : value);

/**
 * Whom the credential comes from, once that is proven: the issuer's key passed and the signature
 * holds. Its name is the credential's claim, its key's host is what the verifier found.
 */
export function confirmedIssuer(report: VerificationReport): IssuerNamed | undefined {
  const key = report.checks.find((check) => check.id === 'issuer-key');
  const proof = report.checks.find((check) => check.id === 'proof');
  if (key?.state !== 'passed' || proof?.state !== 'passed' || !report.credential) return undefined;
  const issuer = report.credential['issuer'];
  const record = typeof issuer === 'object' && issuer !== null && !Array.isArray(issuer) ? (issuer as Record<string, unknown>) : {};
  const name = typeof record['name'] === 'string' && record['name'].trim() !== '' ? clip(record['name'].trim()) : undefined;
  const id = typeof issuer === 'string' ? issuer : typeof record['id'] === 'string' ? record['id'] : undefined;
  const details = key.details ?? {};
  if (details['source'] === 'did:key') return { name, id: id && clip(id), selfContained: true };
  return { name, id: id && clip(id), keyHost: hostOf(details['documentUrl']) ?? hostOf(id) };
}

/** The headline of a report: the verdict, who issued it when that is proven, and what a verification bundle was used for. */
export function describeVerdict(report: VerificationReport, messages: VerifierMessages = english): { title: string; issuer?: string; bundleUse?: string; held?: string } {
  const issuer = confirmedIssuer(report);
  const title = messages.verdicts[report.status];
  return {
    title,
    ...(issuer === undefined ? {} : { issuer: messages.issuedBy(issuer) }),
    ...(report.bundle ? { bundleUse: messages.bundleUse(report.bundle) } : {}),
    ...(report.held ? { held: messages.heldCredentials(report.held) } : {}),
  };
}

/** A check with its title and sentence, in the given messages. */
export function describeCheck(check: CheckResult, messages: VerifierMessages = english): CheckResult & { title: string; summary: string } {
  return { ...check, title: messages.titles[check.id], summary: messages.summary(check.code, check.params ?? {}) };
}
