/**
 * The plain-email check (EMAIL_LIKE, applied to every string of an award file and to the cells of
 * a roster): what it must find, what it must leave alone, that it finds exactly what the regular
 * expression it replaces found, and that a megabyte of hostile text is answered at all (the
 * expression took minutes on it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMAIL_LIKE, containsEmailAddress } from '../../src/content/schemas/common.ts';

/** The expression the check replaces: right answers, in quadratic time. */
const QUADRATIC = /[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/i;

describe('the plain-email check', () => {
  it.each([
    'ada@example.org',
    'Ada.Lovelace+badges@mail.example.co.uk',
    'write to ada@example.org today',
    'a@b.cd',
    'A@B.CD',
    '<ada@example.org>',
    '(ada@example.org)',
    '"ada@example.org"',
    'mailto:ada@example.org',
    'x@@ada@example.org',
    'ada@example.org.',
    'ada@exa_mple.museum',
    'zoë@exämple.org',
    '\u00a0ada@example.org\u00a0',
    `${'a'.repeat(5_000)}@example.org`,
  ])('finds %j', (text) => {
    expect(EMAIL_LIKE.test(text)).toBe(true);
    expect(QUADRATIC.test(text)).toBe(true);
  });

  it.each([
    '',
    'Ada Lovelace',
    '@ada',
    'ada@',
    '@example.org',
    'ada @example.org',
    'ada@ example.org',
    'ada@example',
    'ada@example.c',
    'ada@.org',
    'ada@example.o1',
    'ada@example.1org',
    'ada<@example.org',
    'ada@exa<mple.org',
    'ada@example\u00a0.org',
    'ada@@example.org',
    'Grade: A@95.5%',
    'ada@example.ör',
  ])('leaves %j alone', (text) => {
    expect(EMAIL_LIKE.test(text)).toBe(false);
    expect(QUADRATIC.test(text)).toBe(false);
  });

  it('finds exactly what the regular expression it replaces finds', () => {
    // Pieces of addresses often, so that many strings hold one; every other kind of character too.
    const character = fc.oneof(
      { arbitrary: fc.constantFrom('a', 'Zb', 'cd', '@', '.', '.ef'), weight: 8 },
      { arbitrary: fc.constantFrom('é', '1', '_', ' ', '\n', '\t', '\u00a0', '\u3000', '\uFEFF', '<', '>', '(', ')', '"', "'", '\uD83D'), weight: 3 },
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(character, { minLength: 3, maxLength: 12 }).map((characters) => characters.join('')), (text) => {
        const expected = QUADRATIC.test(text);
        if (expected) found += 1;
        expect(containsEmailAddress(text)).toBe(expected);
      }),
      { numRuns: 10_000 },
    );
    expect(found).toBeGreaterThan(400);
  });

  it('answers on a megabyte of text without spaces, with or without @', () => {
    const megabyte = 1024 * 1024;
    // Each of these took the regular expression minutes: every start is tried against the whole run.
    expect(EMAIL_LIKE.test('a'.repeat(megabyte))).toBe(false);
    expect(EMAIL_LIKE.test('a@'.repeat(megabyte / 2))).toBe(false);
    expect(EMAIL_LIKE.test(`a@${'b.1'.repeat(megabyte / 3)}`)).toBe(false);
    expect(EMAIL_LIKE.test(`${'a.'.repeat(megabyte / 2)}@b.cd`)).toBe(true);
  });
});
