/**
 * The template forks cleanly: in a copy of this repository, an issuer runs `npm run init` (the
 * empty site builds, and says how to begin), describes an achievement, awards three people with `npm run award` and a five-row roster with
 * `npm run import`, builds for production with the key init made, verifies every credential, and
 * the fork's own `npm test`, the command its pull-request check runs, passes.
 *
 * Only the template can be forked this way: init works on its demo alone. In an issuer's own
 * repository (the fork's test run here included), this file steps aside and the rest of the
 * suite runs.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MARKER } from '../../src/commands/init.ts';
import { cleanEnvironment, makeRepository, TEMPLATE, type Repository, type RunResult } from '../helpers/repository.ts';

const IS_THE_TEMPLATE = await stat(path.join(TEMPLATE, DEMO_MARKER)).then(() => true, () => false);

const ACHIEVEMENT = `---
name: Data Literacy
description: Reads, questions and presents data with care.
tags: [data, statistics]
alignments:
  - targetName: Data literacy
    targetUrl: https://www.lakeside.example/skills/data-literacy
---

A short project: a question, a public data set, and a one-page answer with one honest chart.
`;

const ROSTER = `name,email,result
Noor Siddiqui,noor@lakeside.example,
"Okafor, Chidi",chidi@lakeside.example,
Maëlle Dubois,maelle@lakeside.example,
Jonas Lindqvist,jonas@lakeside.example,
Priyanka Rao,priyanka@lakeside.example,
`;

let fork: Repository;
let secret = '';

function npmTest(dir: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['test'], { cwd: dir, env: cleanEnvironment() });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    // Without colours, whatever the terminal: the assertions read the summary lines.
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(output).toString('utf8').replace(/\x1b\[[0-9;]*m/g, ''), stderr: '' }));
  });
}

describe.skipIf(!IS_THE_TEMPLATE)('a fork of the template', () => {
  beforeAll(async () => {
    fork = await makeRepository({ checkout: true });
  });
  afterAll(() => fork?.cleanup());

  const ok = (result: RunResult) => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    return result;
  };

  it('becomes the issuer\'s own site with npm run init', async () => {
    const init = ok(await fork.run('scripts/init.ts', ['--name', 'Lakeside College', '--url', 'https://badges.lakeside.example/', '--email', 'badges@lakeside.example']));
    secret = /\b(z3u2[1-9A-HJ-NP-Za-km-z]{40,})\b/.exec(init.stdout)?.[1] ?? '';
    expect(secret).not.toBe('');
    expect(await readdir(path.join(fork.dir, 'content', 'awards'))).toEqual([]);
  });

  it('builds with nothing in it yet, and its home page says how to begin', async () => {
    ok(await fork.run('scripts/build.ts'));
    const home = await readFile(path.join(fork.dir, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('data-empty-catalogue');
    expect(home).toContain('No achievements yet');
    expect(home).toContain('content/achievements/&lt;slug&gt;.md');
    expect(await readdir(path.join(fork.dir, 'dist'))).not.toContain('credentials');
  });

  it('awards three people and imports a five-row roster with the commands', async () => {
    await writeFile(path.join(fork.dir, 'content', 'achievements', 'data-literacy.md'), ACHIEVEMENT);
    for (const [name, email] of [['Ada Brennan', 'ada@lakeside.example'], ['Bilal Khan', 'bilal@lakeside.example'], ['Carmen Ortiz', 'carmen@lakeside.example']]) {
      ok(await fork.run('scripts/award.ts', ['data-literacy', '--name', name!, '--email', email!, '--date', '2026-06-01']));
    }
    await writeFile(path.join(fork.dir, 'roster.csv'), ROSTER);
    const imported = ok(await fork.run('scripts/import.ts', ['roster.csv', '--achievement', 'data-literacy', '--date', '2026-06-12']));
    expect(imported.stdout).toContain('Imported 5 awards');
    expect(ok(await fork.run('scripts/check.ts')).stdout).toContain('1 achievement, 8 awards');
  });

  it('builds for production with its key, and every credential verifies', async () => {
    const build = ok(await fork.run('scripts/build.ts', ['--production'], { LAUREL_SIGNING_KEY: secret }));
    expect(build.stdout).toContain('Built dist/: 8 signed credentials');
    const verified = ok(await fork.run('scripts/verify.ts', ['dist/credentials', '--site', 'dist']));
    expect(verified.stdout).toContain('8 of 8 credentials verified.');
    expect(verified.stdout).not.toContain('✗');
    expect(verified.stdout).toContain('is published by the issuer at https://badges.lakeside.example/.well-known/did.json');
  });

  it("passes its own test command", { timeout: 900_000 }, async () => {
    const result = await npmTest(fork.dir);
    expect(result.code, result.stdout.slice(-6000)).toBe(0);
    expect(result.stdout).toMatch(/Test Files\s+\d+ passed/);
    // Its own copy of this file stepped aside (the fork is no template), and every other file ran.
    expect(result.stdout).toMatch(/fork\.template\.test\.ts \(\d+ tests? \| \d+ skipped\)/);
    expect(result.stdout).not.toMatch(/Test Files\s+.*failed/);
  });
});
