/**
 * Learner keys (src/commands/learner-keys.ts): npm run award and npm run import find a learner's
 * earlier awards by hashing the email given with each award's salt and write their key into the
 * new award, a fresh random key for an email they do not know; npm run link-awards links awards by
 * hand and separates one; npm run forget takes the key with the rest. Nothing written lets anyone
 * recover an email: the key is random, and the same email gets unrelated keys in two repositories.
 * In a repository with the academy fixture's content.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { award } from '../../src/commands/award.ts';
import { check } from '../../src/commands/check.ts';
import { forget } from '../../src/commands/forget.ts';
import { importRoster } from '../../src/commands/import.ts';
import { linkAwards } from '../../src/commands/link-awards.ts';
import { base32, learnerKeys, newLearnerKey } from '../../src/commands/learner-keys.ts';
import { identityHash } from '../../src/core/identity-hash.ts';
import { LEARNER_KEY_PATTERN } from '../../src/content/schemas/award.ts';
import { systemRandom } from '../../src/commands/award-files.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

const EMAIL = 'Grace.Hopper@Example.org';

/** The file and id an award command wrote, from its output. */
function written(stdout: string): { file: string; id: string } {
  const file = /Wrote (content\/awards\/\S+\.yaml)/.exec(stdout)?.[1];
  const id = /credentials\/([0-9a-f-]{36})\//.exec(stdout)?.[1];
  if (!file || !id) throw new Error(`no award in:\n${stdout}`);
  return { file, id };
}

/** The learner key written in an award file. */
async function learnerIn(repo: Repository, file: string): Promise<string> {
  return (parse(await readFile(path.join(repo.dir, file), 'utf8')) as { learner: string }).learner;
}

/** A repository with the academy fixture's content for one describe block, removed after it. */
function academyRepository(): { ready: Promise<Repository> } {
  const ready = makeRepository({ fixture: 'academy' });
  afterAll(async () => (await ready).cleanup());
  return { ready };
}

describe('a learner key', () => {
  it('is 128 random bits in RFC 4648 base32, different every time', () => {
    // RFC 4648 §10 test vectors, lower-cased and without padding.
    const text = (value: string) => base32(new TextEncoder().encode(value));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(text)).toEqual(['', 'my', 'mzxq', 'mzxw6', 'mzxw6yq', 'mzxw6ytb', 'mzxw6ytboi']);
    const keys = Array.from({ length: 50 }, () => newLearnerKey(systemRandom));
    for (const key of keys) expect(key).toMatch(LEARNER_KEY_PATTERN);
    expect(new Set(keys).size).toBe(50);
  });

  it('is found for an email whose hash, with its award\'s salt, matches, and for no other', () => {
    const salt = 'a-salt-of-sixteen';
    const record = (id: string, awardedOn: string, learner?: string) => ({ id, awardedOn, learner, recipient: { name: 'G', identity: { type: 'emailAddress', hash: identityHash('grace.hopper@example.org', salt), salt } } });
    const known = 'lk-aaaaaaaaaaaaaaaaaaaaaaaaaa';
    const keys = learnerKeys([record('second-0001', '2026-02-01', 'lk-bbbbbbbbbbbbbbbbbbbbbbbbbb'), record('first-00001', '2026-01-01', known), record('third-00001', '2026-03-01')] as never, systemRandom);
    const match = keys.keyFor(' GRACE.hopper@example.org');
    // The oldest award's key, the others named so that they can be linked.
    expect(match).toEqual({ key: known, awards: ['first-00001', 'second-0001', 'third-00001'], unkeyed: ['third-00001'], otherKeys: ['lk-bbbbbbbbbbbbbbbbbbbbbbbbbb'] });
    const other = keys.keyFor('grace@example.org');
    expect(other.awards).toEqual([]);
    expect(other.key).toMatch(LEARNER_KEY_PATTERN);
    expect(other.key).not.toBe(known);
    // One import asks twice for the same new email: one learner, one key.
    expect(keys.keyFor('Grace@Example.org').key).toBe(other.key);
  });
});

describe('npm run award and npm run import', () => {
  const scratch = academyRepository();
  let repo: Repository;
  beforeAll(async () => {
    repo = await scratch.ready;
  });

  it('give a new award of a known email its earlier awards\' key, and a different email another', async () => {
    const first = await repo.command(award, ['accessible-interfaces', '--name', 'Grace Hopper', '--email', EMAIL, '--date', '2026-03-14']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Learner key: new (no earlier award of this email).');
    const second = await repo.command(award, ['data-privacy', '--name', 'Grace B. Hopper', '--email', ' grace.hopper@example.org', '--date', '2026-04-01', '--result', '80']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Learner key: the same as their earlier award.');
    const other = await repo.command(award, ['data-privacy', '--name', 'Grace Hopper', '--email', 'g.hopper@example.org', '--date', '2026-04-01', '--result', '80']);
    const [a, b, c] = await Promise.all([first, second, other].map(async (result) => parse(await readFile(path.join(repo.dir, written(result.stdout).file), 'utf8')) as { learner: string }));
    expect(a!.learner).toMatch(LEARNER_KEY_PATTERN);
    expect(b!.learner).toBe(a!.learner);
    expect(c!.learner).toMatch(LEARNER_KEY_PATTERN);
    expect(c!.learner).not.toBe(a!.learner);
    // The key is not printed, nor the email.
    for (const result of [first, second, other]) {
      expect(result.stdout).not.toContain(a!.learner);
      expect(result.stdout.toLowerCase()).not.toContain('hopper@example.org');
    }
    expect((await repo.command(check)).code).toBe(0);
  });

  it('write the key into an earlier award of the same email that had none, keeping the rest of its file', async () => {
    const salt = 'legacy-salt-0001';
    const legacy = 'content/awards/2025/incident-response-ada-legacy.yaml';
    const text = `# Awarded before learner keys existed.\nid: ada-legacy-000001\nachievement: incident-response\nstatusIndex: 4242\nrecipient:\n  name: "Ada Lovelace"\n  identity:\n    type: emailAddress\n    hash: ${identityHash('ada@example.org', salt)}\n    salt: "${salt}"\nawardedOn: 2025-06-01\n`;
    await writeFile(path.join(repo.dir, legacy), text);
    const result = await repo.command(award, ['accessible-interfaces', '--name', 'Ada Lovelace', '--email', 'Ada@Example.org', '--date', '2026-05-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`1 of them had none yet: written into ${legacy}.`);
    const key = (parse(await readFile(path.join(repo.dir, written(result.stdout).file), 'utf8')) as { learner: string }).learner;
    const after = await readFile(path.join(repo.dir, legacy), 'utf8');
    expect(after).toBe(text.replace('statusIndex: 4242\n', `statusIndex: 4242\nlearner: ${key}\n`));
  });

  it('import: a row of a known email gets its key, two rows of one new email share one, and earlier keyless awards get theirs', async () => {
    const salt = 'legacy-salt-0002';
    const legacy = 'content/awards/2025/incident-response-alan-legacy.yaml';
    await writeFile(path.join(repo.dir, legacy), `id: alan-legacy-00001\nachievement: incident-response\nstatusIndex: 4343\nrecipient:\n  name: "Alan Turing"\n  identity:\n    type: emailAddress\n    hash: ${identityHash('alan@example.org', salt)}\n    salt: "${salt}"\nawardedOn: 2025-06-01\n`);
    await writeFile(path.join(repo.dir, 'cohort.csv'), [
      'name,email,achievement,date,result',
      'Grace Hopper,GRACE.HOPPER@example.org,design-systems,2026-06-01,',
      'Alan Turing,alan@example.org,design-systems,2026-06-01,',
      'Katherine Johnson,kj@example.org,design-systems,2026-06-01,',
      'Katherine Johnson,kj@example.org,data-privacy,2026-06-01,90',
      '',
    ].join('\n'));
    const result = await repo.command(importRoster, ['cohort.csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Learner keys: 2 learners had earlier awards and keep their key; 1 learner got a new one.');
    expect(result.stdout).toContain(`1 earlier award of theirs had no learner key yet: written into ${legacy}.`);
    const tree = await readTree(repo.dir);
    const awards = [...tree].filter(([file]) => file.includes('cohort')).flatMap(([, text]) => (parse(text) as { awards: Array<{ learner: string; recipient: { name: string } }> }).awards);
    const keyOf = (name: string) => [...new Set(awards.filter((entry) => entry.recipient.name === name).map((entry) => entry.learner))];
    const grace = (parse(tree.get([...tree.keys()].find((file) => file.includes('accessible-interfaces-grace-hopper'))!)!) as { learner: string }).learner;
    expect(keyOf('Grace Hopper')).toEqual([grace]);
    expect(keyOf('Alan Turing')).toEqual([(parse(tree.get(legacy)!) as { learner: string }).learner]);
    expect(keyOf('Katherine Johnson')).toHaveLength(1);
    expect(keyOf('Katherine Johnson')[0]).toMatch(LEARNER_KEY_PATTERN);
    expect((await repo.command(check)).code).toBe(0);
  });
});

describe('npm run link-awards', () => {
  const scratch = academyRepository();
  let repo: Repository;
  beforeAll(async () => {
    repo = await scratch.ready;
  });

  it('links awards of one learner whose email changed, and separates one linked by mistake', async () => {
    const one = written((await repo.command(award, ['accessible-interfaces', '--name', 'Mary Somerville', '--email', 'mary@old.example', '--date', '2026-03-14'])).stdout);
    const two = written((await repo.command(award, ['data-privacy', '--name', 'Mary Somerville', '--email', 'mary@new.example', '--date', '2026-04-14', '--result', '75'])).stdout);
    const keyIn = (file: string) => learnerIn(repo, file);
    const first = await keyIn(one.file);
    expect(await keyIn(two.file)).not.toBe(first);

    const linked = await repo.command(linkAwards, [one.id, `https://credentials.harbourside.example/credentials/${two.id}/`]);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stdout).toContain('Linked 2 awards as one learner\'s');
    expect(await keyIn(two.file)).toBe(first);
    expect(await keyIn(one.file)).toBe(first);

    const separated = await repo.command(linkAwards, ['--unlink', two.id]);
    expect(separated.code, separated.stderr).toBe(0);
    const own = await keyIn(two.file);
    expect(own).toMatch(LEARNER_KEY_PATTERN);
    expect(own).not.toBe(first);
    expect((await repo.command(check)).code).toBe(0);
  });

  it('joins whole learners: the awards that shared a key with those given get the new one too', async () => {
    const keyIn = (file: string) => learnerIn(repo, file);
    const a1 = written((await repo.command(award, ['accessible-interfaces', '--name', 'Lise Meitner', '--email', 'lise@old.example', '--date', '2026-03-14'])).stdout);
    const a2 = written((await repo.command(award, ['data-privacy', '--name', 'Lise Meitner', '--email', 'lise@old.example', '--date', '2026-03-15', '--result', '70'])).stdout);
    const b1 = written((await repo.command(award, ['design-systems', '--name', 'Lise Meitner', '--email', 'lise@new.example', '--date', '2026-04-14'])).stdout);
    const b2 = written((await repo.command(award, ['incident-response', '--name', 'Lise Meitner', '--email', 'lise@new.example', '--date', '2026-04-15'])).stdout);
    expect(await keyIn(a2.file)).toBe(await keyIn(a1.file));
    expect(await keyIn(b2.file)).toBe(await keyIn(b1.file));
    expect(await keyIn(b1.file)).not.toBe(await keyIn(a1.file));
    const result = await repo.command(linkAwards, [a1.id, b1.id]);
    expect(result.code, result.stderr).toBe(0);
    const key = await keyIn(a1.file);
    expect(await Promise.all([a2, b1, b2].map((entry) => keyIn(entry.file)))).toEqual([key, key, key]);
    expect(result.stdout).toContain(b2.id);
  });

  it('leaves awards separated by --unlink apart: the next award of their shared email asks whose it is', async () => {
    const keyIn = (file: string) => learnerIn(repo, file);
    const alice = written((await repo.command(award, ['accessible-interfaces', '--name', 'Alice Ball', '--email', 'family@example.org', '--date', '2025-03-14'])).stdout);
    const bob = written((await repo.command(award, ['data-privacy', '--name', 'Bob Ball', '--email', 'family@example.org', '--date', '2026-03-14', '--result', '70'])).stdout);
    expect((await repo.command(linkAwards, ['--unlink', bob.id])).code).toBe(0);
    const before = await readTree(repo.dir);
    const refused = await repo.command(award, ['design-systems', '--name', 'Bob Ball', '--email', 'family@example.org', '--date', '2026-05-01']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error[ambiguous-learner]');
    expect(refused.stderr).toContain('--learner-of <award id>');
    expect(refused.stderr).not.toContain('family@example.org');
    expect(await readTree(repo.dir)).toEqual(before);
    await writeFile(path.join(repo.dir, 'family.csv'), 'name,email,achievement,date\nBob Ball,family@example.org,design-systems,2026-05-01\n');
    const imported = await repo.command(importRoster, ['family.csv']);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('family.csv:2');
    expect(imported.stderr).toContain('ambiguous-learner');
    expect(await readTree(repo.dir)).toEqual(before);

    const his = written((await repo.command(award, ['design-systems', '--name', 'Bob Ball', '--email', 'family@example.org', '--date', '2026-05-01', '--learner-of', bob.id])).stdout);
    expect(await keyIn(his.file)).toBe(await keyIn(bob.file));
    // --learner-of an award made before learner keys: both get one new key.
    const legacy = 'content/awards/2025/design-systems-dora-legacy.yaml';
    await writeFile(path.join(repo.dir, legacy), `id: dora-legacy-00001\nachievement: design-systems\nstatusIndex: 4444\nrecipient:\n  name: "Dora Ball"\n  identity:\n    type: sourcedId\n    value: D-4444\nawardedOn: 2025-06-01\n`);
    const hers = written((await repo.command(award, ['data-privacy', '--name', 'Dora Ball', '--email', 'dora@example.org', '--date', '2026-05-01', '--result', '80', '--learner-of', 'dora-legacy-00001'])).stdout);
    expect(await keyIn(legacy)).toBe(await keyIn(hers.file));
    expect(await keyIn(hers.file)).toMatch(LEARNER_KEY_PATTERN);
    const someone = written((await repo.command(award, ['incident-response', '--name', 'Carol Ball', '--email', 'family@example.org', '--date', '2026-05-01', '--new-learner'])).stdout);
    expect([await keyIn(alice.file), await keyIn(bob.file)]).not.toContain(await keyIn(someone.file));
  });

  it('refuses an unknown award, an erased one and bad usage, and writes nothing', async () => {
    const before = await readTree(repo.dir);
    const unknown = await repo.command(linkAwards, ['no-such-award-0001', 'no-such-award-0002']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No award has the id "no-such-award-0001"');
    const erasedId = [...before].map(([, text]) => /^id: (\S+)\n(?:[^\n]*\n)*?erased:/m.exec(text)?.[1]).find(Boolean)!;
    const someone = written((await repo.command(award, ['accessible-interfaces', '--name', 'Ida Noddack', '--email', 'ida@example.org', '--date', '2026-03-14'])).stdout);
    const afterAward = await readTree(repo.dir);
    const erased = await repo.command(linkAwards, [someone.id, erasedId]);
    expect(erased.code).toBe(1);
    expect(erased.stderr).toContain('is erased: it has no learner any more');
    expect((await repo.command(linkAwards, [someone.id])).code).toBe(2);
    expect((await repo.command(linkAwards, ['--unlink'])).code).toBe(2);
    expect(await readTree(repo.dir)).toEqual(afterAward);
  });
});

describe('npm run forget', () => {
  const scratch = academyRepository();
  let repo: Repository;
  beforeAll(async () => {
    repo = await scratch.ready;
  });

  it('takes the learner key with the rest, and leaves it to the learner\'s other awards', async () => {
    const one = written((await repo.command(award, ['accessible-interfaces', '--name', 'Emmy Noether', '--email', 'emmy@example.org', '--date', '2026-03-14'])).stdout);
    const two = written((await repo.command(award, ['data-privacy', '--name', 'Emmy Noether', '--email', 'emmy@example.org', '--date', '2026-04-14', '--result', '75'])).stdout);
    const key = await learnerIn(repo, two.file);
    const result = await repo.command(forget, [one.id, '--date', '2026-05-01']);
    expect(result.code, result.stderr).toBe(0);
    const tree = await readTree(repo.dir);
    const tombstone = [...tree.values()].find((text) => text.includes(one.id))!;
    expect(tombstone).not.toContain(key);
    expect(result.stdout).toContain(`! The learner key of this award still links their other awards, at ${two.file}:`);
    const replacements = await readFile(path.join(repo.dir, '.laurel', 'erase', `${one.id}.txt`), 'utf8');
    expect(replacements).not.toContain(key);
    // The last award of the learner: its key goes from the history too.
    const last = await repo.command(forget, [two.id, '--date', '2026-05-01']);
    expect(last.code, last.stderr).toBe(0);
    expect(await readFile(path.join(repo.dir, '.laurel', 'erase', `${two.id}.txt`), 'utf8')).toContain(`${key}==>[erased]`);
  });
});
