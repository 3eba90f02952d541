/**
 * A secret key pasted into content (a narrative, an achievement's criteria) is refused before
 * validation and signing, with the file, line and field, and the secret is never repeated.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFailure, LaurelErrors } from '../../src/core/error.ts';
import { encodeSecretKeyMultibase, keyPairFromSeed } from '../../src/core/multikey.ts';
import type { PersistentProofCache } from '../../src/issue/proof-cache.ts';
import { refusePastedSecrets, secretOffsets } from '../../src/issue/pasted-secrets.ts';
import { signRepository } from '../../src/issue/sign-repository.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const secret = encodeSecretKeyMultibase(keyPairFromSeed(new Uint8Array(32).fill(7)).secretKey);
const AWARD = 'content/awards/teamwork-ada.yaml';
const ACHIEVEMENT = 'content/achievements/teamwork.md';

function refused(tree: Map<string, string>, known: string[] = []): LaurelErrors {
  try {
    refusePastedSecrets(toContentFiles(tree), known);
  } catch (error) {
    if (LaurelErrors.is(error)) return error;
    throw error;
  }
  throw new Error('the secret was not found');
}

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('a secret key pasted into content', () => {
  it('is refused in a narrative with the award file, line and field, never repeated', () => {
    const tree = fixtureTree();
    tree.set(AWARD, `${tree.get(AWARD)}narrative: |\n  Great work.\n  Our key is ${secret} by mistake.\n`);
    const failure = refused(tree);
    const lines = tree.get(AWARD)!.split('\n');
    expect(failure.errors).toHaveLength(1);
    expect(failure.errors[0]).toMatchObject({ code: 'secret-in-content', file: AWARD, line: lines.findIndex((line) => line.includes(secret)) + 1, column: 14, field: 'narrative' });
    const text = describeFailure(failure);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(4, 24));
    expect(text).toContain(`${AWARD}:`);
    expect(text).toContain('rotate it (npm run rotate-key)');
  });

  it('is refused in a batch, an achievement body and a field validation would reject, each by its field', () => {
    const tree = fixtureTree();
    tree.set(ACHIEVEMENT, `${tree.get(ACHIEVEMENT)}\nSecret: ${secret}\n`);
    tree.set('content/awards/batch.yaml', `achievement: teamwork\nawards:\n  - id: x\n    narrativ: "${secret}"\n`);
    const failure = refused(tree);
    expect(failure.errors.map((error) => [error.file, error.field])).toEqual([
      [ACHIEVEMENT, 'criteria (the Markdown body)'],
      ['content/awards/batch.yaml', 'awards[0].narrativ'],
    ]);
    expect(failure.errors[1]!.line).toBe(4);
    expect(describeFailure(failure)).not.toContain(secret);
  });

  it('is refused in a comment too, by its line', () => {
    const tree = fixtureTree();
    tree.set(AWARD, `# ${secret}\n${tree.get(AWARD)}`);
    expect(refused(tree).errors.map((error) => [error.file, error.line, error.column, error.field])).toEqual([[AWARD, 1, 3, undefined]]);
  });

  it('finds the given secret however it is written, and no base58 text that merely contains z3u2', () => {
    expect(secretOffsets(`key: ${secret}`)).toEqual([5]);
    // Inside a longer base58 run (a proof value, a content id) it is not a key.
    expect(secretOffsets(`z5${secret}abc`)).toEqual([]);
    expect(secretOffsets('z3u2 is how secrets start')).toEqual([]);
    expect(secretOffsets('the secret is hunter2hunter2hunter2', ['hunter2hunter2hunter2'])).toEqual([14]);
  });

  it('stops signRepository before validation and before any key or file is written', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'laurel-pasted-'));
    folders.push(root);
    const tree = fixtureTree();
    tree.set(AWARD, `${tree.get(AWARD)}narrative: "${secret}"\n`);
    for (const [file, text] of tree) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    const unused: PersistentProofCache = {
      session: () => {
        throw new Error('signing started');
      },
      save: async () => undefined,
    };
    const error = await signRepository({ root, production: false, secret: undefined, now: new Date('2026-05-01T00:00:00Z'), cache: unused }).catch((failure: unknown) => failure);
    expect(LaurelErrors.is(error) && error.errors.map((item) => [item.code, item.file, item.field])).toEqual([['secret-in-content', AWARD, 'narrative']]);
    // No development key was made: nothing but content/ is there.
    expect(await readdir(root)).toEqual(['content']);
  });
});
