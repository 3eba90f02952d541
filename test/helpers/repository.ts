/**
 * A throw-away issuer repository: the template's code (src/, scripts/, the configs) with a fixture
 * site's content/ and public/ (test/fixtures/sites/), node_modules linked. Commands run in it
 * either in this process (`command`, fast, the same code the scripts run) or as the npm scripts
 * run them (`run`, a child process: exit codes, builds, the real entry points).
 */
import { execFile, spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCommand, type Command } from '../../src/commands/cli.ts';

/** This repository: the template whose code every test repository runs. */
export const TEMPLATE = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_SITES = path.join(TEMPLATE, 'test', 'fixtures', 'sites');
export type FixtureSite = 'academy' | 'sub-path' | 'francais';

const TEMPLATE_FILES = ['src', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json', '.gitignore'];

/** Variables that would make a run depend on the developer's shell or on the test runner. */
const CLEARED = ['GITHUB_STEP_SUMMARY', 'LAUREL_SIGNING_KEY', 'LAUREL_PRODUCTION', 'LAUREL_DEBUG', 'LAUREL_CACHE_DIR', 'NODE_OPTIONS', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'];

/** The environment a command gets: this process's, without what would change its behaviour. */
export function cleanEnvironment(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const base = Object.entries(process.env).filter(([key, value]) => value !== undefined && !CLEARED.includes(key) && !key.startsWith('VITEST'));
  return { ...Object.fromEntries(base) as Record<string, string>, NO_COLOR: '1', ...extra };
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Repository {
  /** The repository's root. */
  readonly dir: string;
  /** Runs `node scripts/<name>.ts ...args` in the repository, as `npm run` does. */
  run(script: string, args?: readonly string[], env?: Readonly<Record<string, string>>): Promise<RunResult>;
  /** Runs a command in this process with the repository as its root. */
  command(command: Command, args?: readonly string[], options?: { env?: Readonly<Record<string, string>>; now?: Date }): Promise<RunResult>;
  cleanup(): Promise<void>;
}

export interface RepositoryOptions {
  /** The content; none for an empty repository. */
  readonly fixture?: FixtureSite;
  /** Copy this folder instead of making a new one (a built repository, its dist/ and .laurel/ included). */
  readonly from?: string;
  /** Copy the template's checkout as a clone would have it: its own content/, keys/ and public/ too. */
  readonly checkout?: boolean;
  /** Where builds keep proofs and images (LAUREL_CACHE_DIR); the repository's own .laurel/cache if absent. */
  readonly cacheDirectory?: string;
  /** The folder to make the repository in; the system's temporary folder if absent. */
  readonly under?: string;
}

/**
 * The files of the template's checkout: what git tracks, and what it would track (new files not
 * ignored), so that a developer's uncommitted work is tested too. Without git, everything but
 * what .gitignore names.
 */
async function checkoutFiles(): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: TEMPLATE, maxBuffer: 64 << 20 });
    const files = stdout.split('\0').filter(Boolean);
    const present = await Promise.all(files.map((file) => stat(path.join(TEMPLATE, file)).then((info) => info.isFile(), () => false)));
    return files.filter((_file, index) => present[index]);
  } catch {
    const ignored = new Set(['node_modules', 'dist', '.laurel', '.astro', '.git']);
    const entries = await readdir(TEMPLATE, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(TEMPLATE, path.join(entry.parentPath, entry.name)))
      .filter((file) => !ignored.has(file.split(path.sep)[0]!));
  }
}

export async function makeRepository(options: RepositoryOptions = {}): Promise<Repository> {
  const dir = await mkdtemp(path.join(options.under ?? tmpdir(), 'laurel-repo-'));
  if (options.from) {
    await cp(options.from, dir, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
    // The built fixture sites are kept read-only; their copy is the test's to change.
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) await chmod(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
    await chmod(dir, 0o755);
  } else if (options.checkout) {
    for (const file of await checkoutFiles()) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await cp(path.join(TEMPLATE, file), path.join(dir, file));
    }
  } else {
    for (const entry of TEMPLATE_FILES) await cp(path.join(TEMPLATE, entry), path.join(dir, entry), { recursive: true });
    await mkdir(path.join(dir, 'keys'));
    if (options.fixture) await cp(path.join(FIXTURE_SITES, options.fixture), dir, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
  }
  await symlink(path.join(TEMPLATE, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const cache = options.cacheDirectory ? { LAUREL_CACHE_DIR: options.cacheDirectory } : {};

  function run(script: string, args: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(dir, 'scripts', script.replace(/^scripts\//, '')), ...args], { cwd: dir, env: cleanEnvironment({ ...cache, ...env }) });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    });
  }

  async function command(run: Command, args: readonly string[] = [], options: { env?: Readonly<Record<string, string>>; now?: Date } = {}): Promise<RunResult> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(run, {
      argv: args,
      root: dir,
      env: cleanEnvironment({ ...cache, ...options.env }),
      out: (text) => out.push(`${text}\n`),
      err: (text) => err.push(`${text}\n`),
      now: () => options.now ?? new Date(),
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  return { dir, run, command, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `sub` of a directory, path → content: to assert that a failed command wrote nothing. */
export async function readTree(dir: string, sub = 'content'): Promise<Map<string, string>> {
  const root = path.join(dir, sub);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  return new Map(await Promise.all(files.map(async (file) => [path.relative(dir, file).split(path.sep).join('/'), await readFile(file, 'utf8')] as const)));
}
