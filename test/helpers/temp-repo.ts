/**
 * A throw-away copy of the issuer's repository for end-to-end tests of the commands: content/,
 * keys/, public/, src/ and the config files are copied, node_modules is linked. Commands run as
 * child processes with the copy as working directory, exactly as `npm run <command>` runs them.
 * The scripts themselves are run from this repository (they find the repository by cwd).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

const COPIED = ['content', 'keys', 'public', 'src', 'astro.config.mjs', 'package.json', 'tsconfig.json', '.gitignore'];

/** Variables that would make a run depend on the developer's shell: cleared unless a test sets them. */
const CLEARED = ['LAUREL_SIGNING_KEY', 'LAUREL_PRODUCTION', 'LAUREL_DEBUG', 'NODE_OPTIONS'];

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TempRepo {
  /** The copy's root. */
  readonly dir: string;
  /** Runs `node <script> ...args` (script relative to this repository, e.g. `scripts/award.ts`) in the copy. */
  run(script: string, args?: readonly string[], env?: Readonly<Record<string, string>>): Promise<RunResult>;
  cleanup(): Promise<void>;
}

export async function makeTempRepo(): Promise<TempRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), 'laurel-repo-'));
  for (const entry of COPIED) {
    await cp(path.join(REPOSITORY, entry), path.join(dir, entry), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await symlink(path.join(REPOSITORY, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

  function run(script: string, args: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<RunResult> {
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CLEARED.includes(key)));
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPOSITORY, script), ...args], { cwd: dir, env: { ...base, NO_COLOR: '1', ...env } });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    });
  }

  return { dir, run, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `sub` of a directory, path → content: to assert that a failed command wrote nothing. */
export async function readTree(dir: string, sub = 'content'): Promise<Map<string, string>> {
  const root = path.join(dir, sub);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  return new Map(await Promise.all(files.map(async (file) => [path.relative(dir, file).split(path.sep).join('/'), await readFile(file, 'utf8')] as const)));
}
