/**
 * The real build at scale: a temporary copy of the repository with N synthetic awards added to its
 * own content, built by `npm run build` three times (cold, with nothing cached; warm, with nothing
 * changed; and after one award is added), each in a fresh Node process whose peak memory is read
 * on exit. Then what the published site weighs per award, in bytes and files, by kind of file.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { cp, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STATUS_LIST_SIZE } from '../../content/schemas/common.ts';

/** Not copied: what a build makes or installs, and the repository's history. */
const LEFT_OUT = new Set(['node_modules', 'dist', '.laurel', '.git', '.astro']);
/** Synthetic awards per batch file; one in SINGLE_EVERY is a file of its own, as `npm run award` writes. */
const BATCH_SIZE = 500;
const SINGLE_EVERY = 50;
const GIVEN_NAMES = ['Ada', 'Bilal', 'Chloé', 'Dmitri', 'Eun-ji', 'Femi', 'Grace', 'Héloïse', 'Ikaika', 'Jonas', 'Kalani', 'Lucía', 'Mateus', 'Nadia', 'Oğuz', 'Priya'];
const FAMILY_NAMES = ['Achebe', 'Bergström', 'Castillo', 'Dubois', 'Eriksen', 'Fujita', 'García Márquez', 'Haddad', 'Ivanova', 'Jensen', "O'Neill", 'Nguyễn', 'Okafor', 'Schäfer', 'Wójcik', 'Zhang'];

export interface BuildRun {
  readonly label: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly peakRssMb: number;
  /** The last lines the build printed, when it failed. */
  readonly failure?: string;
}

export interface OutputWeight {
  readonly awards: number;
  readonly bytes: number;
  readonly files: number;
  /** Some hosts count folders as entries too (GitLab Pages). */
  readonly folders: number;
  /** Bytes and files by kind: certificate pages, signed JSON, search index, transparency log, everything else. */
  readonly kinds: ReadonlyMap<string, { bytes: number; files: number }>;
}

export interface SiteBuildFigures {
  readonly runs: readonly BuildRun[];
  /** dist/ after the cold build, and the size of its GitHub Pages upload. */
  readonly output?: OutputWeight & { readonly artifactBytes: number | undefined };
  /** What `.laurel/cache` (proofs, pages, images) holds after the cold build. */
  readonly cache?: OutputWeight;
}

/** Unique random status indices, as `npm run award` chooses them, avoiding those already taken. */
function statusIndices(count: number, taken: ReadonlySet<number>): number[] {
  const chosen = new Set<number>();
  const capacity = STATUS_LIST_SIZE * 8;
  if (count + taken.size > capacity) throw new Error(`At most ${capacity - taken.size} awards fit the status list.`);
  while (chosen.size < count) {
    const index = randomInt(capacity);
    if (!taken.has(index)) chosen.add(index);
  }
  return [...chosen];
}

function learner(index: number): string {
  return `${GIVEN_NAMES[index % GIVEN_NAMES.length]} ${FAMILY_NAMES[Math.floor(index / GIVEN_NAMES.length) % FAMILY_NAMES.length]} ${index}`;
}

/** One award's YAML lines, indented for a batch's list or for a file of its own. */
function awardLines(index: number, statusIndex: number, indent: string): string[] {
  const salt = randomBytes(12).toString('base64url');
  const hash = createHash('sha256').update(`learner${index}@bench.example${salt}`).digest('hex');
  const lines = [`id: ${randomUUID()}`, `statusIndex: ${statusIndex}`, 'recipient:', `  name: ${JSON.stringify(learner(index))}`, '  identity:', '    type: emailAddress', `    hash: sha256$${hash}`, `    salt: ${salt}`];
  if (index % 10 === 0) lines.push(`narrative: Completed the assessed project, number ${index}, on time and to the brief.`);
  return lines.map((line, at) => `${at === 0 && indent ? indent.slice(0, -2) + '- ' : indent}${line}`);
}

/** Writes `count` synthetic awards of the given achievements under content/awards/bench/. */
/** Returns the status indices it used. */
export async function writeSyntheticAwards(copy: string, count: number, achievements: readonly string[], taken: ReadonlySet<number>): Promise<Set<number>> {
  const folder = path.join(copy, 'content', 'awards', 'bench');
  await rm(folder, { recursive: true, force: true });
  const indices = statusIndices(count, taken);
  // Each award's lines kept apart, so that a batch file is cut between awards, never inside one.
  const batches = new Map<string, string[][]>();
  const files: Array<[string, string]> = [];
  for (let index = 0; index < count; index += 1) {
    const achievement = achievements[index % achievements.length]!;
    if (index % SINGLE_EVERY === SINGLE_EVERY - 1) {
      files.push([`single-${index}.yaml`, [`achievement: ${achievement}`, 'awardedOn: 2026-06-01', ...awardLines(index, indices[index]!, '')].join('\n') + '\n']);
      continue;
    }
    const batch = batches.get(achievement) ?? [];
    batch.push(awardLines(index, indices[index]!, '    '));
    batches.set(achievement, batch);
  }
  for (const [achievement, awards] of batches) {
    // Files of BATCH_SIZE awards, as an issuer importing cohorts would have them.
    for (let start = 0, part = 0; start < awards.length; start += BATCH_SIZE, part += 1) {
      files.push([`${achievement}-${part}.yaml`, [`achievement: ${achievement}`, 'awardedOn: 2026-06-01', 'awards:', ...awards.slice(start, start + BATCH_SIZE).flat()].join('\n') + '\n']);
    }
  }
  await mkdir(folder, { recursive: true });
  for (const [name, text] of files) await writeFile(path.join(folder, name), text);
  return new Set(indices);
}

/** A copy of the repository to build in, with the repository's installed packages linked in. */
export async function copyRepository(root: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'laurel-bench-'));
  for (const entry of await readdir(root)) {
    if (LEFT_OUT.has(entry)) continue;
    await cp(path.join(root, entry), path.join(copy, entry), { recursive: true, verbatimSymlinks: true });
  }
  await symlink(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** `npm run build` in `copy`, in a fresh process that reports its peak memory as it exits. */
export function runBuild(copy: string, label: string): BuildRun {
  const report = "process.on('exit',()=>process.stderr.write('\\nLAUREL_PEAK_RSS_KB='+process.resourceUsage().maxRSS+'\\n'))";
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, path.join(copy, 'scripts', 'build.ts')], {
    cwd: copy,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // A development build with the copy's own cache, whatever this shell has set.
    env: Object.fromEntries(Object.entries({ ...process.env, LAUREL_PRODUCTION: '0' }).filter(([name]) => name !== 'LAUREL_SIGNING_KEY' && name !== 'LAUREL_CACHE_DIR')),
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /LAUREL_PEAK_RSS_KB=(\d+)/.exec(child.stderr ?? '');
  const run = { label, ok: child.status === 0, seconds, peakRssMb: peak ? Number(peak[1]) / 1024 : Number.NaN };
  if (run.ok) return run;
  const lines = `${child.stdout ?? ''}\n${child.stderr ?? ''}`.split('\n').filter((line) => line.trim() && !line.startsWith('LAUREL_PEAK'));
  return { ...run, failure: lines.slice(-12).join('\n') };
}

/** A certificate page in another of the site's languages: /<language>/credentials/<id>/index.html. */
const TRANSLATED_CERTIFICATE_PAGE = /^[a-z]{2,3}(?:-[a-z0-9]+)*\/credentials\/[^/]+\/index\.html$/i;

export function kindOf(relative: string): string {
  if (relative.startsWith('pagefind/')) return 'search index';
  if (relative.startsWith('log/')) return 'transparency log';
  if (/^credentials\/[^/]+\.json$/.test(relative)) return 'signed JSON';
  if (relative.startsWith('credentials/') && relative.endsWith('/index.html')) return 'certificate pages';
  if (TRANSLATED_CERTIFICATE_PAGE.test(relative)) return 'certificate pages, other languages';
  if (relative.startsWith('credentials/')) return 'other per-award files';
  return 'everything else';
}

/** What dist/ holds, by kind of file. */
export async function weighOutput(dist: string, awards: number): Promise<OutputWeight> {
  const kinds = new Map<string, { bytes: number; files: number }>();
  let bytes = 0;
  let files = 0;
  let folders = 0;
  const walk = async (folder: string, relative: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const inside = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        folders += 1;
        await walk(path.join(folder, entry.name), inside);
        continue;
      }
      const size = (await lstat(path.join(folder, entry.name))).size;
      const kind = kinds.get(kindOf(inside)) ?? { bytes: 0, files: 0 };
      kinds.set(kindOf(inside), { bytes: kind.bytes + size, files: kind.files + 1 });
      bytes += size;
      files += 1;
    }
  };
  await walk(dist, '');
  return { awards, bytes, files, folders, kinds };
}

/**
 * What a GitHub Pages deployment of `dist` uploads: upload-pages-artifact packs the folder into a
 * tar, following hard links (`--dereference --hard-dereference`), which the upload compresses
 * (deflate, level 6, as gzip -6). It is what the deployment moves within its 10 minutes; the 1 GB
 * GitHub documents is the published site's size, dist/ itself. Undefined where tar or gzip is missing.
 */
export function pagesArtifactBytes(dist: string): number | undefined {
  const packed = spawnSync('sh', ['-c', 'tar --dereference --hard-dereference -cf - -C "$1" . | gzip -6 | wc -c', 'sh', dist], { encoding: 'utf8' });
  const bytes = Number(packed.stdout.trim());
  return packed.status === 0 && Number.isInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * Builds a copy of the repository with `count` synthetic awards: cold, warm, then with one award
 * more. `achievements` are the slugs to award; `taken` the status indices content/ already uses.
 */
export async function benchSiteBuild(root: string, count: number, achievements: readonly string[], taken: ReadonlySet<number>, awardsOfContent: number, progress: (line: string) => void): Promise<SiteBuildFigures> {
  const copy = await copyRepository(root);
  try {
    const used = await writeSyntheticAwards(copy, count, achievements, taken);
    const runs: BuildRun[] = [];
    const step = (label: string): BuildRun => {
      progress(`  building: ${label}…`);
      const run = runBuild(copy, label);
      runs.push(run);
      return run;
    };
    if (!step('cold (nothing cached)').ok) return { runs };
    const output = { ...(await weighOutput(path.join(copy, 'dist'), count + awardsOfContent)), artifactBytes: pagesArtifactBytes(path.join(copy, 'dist')) };
    const cache = await weighOutput(path.join(copy, '.laurel', 'cache'), count + awardsOfContent);
    if (!step('warm (nothing changed)').ok) return { runs, output, cache };
    const [index] = statusIndices(1, new Set([...taken, ...used]));
    await writeFile(path.join(copy, 'content', 'awards', 'bench', 'one-more.yaml'), [`achievement: ${achievements[0]}`, 'awardedOn: 2026-06-02', ...awardLines(count, index!, '')].join('\n') + '\n');
    step('one award added');
    return { runs, output, cache };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
