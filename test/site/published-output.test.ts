/**
 * The last check of a built site: a signing secret (the configured one or the development key's)
 * or a copy of a file of .laurel/ or keys/ anywhere in the output deletes it with a coded error;
 * the image cache, published anyway, is no copy to refuse.
 */
import { cp, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError, LaurelError } from '../../src/core/error.ts';
import { assertNothingPrivate, recordChecked, takeCheckedRecord, type OutputCheck } from '../../src/site/published-output.ts';

const SECRET = 'z3u2TestSecretThatIsLongEnoughToBeSearchedFor1';
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A repository with a development key, a mail-merge list, a cached image and a key file, and a built output. */
async function builtRepository(): Promise<{ root: string; out: string; check: OutputCheck }> {
  const root = await mkdtemp(path.join(tmpdir(), 'laurel-output-'));
  folders.push(root);
  const files: Record<string, string> = {
    '.laurel/development-key.json': `{"secretKeyMultibase":"${SECRET}"}\n`,
    '.laurel/mail-merge/2026.csv': 'name,email\nAda,ada@example.org\n',
    '.laurel/cache/images/badge.png': 'PNG bytes that are published as they are',
    'keys/2026-01-01-a.json': '{"type":"Multikey"}\n',
    '.laurel/staging/index.html': '<p>home</p>',
    '.laurel/staging/badge.png': 'PNG bytes that are published as they are',
    '.laurel/staging/.nojekyll': '',
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await writeFile(path.join(root, '.laurel', 'empty'), '');
  const out = path.join(root, '.laurel', 'staging');
  return { root, out, check: { root, secrets: [SECRET, undefined], privateFolders: ['.laurel', 'keys'], published: [path.join(root, '.laurel', 'cache'), out] } };
}

async function failure(run: Promise<unknown>): Promise<LaurelError> {
  const error = await run.then(() => undefined, (caught: unknown) => caught);
  if (!LaurelError.is(error)) throw new Error(`not refused: ${String(error)}`);
  return error;
}

describe('the output check', () => {
  it('passes an output whose only copies are of the published image cache', async () => {
    const { out, check } = await builtRepository();
    await assertNothingPrivate(out, check);
    expect((await readdir(out)).sort()).toEqual(['.nojekyll', 'badge.png', 'index.html']);
  });

  it('deletes an output holding a copy of the development key, naming the copy and the original', async () => {
    const { root, out, check } = await builtRepository();
    await cp(path.join(root, '.laurel', 'development-key.json'), path.join(out, 'key.json'));
    const error = await failure(assertNothingPrivate(out, check));
    expect(error).toMatchObject({ code: 'private-file-in-output', file: 'key.json' });
    expect(formatError(error)).toMatch(/^key\.json error\[private-file-in-output\] is a copy of \.laurel\/development-key\.json, which is never published/);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('checks the files the build wrote itself as they are in memory, and refuses a secret there too', async () => {
    const { out, check } = await builtRepository();
    const file = path.join(out, 'credentials', 'x.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"id":"x"}\n');
    await assertNothingPrivate(out, check, new Map([[file, '{"id":"x"}\n']]));
    // The bytes checked are the ones given: had the build written the secret, it is refused.
    const error = await failure(assertNothingPrivate(out, check, new Map([[file, `{"id":"${SECRET}"}\n`]])));
    expect(error).toMatchObject({ code: 'secret-in-output', file: 'credentials/x.json' });
    await expect(readdir(out)).rejects.toThrow();
  });

  it('finds a hard link to a mail-merge list and a copy of a key file', async () => {
    for (const original of ['.laurel/mail-merge/2026.csv', 'keys/2026-01-01-a.json']) {
      const { root, out, check } = await builtRepository();
      await mkdir(path.join(out, 'files'));
      await link(path.join(root, original), path.join(out, 'files', 'list'));
      expect(await failure(assertNothingPrivate(out, check))).toMatchObject({ code: 'private-file-in-output', file: 'files/list' });
    }
  });

  it('deletes an output that contains a secret, without repeating it', async () => {
    const { out, check } = await builtRepository();
    await writeFile(path.join(out, 'leak.html'), `<p>${SECRET}</p>`);
    const error = await failure(assertNothingPrivate(out, check));
    expect(error).toMatchObject({ code: 'secret-in-output', file: 'leak.html' });
    expect(error.message).not.toContain(SECRET);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('does not read again the cache entries a passed check has read, and reads every other file', async () => {
    const { out, check } = await builtRepository();
    const reused = path.join(out, 'reused.html');
    await writeFile(reused, `<p>${SECRET}</p>`);
    // Given as checked before (a cache entry an earlier output passed with), the file is not read:
    await assertNothingPrivate(out, check, new Map(), new Set([reused]));
    // any other file is, and the secret in it is refused.
    const error = await failure(assertNothingPrivate(out, check, new Map(), new Set([path.join(out, 'index.html')])));
    expect(error).toMatchObject({ code: 'secret-in-output', file: 'reused.html' });
  });
});

describe('the record of a checked cache', () => {
  it('holds for the same secrets only, is taken once, and never holds a secret', async () => {
    const { root, check } = await builtRepository();
    const cache = path.join(root, '.laurel', 'cache');
    expect(await takeCheckedRecord(cache, check)).toBe(false);
    await recordChecked(cache, check);
    const record = await readFile(path.join(cache, 'checked-output'), 'utf8');
    expect(record).toMatch(/^[0-9a-f]{64}$/);
    expect(record).not.toContain(SECRET);
    expect(await takeCheckedRecord(cache, check)).toBe(true);
    // Taken: a build stopped before it records again leaves nothing to trust.
    expect(await takeCheckedRecord(cache, check)).toBe(false);
    await recordChecked(cache, check);
    expect(await takeCheckedRecord(cache, { secrets: [SECRET, 'z3u2AnotherSecretLongEnoughToBeSearched'] })).toBe(false);
  });
});
