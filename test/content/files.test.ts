/**
 * Reading content/ from disk, on hostile trees made in a temporary folder: symbolic links are
 * followed inside the repository and refused when they leave it (their target never read, never
 * printed), and text that is not UTF-8 is refused at its first bad byte.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';
import { formatError, type LaurelError } from '../../src/core/error.ts';
import { fixtureTree } from '../helpers/content-fixtures.ts';

/** What a link out of the repository might reach: it must never appear in any output. */
const SECRET = 'LAUREL_SIGNING_KEY=z3uNeverPrintThisSecret';

let folder: string;
let root: string;
let outside: string;

/** A second award of the minimal tree's achievement, with its own id and status index. */
function award(n: number, name = 'Grace Example'): string {
  return fixtureTree().get('content/awards/teamwork-ada.yaml')!
    .replace('00000000-0000-4000-8000-000000000001', `00000000-0000-4000-8000-00000000000${n}`)
    .replace('statusIndex: 4242', `statusIndex: ${4242 + n}`)
    .replace('Ada Example', name);
}

async function put(file: string, text: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

async function link(file: string, target: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await symlink(target, path.join(root, file));
}

async function validate() {
  return validateContent(await readContentFiles(root));
}

function errorsOf(result: Awaited<ReturnType<typeof validate>>): LaurelError[] {
  if (result.ok) throw new Error('the content was accepted');
  return result.errors;
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'laurel-files-'));
  root = path.join(folder, 'repository');
  outside = path.join(folder, 'elsewhere');
  await mkdir(outside);
  await writeFile(path.join(outside, 'environ'), `${SECRET}\n`);
  await writeFile(path.join(outside, 'award.yaml'), award(7));
  for (const [file, text] of fixtureTree()) await put(file, text);
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('symbolic links in content/', () => {
  it('follows links that stay in the repository, to files and to folders, and counts what they lead to', async () => {
    await put('shared/award.yaml', award(2));
    await link('content/awards/linked.yaml', '../../shared/award.yaml');
    await put('archive/2025/old.yaml', award(3));
    await link('content/awards/2025', '../../archive/2025');
    await put('shared/other.md', fixtureTree().get('content/achievements/teamwork.md')!.replace('name: Teamwork', 'name: Other'));
    await link('content/achievements/other.md', '../../shared/other.md');
    const result = await validate();
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.awards.map((record) => record.origin.file).sort()).toEqual(['content/awards/2025/old.yaml', 'content/awards/linked.yaml', 'content/awards/teamwork-ada.yaml']);
    expect([...result.content.achievements.keys()].sort()).toEqual(['other', 'teamwork']);
  });

  it('refuses a link out of the repository, naming it, and never reads or prints what it leads to', async () => {
    await link('content/awards/environ.yaml', path.join(outside, 'environ'));
    await link('content/awards/relative.yaml', '../../../elsewhere/award.yaml');
    const errors = errorsOf(await validate());
    expect(errors.map((error) => [error.code, error.file, error.line])).toEqual([
      ['symlink-outside-repository', 'content/awards/environ.yaml', 1],
      ['symlink-outside-repository', 'content/awards/relative.yaml', 1],
    ]);
    expect(errors[0]!.expected).toContain('copy it into the repository');
    const shown = errors.map(formatError).join('\n');
    expect(shown).not.toContain('z3uNeverPrintThisSecret');
    expect(shown).not.toContain('Grace Example');
  });

  it('refuses content/issuer.yaml linked out of the repository, without also calling it missing', async () => {
    await rm(path.join(root, 'content/issuer.yaml'));
    await link('content/issuer.yaml', path.join(outside, 'environ'));
    const errors = errorsOf(await validate());
    expect(errors.map((error) => [error.code, error.file])).toEqual([['symlink-outside-repository', 'content/issuer.yaml']]);
    expect(errors.map(formatError).join('\n')).not.toContain('z3uNeverPrintThisSecret');
  });

  it('refuses an achievement linked out of the repository, and does not call its awards unknown', async () => {
    await rm(path.join(root, 'content/achievements/teamwork.md'));
    await link('content/achievements/teamwork.md', path.join(outside, 'environ'));
    const errors = errorsOf(await validate());
    expect(errors.map((error) => [error.code, error.file])).toEqual([['symlink-outside-repository', 'content/achievements/teamwork.md']]);
  });

  it('refuses links to folders out of the repository, and content/ itself linked out of it', async () => {
    await link('content/awards/elsewhere', outside);
    expect(errorsOf(await validate()).map((error) => [error.code, error.file])).toEqual([['symlink-outside-repository', 'content/awards/elsewhere']]);
    await rm(path.join(root, 'content'), { recursive: true });
    await mkdir(path.join(outside, 'content'));
    await link('content', path.join(outside, 'content'));
    expect(errorsOf(await validate()).map((error) => [error.code, error.file])).toEqual([['symlink-outside-repository', 'content']]);
  });

  it('refuses links into .git/ and .laurel/, which hold credentials and personal data', async () => {
    await put('.git/config', '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
    await put('.laurel/mail-merge/roster.csv', 'name,email\nAda,ada@example.org\n');
    await link('content/awards/config.yaml', '../../.git/config');
    await link('content/awards/roster.yaml', '../../.laurel/mail-merge/roster.csv');
    const errors = errorsOf(await validate());
    expect(errors.map((error) => [error.code, error.file])).toEqual([
      ['symlink-outside-repository', 'content/awards/config.yaml'],
      ['symlink-outside-repository', 'content/awards/roster.yaml'],
    ]);
    expect(errors.map(formatError).join('\n')).not.toMatch(/c2VjcmV0|ada@example\.org/);
  });

  it('reports a link that leads to no file, rather than leaving its award out', async () => {
    await link('content/awards/gone.yaml', 'nowhere.yaml');
    expect(errorsOf(await validate()).map((error) => [error.code, error.file])).toEqual([['missing-file', 'content/awards/gone.yaml']]);
  });

  it('lists a folder once when links lead back into it or to it twice', async () => {
    await link('content/awards/again', '.');
    await link('content/awards/up/again', '..');
    // Two links to the next folder, twenty deep: listed along every path, a million folders.
    for (let depth = 0; depth < 20; depth += 1) {
      await link(`nest/${depth}/a`, `../${depth + 1}`);
      await link(`nest/${depth}/b`, `../${depth + 1}`);
    }
    await put('nest/20/deep.yaml', award(6));
    await link('content/awards/nest', '../../nest/0');
    const result = await validate();
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.awards.map((record) => record.origin.file).sort()).toEqual([`content/awards/nest/${'a/'.repeat(20)}deep.yaml`, 'content/awards/teamwork-ada.yaml']);
  });
});

describe('text encodings', () => {
  it('refuses a Latin-1 award at the line and column of its first byte that is not UTF-8', async () => {
    const text = award(4, 'Zo\u00EB Example');
    await put('content/awards/zoe.yaml', Uint8Array.from(text, (character) => character.charCodeAt(0)));
    const errors = errorsOf(await validate());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'invalid-encoding', file: 'content/awards/zoe.yaml', line: 5, column: 11 });
    expect(formatError(errors[0]!)).toContain('content/awards/zoe.yaml:5:11 error[invalid-encoding] is not UTF-8 text: the byte 0xEB');
  });

  it('refuses a Windows-1252 achievement, and does not call its awards unknown', async () => {
    const text = fixtureTree().get('content/achievements/teamwork.md')!.replace('effectively', '\u0093effectively\u0094');
    await put('content/achievements/teamwork.md', Uint8Array.from(text, (character) => character.charCodeAt(0)));
    const errors = errorsOf(await validate());
    expect(errors.map((error) => [error.code, error.file, error.line, error.column])).toEqual([['invalid-encoding', 'content/achievements/teamwork.md', 3, 27]]);
  });

  it('refuses an issuer file that is not UTF-8, without also calling it missing', async () => {
    const [before, after] = fixtureTree().get('content/issuer.yaml')!.split('Example Academy') as [string, string];
    await put('content/issuer.yaml', Uint8Array.from([...new TextEncoder().encode(`${before}Acad`), 0xe9, ...new TextEncoder().encode(`mie${after}`)]));
    expect(errorsOf(await validate()).map((error) => [error.code, error.file, error.line, error.column])).toEqual([['invalid-encoding', 'content/issuer.yaml', 1, 11]]);
  });

  it('accepts UTF-8 with a byte-order mark, accents and a real replacement character', async () => {
    await put('content/awards/zoe.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(award(5, 'Zoë \uFFFD Example'))]));
    const result = await validate();
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.content.awards.map((record) => record.recipient.name)).toContain('Zoë \uFFFD Example');
  });
});
