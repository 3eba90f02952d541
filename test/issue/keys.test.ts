/** The keys/ folder: a broken key file is named with its line and column, and secrets never appear in errors. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError, LaurelError } from '../../src/core/error.ts';
import { encodeSecretKeyMultibase, keyPairFromSeed } from '../../src/core/multikey.ts';
import { readKeyFiles, resolveSigningIdentity } from '../../src/issue/keys.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function repoWithKey(name: string, text: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'laurel-keys-'));
  folders.push(root);
  await mkdir(path.join(root, 'keys'));
  await writeFile(path.join(root, 'keys', name), text);
  return root;
}

async function keyError(root: string): Promise<LaurelError> {
  try {
    await readKeyFiles(root);
  } catch (error) {
    if (LaurelError.is(error)) return error;
    throw error;
  }
  throw new Error('the key file was accepted');
}

const pair = keyPairFromSeed(new Uint8Array(32).fill(9));

describe('key files', () => {
  it('names the file, line and column of broken JSON', async () => {
    const error = await keyError(await repoWithKey('2026-01-01-a.json', '{\n  "type": "Multikey",\n  "status": current\n}\n'));
    expect(error).toMatchObject({ code: 'invalid-key-file', file: 'keys/2026-01-01-a.json', line: 3, column: 13 });
    expect(formatError(error)).toMatch(/^keys\/2026-01-01-a\.json:3:13 error\[invalid-key-file\] is not valid JSON/);
  });

  it('names the field that is wrong, where it is written', async () => {
    const text = JSON.stringify({ type: 'Multikey', publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', status: 'active' }, null, 2);
    const error = await keyError(await repoWithKey('k.json', text));
    expect(error).toMatchObject({ code: 'invalid-key-file', file: 'keys/k.json', line: 5, column: 3, field: 'status' });
    expect(error.expected).toContain('as npm run keygen writes it');
  });

  it('refuses a secret that is not the current key, naming the key file but never the secret', async () => {
    const text = JSON.stringify({ type: 'Multikey', publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', status: 'current' });
    const root = await repoWithKey('k.json', text);
    const keys = await readKeyFiles(root);
    const other = encodeSecretKeyMultibase(keyPairFromSeed(new Uint8Array(32).fill(3)).secretKey);
    const failure = await resolveSigningIdentity({ root, production: true, secret: other, now: new Date() }, keys).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'secret-not-current', file: 'keys/k.json' });
    expect(formatError(failure as LaurelError)).not.toContain(other);
    const missing = await resolveSigningIdentity({ root, production: true, secret: undefined, now: new Date() }, keys).catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: 'missing-secret' });
  });
});
