/**
 * The PR summary: base and head content built in memory with validateContent, compared, and told
 * as Markdown and as GitHub workflow commands; and npm run pr-summary in a git repository the test
 * makes.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prSummary } from '../../src/commands/pr-summary.ts';
import { makeRepository } from '../helpers/repository.ts';
import { annotations, diffContent, headline, renderSummary, selectContentFiles, type ContentDiff, type ContentSnapshot, type PublishedChanges } from '../../src/commands/content-diff.ts';
import { validateContent, type SourceFile } from '../../src/content/validate.ts';
import { LaurelError } from '../../src/core/error.ts';

const ISSUER = `name: Example Academy
url: https://badges.example.org/
description: Short courses.
email: badges@example.org
`;

const achievement = (name: string, description = 'Does things well.') => `---
name: ${name}
description: ${description}
---

Passes the final assessment.
`;

const identity = (n: number) => `    identity:
      type: emailAddress
      hash: sha256$${String(n).repeat(64).slice(0, 64)}
      salt: salt-${n}-0000`;

interface Award {
  id: string;
  index: number;
  name: string;
  extra?: string;
}

const single = ({ id, index, name, extra = '' }: Award, slug = 'web-basics') =>
  `id: ${id}
achievement: ${slug}
statusIndex: ${index}
recipient:
  name: "${name}"
${identity(index).replace(/^ {2}/gm, '')}
awardedOn: 2026-03-14
${extra}`;

const erased = (id: string, index: number, slug = 'web-basics') => `id: ${id}\nachievement: ${slug}\nstatusIndex: ${index}\nerased:\n  on: 2026-05-01\n`;

const key = (multibase: string, status: string) => JSON.stringify({ type: 'Multikey', publicKeyMultibase: multibase, created: '2026-01-01T00:00:00Z', status });
const KEY_1 = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const KEY_2 = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

/** A snapshot from a map of repository paths to file text, read the way pr-summary reads a commit. */
function snapshot(tree: Record<string, string>): ContentSnapshot {
  const { files, keys } = selectContentFiles(Object.entries(tree).map(([path, text]): SourceFile => ({ path, text })));
  return { content: validateContent(files), keys };
}

const ALICE: Award = { id: 'award-alice-0001', index: 101, name: 'Alice Martin' };
const BOB: Award = { id: 'award-bob-00002', index: 102, name: 'Bob Okoro' };
const CARA: Award = { id: 'award-cara-0003', index: 103, name: 'Cara Nguyen' };
const DAN: Award = { id: 'award-dan-00004', index: 104, name: 'Dan | Smith' };

const BASE: Record<string, string> = {
  'content/issuer.yaml': ISSUER,
  'content/achievements/web-basics.md': achievement('Web Basics'),
  'content/awards/2026/alice.yaml': single(ALICE),
  'content/awards/2026/bob.yaml': single(BOB),
  'content/awards/2026/cara.yaml': single(CARA),
  'keys/2026-01-01-one.json': key(KEY_1, 'current'),
  'README.md': 'not content',
};

function published(diff: ContentDiff): PublishedChanges {
  if (!diff.ok) throw new Error(`expected valid content, got ${JSON.stringify(diff.errors)}`);
  return diff;
}

describe('selectContentFiles', () => {
  it('picks the files readContentFiles and readKeyFiles read, in path order', () => {
    const { files, keys } = selectContentFiles(
      ['content/awards/b.yaml', 'content/awards/2026/a.yml', 'content/awards/.hidden.yaml', 'content/awards/notes.txt', 'content/achievements/x.md', 'content/achievements/y.mdx', 'content/issuer.yaml', 'keys/k.json', 'keys/old/k.json', 'src/a.ts'].map((path) => ({ path, text: '' })),
    );
    expect(files.issuer?.path).toBe('content/issuer.yaml');
    expect(files.achievements.map((file) => file.path)).toEqual(['content/achievements/x.md', 'content/achievements/y.mdx']);
    expect(files.awards.map((file) => file.path)).toEqual(['content/awards/2026/a.yml', 'content/awards/b.yaml']);
    expect(keys.map((file) => file.path)).toEqual(['keys/k.json']);
  });
});

describe('diffContent', () => {
  it('reports awards added, revoked, suspended and erased, achievements and keys', () => {
    const head = {
      ...BASE,
      'content/achievements/web-basics.md': achievement('Web Basics', 'Builds accessible pages.'),
      'content/achievements/data-basics.md': achievement('Data Basics'),
      'content/awards/2026/alice.yaml': single({ ...ALICE, extra: 'revoked:\n  on: 2026-04-01\n  reason: Awarded in error.\n' }),
      'content/awards/2026/bob.yaml': single({ ...BOB, extra: 'suspended:\n  on: 2026-04-02\n  reason: Under review.\n' }),
      'content/awards/2026/cara.yaml': erased(CARA.id, CARA.index),
      'content/awards/2026/dan.yaml': single(DAN, 'data-basics'),
      'keys/2026-01-01-one.json': key(KEY_1, 'retired'),
      'keys/2026-06-01-two.json': key(KEY_2, 'current'),
    };
    const diff = published(diffContent(snapshot(BASE), snapshot(head)));

    expect(diff.baseValid).toBe(true);
    expect(diff.awarded).toEqual([
      { id: DAN.id, recipient: 'Dan | Smith', achievement: 'data-basics', achievementName: 'Data Basics', url: `https://badges.example.org/credentials/${DAN.id}/`, origin: { file: 'content/awards/2026/dan.yaml', line: 1 } },
    ]);
    expect(diff.revoked).toMatchObject([{ id: ALICE.id, recipient: 'Alice Martin', reason: 'Awarded in error.', on: '2026-04-01' }]);
    expect(diff.suspended).toMatchObject([{ id: BOB.id, recipient: 'Bob Okoro', reason: 'Under review.' }]);
    expect(diff.erased).toMatchObject([{ id: CARA.id, recipient: '', achievementName: 'Web Basics' }]);
    // A revocation or suspension is a status change, not an edit of the credential.
    expect(diff.changed).toEqual([]);
    expect(diff.achievementsAdded).toMatchObject([{ slug: 'data-basics', name: 'Data Basics', credentials: 1 }]);
    expect(diff.achievementsChanged).toMatchObject([{ slug: 'web-basics', fields: ['description'], credentials: 2 }]);
    expect(diff.keys).toEqual([
      { file: 'keys/2026-01-01-one.json', publicKeyMultibase: KEY_1, from: 'current', to: 'retired' },
      { file: 'keys/2026-06-01-two.json', publicKeyMultibase: KEY_2, from: undefined, to: 'current' },
    ]);
    expect(diff.warnings).toEqual([]);
    expect(headline(diff)).toBe('This pull request awards 1 credential, revokes 1, suspends 1, erases 1, adds 1 achievement, changes 1 achievement, adds a signing key and retires a key.');

    const markdown = renderSummary(diff);
    expect(markdown).toContain('**This pull request awards 1 credential, revokes 1');
    expect(markdown).toContain(`| Dan \\| Smith | Data Basics | [\`${DAN.id}\`](https://badges.example.org/credentials/${DAN.id}/) | \`content/awards/2026/dan.yaml:1\` |`);
    expect(markdown).toContain('| Alice Martin | Web Basics | [`award-alice-0001`](https://badges.example.org/credentials/award-alice-0001/) | 2026-04-01 | Awarded in error. |');
    expect(markdown).toContain('### Erased at the holder\'s request (1)');
    // Erasure means the holder's name is not repeated, not even in the PR summary.
    expect(markdown).not.toContain('Cara Nguyen');
    expect(annotations(diff)).toEqual([]);
  });

  it('names the fields of an award that changed, and reinstates a suspended award', () => {
    const base = { ...BASE, 'content/awards/2026/bob.yaml': single({ ...BOB, extra: 'suspended:\n  on: 2026-04-02\n  reason: Under review.\n' }) };
    const head = {
      ...BASE,
      'content/awards/2026/alice.yaml': single({ ...ALICE, name: 'Alice Martin-Duval', extra: 'narrative: Built the course site.\n' }),
    };
    const diff = published(diffContent(snapshot(base), snapshot(head)));
    expect(diff.changed).toMatchObject([{ id: ALICE.id, recipient: 'Alice Martin-Duval', fields: ['recipient.name', 'narrative'] }]);
    expect(diff.reinstated).toMatchObject([{ id: BOB.id }]);
    expect(diff.awarded).toEqual([]);
    expect(headline(diff)).toBe('This pull request changes 1 credential and reinstates 1.');
    expect(renderSummary(diff)).toContain('| Alice Martin-Duval | Web Basics | [`award-alice-0001`](https://badges.example.org/credentials/award-alice-0001/) | `recipient.name`, `narrative` |');
  });

  it('says when nothing published changes', () => {
    const diff = diffContent(snapshot(BASE), snapshot({ ...BASE, 'README.md': 'edited' }));
    expect(headline(diff)).toBe('This pull request changes nothing that is published.');
  });

  it('warns about deletions and compromised keys, with file and line', () => {
    const head = { ...BASE, 'content/awards/2026/alice.yaml': single({ ...ALICE, extra: 'narrative: Built the course site.\n' }), 'keys/2026-01-01-one.json': key(KEY_1, 'compromised') };
    delete (head as Record<string, string>)['content/awards/2026/cara.yaml'];
    const diff = published(diffContent(snapshot(BASE), snapshot(head)));
    expect(diff.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining(`${CARA.id} (Web Basics, in content/awards/2026/cara.yaml on the base branch) was deleted`),
    ]);
    expect(diff.keys).toEqual([{ file: 'keys/2026-01-01-one.json', publicKeyMultibase: KEY_1, from: 'current', to: 'compromised' }]);
    expect(headline(diff)).toBe('This pull request changes 1 credential and marks a key compromised.');
    const markdown = renderSummary(diff);
    expect(markdown).toContain('> [!WARNING]');
    expect(markdown).toContain('must download it again');
    expect(annotations(diff)[0]).toMatch(/^::warning title=Laurel::award-cara-0003 \(Web Basics/);
  });

  describe('a revocation of the base branch', () => {
    const REVOKED = 'revoked:\n  on: 2026-04-01\n  reason: Awarded in error.\n';
    const base = { ...BASE, 'content/awards/2026/alice.yaml': single({ ...ALICE, extra: REVOKED }), 'content/awards/2026/bob.yaml': single({ ...BOB, extra: REVOKED }) };
    const tombstone = (award: Award, extra = '') => `${erased(award.id, award.index)}${extra}`;

    const cases: ReadonlyArray<{ readonly name: string; readonly head: Record<string, string | undefined>; readonly errors: ReadonlyArray<readonly [string, number, string]> }> = [
      { name: 'its revoked: block deleted', head: { 'content/awards/2026/alice.yaml': single(ALICE) }, errors: [['content/awards/2026/alice.yaml', 1, 'revoked']] },
      { name: 'its file deleted', head: { 'content/awards/2026/alice.yaml': undefined }, errors: [['content/awards/2026/alice.yaml', 1, 'revoked']] },
      { name: 'moved to a batch file without it', head: { 'content/awards/2026/alice.yaml': undefined, 'content/awards/2026/batch.yaml': `achievement: web-basics\nawards:\n  - ${single(ALICE).replace(/^achievement: .*\n/m, '').trimEnd().replace(/\n/g, '\n    ')}\n` }, errors: [['content/awards/2026/batch.yaml', 3, 'revoked']] },
      { name: 'its status index moved', head: { 'content/awards/2026/alice.yaml': single({ ...ALICE, index: 901, extra: REVOKED }) }, errors: [['content/awards/2026/alice.yaml', 1, 'statusIndex']] },
      { name: 'both undone', head: { 'content/awards/2026/alice.yaml': single(ALICE), 'content/awards/2026/bob.yaml': undefined }, errors: [['content/awards/2026/alice.yaml', 1, 'revoked'], ['content/awards/2026/bob.yaml', 1, 'revoked']] },
    ];

    it.each(cases)('$name: an error at the award, and nothing published', ({ head, errors }) => {
      const tree = Object.fromEntries(Object.entries({ ...base, ...head }).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const diff = diffContent(snapshot(base), snapshot(tree));
      if (diff.ok) throw new Error('expected the un-revocation to be refused');
      expect(diff.errors.map((error) => [error.file, error.line, error.field])).toEqual(errors);
      expect(diff.errors.every((error) => error.code === 'revocation-undone')).toBe(true);
      expect(headline(diff)).toBe(`This pull request un-revokes ${errors.length === 1 ? '1 award' : `${errors.length} awards`}: not allowed.`);
      expect(annotations(diff)[0]).toMatch(/^::error file=content\/awards\/2026\/[a-z]+\.yaml,line=\d+,title=revocation-undone::(?:revoked|statusIndex): award-(?:alice|bob)/);
      const markdown = renderSummary(diff);
      expect(markdown).toContain('**This pull request un-revokes');
      expect(markdown).toContain('`revocation-undone`');
    });

    it('keeps an erased award revoked: a tombstone without its revocation still sets the bit, deleting it is refused', () => {
      // Erasing withdraws the credential (its bit is set from the erasure date), so a tombstone
      // that lost its `revoked:` clears nothing, and one deleted would.
      const erasedOnly = diffContent(snapshot(base), snapshot({ ...base, 'content/awards/2026/alice.yaml': tombstone(ALICE) }));
      expect(erasedOnly.ok).toBe(true);
      const neverRevoked = { ...BASE, 'content/awards/2026/alice.yaml': tombstone(ALICE) };
      const deleted = diffContent(snapshot(neverRevoked), snapshot(BASE));
      if (deleted.ok) throw new Error('expected deleting a tombstone to be refused');
      expect(deleted.errors.map((error) => [error.code, error.file])).toEqual([['revocation-undone', 'content/awards/2026/alice.yaml']]);
    });

    it('stays revoked when the award is erased with its revocation, as npm run forget does', () => {
      const head = { ...base, 'content/awards/2026/alice.yaml': tombstone(ALICE, 'revoked:\n  on: 2026-04-01\n') };
      const diff = published(diffContent(snapshot(base), snapshot(head)));
      expect(diff.erased).toMatchObject([{ id: ALICE.id }]);
      expect(headline(diff)).toBe('This pull request erases 1.');
    });

    it('may be edited, and a suspension lifted, without an error', () => {
      const suspended = { ...base, 'content/awards/2026/cara.yaml': single({ ...CARA, extra: 'suspended:\n  on: 2026-04-02\n  reason: Under review.\n' }) };
      const head = { ...base, 'content/awards/2026/alice.yaml': single({ ...ALICE, extra: REVOKED.replace('Awarded in error.', 'Awarded in error (course not completed).') }) };
      const diff = published(diffContent(snapshot(suspended), snapshot(head)));
      expect(diff.reinstated).toMatchObject([{ id: CARA.id }]);
      expect(diff.changed).toMatchObject([{ id: ALICE.id, fields: ['revoked'] }]);
    });

    it('is not compared when the base branch does not validate', () => {
      const broken = { ...base, 'content/issuer.yaml': 'name: [' };
      expect(diffContent(snapshot(broken), snapshot(BASE)).ok).toBe(true);
    });
  });

  it('reports issuer changes, warns when the site URL moves, and leaves drafts out', () => {
    const head = {
      ...BASE,
      'content/issuer.yaml': ISSUER.replace('https://badges.example.org/', 'https://example.github.io/badges/').replace('Short courses.', 'Short, assessed courses.'),
      'content/achievements/draft-one.md': achievement('Draft One').replace('---\n\n', 'draft: true\n---\n\n'),
    };
    const diff = published(diffContent(snapshot(BASE), snapshot(head)));
    expect(diff.issuerFields).toEqual(['description', 'url']);
    expect(diff.achievementsAdded).toEqual([]);
    expect(diff.warnings).toMatchObject([{ file: 'content/issuer.yaml', message: expect.stringContaining('every credential already issued stops verifying') }]);
    expect(headline(diff)).toBe('This pull request changes the issuer profile.');
    expect(renderSummary(diff)).toContain('Changed: `description`, `url`. Every credential carries the issuer profile, so all of them are signed again.');
  });

  it('says that no credential is signed again when only what credentials leave out changes', () => {
    const head = { ...BASE, 'content/issuer.yaml': `${ISSUER.replace('Short courses.', 'Short, assessed courses.')}linkedinOrganizationId: "123"\n` };
    const diff = published(diffContent(snapshot(BASE), snapshot(head)));
    expect(diff.issuerFields).toEqual(['description', 'linkedinOrganizationId']);
    expect(headline(diff)).toBe('This pull request changes the issuer profile.');
    expect(renderSummary(diff)).toContain('Changed: `description`, `linkedinOrganizationId`. No credential carries these fields, so none is signed again.');
  });

  it('compares with an empty site when the base branch does not validate', () => {
    const diff = published(diffContent(snapshot({}), snapshot(BASE)));
    expect(diff.baseValid).toBe(false);
    expect(diff.awarded.map((line) => line.id)).toEqual([ALICE.id, BOB.id, CARA.id]);
    expect(diff.keys).toMatchObject([{ from: undefined, to: 'current' }]);
    expect(renderSummary(diff)).toContain('The base branch has no valid content');
  });

  it('lists head errors with file:line and as ::error workflow commands', () => {
    const head = {
      ...BASE,
      'content/awards/2026/dan.yaml': single(DAN, 'web-basic'),
      'content/awards/2026/eve.yaml': single({ id: 'award-eve-00005', index: 105, name: 'Eve', extra: 'narrative: "Write to eve@example.com"\n' }),
    };
    const headSnapshot = snapshot(head);
    const diff = diffContent(snapshot(BASE), headSnapshot);
    expect(diff.ok).toBe(false);
    if (diff.ok || headSnapshot.content.ok) throw new Error('expected errors');
    expect(diff.errors.map((error) => [error.code, error.file, error.line])).toEqual([
      ['unknown-achievement', 'content/awards/2026/dan.yaml', 2],
      ['plain-email', 'content/awards/2026/eve.yaml', 11],
    ]);
    expect(headline(diff)).toBe('This pull request cannot be published: 2 errors in the content.');

    const lines = annotations(diff);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=content/awards/2026/dan.yaml,line=2,col=14,title=unknown-achievement::achievement: "web-basic" is not an achievement. Did you mean "web-basics"?%0Aexpected: one of web-basics%0Afound: "web-basic"',
    );
    expect(lines[1]).toMatch(/^::error file=content\/awards\/2026\/eve\.yaml,line=11,col=\d+,title=plain-email::narrative: contains an email address/);
    // The email itself is never repeated.
    expect(lines.join('\n')).not.toContain('eve@example.com');

    const markdown = renderSummary(diff);
    expect(markdown).toContain('| `content/awards/2026/dan.yaml:2:14` | `unknown-achievement` | `achievement`: "web-basic" is not an achievement. Did you mean "web-basics"?<br>expected: one of web-basics<br>found: "web-basic" |');
    expect(markdown).toContain('`content/awards/2026/eve.yaml:11:');
    expect(markdown).not.toContain('eve@example.com');
  });

  it('escapes workflow command properties and data', () => {
    const diff: ContentDiff = {
      ok: false,
      errors: [new LaurelError('yaml-syntax', '100% wrong\nsecond line', { file: 'content/awards/a,b:c.yaml', line: 3, column: 1 })],
    };
    expect(annotations(diff)).toEqual(['::error file=content/awards/a%2Cb%3Ac.yaml,line=3,col=1,title=yaml-syntax::100%25 wrong%0Asecond line']);
  });
});

describe('npm run pr-summary', () => {
  it('fails a pull request that un-revokes an award of the base branch, and says so in its headline', async () => {
    const repo = await makeRepository({ fixture: 'academy' });
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo.dir, encoding: 'utf8' });
      const file = path.join(repo.dir, 'content', 'awards', 'revoked-award.yaml');
      const award = 'id: 00000000-0000-4000-8000-0000000000d1\nachievement: accessible-interfaces\nstatusIndex: 900201\nrecipient: { name: Rita Revoked, identity: { type: sisSourcedId, value: S-900201 } }\nawardedOn: 2026-03-01\n';
      git('init', '--quiet', '--initial-branch=main');
      await writeFile(file, `${award}revoked:\n  on: 2026-05-01\n  reason: Awarded in error.\n`);
      git('add', '-A');
      git('commit', '--quiet', '-m', 'Revoke');
      git('checkout', '--quiet', '-b', 'un-revoke');
      await writeFile(file, award);
      git('commit', '--quiet', '-am', 'Un-revoke');

      const result = await repo.command(prSummary, ['--base', 'main']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('**This pull request un-revokes 1 award: not allowed.**');
      expect(result.stdout).toMatch(/^::error file=content\/awards\/revoked-award\.yaml,line=1,title=revocation-undone::revoked: 00000000-0000-4000-8000-0000000000d1 was revoked on 2026-05-01 \(on the base branch\)/m);

      const summary = path.join(repo.dir, 'summary.md');
      const quiet = await repo.command(prSummary, ['--base', 'main'], { env: { GITHUB_STEP_SUMMARY: summary } });
      expect(quiet.stdout).toContain('This pull request un-revokes 1 award: not allowed. (details in the job summary)');

      const unknownRef = await repo.command(prSummary, ['--base', 'no-such-branch']);
      expect(unknownRef.code).toBe(2);
      expect(unknownRef.stderr).toContain('Cannot read the git ref "no-such-branch"');
    } finally {
      await repo.cleanup();
    }
  });
});

describe('a pull request that links awards to their learner', () => {
  it('lists the awards whose learner key changed, as changing nothing published', () => {
    const learner = 'lk-3dkkus7xt2rvh5odnpun337ij4';
    const head = {
      ...BASE,
      'content/awards/2026/alice.yaml': single(ALICE).replace(`statusIndex: ${ALICE.index}\n`, `statusIndex: ${ALICE.index}\nlearner: ${learner}\n`),
      'content/awards/2026/dan.yaml': single(DAN).replace(`statusIndex: ${DAN.index}\n`, `statusIndex: ${DAN.index}\nlearner: ${learner}\n`),
    };
    const diff = published(diffContent(snapshot(BASE), snapshot(head)));
    expect(diff.relinked.map((line) => line.id)).toEqual([ALICE.id]);
    expect(diff.changed).toEqual([]);
    expect(headline(diff)).toBe('This pull request awards 1 credential and links 1 earlier award to its learner.');
    const summary = renderSummary(diff);
    expect(summary).toContain('### Learner key changed (1)');
    expect(summary).toContain('these credentials and their pages do not change');
    // The key itself stays out of the summary, which a pull request shows to everyone who can read it.
    expect(summary).not.toContain(learner);
  });
});

describe('a pull request that edits a translation', () => {
  it('lists the achievement as changed, naming the translation', () => {
    const bilingual = { ...BASE, 'content/issuer.yaml': `${ISSUER}languages: [en, fr]\n`, 'content/achievements/web-basics.fr.md': '---\nname: Bases du Web\ndescription: Fait bien les choses.\n---\n' };
    const head = { ...bilingual, 'content/achievements/web-basics.fr.md': '---\nname: Bases du Web\ndescription: Fait bien les choses.\nbadge:\n  label: Web\n---\n' };
    const diff = published(diffContent(snapshot(bilingual), snapshot(head)));
    expect(diff.achievementsChanged).toMatchObject([{ slug: 'web-basics', fields: ['translation fr'] }]);
    expect(published(diffContent(snapshot(bilingual), snapshot(bilingual))).achievementsChanged).toEqual([]);
  });
});

describe('a pull request that withdraws a block of a stacked award by hand', () => {
  it('warns the reviewer that the stacked award still stands, at its file and line', () => {
    const learner = 'lk-3dkkus7xt2rvh5odnpun337ij4';
    const keyed = (award: Award, slug: string, extra = '') => single({ ...award, extra }, slug).replace(`statusIndex: ${award.index}\n`, `statusIndex: ${award.index}\nlearner: ${learner}\n`);
    const STACKED: Award = { id: 'award-stack-0005', index: 105, name: 'Alice Martin' };
    const base = {
      ...BASE,
      'content/achievements/data-basics.md': achievement('Data Basics'),
      'content/achievements/both-basics.md': achievement('Both Basics').replace('---\n\n', 'requires:\n  achievements: [web-basics, data-basics]\n---\n\n'),
      'content/awards/2026/alice.yaml': keyed(ALICE, 'web-basics'),
      'content/awards/2026/dan.yaml': keyed(DAN, 'data-basics'),
      'content/awards/2026/stack.yaml': keyed(STACKED, 'both-basics', `blocks: [${ALICE.id}, ${DAN.id}]\n`),
    };
    expect(published(diffContent(snapshot(BASE), snapshot(base))).warnings).toEqual([]);
    const head = { ...base, 'content/awards/2026/dan.yaml': keyed(DAN, 'data-basics', 'revoked:\n  on: 2026-04-01\n  reason: Awarded in error.\n') };
    const diff = published(diffContent(snapshot(base), snapshot(head)));
    expect(diff.warnings).toEqual([{
      file: 'content/awards/2026/stack.yaml', line: 12,
      message: `blocks: rest on withdrawn blocks: ${DAN.id} (data-basics) is revoked. The stacked award ${STACKED.id} is still in force. (npm run revoke -- ${STACKED.id} --reason "…" (or suspend), if it should not stand without them)`,
    }]);
  });
});

describe('a pull request that publishes a learner portfolio', () => {
  it('says so in its headline and lists the page, and says when one is taken down', () => {
    const learner = 'lk-3dkkus7xt2rvh5odnpun337ij4';
    const portfolio = 'pf-cccccccccccccccccccccccccc';
    const keyed = (award: Award, extra = '') => single(award).replace(`statusIndex: ${award.index}\n`, `statusIndex: ${award.index}\nlearner: ${learner}\n${extra}`);
    const base = { ...BASE, 'content/awards/2026/alice.yaml': keyed(ALICE) };
    const head = { ...BASE, 'content/awards/2026/alice.yaml': keyed(ALICE, `portfolio: ${portfolio}\n`) };
    const diff = published(diffContent(snapshot(base), snapshot(head)));
    expect(diff.portfolios).toEqual([{ recipient: 'Alice Martin', url: `https://badges.example.org/portfolios/${portfolio}/`, credentials: 1, published: true }]);
    expect(diff.changed).toEqual([]);
    expect(headline(diff)).toBe('This pull request publishes 1 learner portfolio.');
    const summary = renderSummary(diff);
    expect(summary).toContain('### Portfolios published (1)');
    expect(summary).toContain(`| Alice Martin | [\`/portfolios/${portfolio}/\`](https://badges.example.org/portfolios/${portfolio}/) | 1 |`);
    expect(summary).toContain("publish one only at the learner's request");
    const down = published(diffContent(snapshot(head), snapshot(base)));
    expect(headline(down)).toBe('This pull request takes down 1 learner portfolio.');
    expect(renderSummary(down)).toContain('### Portfolios taken down (1)');
  });
});
