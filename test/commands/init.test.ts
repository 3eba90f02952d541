/**
 * npm run init: the template (here with the academy fixture standing in for the demo) becomes a
 * new issuer's site: its issuer.yaml, no achievements, awards or logo left, a first key, and the
 * next steps; it refuses bad answers and a site that is set up already, changing nothing.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../src/commands/check.ts';
import { DEMO_MARKER, init, normalizeSiteUrl } from '../../src/commands/init.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

const repos: Repository[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await repo.cleanup();
});

/** The academy fixture, marked as the template's demo as the template's own content/ is. */
async function template(): Promise<Repository> {
  const repo = await makeRepository({ fixture: 'academy' });
  repos.push(repo);
  await writeFile(path.join(repo.dir, DEMO_MARKER), 'The demo.\n');
  return repo;
}

const FLAGS = ['--name', 'Lakeside College', '--url', 'https://badges.lakeside.example', '--email', 'badges@lakeside.example', '--language', 'fr'];

describe('npm run init', () => {
  it('writes the issuer, removes the demo content and logo, makes the first key and says what comes next', async () => {
    const repo = await template();
    const result = await repo.command(init, FLAGS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const issuer = parse(await readFile(path.join(repo.dir, 'content', 'issuer.yaml'), 'utf8'));
    expect(issuer).toEqual({ name: 'Lakeside College', url: 'https://badges.lakeside.example/', description: 'Lakeside College publishes verifiable micro-credentials.', email: 'badges@lakeside.example', language: 'fr', earners: 'unlisted' });
    expect(await readdir(path.join(repo.dir, 'content', 'achievements'))).toEqual([]);
    expect(await readdir(path.join(repo.dir, 'content', 'awards'))).toEqual([]);
    expect(await readdir(path.join(repo.dir, 'public'))).toEqual([]);
    expect(await readdir(path.join(repo.dir, 'content'))).toEqual(['achievements', 'awards', 'issuer.yaml']);
    const keys = (await readdir(path.join(repo.dir, 'keys'))).filter((name) => name.endsWith('.json'));
    expect(keys).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(repo.dir, 'keys', keys[0]!), 'utf8'))).toMatchObject({ type: 'Multikey', status: 'current' });
    expect(result.stdout).toContain('did:web:badges.lakeside.example');
    expect(result.stdout).toMatch(/\bz3u2[1-9A-HJ-NP-Za-km-z]{40,}\b/);
    expect(result.stdout).toContain('LAUREL_SIGNING_KEY');
    expect(result.stdout).toContain('content/achievements/<slug>.md');
    expect(result.stdout).toContain('npm run award');
    // The new site is valid content, with nothing in it yet.
    const checked = await repo.command(check);
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringContaining('0 achievements, 0 awards')]);
  });

  it('asks for what the flags leave out, and takes the defaults offered', async () => {
    const repo = await template();
    const asked: string[] = [];
    const answers = new Map([['name', 'Hill Institute'], ['https', 'hill.example/badges'], ['email', 'hello@hill.example']]);
    const out: string[] = [];
    const { runCommand } = await import('../../src/commands/cli.ts');
    const code = await runCommand(init, {
      argv: [],
      root: repo.dir,
      env: {},
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      now: () => new Date('2026-12-01T10:00:00Z'),
      ask: async (question) => {
        asked.push(question);
        return [...answers].find(([word]) => question.includes(word))?.[1] ?? '';
      },
    });
    expect(code, out.join('\n')).toBe(0);
    expect(asked).toHaveLength(5);
    expect(asked[3]).toContain('[en]');
    const issuer = parse(await readFile(path.join(repo.dir, 'content', 'issuer.yaml'), 'utf8'));
    expect(issuer).toMatchObject({ name: 'Hill Institute', url: 'https://hill.example/badges/', email: 'hello@hill.example', language: 'en' });
  });

  it('refuses a missing or wrong answer as bad usage, and a site that has a key already, changing nothing', async () => {
    const repo = await template();
    const before = await readTree(repo.dir);
    const missing = await repo.command(init, ['--name', 'X', '--email', 'x@example.org']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--url is required')]);
    const http = await repo.command(init, [...FLAGS.slice(0, 2), '--url', 'http://badges.example.org/', '--email', 'x@example.org']);
    expect([http.code, http.stderr]).toEqual([2, expect.stringContaining('is not an https:// address')]);
    const email = await repo.command(init, ['--name', 'X', '--url', 'https://badges.example.org/', '--email', 'not-an-email']);
    expect(email.code).toBe(1);
    expect(email.stderr).toContain('content/issuer.yaml:');
    expect(email.stderr).toContain('error[invalid-value] email');
    expect(email.stderr).toContain('Nothing was changed.');
    expect(await readTree(repo.dir)).toEqual(before);

    expect((await repo.command(init, FLAGS)).code).toBe(0);
    const after = await readTree(repo.dir);
    const again = await repo.command(init, FLAGS);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('This site is set up already')]);
    expect(await readTree(repo.dir)).toEqual(after);
  });

  it("never erases an issuer's own content, even one with no key yet, nor the erasure lists in .laurel/", async () => {
    // An issuer's site on development builds: its own content, no key, no demo marker.
    const own = await makeRepository({ fixture: 'academy' });
    repos.push(own);
    const before = await readTree(own.dir);
    const refused = await own.command(init, FLAGS);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining("content/ is not the template's demo")]);
    expect(await readTree(own.dir)).toEqual(before);

    const repo = await template();
    await mkdir(path.join(repo.dir, '.laurel', 'erase'), { recursive: true });
    await writeFile(path.join(repo.dir, '.laurel', 'erase', 'some-id.txt'), 'a name==>[erased]\n');
    expect((await repo.command(init, FLAGS)).code).toBe(0);
    expect(await readFile(path.join(repo.dir, '.laurel', 'erase', 'some-id.txt'), 'utf8')).toBe('a name==>[erased]\n');
  });

  it('says how to use it with --help, changing nothing', async () => {
    const repo = await template();
    const before = await readTree(repo.dir);
    const help = await repo.command(init, ['--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: npm run init -- --name')]);
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('reads a site address the way an issuer types it', () => {
    expect(normalizeSiteUrl('badges.example.org')).toBe('https://badges.example.org/');
    expect(normalizeSiteUrl(' https://org.github.io/badges ')).toBe('https://org.github.io/badges/');
    expect(normalizeSiteUrl('https://badges.example.org/')).toBe('https://badges.example.org/');
  });
});
