/**
 * Content errors: each names the file, line and column, the field, what was expected and what was
 * found, and carries a stable code from a fixed list so tools and tests can rely on it.
 */

export const CONTENT_ERROR_CODES = [
  'yaml-syntax', // the file is not valid YAML (or the frontmatter is not)
  'missing-file', // content/issuer.yaml or content/achievements/ is missing
  'missing-field', // a required field is absent
  'unknown-field', // a field the schema does not define (probably a typo)
  'invalid-value', // a field has the wrong type or form
  'invalid-date', // a date is not a real date, or dates are in the wrong order
  'plain-email', // an email address in an award file: only its hash may be committed
  'unknown-achievement', // an award names an achievement that does not exist
  'unknown-result', // a result names a resultDescription the achievement does not define
  'draft-achievement', // an award names an achievement marked draft
  'duplicate-award-id', // two awards share an id
  'duplicate-status-index', // two awards share a status-list index
  'invalid-file-name', // an achievement file name is not a usable slug
] as const;

export type ContentErrorCode = (typeof CONTENT_ERROR_CODES)[number];

export interface ContentError {
  readonly code: ContentErrorCode;
  /** Path relative to the repository root, with forward slashes. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Dotted path of the field, e.g. `awards[3].recipient.name`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

export function formatContentError(error: ContentError): string {
  const where = `${error.file}:${error.line}:${error.column}`;
  const field = error.field ? `${error.field}: ` : '';
  const lines = [`${where} error[${error.code}] ${field}${error.message}`];
  if (error.expected !== undefined) lines.push(`    expected: ${error.expected}`);
  if (error.received !== undefined) lines.push(`    found:    ${error.received}`);
  return lines.join('\n');
}

export function formatContentErrors(errors: readonly ContentError[]): string {
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return `${errors.map(formatContentError).join('\n')}\n\n${count} in content/. Nothing was built.`;
}

/** Errors in reading order: by file, then line, then column. */
export function sortContentErrors(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Shows a value briefly in an error message. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
