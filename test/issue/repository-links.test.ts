/**
 * Links in keys/ and public/: a link that leaves the repository, or leads into .laurel/ (the
 * development key), keys/ or .git/ from public/, is refused with its file and what would be right,
 * before anything is read; a link within the repository stays allowed.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError, LaurelError, LaurelErrors } from '../../src/core/error.ts';
import { readKeyFiles } from '../../src/issue/keys.ts';
import { KEYS_FOLDER, PUBLIC_FOLDER, refuseLinksLeavingRepository } from '../../src/issue/repository-links.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A repository with public/, keys/, .laurel/development-key.json and content/logo.svg, and a file outside it. */
async function repository(): Promise<{ root: string; outside: string }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'laurel-links-'));
  folders.push(parent);
  const root = path.join(parent, 'site');
  for (const folder of ['public', 'keys', '.laurel', 'content', '.git']) await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, '.laurel', 'development-key.json'), '{"secretKeyMultibase":"z3u2…"}\n');
  await writeFile(path.join(root, 'content', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, '.git', 'config'), '[core]\n');
  const outside = path.join(parent, 'secret.txt');
  await writeFile(outside, 'not the issuer’s to publish');
  return { root, outside };
}

async function refusal(run: () => Promise<unknown>): Promise<LaurelError[]> {
  try {
    await run();
  } catch (error) {
    if (LaurelErrors.is(error)) return [...error.errors];
    if (LaurelError.is(error)) return [error];
    throw error;
  }
  return [];
}

describe('links in public/', () => {
  it('refuses a link to the development key, naming the file and what would be right', async () => {
    const { root } = await repository();
    await symlink('../.laurel/development-key.json', path.join(root, 'public', 'key.json'));
    const [error, ...rest] = await refusal(() => refuseLinksLeavingRepository(root, PUBLIC_FOLDER));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'symlink-outside-repository', file: 'public/key.json', received: 'a link to ../.laurel/development-key.json' });
    expect(formatError(error!)).toMatch(/^public\/key\.json error\[symlink-outside-repository\] is a link to \.laurel\/: what it leads to would be published in dist\/\./);
    expect(error!.expected).toContain('copy into public/ what you mean to publish');
  });

  it('refuses every link that leaves the repository or leads to what is private, at once', async () => {
    const { root, outside } = await repository();
    await symlink(outside, path.join(root, 'public', 'absolute.txt'));
    await symlink('../../secret.txt', path.join(root, 'public', 'relative.txt'));
    await symlink('../keys', path.join(root, 'public', 'keys'));
    await symlink('../.git/config', path.join(root, 'public', 'git-config'));
    await symlink('..', path.join(root, 'public', 'everything'));
    await symlink('../../missing.txt', path.join(root, 'public', 'broken.txt'));
    const errors = await refusal(() => refuseLinksLeavingRepository(root, PUBLIC_FOLDER));
    expect(errors.map((error) => [error.file, error.code])).toEqual([
      ['public/absolute.txt', 'symlink-outside-repository'],
      ['public/broken.txt', 'symlink-outside-repository'],
      ['public/everything', 'symlink-outside-repository'],
      ['public/git-config', 'symlink-outside-repository'],
      ['public/keys', 'symlink-outside-repository'],
      ['public/relative.txt', 'symlink-outside-repository'],
    ]);
    expect(errors.find((error) => error.file === 'public/everything')!.message).toContain('a link to the repository itself');
  });

  it('follows a link within the repository, and refuses a link out of what it leads to', async () => {
    const { root, outside } = await repository();
    await mkdir(path.join(root, 'content', 'assets'));
    await symlink(outside, path.join(root, 'content', 'assets', 'leak.txt'));
    await symlink('../content/assets', path.join(root, 'public', 'assets'));
    const errors = await refusal(() => refuseLinksLeavingRepository(root, PUBLIC_FOLDER));
    expect(errors.map((error) => error.file)).toEqual(['public/assets/leak.txt']);
  });

  it('refuses public/ itself as a link out of the repository', async () => {
    const { root } = await repository();
    await rm(path.join(root, 'public'), { recursive: true });
    await symlink(path.dirname(root), path.join(root, 'public'));
    const errors = await refusal(() => refuseLinksLeavingRepository(root, PUBLIC_FOLDER));
    expect(errors.map((error) => error.file)).toEqual(['public']);
  });

  it('allows files, folders and links within the repository, loops included', async () => {
    const { root } = await repository();
    await mkdir(path.join(root, 'public', 'images'));
    await writeFile(path.join(root, 'public', 'images', 'a.png'), 'png');
    await symlink('../content/logo.svg', path.join(root, 'public', 'logo.svg'));
    await symlink('..', path.join(root, 'public', 'images', 'up'));
    expect(await refusal(() => refuseLinksLeavingRepository(root, PUBLIC_FOLDER))).toEqual([]);
  });
});

describe('links in keys/', () => {
  it('refuses a key file that links out of the repository before reading it', async () => {
    const { root, outside } = await repository();
    await symlink(outside, path.join(root, 'keys', '2026-01-01-a.json'));
    const errors = await refusal(() => readKeyFiles(root));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'symlink-outside-repository', file: 'keys/2026-01-01-a.json', expected: 'a key file of its own, as npm run keygen writes it' });
    expect(errors[0]!.message).toContain('read as a signing key');
  });

  it('refuses a key file that links into .laurel/, and keys/ itself as a link out', async () => {
    const { root, outside } = await repository();
    await symlink('../.laurel/development-key.json', path.join(root, 'keys', 'dev.json'));
    expect((await refusal(() => refuseLinksLeavingRepository(root, KEYS_FOLDER))).map((error) => error.file)).toEqual(['keys/dev.json']);
    await rm(path.join(root, 'keys'), { recursive: true });
    await symlink(path.dirname(outside), path.join(root, 'keys'));
    expect((await refusal(() => readKeyFiles(root))).map((error) => error.file)).toEqual(['keys']);
  });
});
