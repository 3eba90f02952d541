/**
 * node scripts/measure-verifier.ts [--runs N] [--credential <id>.json] [--json] [--strict]
 *
 * Measures the browser verifier on the built site (dist/, built first if missing) in headless
 * Chromium (playwright-core, Debian's chromium; LAUREL_CHROMIUM overrides the path):
 *  - size: every script the /verify/ page loads to verify a credential, gzipped (budget 150 KB);
 *  - time: verifying one of the site's credentials on that page (budget 100 ms): the median of
 *    N runs once the page is warm, split into computing and fetching the issuer's files, and the
 *    very first run on a fresh page.
 * The site is served as it would be hosted: at its own https URL (from its did:web), by a local
 * HTTPS server with a throwaway self-signed certificate (made with openssl) that Chromium is told
 * to resolve to 127.0.0.1. Without openssl, the browser's request routing answers instead, which
 * adds its own overhead to every fetch. Shared machines are noisy: the load average is printed
 * with the figures. Exit 0, or with --strict 1 when a figure is over its budget.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, routeSiteUrl, serveStatic } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIST = path.join(ROOT, 'dist');
export const SIZE_BUDGET_BYTES = 150 * 1024;
export const TIME_BUDGET_MS = 100;

export interface VerifierMeasurement {
  chromium: string;
  /** `https`: the site hosted at its own URL on loopback; `routed`: answered by request routing. */
  hosting: 'https' | 'routed';
  credential: string;
  status: string;
  scripts: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
  /** The first verification on a freshly opened page (deep link, nothing warmed up). */
  firstMs: number;
  firstFetchMs: number;
  /** The first verification after the page has loaded and warmed up the verifier. */
  firstWarmedMs: number;
  firstWarmedFetchMs: number;
  /** Median over `runs` verifications on a warm page: total, and without the fetching. */
  medianMs: number;
  medianComputeMs: number;
  medianFetchMs: number;
  fastestMs: number;
  runs: number;
  loadAverage: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The site URL, from the DID document the build writes (did:web:host[:path]). */
function siteUrl(): string {
  const candidates = [path.join(DIST, '.well-known', 'did.json'), path.join(DIST, 'did.json')];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new Error('dist/ has no DID document; is the build complete?');
  const did = (JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id;
  const [host, ...segments] = did.slice('did:web:'.length).split(':');
  return `https://${decodeURIComponent(host!)}/${segments.map((segment) => `${decodeURIComponent(segment)}/`).join('')}`;
}

async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(DIST, 'verify', 'index.html'))) return;
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

interface Timing {
  status: string;
  durationMs: number;
  fetchMs: number;
}

async function timing(page: Page): Promise<Timing> {
  const result = page.locator('[data-result][data-verification-status]');
  await result.waitFor({ timeout: 60_000 });
  const [status, duration, fetched] = await Promise.all(['data-verification-status', 'data-duration-ms', 'data-fetch-ms'].map((name) => result.getAttribute(name)));
  return { status: status ?? '', durationMs: Number(duration), fetchMs: Number(fetched) };
}

async function verifyViaForm(page: Page, url: string): Promise<Timing> {
  await page.evaluate(() => document.querySelector('[data-result]')?.removeAttribute('data-verification-status'));
  await page.fill('form[data-input="url"] input', url);
  await page.click('form[data-input="url"] button[type="submit"]');
  return timing(page);
}

const run = promisify(execFile);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

interface Hosted {
  browser: Browser;
  /** Where the site's pages are opened. */
  origin: string;
  hosting: VerifierMeasurement['hosting'];
  close(): Promise<void>;
}

/** The site at its own https URL: a loopback HTTPS server, and Chromium resolving the host to it. */
async function hostOverHttps(site: string): Promise<Hosted> {
  const url = new URL(site);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'laurel-measure-'));
  try {
    const [key, cert] = [path.join(folder, 'key.pem'), path.join(folder, 'cert.pem')];
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-keyout', key, '-out', cert, '-subj', `/CN=${url.hostname}`, '-addext', `subjectAltName=DNS:${url.hostname}`]);
    const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, (request, response) => {
      void (async () => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', site).pathname);
        const relative = pathname.startsWith(url.pathname) ? pathname.slice(url.pathname.length) : pathname;
        let file = path.join(DIST, path.normalize(`/${relative}`));
        if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, 'index.html');
        const body = file.startsWith(DIST) ? await readFile(file).catch(() => undefined) : undefined;
        if (!body) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' }).end(body);
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // The site's host name goes to the loopback server, which holds a throwaway certificate.
    const browser = await launchBrowser([`--host-resolver-rules=MAP ${url.hostname}:443 127.0.0.1:${port}`, '--ignore-certificate-errors']);
    return {
      browser,
      origin: url.origin,
      hosting: 'https',
      close: async () => {
        await browser.close();
        await new Promise((resolve) => server.close(resolve));
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Fallback: the page on a localhost server, the site URL answered by request routing. */
async function hostRouted(site: string): Promise<Hosted> {
  const server = await serveStatic(DIST, new URL(site).pathname);
  const browser = await launchBrowser();
  return {
    browser,
    origin: server.origin,
    hosting: 'routed',
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function measureVerifier(options: { runs?: number; credential?: string } = {}): Promise<VerifierMeasurement> {
  const runs = options.runs ?? 15;
  await ensureBuilt();
  const site = siteUrl();
  const base = new URL(site).pathname;
  const name = options.credential ?? readdirSync(path.join(DIST, 'credentials')).filter((file) => file.endsWith('.json')).sort()[0];
  if (!name) throw new Error('dist/credentials has no credential to verify.');
  const credentialUrl = `${site}credentials/${name}`;
  const hosted = await hostOverHttps(site).catch(() => hostRouted(site));
  try {
    const context = await hosted.browser.newContext();
    if (hosted.hosting === 'routed') await routeSiteUrl(context, site, DIST);
    const verifyPage = `${hosted.origin}${base}verify/`;

    // 1. A fresh page opened on the deep link: the cold case.
    const cold = await context.newPage();
    await cold.goto(`${verifyPage}?url=${encodeURIComponent(credentialUrl)}`);
    const first = await timing(cold);
    await cold.close();

    // 2. A page that has loaded and warmed up, then N verifications.
    const page = await context.newPage();
    await page.goto(verifyPage);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500); // the warm-up runs when the page is idle
    const warmed = await verifyViaForm(page, credentialUrl);
    const samples: Timing[] = [];
    for (let index = 0; index < runs; index += 1) samples.push(await verifyViaForm(page, credentialUrl));

    // Every script the page loaded, dynamic imports included, measured from its file in dist/.
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => new URL(name).pathname.endsWith('.js')));
    const scripts = [...new Set(urls)].map((url) => {
      const bytes = readFileSync(path.join(DIST, new URL(url).pathname.slice(base.length)));
      return { file: path.basename(new URL(url).pathname), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
    return {
      chromium: hosted.browser.version(),
      hosting: hosted.hosting,
      credential: name,
      status: first.status,
      scripts,
      gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
      firstMs: first.durationMs,
      firstFetchMs: first.fetchMs,
      firstWarmedMs: warmed.durationMs,
      firstWarmedFetchMs: warmed.fetchMs,
      medianMs: median(samples.map((sample) => sample.durationMs)),
      medianComputeMs: median(samples.map((sample) => sample.durationMs - sample.fetchMs)),
      medianFetchMs: median(samples.map((sample) => sample.fetchMs)),
      fastestMs: Math.min(...samples.map((sample) => sample.durationMs)),
      runs,
      loadAverage: os.loadavg()[0] ?? 0,
    };
  } finally {
    await hosted.close();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;
const mark = (ok: boolean): string => (ok ? 'within budget' : 'OVER BUDGET');

export function describeMeasurement(m: VerifierMeasurement): string[] {
  return [
    `Browser verifier (Chromium ${m.chromium}, ${os.cpus().length} CPUs, load average ${m.loadAverage.toFixed(1)}; site ${m.hosting === 'https' ? 'hosted over https on loopback' : 'answered by request routing'})`,
    `  JavaScript              ${kb(m.gzipBytes)} gzipped, ${mark(m.gzipBytes <= SIZE_BUDGET_BYTES)} (${kb(SIZE_BUDGET_BYTES)}): ${m.scripts.map((s) => `${s.file} ${kb(s.gzipBytes)}`).join(', ')}`,
    `  verify one credential   ${ms(m.medianMs)} median of ${m.runs} on a warm page (fastest ${ms(m.fastestMs)}), ${mark(m.medianMs <= TIME_BUDGET_MS)} (${TIME_BUDGET_MS} ms); medians of the parts: ${ms(m.medianComputeMs)} computing, ${ms(m.medianFetchMs)} fetching the issuer's files`,
    `  first on a fresh page   ${ms(m.firstMs)} (deep link, before the warm-up; ${ms(m.firstFetchMs)} fetching); ${ms(m.firstWarmedMs)} once the page has warmed up (${ms(m.firstWarmedFetchMs)} fetching)`,
    `  credential              ${m.credential}: ${m.status}`,
  ];
}

export async function measureVerifierCommand(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, credential: { type: 'string' }, json: { type: 'boolean' }, strict: { type: 'boolean' } } });
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    console.error('Usage: node scripts/measure-verifier.ts [--runs N] [--credential <id>.json] [--json] [--strict]');
    return 2;
  }
  const measurement = await measureVerifier({ ...(runs === undefined ? {} : { runs }), ...(values.credential === undefined ? {} : { credential: values.credential }) });
  console.log(values.json ? JSON.stringify(measurement, null, 2) : describeMeasurement(measurement).join('\n'));
  const within = measurement.gzipBytes <= SIZE_BUDGET_BYTES && measurement.medianMs <= TIME_BUDGET_MS;
  return values.strict && !within ? 1 : 0;
}

