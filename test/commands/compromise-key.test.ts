/** npm run compromise-key, end to end: refuses the current key, marks a retired one. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempRepo, readTree, type TempRepo } from '../helpers/temp-repo.ts';

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo();
});
afterAll(() => repo.cleanup());

const keyFiles = async () => (await readdir(path.join(repo.dir, 'keys'))).filter((name) => name.endsWith('.json')).sort();
const readKey = async (name: string) => JSON.parse(await readFile(path.join(repo.dir, 'keys', name), 'utf8')) as Record<string, string>;

describe('npm run compromise-key', () => {
  it('refuses to mark the current key, and says to rotate first', async () => {
    expect((await repo.run('scripts/keygen.ts')).code).toBe(0);
    const [first] = await keyFiles();
    const before = await readTree(repo.dir, 'keys');
    const result = await repo.run('scripts/compromise-key.ts', [`keys/${first}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`keys/${first} is the current signing key`);
    expect(result.stderr).toContain('npm run rotate-key');
    expect(await readTree(repo.dir, 'keys')).toEqual(before);
  });

  it('marks a retired key compromised, by public key, after a rotation', async () => {
    const [first] = await keyFiles();
    const old = await readKey(first!);
    // Key files are named by their creation date and key, so wait for the next second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await repo.run('scripts/keygen.ts', ['--rotate'])).code).toBe(0);
    const current = (await keyFiles()).find((name) => name !== first)!;

    const result = await repo.run('scripts/compromise-key.ts', [old['publicKeyMultibase']!]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Marked keys/${first} compromised`);
    expect(result.stdout).toContain('removes the key from the DID');
    expect(result.stdout).toContain(`re-signs every credential with the current key (keys/${current})`);
    expect(result.stdout).toContain('download their credential again');
    const marked = await readKey(first!);
    expect(marked).toMatchObject({ publicKeyMultibase: old['publicKeyMultibase'], status: 'compromised', retired: expect.any(String) });
    expect(marked['compromised']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect((await readKey(current))['status']).toBe('current');

    const again = await repo.run('scripts/compromise-key.ts', [first!]);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is already marked compromised')]);
  });

  it('lists the keys when none matches, and wants exactly one argument', async () => {
    const unknown = await repo.run('scripts/compromise-key.ts', ['keys/nope.json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No key in keys/ matches keys/nope.json.');
    expect(unknown.stderr).toMatch(/current\s+z6Mk/);
    const none = await repo.run('scripts/compromise-key.ts');
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('Usage: npm run compromise-key')]);
  });
});
