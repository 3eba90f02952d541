/**
 * Content errors: LaurelErrors (src/core/error.ts) that name the file, line and column, the field,
 * what was expected and what was found, with one of the codes below. The content-error fixtures
 * in test/fixtures/content/errors hold one negative example per code.
 */
import { LaurelError, type ErrorCode } from '../core/error.ts';

/** The codes validating content/ can give (src/core/error.ts says what each means). */
export const CONTENT_ERROR_CODES = [
  'yaml-syntax', 'missing-file', 'missing-field', 'unknown-field', 'invalid-value', 'invalid-date', 'plain-email',
  'unknown-achievement', 'unknown-result', 'draft-achievement', 'duplicate-award-id', 'duplicate-status-index', 'invalid-file-name',
] as const satisfies readonly ErrorCode[];

export type ContentErrorCode = (typeof CONTENT_ERROR_CODES)[number];

export interface ContentErrorFields {
  readonly code: ContentErrorCode;
  /** Path relative to the repository root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the field, e.g. `awards[3].recipient.name`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
}

export function contentError({ code, message, field, ...where }: ContentErrorFields): LaurelError {
  return new LaurelError(code, message, { ...where, field });
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
