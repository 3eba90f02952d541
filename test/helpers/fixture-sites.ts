/**
 * The fixture sites, built by the global setup of the projects that need them
 * (test/setup/fixture-sites.ts) with the template's own `npm run build`, each in a repository of
 * its own. Tests read them with `inject('sites')` and never change them: a test that edits or
 * rebuilds makes its own copy (`makeRepository({ from: site.dir })`).
 *
 * A build depends only on the template's code, its dependencies and the fixture's files, so the
 * builds are kept in the system's temporary folder, named by a hash of all of those: a later run
 * with the same inputs (the next `npm test` on an unchanged checkout, or a fork's own test run)
 * reuses them, and any change to an input builds afresh. The sites are made
 * read-only, so a test that writes into one fails instead of spoiling the next run; their cache of
 * proofs and images stays writable, for the builds of the tests (it is content-addressed).
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeRepository, TEMPLATE, type FixtureSite } from './repository.ts';

export interface BuiltSite {
  /** The repository, built: dist/ and .laurel/ (its development key) in it. */
  readonly dir: string;
  readonly dist: string;
  /** From its content/issuer.yaml, e.g. https://credentials.harbourside.example/ */
  readonly siteUrl: string;
  /** What `npm run build` printed. */
  readonly buildOutput: string;
}

export interface FixtureSites {
  readonly academy: BuiltSite;
  readonly 'sub-path': BuiltSite;
  readonly francais: BuiltSite;
  /** The proofs and images these builds cached: content-addressed, so any later build may share it. */
  readonly cacheDirectory: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: FixtureSites;
  }
}

const FIXTURES: readonly FixtureSite[] = ['academy', 'sub-path', 'francais'];
const SITE_URLS: Record<FixtureSite, string> = {
  academy: 'https://credentials.harbourside.example/',
  'sub-path': 'https://badges.example.org/programmes/',
  francais: 'https://attestations.cegep-saint-laurent.example/',
};
// Outside the checkout (a fork is a copy of it) and outside node_modules (Node strips no types there).
const CACHE = path.join(tmpdir(), 'laurel-test-sites');
/** How long a build of other inputs is kept after its last use. */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;
/** What a build reads besides node_modules (which the lock file stands for). */
const INPUTS = ['src', 'scripts', 'test/fixtures/sites', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function filesUnder(entry: string): Promise<string[]> {
  const full = path.join(TEMPLATE, entry);
  if (!(await stat(full)).isDirectory()) return [entry];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return entries.filter((item) => item.isFile()).map((item) => path.relative(TEMPLATE, path.join(item.parentPath, item.name)));
}

/** A hash of every input of the builds: path and bytes of each file, and the Node.js version. */
async function inputsHash(): Promise<string> {
  const hash = createHash('sha256').update(`node ${process.version}\0`);
  const files = (await Promise.all(INPUTS.map(filesUnder))).flat().map((file) => file.split(path.sep).join('/')).sort();
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(TEMPLATE, file))).update('\0');
  return hash.digest('hex').slice(0, 24);
}

async function setWritable(dir: string, writable: boolean): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  // Files first, folders after (deepest first), so nothing is locked before it is reached.
  const paths = entries.filter((entry) => !entry.isSymbolicLink()).map((entry) => ({ file: path.join(entry.parentPath, entry.name), folder: entry.isDirectory() }));
  const order = writable ? [{ file: dir, folder: true }, ...paths.filter((item) => item.folder), ...paths.filter((item) => !item.folder)] : [...paths.filter((item) => !item.folder), ...paths.filter((item) => item.folder).reverse(), { file: dir, folder: true }];
  for (const { file, folder } of order) await chmod(file, folder ? (writable ? 0o755 : 0o555) : writable ? 0o644 : 0o444).catch(() => undefined);
}

async function buildInto(dir: string): Promise<void> {
  const cacheDirectory = path.join(dir, 'cache');
  await mkdir(cacheDirectory, { recursive: true });
  const outputs: Record<string, string> = {};
  // One after the other: each build uses every core.
  for (const fixture of FIXTURES) {
    const repository = await makeRepository({ fixture, cacheDirectory, under: dir });
    const result = await repository.run('scripts/build.ts');
    if (result.code !== 0) throw new Error(`The ${fixture} fixture did not build, so the tests cannot run:\n${result.stdout}${result.stderr}`);
    outputs[fixture] = result.stdout + result.stderr;
    await rename(repository.dir, path.join(dir, fixture));
  }
  await writeFile(path.join(dir, 'outputs.json'), JSON.stringify(outputs));
}

/** The built fixture sites for this checkout: from the cache, or built into it now. */
export async function fixtureSites(): Promise<FixtureSites> {
  const key = await inputsHash();
  const dir = path.join(CACHE, key);
  const complete = await stat(path.join(dir, 'outputs.json')).then(() => true, () => false);
  if (!complete) {
    await mkdir(CACHE, { recursive: true });
    const building = path.join(CACHE, `${key}.${process.pid}.building`);
    await rm(building, { recursive: true, force: true });
    await buildInto(building);
    for (const fixture of FIXTURES) await setWritable(path.join(building, fixture), false);
    // Another run may have finished the same builds meanwhile: either copy is the same.
    await rename(building, dir).catch(async () => {
      await setWritable(building, true);
      await rm(building, { recursive: true, force: true });
    });
    // Builds of older inputs are of no more use once no checkout has used them for a day: another
    // clone or a fork's test run, with inputs of its own, may be using one right now.
    for (const name of await readdir(CACHE)) {
      if (name === key || name.endsWith('.building')) continue;
      const lastUsed = await stat(path.join(CACHE, name, 'outputs.json')).then((info) => info.mtimeMs, () => 0);
      if (Date.now() - lastUsed < UNUSED_FOR_MS) continue;
      await setWritable(path.join(CACHE, name), true);
      await rm(path.join(CACHE, name), { recursive: true, force: true });
    }
  }
  const now = new Date();
  await utimes(path.join(dir, 'outputs.json'), now, now);
  const outputs = JSON.parse(await readFile(path.join(dir, 'outputs.json'), 'utf8')) as Record<FixtureSite, string>;
  const built = (fixture: FixtureSite): BuiltSite => ({ dir: path.join(dir, fixture), dist: path.join(dir, fixture, 'dist'), siteUrl: SITE_URLS[fixture], buildOutput: outputs[fixture] });
  return { academy: built('academy'), 'sub-path': built('sub-path'), francais: built('francais'), cacheDirectory: path.join(dir, 'cache') };
}
