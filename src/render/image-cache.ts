/**
 * A disk cache for rendered images and PDFs (`.laurel/cache/images/`), so a build renders only
 * what changed. An entry's key is the SHA-256 of its kind, its inputs and a fingerprint of the
 * renderers (their source, the fonts and libraries they use): change a name, a design or the
 * renderer code, and the entry is simply not found. Every use touches an entry, so that after a
 * build the entries it did not touch can be pruned, whichever process rendered the images.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * What the renderers read: every module in src/render/, the badge design they draw, its colours and baking. If
 * any of these change, every cached image is stale.
 */
const RENDERER_FOLDER = 'src/render';
const RENDERER_MODULES = ['src/content/badge-design.ts', 'src/content/colour.ts', 'src/core/baking.ts'];

async function rendererSources(root: string): Promise<string[]> {
  const own = await readdir(path.join(root, RENDERER_FOLDER)).catch(() => [] as string[]);
  return [...own.filter((name) => name.endsWith('.ts')).sort().map((name) => `${RENDERER_FOLDER}/${name}`), ...RENDERER_MODULES];
}
const RENDERER_PACKAGES = [
  'satori', '@resvg/resvg-js', 'pdf-lib', '@pdf-lib/fontkit', '@fontsource/inter',
  '@fontsource/noto-sans-jp', '@fontsource/noto-sans-sc', '@fontsource/noto-sans-kr', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-hebrew',
  'qrcode', 'lucide-static',
];

/** A hash of the renderer code and library versions under `root`. */
export async function rendererFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await rendererSources(root)) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)).catch(() => Buffer.from('missing')));
  }
  const require = createRequire(path.join(root, 'package.json'));
  for (const name of RENDERER_PACKAGES) {
    let version = 'missing';
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // A package that cannot be found is part of the fingerprint too.
    }
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest('hex');
}

/** Inputs as stable text: object keys sorted, byte arrays replaced by their hash. */
function stableText(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(`sha256:${createHash('sha256').update(value).digest('hex')}`);
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${stableText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function cacheKey(kind: string, fingerprint: string, inputs: unknown): string {
  return createHash('sha256').update(`${kind}\0${fingerprint}\0${stableText(inputs)}`).digest('hex');
}

export interface KindStats {
  /** Rendered in this build, and the time they took together (milliseconds). */
  rendered: number;
  renderMs: number;
  /** Read back from the cache. */
  cached: number;
}

export interface ImageCache {
  /** The cached bytes for these inputs, or `render()`'s, stored for next time. */
  get(kind: string, extension: string, inputs: unknown, render: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array>;
  /** Deletes every entry this cache object did not hand out; returns how many. */
  prune(): Promise<number>;
  readonly stats: ReadonlyMap<string, Readonly<KindStats>>;
}

export interface ImageCacheOptions {
  /** Where entries live; `.laurel/cache/images` under the project. */
  readonly directory: string;
  readonly fingerprint: string;
  /** false: render everything, store nothing (tests of the renderers themselves). */
  readonly enabled?: boolean;
  /** The clock used to time renders; `performance.now` by default. */
  readonly clock?: () => number;
}

export function createImageCache(options: ImageCacheOptions): ImageCache {
  const used = new Set<string>();
  const stats = new Map<string, KindStats>();
  const clock = options.clock ?? (() => performance.now());
  const enabled = options.enabled ?? true;
  const fileOf = (kind: string, key: string, extension: string) => path.join(options.directory, kind, key.slice(0, 2), `${key}.${extension}`);

  return {
    stats,
    async get(kind, extension, inputs, render) {
      const entry = stats.get(kind) ?? { rendered: 0, renderMs: 0, cached: 0 };
      stats.set(kind, entry);
      const file = fileOf(kind, cacheKey(kind, options.fingerprint, inputs), extension);
      used.add(file);
      if (enabled) {
        try {
          const bytes = new Uint8Array(await readFile(file));
          entry.cached += 1;
          const now = new Date();
          await utimes(file, now, now).catch(() => undefined);
          return bytes;
        } catch {
          // Not cached yet: render below.
        }
      }
      const started = clock();
      const bytes = await render();
      entry.renderMs += clock() - started;
      entry.rendered += 1;
      if (enabled) {
        await mkdir(path.dirname(file), { recursive: true });
        // Written aside and renamed, so an interrupted build never leaves half a file behind.
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, bytes);
        await rename(temporary, file);
      }
      return bytes;
    },
    async prune() {
      if (!enabled) return 0;
      let removed = 0;
      const entries = await readdir(options.directory, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        if (used.has(file)) continue;
        await rm(file, { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}

/** Deletes every entry under `directory` that no one used or made since `since`; returns how many. */
export async function pruneUntouched(directory: string, since: Date): Promise<number> {
  let removed = 0;
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const info = await stat(file).catch(() => undefined);
    if (!info || info.mtimeMs >= since.getTime()) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
