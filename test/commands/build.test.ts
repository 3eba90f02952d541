/**
 * npm run build as a command, without building: what it does before Astro starts. (The builds
 * themselves are test/commands/build.build.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.ts';
import { runCommand } from '../../src/commands/cli.ts';
import { PREVIOUS_DIST, STAGING } from '../../src/site/dist-swap.ts';
import { site, useTemporaryRepositories } from '../helpers/swap-sites.ts';

const repository = useTemporaryRepositories('laurel-build-');

describe('npm run build, before it builds', () => {
  it('puts dist/ back first thing after a kill between the two renames, even when it then stops at the production check', async () => {
    const root = await repository();
    await site(root, PREVIOUS_DIST, 'old');
    await site(root, STAGING, 'half built');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(build, { argv: ['--production'], root, env: {}, out: (text) => out.push(text), err: (text) => err.push(text), now: () => new Date('2026-05-01T00:00:00Z') });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('error[missing-secret]');
    expect(out.join('\n')).toContain(`Put back dist/ from ${PREVIOUS_DIST}/`);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
  });
});
