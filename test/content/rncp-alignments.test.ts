/**
 * Alignments to France's RNCP (src/content/schemas/achievement.ts, checkRncpAlignment): a code of
 * the register's form, `RNCP` and the certification's number with `BC` and two digits for a skill
 * block, and the certification's own page on France Compétences; anything else is refused with
 * its file, line and field.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { formatError } from '../../src/core/error.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

/** The minimal fixture's achievement with one more alignment, to the RNCP. */
function withAlignment(lines: readonly string[]) {
  const tree = fixtureTree();
  const own = tree.get('content/achievements/teamwork.md')!;
  tree.set('content/achievements/teamwork.md', own.replace('alignments:\n', `alignments:\n  - targetName: Concevoir une interface accessible\n${lines.map((line) => `    ${line}\n`).join('')}`));
  return validateContent(toContentFiles(tree));
}

const page = (number: string) => `targetUrl: https://www.francecompetences.fr/recherche/rncp/${number}/`;

describe('an RNCP alignment', () => {
  it('accepts a skill block and a certification with their France Compétences page', () => {
    for (const lines of [
      ['targetFramework: RNCP', 'targetCode: RNCP38596BC02', page('38596')],
      ['targetFramework: RNCP', 'targetCode: RNCP38596', page('38596').replace(/\/$/, '')],
    ]) {
      const result = withAlignment(lines);
      if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
      expect(result.content.achievements.get('teamwork')!.data.alignments[0]).toMatchObject({ targetFramework: 'RNCP', targetCode: lines[1]!.slice('targetCode: '.length) });
    }
  });

  it('refuses a code not of the register\'s form, or none, at its line', () => {
    const result = withAlignment(['targetFramework: RNCP', 'targetCode: RNCP-38596-BC2', page('38596')]);
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'content/achievements/teamwork.md', line: 8, field: 'alignments[0].targetCode' });
    expect(result.errors[0]!.message).toContain('is not an RNCP code: RNCP and the certification\'s number (RNCP38596), with BC and two digits for a skill block (RNCP38596BC02)');
    const missing = withAlignment(['targetFramework: RNCP', page('38596')]);
    if (missing.ok) throw new Error('accepted');
    expect(missing.errors[0]).toMatchObject({ field: 'alignments[0].targetCode' });
    expect(missing.errors[0]!.message).toContain('names the certification or skill block by its code');
  });

  it("refuses another certification's page, and a page that is not France Compétences', naming the right one", () => {
    const other = withAlignment(['targetFramework: RNCP', 'targetCode: RNCP38596BC02', page('37873')]);
    if (other.ok) throw new Error('accepted');
    expect(other.errors[0]).toMatchObject({ file: 'content/achievements/teamwork.md', line: 9, field: 'alignments[0].targetUrl' });
    expect(other.errors[0]!.message).toContain('is the page of RNCP37873, not of RNCP38596BC02: use https://www.francecompetences.fr/recherche/rncp/38596/.');
    const elsewhere = withAlignment(['targetFramework: RNCP', 'targetCode: RNCP38596BC02', 'targetUrl: https://example.org/rncp/38596']);
    if (elsewhere.ok) throw new Error('accepted');
    expect(elsewhere.errors[0]!.message).toContain('is not a France Compétences page: the page of RNCP38596BC02 is https://www.francecompetences.fr/recherche/rncp/38596/.');
  });

  it('leaves the alignments to other frameworks as they are', () => {
    const result = withAlignment(['targetFramework: ESCO', 'targetCode: RNCP-anything', 'targetUrl: https://example.org/skills/x']);
    expect(result.ok).toBe(true);
  });
});
