/**
 * Content errors: LaurelErrors (src/core/error.ts) that name the file, line and column, the field,
 * what was expected and what was found, with one of the codes below. The content-error fixtures
 * in test/fixtures/content/errors hold one negative example per code.
 */
import { LaurelError, type ErrorCode } from '../core/error.ts';
import { containsEmailAddress } from './schemas/common.ts';

/** The codes reading content/ from disk can give: about the files themselves, before their text is validated. */
export const READING_ERROR_CODES = ['invalid-encoding', 'symlink-outside-repository'] as const satisfies readonly ErrorCode[];

/** The codes validating content/ can give (src/core/error.ts says what each means). */
export const CONTENT_ERROR_CODES = [
  'yaml-syntax', 'yaml-alias-limit', 'missing-file', 'missing-field', 'unknown-field', 'invalid-value', 'invalid-date', 'plain-email',
  'unknown-achievement', 'unknown-result', 'invalid-result', 'draft-achievement', 'duplicate-award-id', 'duplicate-status-index', 'invalid-file-name',
  'duplicate-achievement', 'orphan-translation', 'unknown-language', 'invalid-stack', 'unknown-award', ...READING_ERROR_CODES,
] as const satisfies readonly ErrorCode[];

/** The codes of what validation reports without refusing the content: the build goes on. */
export const CONTENT_WARNING_CODES = ['missing-translation', 'stack-due', 'stack-unsupported', 'rncp-inactive', 'missing-micro-credential-element'] as const satisfies readonly ErrorCode[];

export type ContentErrorCode = (typeof CONTENT_ERROR_CODES)[number] | (typeof CONTENT_WARNING_CODES)[number];

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

/**
 * Characters a terminal or a pull-request page would act on or hide rather than show: direction
 * controls (which would reorder the rest of the message), zero-width and other format characters,
 * C1 controls. JSON.stringify already escapes C0 controls.
 */
const UNSHOWABLE = /[\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Shows a value briefly in an error message, with invisible characters written as escapes. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
    if (containsEmailAddress(shown)) return 'a text with an email address in it (not repeated here)';
    return shown.replace(UNSHOWABLE, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
