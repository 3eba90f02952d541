/** Laurel's one error type: its codes, the terminal and GitHub formats, and the exit codes. */
import { describe, expect, it } from 'vitest';
import { describeFailure, ERROR_CODES, exitCodeOf, formatError, formatErrors, githubAnnotation, LaurelError, LaurelErrors, ReportedFailure, sortErrors } from '../../src/core/error.ts';

const unknownField = new LaurelError('unknown-field', 'is not a field here. Did you mean "evidence"?', {
  file: 'content/awards/2026/web.yaml',
  line: 11,
  column: 1,
  field: 'evidance',
  expected: 'one of the fields id, statusIndex, recipient',
  received: 'evidance',
});

describe('LaurelError', () => {
  it('has codes from one fixed list, each once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toContain('usage');
  });

  it('is recognised across copies of the module, and keeps its cause', () => {
    const cause = new Error('inner');
    const error = new LaurelError('signing-failed', 'could not sign award x', { cause });
    expect(LaurelError.is(error)).toBe(true);
    expect(LaurelError.is(new Error('plain'))).toBe(false);
    expect(LaurelError.is({ code: 'usage', message: 'forged' })).toBe(false);
    expect(error.cause).toBe(cause);
  });

  it('reads file:line:column first in the terminal, with what was expected and found', () => {
    expect(formatError(unknownField)).toBe(
      'content/awards/2026/web.yaml:11:1 error[unknown-field] evidance: is not a field here. Did you mean "evidence"?\n' +
        '    expected: one of the fields id, statusIndex, recipient\n' +
        '    found:    evidance',
    );
    expect(formatError(new LaurelError('no-current-key', 'No key in keys/ is marked current.'))).toBe('error[no-current-key] No key in keys/ is marked current.');
    expect(formatError(new LaurelError('several-current-keys', 'Several keys.', { file: 'keys/b.json' }))).toBe('keys/b.json error[several-current-keys] Several keys.');
    expect(formatError(new LaurelError('usage', 'Usage: npm run award -- <achievement>'))).toBe('Usage: npm run award -- <achievement>');
  });

  it('becomes a GitHub annotation on the line it names, escaped as the runner expects', () => {
    expect(githubAnnotation(unknownField)).toBe(
      '::error file=content/awards/2026/web.yaml,line=11,col=1,title=unknown-field::evidance: is not a field here. Did you mean "evidence"?%0Aexpected: one of the fields id, statusIndex, recipient%0Afound: evidance',
    );
  });

  it('exits 2 for bad usage and 1 for anything else, and never shows a stack', () => {
    expect(exitCodeOf(new LaurelError('usage', 'x'))).toBe(2);
    expect(exitCodeOf(unknownField)).toBe(1);
    expect(exitCodeOf(new Error('bug'))).toBe(1);
    const several = new LaurelErrors(sortErrors([unknownField, new LaurelError('yaml-syntax', 'bad', { file: 'content/achievements/a.md', line: 2, column: 3 })]), '2 errors in content/. Nothing was built.');
    expect(describeFailure(several)).toBe(formatErrors(several.errors, several.summary));
    expect(describeFailure(several).split('\n')[0]).toBe('content/achievements/a.md:2:3 error[yaml-syntax] bad');
    expect(describeFailure(several).endsWith('\n\n2 errors in content/. Nothing was built.')).toBe(true);
    expect(describeFailure(new TypeError('x is undefined'))).toBe('Unexpected error: x is undefined');
  });

  it('reaches a host that prints only messages as the whole report, and a command as the error it wraps', () => {
    const several = new LaurelErrors([unknownField], '1 error in content/. Nothing was built.');
    const reported = new ReportedFailure(several);
    expect(reported.message).toBe(describeFailure(several));
    expect(reported.stack).toBeUndefined();
    // Astro prints the entries of an `errors` array and a `cause` once more: neither is there.
    expect(reported).not.toHaveProperty('errors');
    expect(reported).not.toHaveProperty('cause');
    expect(ReportedFailure.is(reported)).toBe(true);
    expect(ReportedFailure.is(several)).toBe(false);
    expect(describeFailure(reported)).toBe(describeFailure(several));
    expect(exitCodeOf(new ReportedFailure(new LaurelError('usage', 'x')))).toBe(2);
    expect(exitCodeOf(reported)).toBe(1);
  });
});
