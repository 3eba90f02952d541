/**
 * Stacks in content validation (src/content/validate.ts): an achievement's `requires` names
 * other achievements, each once, without a cycle; a stacked award's `blocks` are its learner's
 * awards of those blocks; a block withdrawn since, and a stack a learner holds the blocks of
 * without an award of it, are warnings. On the minimal fixture tree with files added here.
 */
import { describe, expect, it } from 'vitest';
import { validateContent, type ContentResult } from '../../src/content/validate.ts';
import { formatError, type LaurelError } from '../../src/core/error.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const KEY = 'lk-cccccccccccccccccccccccccc';
const HASH = 'sha256$c40bcbb760282c5223588cea114edccce3bf5045eaf0fea7f9f6415ab4c2f018';

function achievement(slug: string, frontmatter: string): [string, string] {
  return [`content/achievements/${slug}.md`, `---\nname: ${slug}\ndescription: The ${slug} block.\n${frontmatter}---\n\nAssessed.\n`];
}

let nextIndex = 1000;

function award(id: string, achievement: string, awardedOn: string, extra = ''): [string, string] {
  return [`content/awards/${id}.yaml`, `id: ${id}\nachievement: ${achievement}\nstatusIndex: ${nextIndex++}\nlearner: ${KEY}\nrecipient:\n  name: Ada Example\n  identity:\n    type: emailAddress\n    hash: ${HASH}\n    salt: fixture-salt-0001\nawardedOn: ${awardedOn}\n${extra}`];
}

/** The minimal tree with blocks `first` and `second`, the stack `both`, and the given files. */
function validate(...files: Array<[string, string]>): ContentResult {
  const tree = fixtureTree();
  for (const [file, text] of [
    achievement('first', ''),
    achievement('second', ''),
    achievement('both', 'requires:\n  achievements: [first, second]\n'),
    ...files,
  ]) tree.set(file, text);
  return validateContent(toContentFiles(tree));
}

function errorsOf(result: ContentResult): LaurelError[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

function warningsOf(result: ContentResult): LaurelError[] {
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.warnings.filter((warning) => warning.code.startsWith('stack-'));
}

describe('requires', () => {
  it('names achievements that exist, each once, never the achievement itself', () => {
    const errors = errorsOf(validate(achievement('broken', 'requires:\n  achievements: [first, frist, broken, first]\n  count: 5\n')));
    expect(errors.map((error) => [error.code, error.field, error.line])).toEqual([
      ['unknown-achievement', 'requires.achievements[1]', 5],
      ['invalid-value', 'requires.achievements[2]', 5],
      ['invalid-value', 'requires.achievements[3]', 5],
      ['invalid-value', 'requires.count', 6],
    ]);
    expect(errors[0]!.message).toBe('"frist" is not an achievement. Did you mean "first"?');
    expect(errors[1]!.message).toBe('is broken itself: an achievement cannot be one of its own blocks.');
    expect(errors[3]!.message).toBe('is 5, but only 4 blocks are listed.');
  });

  it('makes no cycle through other stacks', () => {
    const errors = errorsOf(validate(achievement('up', 'requires:\n  achievements: [down]\n'), achievement('down', 'requires:\n  achievements: [first, up]\n')));
    expect(errors.map((error) => `${error.file} ${error.field}: ${error.message}`)).toEqual([
      'content/achievements/down.md requires.achievements: make a cycle: down requires up requires down. A stack that needs itself can never be earned.',
      'content/achievements/up.md requires.achievements: make a cycle: up requires down requires up. A stack that needs itself can never be earned.',
    ]);
  });
});

describe("a stacked award's blocks", () => {
  const blocks = [award('block-0001', 'first', '2026-01-10'), award('block-0002', 'second', '2026-02-20')];

  it('are accepted when they make up the stack, and become the record\'s blocks', () => {
    const result = validate(...blocks, award('stack-0001', 'both', '2026-02-20', 'blocks: [block-0001, block-0002]\n'));
    expect(warningsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.content.awards.find((record) => record.id === 'stack-0001')!.blocks).toEqual(['block-0001', 'block-0002']);
  });

  it('are refused, located, when they do not', () => {
    const [error, ...rest] = errorsOf(validate(...blocks, award('stack-0001', 'both', '2026-02-01', 'blocks: [block-0001, block-0002]\n')));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'invalid-stack', file: 'content/awards/stack-0001.yaml', line: 12, field: 'blocks' });
    expect(error!.message).toBe("include block-0002 (awarded 2026-02-20), awarded after this award's date (2026-02-01).");
    const [notAStack] = errorsOf(validate(...blocks, award('other-0001', 'first', '2026-03-01', 'blocks: [block-0002]\n')));
    expect(notAStack).toMatchObject({ code: 'invalid-stack', field: 'blocks', message: 'are given, but first stacks no blocks (it has no requires).' });
  });

  it('withdrawn since (revoked, suspended) leave the stacked award in force, with a warning that names them', () => {
    const revoked = award('block-0001', 'first', '2026-01-10', 'revoked:\n  on: 2026-05-01\n  reason: Awarded in error.\n');
    const warnings = warningsOf(validate(revoked, blocks[1]!, award('stack-0001', 'both', '2026-02-20', 'blocks: [block-0001, block-0002]\n')));
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line, warning.field])).toEqual([['stack-unsupported', 'content/awards/stack-0001.yaml', 12, 'blocks']]);
    expect(warnings[0]!.message).toBe('rest on withdrawn blocks: block-0001 (first) is revoked. The stacked award stack-0001 is still in force.');
    expect(warnings[0]!.expected).toBe('npm run revoke -- stack-0001 --reason "…" (or suspend), if it should not stand without them');
    // Revoked with its block: nothing to warn of.
    expect(warningsOf(validate(revoked, blocks[1]!, award('stack-0001', 'both', '2026-02-20', 'blocks: [block-0001, block-0002]\nrevoked:\n  on: 2026-05-01\n  reason: Its block was revoked.\n')))).toEqual([]);
  });
});

describe('a stack due', () => {
  it('is a warning at the last block, until the stacked award is written', () => {
    const warnings = warningsOf(validate(...[award('block-0001', 'first', '2026-01-10'), award('block-0002', 'second', '2026-02-20')]));
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line])).toEqual([['stack-due', 'content/awards/block-0002.yaml', 1]]);
    expect(warnings[0]!.message).toBe('The learner of block-0001, block-0002 holds the blocks of both since 2026-02-20, and has no award of it yet.');
    expect(warnings[0]!.expected).toBe('npm run stack, which writes the stacked award');
  });
});
