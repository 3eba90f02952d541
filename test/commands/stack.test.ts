/**
 * npm run stack, and the commands that award or withdraw blocks (src/commands/stack.ts): a
 * learner who holds a stack's blocks gets a stacked award file, written once (its id and status
 * index never change after), naming the blocks it was earned with; `award` writes it with the
 * block that completes the stack; `revoke` and `suspend` of a block do the same to the stacked
 * award; `check` says what is due. In a repository with the academy fixture's content, whose
 * Interface Design Certificate stacks two of its achievements.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { award } from '../../src/commands/award.ts';
import { check } from '../../src/commands/check.ts';
import { stack } from '../../src/commands/stack.ts';
import { status } from '../../src/commands/status.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

/** Thảo Nguyễn's award of accessible-interfaces in the academy fixture (in a batch of 2025). */
const THAO_BLOCK = 'bf31ca94-6dc1-4a44-b206-dcaea823102f';
/** Lena Fischer's award of accessible-interfaces, suspended. */
const LENA_BLOCK = 'f50be354-bfdc-47d2-a26f-0c74e81a2faa';

interface AwardFile {
  id: string;
  achievement: string;
  statusIndex: number;
  learner: string;
  awardedOn: string;
  blocks: string[];
  recipient: { name: string; identity: { hash: string; salt: string } };
  revoked?: { on: string; reason: string };
  suspended?: { on: string; reason: string };
}

/** The stacked award file a command says it wrote. */
function stackedFile(stdout: string): string {
  const file = /(content\/awards\/\S*interface-design-\S+\.yaml)/.exec(stdout)?.[1];
  if (!file) throw new Error(`no stacked award in:\n${stdout}`);
  return file;
}

const newId = (stdout: string) => /credentials\/([0-9a-f-]{36})\//.exec(stdout)![1]!;

let repo: Repository;
const read = async (file: string) => parse(await readFile(path.join(repo.dir, file), 'utf8')) as AwardFile;

beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

describe('a stack completed by npm run award', () => {
  let file: string;
  let blockId: string;

  it('is written with the block that completes it: same learner, its blocks, the last block\'s date and recipient', async () => {
    const result = await repo.command(award, ['design-systems', '--name', 'Thảo Nguyễn', '--email', 'thao.nguyen@learners.example', '--date', '2026-09-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('This award completes a stack: also wrote');
    expect(result.stdout).toMatch(new RegExp(`Thảo Nguyễn: Interface Design Certificate, earned 2026-09-01 with ${THAO_BLOCK}, [0-9a-f-]{36}`));
    blockId = newId(result.stdout);
    file = stackedFile(result.stdout);
    const stacked = await read(file);
    const block = await read(/Wrote (content\/awards\/\S+\.yaml)/.exec(result.stdout)![1]!);
    expect(stacked).toMatchObject({ achievement: 'interface-design', learner: block.learner, awardedOn: '2026-09-01', blocks: [THAO_BLOCK, blockId] });
    expect(stacked.learner).toMatch(/^lk-/);
    expect(stacked.recipient).toEqual(block.recipient);
    expect(stacked.id).not.toBe(blockId);
    // No address anywhere in content/.
    for (const text of (await readTree(repo.dir)).values()) expect(text).not.toContain('thao.nguyen@');
    expect((await repo.command(check)).stdout).not.toMatch(/warning\[stack-/);
  });

  it('is not written again: npm run stack finds nothing due, and the file keeps its id and status index', async () => {
    const before = await read(file);
    const result = await repo.command(stack);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^No stacked award is due/);
    expect(await read(file)).toEqual(before);
  });

  it('is revoked with its block by npm run revoke', async () => {
    const result = await repo.command(status, ['revoke', blockId, '--reason', 'Plagiarised portfolio.', '--date', '2026-10-01']);
    expect(result.code, result.stderr).toBe(0);
    const stacked = await read(file);
    expect(result.stdout).toContain(`Revoked with it, as a stacked award it supports: ${stacked.id} (${file}).`);
    expect(stacked.revoked).toEqual({ on: '2026-10-01', reason: `Revoked with its block ${blockId}: Plagiarised portfolio.` });
    const after = await repo.command(check);
    expect(after.code).toBe(0);
    expect(after.stdout).not.toMatch(/warning\[stack-/);
  });
});

describe('a stack whose block is suspended', () => {
  let file: string;
  let blockId: string;

  it('is not due while the block is suspended, and is once it is reinstated', async () => {
    const awarded = await repo.command(award, ['design-systems', '--name', 'Lena Fischer', '--email', 'lena.fischer@learners.example', '--date', '2026-08-01']);
    expect(awarded.code, awarded.stderr).toBe(0);
    expect(awarded.stdout).not.toContain('completes a stack');
    blockId = newId(awarded.stdout);
    expect((await repo.command(status, ['reinstate', LENA_BLOCK])).code).toBe(0);
    const checked = await repo.command(check);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`warning[stack-due] The learner of ${LENA_BLOCK}, ${blockId} holds the blocks of interface-design since 2026-08-01, and has no award of it yet.`);
  });

  it('is written by npm run stack, and the warning goes; --dry-run only lists it', async () => {
    const filesBefore = [...(await readTree(repo.dir)).keys()];
    const dry = await repo.command(stack, ['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would write 1 stacked award:');
    expect([...(await readTree(repo.dir)).keys()]).toEqual(filesBefore);
    const result = await repo.command(stack);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Wrote 1 stacked award:');
    file = stackedFile(result.stdout);
    expect(await read(file)).toMatchObject({ awardedOn: '2026-08-01', blocks: [LENA_BLOCK, blockId] });
    expect((await repo.command(check)).stdout).not.toMatch(/warning\[stack-/);
  });

  it('is suspended with its block, and stays suspended when the block is reinstated', async () => {
    const suspended = await repo.command(status, ['suspend', LENA_BLOCK, '--reason', 'Under review again.', '--date', '2026-09-01']);
    expect(suspended.code, suspended.stderr).toBe(0);
    const stacked = await read(file);
    expect(stacked.suspended).toEqual({ on: '2026-09-01', reason: `Suspended with its block ${LENA_BLOCK}: Under review again.` });
    const reinstated = await repo.command(status, ['reinstate', LENA_BLOCK]);
    expect(reinstated.code, reinstated.stderr).toBe(0);
    expect(reinstated.stdout).toContain(`The stacked award this block supports (${stacked.id}) stays suspended: npm run reinstate -- <id> lifts it.`);
    expect((await read(file)).suspended).toBeDefined();
  });
});

describe('a stacked award whose block is withdrawn by hand', () => {
  it('is a warning of npm run check, which names the block and the command', async () => {
    const files = [...(await readTree(repo.dir)).keys()];
    const stackFile = files.find((name) => name.includes('/interface-design-lena-fischer-'))!;
    const stacked = await read(stackFile);
    expect((await repo.command(status, ['reinstate', stacked.id])).code).toBe(0);
    // Lena's design-systems block suspended by editing its file, not by the command.
    const blockFile = files.find((name) => name.includes('/design-systems-lena-fischer-'))!;
    const text = await readFile(path.join(repo.dir, blockFile), 'utf8');
    await writeFile(path.join(repo.dir, blockFile), `${text}suspended:\n  on: 2026-10-01\n  reason: Edited by hand.\n`);
    const checked = await repo.command(check);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(new RegExp(`warning\\[stack-unsupported\\] blocks: rest on withdrawn blocks: [0-9a-f-]{36} \\(design-systems\\) is suspended. The stacked award ${stacked.id} is still in force.`));
  });
});

describe('many stacks due at once', () => {
  let many: Repository;
  beforeAll(async () => {
    many = await makeRepository({ fixture: 'academy' });
  });
  afterAll(() => many.cleanup());

  it('are listed ten by ten in npm run check, the rest counted, and written by one npm run stack', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let learner = 0; learner < 12; learner++) {
      const key = `lk-${letters[learner]!.repeat(26)}`;
      for (const [block, achievement] of [[0, 'accessible-interfaces'], [1, 'design-systems']] as const) {
        const id = `bulk-${String(learner).padStart(2, '0')}-${block}-000`;
        await writeFile(path.join(many.dir, 'content/awards', `${id}.yaml`), `id: ${id}\nachievement: ${achievement}\nstatusIndex: ${120_000 + learner * 2 + block}\nlearner: ${key}\nrecipient:\n  name: Learner ${learner}\n  identity: { type: sisSourcedId, value: S-${learner} }\nawardedOn: 2026-0${block + 5}-01\n`);
      }
    }
    const checked = await many.command(check);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout.match(/warning\[stack-due\] The learner of/g)).toHaveLength(10);
    expect(checked.stdout).toContain('warning[stack-due] and 2 more learners hold the blocks of a stack and have no award of it yet.');
    const written = await many.command(stack);
    expect(written.stdout).toContain('Wrote 12 stacked awards:');
    expect((await many.command(check)).stdout).not.toContain('stack-due');
  });
});
