/**
 * node scripts/measure-pages.ts [-- --dist DIR] [--budget KB] [--json]: the weight of every built
 * certificate page, what a visitor's browser fetches to show it: the HTML (inline CSS and scripts
 * included), stylesheets and module scripts it links, and the modules those import statically.
 * Images and fonts are left out; code loaded only when someone presses "Verify" (dynamic imports)
 * is reported apart. Exit 1 when the heaviest page is over budget (60 kB = 60,000 bytes).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { usage, type CommandContext } from '../cli.ts';

export const PAGE_BUDGET_BYTES = 60_000;

export interface PageWeight {
  readonly page: string;
  readonly html: number;
  /** Of the HTML: inline <style> and inline <script> text. */
  readonly inlineCss: number;
  readonly inlineJs: number;
  /** Linked stylesheets and module scripts, with their static imports. */
  readonly linkedCss: number;
  readonly linkedJs: number;
  /** HTML + linked CSS + linked JS: what must load before the page is complete. */
  readonly total: number;
  readonly totalGzip: number;
  /** Modules imported dynamically, e.g. the verifier's engine, fetched on demand. */
  readonly onDemandJs: number;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+\.m?js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;

/** The file under dist/ a URL path in a page points to (site base path stripped). */
function fileOf(dist: string, base: string, from: string, reference: string): string | undefined {
  if (/^[a-z]+:/i.test(reference) || reference.startsWith('//')) return undefined; // another origin
  if (reference.startsWith('/')) {
    const relative = reference.startsWith(base) ? reference.slice(base.length) : reference.slice(1);
    return path.join(dist, relative.split(/[?#]/)[0]!);
  }
  return path.join(path.dirname(from), reference.split(/[?#]/)[0]!);
}

/** A module and everything it imports statically; dynamic imports go to `onDemand`. */
async function collectScripts(file: string, seen: Map<string, Buffer>, onDemand: Set<string>): Promise<void> {
  if (seen.has(file)) return;
  const bytes = await readFile(file);
  seen.set(file, bytes);
  const text = bytes.toString('utf8');
  for (const [, reference] of text.matchAll(STATIC_IMPORT)) await collectScripts(path.join(path.dirname(file), reference!), seen, onDemand);
  for (const [, reference] of text.matchAll(DYNAMIC_IMPORT)) onDemand.add(path.join(path.dirname(file), reference!));
}

export async function measurePage(dist: string, htmlFile: string, base = '/'): Promise<PageWeight> {
  const html = await readFile(htmlFile);
  const text = html.toString('utf8');
  const inlineCss = [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0);
  const inlineScripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]!));
  const inlineJs = inlineScripts.filter((m) => !/application\/ld\+json/.test(m[1]!)).reduce((sum, m) => sum + Buffer.byteLength(m[2]!), 0);

  const stylesheets = new Map<string, Buffer>();
  for (const [, tag] of text.matchAll(/<link\b([^>]*)>/g)) {
    if (!/\brel=["']?stylesheet/.test(tag!)) continue;
    const href = /\bhref=["']([^"']+)["']/.exec(tag!)?.[1];
    const file = href ? fileOf(dist, base, htmlFile, href) : undefined;
    if (file && !stylesheets.has(file)) stylesheets.set(file, await readFile(file));
  }
  const scripts = new Map<string, Buffer>();
  const onDemand = new Set<string>();
  const entries = [
    ...[...text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/g)].map((m) => m[1]!),
    ...[...text.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)].map((m) => m[1]!),
  ];
  for (const src of entries) {
    const file = fileOf(dist, base, htmlFile, src);
    if (file) await collectScripts(file, scripts, onDemand);
  }
  for (const { 1: script } of inlineScripts.map((m) => m)) {
    for (const [, reference] of script!.matchAll(STATIC_IMPORT)) {
      const file = fileOf(dist, base, htmlFile, reference!);
      if (file) await collectScripts(file, scripts, onDemand);
    }
  }
  const lazy = new Map<string, Buffer>();
  for (const file of onDemand) if (!scripts.has(file)) await collectScripts(file, lazy, new Set());
  for (const file of scripts.keys()) lazy.delete(file);

  const linked = [...stylesheets.values(), ...scripts.values()];
  const all = Buffer.concat([html, ...linked]);
  const size = (buffers: Iterable<Buffer>) => [...buffers].reduce((sum, buffer) => sum + buffer.length, 0);
  return {
    page: path.relative(dist, htmlFile),
    html: html.length,
    inlineCss,
    inlineJs,
    linkedCss: size(stylesheets.values()),
    linkedJs: size(scripts.values()),
    total: all.length,
    totalGzip: gzipSync(html).length + linked.reduce((sum, buffer) => sum + gzipSync(buffer).length, 0),
    onDemandJs: size(lazy.values()),
  };
}

/** Every certificate page under dist/credentials/<id>/index.html. */
export async function certificatePages(dist: string): Promise<string[]> {
  const folder = path.join(dist, 'credentials');
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(folder, entry.name, 'index.html')).sort();
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function measurePages(context: CommandContext): Promise<number> {
  const args = [...context.argv];
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const known = new Set(['--dist', '--budget', '--json']);
  const unknown = args.find((arg, i) => arg.startsWith('--') && !known.has(arg) && !known.has(args[i - 1] ?? ''));
  if (unknown) throw usage(`Unknown option ${unknown}. Usage: node scripts/measure-pages.ts [--dist DIR] [--budget KB] [--json]`);
  const dist = path.resolve(context.root, option('--dist') ?? 'dist');
  const budget = option('--budget') === undefined ? PAGE_BUDGET_BYTES : Number(option('--budget')) * 1000;
  if (!Number.isFinite(budget) || budget <= 0) throw usage('--budget takes a number of kilobytes, like 60');

  const pages = await Promise.all((await certificatePages(dist).catch(() => [])).map(async (file) => {
    // Certificate pages of erased awards are tombstones: measured too, they are just small.
    return measurePage(dist, file);
  }));
  if (pages.length === 0) throw usage(`No certificate pages in ${dist}/credentials: run npm run build first.`);
  const sorted = pages.toSorted((a, b) => a.total - b.total);
  const heaviest = sorted.at(-1)!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  if (args.includes('--json')) {
    context.out(JSON.stringify({ budget, pages: pages.length, median: median.total, heaviest }, null, 2));
  } else {
    context.out(`Certificate pages: ${pages.length}, budget ${kB(budget)} of HTML, CSS and JavaScript (images and fonts aside).`);
    context.out(`  median   ${kB(median.total)}`);
    context.out(`  heaviest ${kB(heaviest.total)} (${kB(heaviest.totalGzip)} gzipped): ${heaviest.page}`);
    context.out(`           HTML ${kB(heaviest.html)} (inline CSS ${kB(heaviest.inlineCss)}, inline JS ${kB(heaviest.inlineJs)}), linked CSS ${kB(heaviest.linkedCss)}, linked JS ${kB(heaviest.linkedJs)}`);
    context.out(`  on demand (loaded only when verifying): ${kB(heaviest.onDemandJs)} of JavaScript`);
  }
  if (heaviest.total > budget) {
    context.err(`Over budget: ${heaviest.page} weighs ${kB(heaviest.total)}, more than ${kB(budget)}.`);
    return 1;
  }
  return 0;
}

