/** npm run compromise-key, in a repository with the academy fixture's content: refuses the current key, marks a retired one. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compromiseKey } from '../../src/commands/compromise-key.ts';
import { keygen } from '../../src/commands/keygen.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

const keyFiles = async () => (await readdir(path.join(repo.dir, 'keys'))).filter((name) => name.endsWith('.json')).sort();
const readKey = async (name: string) => JSON.parse(await readFile(path.join(repo.dir, 'keys', name), 'utf8')) as Record<string, string>;

describe('npm run compromise-key', () => {
  it('refuses to mark the current key, and says to rotate first', async () => {
    expect((await repo.command(keygen, [], { now: new Date('2026-06-01T10:00:00Z') })).code).toBe(0);
    const [first] = await keyFiles();
    const before = await readTree(repo.dir, 'keys');
    const result = await repo.command(compromiseKey, [`keys/${first}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`keys/${first} is the current signing key`);
    expect(result.stderr).toContain('npm run rotate-key');
    expect(await readTree(repo.dir, 'keys')).toEqual(before);
  });

  it('marks a retired key compromised, by public key, after a rotation', async () => {
    const [first] = await keyFiles();
    const old = await readKey(first!);
    // Key files are named by their creation date and key: the rotation happens on a later day.
    expect((await repo.command(keygen, ['--rotate'], { now: new Date('2026-07-01T10:00:00Z') })).code).toBe(0);
    const current = (await keyFiles()).find((name) => name !== first)!;
    expect(current).toBeDefined();

    const result = await repo.command(compromiseKey, [old['publicKeyMultibase']!], { now: new Date('2026-07-02T10:00:00Z') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Marked keys/${first} compromised`);
    expect(result.stdout).toContain('removes the key from the DID');
    expect(result.stdout).toContain(`re-signs every credential with the current key (keys/${current})`);
    expect(result.stdout).toContain('download their credential again');
    const marked = await readKey(first!);
    expect(marked).toMatchObject({ publicKeyMultibase: old['publicKeyMultibase'], status: 'compromised', retired: expect.any(String) });
    // A UTC time to the second, from the command's clock.
    expect(marked['compromised']).toBe('2026-07-02T10:00:00Z');
    expect((await readKey(current))['status']).toBe('current');

    const again = await repo.command(compromiseKey, [first!]);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is already marked compromised')]);
  });

  it('lists the keys when none matches, and wants exactly one argument', async () => {
    const unknown = await repo.command(compromiseKey, ['keys/nope.json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No key in keys/ matches keys/nope.json.');
    expect(unknown.stderr).toMatch(/current\s+z6Mk/);
    const none = await repo.command(compromiseKey);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('Usage: npm run compromise-key')]);
  });
});
