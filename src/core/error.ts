/**
 * Everything a person can get wrong, as one error type: a stable code from a fixed list, a message
 * for that person, and where the mistake is (`file:line:column`, the field, what was expected and
 * what was found) when it is in a file: content, a key file or a roster. One formatter writes it
 * for the terminal, one as a GitHub annotation on the pull request's diff.
 *
 * Messages never repeat an email address or a secret: they name the field that holds it.
 */

export const ERROR_CODES = [
  // Content files (content/issuer.yaml, content/achievements/*.md, content/awards/**/*.yaml)
  'yaml-syntax', // the file is not valid YAML (or the frontmatter is not)
  'missing-file', // content/issuer.yaml is missing, or a symbolic link in content/ leads to no file
  'missing-field', // a required field is absent
  'unknown-field', // a field the schema does not define (probably a typo)
  'invalid-value', // a field has the wrong type or form
  'invalid-date', // a date is not a real date, or dates are in the wrong order
  'plain-email', // an email address where it would be published: only its hash may be there
  'unknown-achievement', // an award names an achievement that does not exist
  'unknown-result', // a result names a resultDescription the achievement does not define
  'invalid-result', // a result its resultDescription does not allow: not of its resultType, out of its bounds, not an allowed value (a roster's too)
  'draft-achievement', // an award names an achievement marked draft
  'duplicate-award-id', // two awards share an id
  'duplicate-status-index', // two awards share a status-list index
  'invalid-file-name', // an achievement file name is not a usable slug
  'duplicate-achievement', // two achievement files have the same slug (name.md and name.mdx, or one in a subfolder)
  'orphan-translation', // a translation (name.fr.md) of an achievement that has no file of its own (name.md)
  'unknown-language', // a translation in a language that is not one of the site's, or in the achievement's own
  'missing-translation', // a warning, not an error: a site language an achievement has no translation for
  'invalid-stack', // an award's blocks do not make up the stack it awards: another achievement, another learner, too few, too far apart, later than the award
  'stack-due', // a warning: a learner holds every block of a stack and has no award of it yet (npm run stack writes it)
  'stack-unsupported', // a warning: a stacked award in force whose block was revoked, suspended or erased since
  'rncp-inactive', // a warning of npm run check --rncp: an alignment names a certification the register no longer lists as active
  'missing-micro-credential-element', // a warning (an error with issuer.yaml microCredentialElements: error): an achievement marked as an EU micro-credential misses a mandatory element of Annex I
  'yaml-alias-limit', // the YAML's aliases (*name) expand to too much data (a "billion laughs")
  'invalid-encoding', // a file is not UTF-8 text
  'symlink-outside-repository', // a symbolic link in content/, keys/ or public/ leads out of the repository, or into .git/ or .laurel/ (from public/, keys/ too)
  // Rosters (npm run import)
  'csv-syntax', // an unclosed quote, a value beyond the header, text that is not UTF-8
  'invalid-header', // an empty, unknown, repeated or missing column
  'missing-value', // a required cell is empty
  'invalid-email', // not an email address
  'duplicate-email', // the same learner twice for the same achievement
  'invalid-url', // evidence that is not an http(s) link
  'invalid-listed', // a listed cell that is neither yes nor no
  // Keys (keys/*.json and LAUREL_SIGNING_KEY)
  'invalid-key-file', // a file in keys/ is not a public Multikey as npm run keygen writes it
  'no-current-key', // no key is marked current
  'several-current-keys', // more than one key is marked current
  'invalid-secret', // LAUREL_SIGNING_KEY is not an Ed25519 secret Multikey
  'secret-not-current', // LAUREL_SIGNING_KEY is not the secret of the current key
  'missing-secret', // a production build without LAUREL_SIGNING_KEY
  'unknown-key', // npm run compromise-key names no key in keys/
  'already-compromised', // the key is marked compromised already
  'current-key', // the current key cannot be marked compromised before a rotation
  // Files of the repository (content/, keys/, public/)
  'secret-in-content', // a secret signing key pasted into a content file: it would be published
  // Awards changed by the commands
  'unknown-award', // no award has this id
  'ambiguous-learner', // an email's earlier awards belong to several learners: the command cannot tell whose a new award is
  'erased', // the award was erased: it has no status left to change
  'already-erased', // the award is erased already
  'already-revoked', // revoking twice
  'revoked', // suspending a revoked award (revocation is final)
  'already-suspended', // suspending twice
  'not-suspended', // reinstating an award that is not suspended
  // Comparing content/ with an earlier state (the base branch, the last commits)
  'revocation-undone', // an award revoked before is no longer: its bit in the revocation list would be cleared
  // Building the site
  'signing-failed', // a document could not be signed (a field its contexts do not define)
  'secret-in-output', // the signing secret appears in the built site: nothing is published
  'private-file-in-output', // the built site holds a copy of a file of .laurel/ or keys/: nothing is published
  'over-verifier-limit', // a signed document is larger than a verifier reads (src/core/limits.ts)
  'search-index-failed', // the search index could not be written
  // The transparency log (src/issue/transparency-log.ts)
  'log-rewrite', // the content would change what the log recorded: un-revoke, un-erase, or drop an issued credential
  'log-invalid', // the previous log is not a log this site signed: a bad checkpoint, or entries that do not hash to it
  // The DID history (src/issue/did-history.ts)
  'did-log-invalid', // the previous did.jsonl does not resolve: a broken hash chain, a bad proof, another DID
  'previous-key-invalid', // LAUREL_PREVIOUS_SIGNING_KEY is not the secret of a retired or compromised key of keys/
  // How a command was called (exit code 2)
  'usage',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error is, and what was expected and found there. */
export interface ErrorDetails {
  /** Relative to the repository (or as the person gave it), with forward slashes. */
  readonly file?: string | undefined;
  /** 1-based. */
  readonly line?: number | undefined;
  /** 1-based. */
  readonly column?: number | undefined;
  /** The field, e.g. `awards[3].recipient.name`, or a roster's `row 3, column B (email)`. */
  readonly field?: string | undefined;
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
  readonly cause?: unknown;
}

const BRAND = Symbol.for('laurel.error');

export class LaurelError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  readonly received: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'LaurelError';
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.field = details.field;
    this.expected = details.expected;
    this.received = details.received;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a LaurelError, also one made by another copy of this module (a bundle, a worker). */
  static is(value: unknown): value is LaurelError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** Several errors at once, as a validation finds them; `summary` says what they mean for the command. */
export class LaurelErrors extends Error {
  readonly errors: readonly LaurelError[];
  readonly summary: string;

  constructor(errors: readonly LaurelError[], summary: string) {
    super(summary);
    this.name = 'LaurelErrors';
    this.errors = errors;
    this.summary = summary;
    Object.defineProperty(this, BRAND, { value: 'errors' });
  }

  static is(value: unknown): value is LaurelErrors {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === 'errors';
  }
}

/**
 * A failure handed to a host that prints an error's message and its stack (Astro, for an
 * integration's hook): the message is the whole report and there is no stack, while `failure`
 * keeps the error itself for a command that catches it. Astro prints each entry of an `errors`
 * array and a `cause` again, so the error travels under another name.
 */
export class ReportedFailure extends Error {
  readonly failure: LaurelError | LaurelErrors;

  constructor(failure: LaurelError | LaurelErrors) {
    super(describeFailure(failure));
    this.name = 'LaurelFailure';
    this.failure = failure;
    delete this.stack;
    Object.defineProperty(this, BRAND, { value: 'reported' });
  }

  static is(value: unknown): value is ReportedFailure {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === 'reported';
  }
}

/** The exit code of a command that stops with this error: 2 for bad usage, 1 otherwise. */
export function exitCodeOf(error: unknown): 1 | 2 {
  if (ReportedFailure.is(error)) return exitCodeOf(error.failure);
  return LaurelError.is(error) && error.code === 'usage' ? 2 : 1;
}

/** `file:line:column`, as far as it is known; undefined when the error is in no file. */
export function locationOf(error: Pick<LaurelError, 'file' | 'line' | 'column'>): string | undefined {
  if (error.file === undefined) return undefined;
  if (error.line === undefined) return error.file;
  return `${error.file}:${error.line}${error.column === undefined ? '' : `:${error.column}`}`;
}

/**
 * For the terminal:
 *
 *     content/awards/2026/web.yaml:11:1 error[unknown-field] evidance: is not a field here. Did you mean "evidence"?
 *         expected: one of the fields id, statusIndex, recipient, …
 *         found:    evidance
 *
 * A usage error is its message alone: it is an answer to how the command was typed.
 */
export function formatError(error: LaurelError): string {
  if (error.code === 'usage') return error.message;
  const where = locationOf(error);
  const field = error.field ? `${error.field}: ` : '';
  const lines = [`${where ? `${where} ` : ''}error[${error.code}] ${field}${error.message}`];
  if (error.expected !== undefined) lines.push(`    expected: ${error.expected}`);
  if (error.received !== undefined) lines.push(`    found:    ${error.received}`);
  return lines.join('\n');
}

/**
 * A warning, for the terminal, as an error is written (`file:line:column warning[code] …`): it
 * names what to add, and the build goes on.
 */
export function formatWarning(warning: LaurelError): string {
  return formatError(warning).replace(`error[${warning.code}]`, `warning[${warning.code}]`);
}

/** "1 error", "3 errors". */
export function errorCount(errors: readonly unknown[]): string {
  return errors.length === 1 ? '1 error' : `${errors.length} errors`;
}

/** Every error, then a blank line and what it means, e.g. "3 errors in content/. Nothing was built." */
export function formatErrors(errors: readonly LaurelError[], summary: string): string {
  return `${errors.map(formatError).join('\n')}\n\n${summary}`;
}

/** Any failure a command stops with, for the terminal; an unexpected one says so, without a stack. */
export function describeFailure(error: unknown): string {
  if (ReportedFailure.is(error)) return describeFailure(error.failure);
  if (LaurelErrors.is(error)) return formatErrors(error.errors, error.summary);
  if (LaurelError.is(error)) return formatError(error);
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Errors in reading order: by file, then line, then column. */
export function sortErrors<T extends Pick<LaurelError, 'file' | 'line' | 'column'>>(errors: readonly T[]): T[] {
  return [...errors].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

// ── GitHub workflow commands ──────────────────────────────────────────────────────────────────

/** Escapes as the runner expects (actions/toolkit `command.ts`): data, then properties. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message`: GitHub shows it on that line of the diff. */
export function workflowCommand(kind: 'error' | 'warning', properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${kind}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** An error as a GitHub annotation, titled with its code. */
export function githubAnnotation(error: LaurelError): string {
  const message = [`${error.field ? `${error.field}: ` : ''}${error.message}`];
  if (error.expected !== undefined) message.push(`expected: ${error.expected}`);
  if (error.received !== undefined) message.push(`found: ${error.received}`);
  return workflowCommand('error', { file: error.file, line: error.line, col: error.column, title: error.code }, message.join('\n'));
}
