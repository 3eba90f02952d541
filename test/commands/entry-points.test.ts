/**
 * The scripts behind the npm commands, each started once as `npm run` starts it (a child process,
 * in a repository with the academy fixture's content) and called wrongly: exit code 2, a short
 * message for the person at the terminal, no stack trace. The other command tests run the commands
 * in process; this file proves that every entry point loads, runs its command and sets the exit
 * code. Nothing here gets past the usage checks, so no build, no signing and no writes happen.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepository, TEMPLATE, type Repository } from '../helpers/repository.ts';

const KENJI = 'f03ab81a-54ba-4f1b-a4ca-8e178ad8d519';

/** npm command → the arguments after its own (bad usage), and what the message must say. */
const CASES: Record<string, { readonly args: readonly string[]; readonly message: string }> = {
  award: { args: ['accessible-interfaces', '--email', 'kenji.mori@learners.example'], message: '--name is required' },
  import: { args: [], message: 'Which roster? Give the path of a CSV file.' },
  init: { args: ['--frobnicate'], message: "Unknown option '--frobnicate'" },
  revoke: { args: [KENJI], message: '--reason is required' },
  suspend: { args: [], message: 'Which award?' },
  reinstate: { args: [KENJI, '--reason', 'Appeal upheld'], message: "Unknown option '--reason'." },
  forget: { args: [], message: 'Which award?' },
  'link-awards': { args: [], message: 'Which awards? Give the ids of two awards or more' },
  stack: { args: ['--frobnicate'], message: "Unknown option '--frobnicate'" },
  'publish-portfolio': { args: [], message: 'Whose portfolio? Give the id of one of the learner' },
  check: { args: ['--frobnicate'], message: 'npm run check takes no options but --rncp (got --frobnicate).' },
  keygen: { args: ['--frobnicate'], message: 'Unknown option --frobnicate. Usage: npm run keygen' },
  'rotate-key': { args: ['--frobnicate'], message: 'Unknown option --frobnicate. Usage: npm run keygen' },
  'compromise-key': { args: [], message: 'Which key?' },
  'pr-summary': { args: [], message: 'Usage: npm run pr-summary -- --base <git ref>' },
  verify: { args: [], message: 'Say what to verify.' },
  // Checked before Astro is started: a real build is the build tests' business.
  build: { args: ['--frobnicate'], message: "Unknown option '--frobnicate'\nUsage: npm run build" },
  bench: { args: ['--awards', '0'], message: 'Usage: npm run bench [-- --awards N]' },
  'fetch-log': { args: ['--url', 'ftp://x'], message: '--url "ftp://x" is not the address of a log' },
  'timestamp-log': { args: ['--calendar', 'http://calendar.example'], message: 'http://calendar.example is not an https:// address' },
};

/** The npm commands that run a script: `node scripts/<file>.ts [arguments]` in package.json. */
const packageJson = JSON.parse(await readFile(path.join(TEMPLATE, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const npmCommands = Object.entries(packageJson.scripts).flatMap(([name, line]) => {
  const [program, script, ...args] = line.split(' ');
  return program === 'node' && script?.startsWith('scripts/') ? [{ name, script, args }] : [];
});

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

describe('the npm commands, started as npm run starts them', () => {
  it('cover every npm command that runs a script', () => {
    expect(npmCommands.map((command) => command.name).sort()).toEqual(Object.keys(CASES).sort());
  });

  // Child processes wait on the disk and the module loader more than on a core: run them side by side.
  it.concurrent.for(npmCommands)('npm run $name, called wrongly, exits 2 with a short message and no stack trace', async ({ name, script, args }, { expect }) => {
    const bad = CASES[name];
    expect(bad, name).toBeDefined();
    const result = await repo.run(script, [...args, ...bad!.args]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(bad!.message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The message and the usage lines, nothing more.
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length, result.stderr).toBeGreaterThanOrEqual(1);
    expect(lines.length, result.stderr).toBeLessThanOrEqual(4);
  });
});
