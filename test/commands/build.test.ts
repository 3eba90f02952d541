/**
 * npm run build as a command, without building: what it does before Astro starts. (The builds
 * themselves are test/commands/build.build.test.ts.)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.ts';
import { runCommand } from '../../src/commands/cli.ts';
import { PREVIOUS_DIST, STAGING } from '../../src/site/dist-swap.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function site(root: string, folder: string, text: string): Promise<void> {
  await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, folder, 'index.html'), text);
}

describe('npm run build, before it builds', () => {
  it('puts dist/ back first thing after a kill between the two renames, even when it then stops at the production check', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'laurel-build-'));
    folders.push(root);
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
