/**
 * The pages of a site published under a path (https://badges.example.org/programmes/), built
 * end to end from the minimal fixture plus an unlisted and an erased award: links, downloads and
 * search work under the base path; an erased award leaves a notice with no personal data, no
 * JSON and no images; an unlisted one is kept out of search and lists. The project is copied to
 * a temporary folder (node_modules linked) and built there with `scripts/build.ts`.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPng } from '../../src/core/baking.ts';
import { fixtureTree } from '../helpers/content-fixtures.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE = '/programmes/';
const SITE_URL = `https://badges.example.org${BASE}`;
const ADA = '00000000-0000-4000-8000-000000000001';
const UNLISTED = 'bo-00000000-unlisted';
const ERASED = 'gone-0000-0000-erased';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let folder: string;
let dist: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'laurel-pages-'));
  for (const entry of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(path.join(ROOT, entry), path.join(folder, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  const tree = fixtureTree();
  tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!.replace('url: https://badges.example.org/', `url: ${SITE_URL}`)}logo: /logo.svg\n`);
  tree.set('content/awards/bo.yaml', `id: ${UNLISTED}\nachievement: teamwork\nstatusIndex: 77\nlisted: false\nrecipient:\n  name: Bo Hidden\n  identity:\n    type: sourcedId\n    value: B-77\nawardedOn: 2026-04-01\n`);
  tree.set('content/awards/gone.yaml', `id: ${ERASED}\nachievement: teamwork\nstatusIndex: 78\nerased:\n  on: 2026-05-01\n`);
  for (const [file, text] of tree) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  // Vitest puts Vite's BASE_URL, MODE… in the environment; a real build does not have them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST')));
  await promisify(execFile)(process.execPath, ['scripts/build.ts'], { cwd: folder, env, maxBuffer: 64 * 1024 * 1024 });
  dist = path.join(folder, 'dist');
}, 600_000);

afterAll(async () => {
  if (folder && !process.env['LAUREL_KEEP_TEST_BUILD']) await rm(folder, { recursive: true, force: true });
});

// After the build above: hooks run in the order they are registered.
const site = useBrowserOnSite(() => dist, BASE);

async function open(pathname: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.origin}${pathname}`, { waitUntil: 'load' });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

/** Every link and image on the page that points into the site resolves. */
async function expectLocalLinksResolve(page: Page): Promise<void> {
  const references = await page.$$eval('a[href], img[src], link[href]', (elements) =>
    elements.map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '').filter((value) => value.startsWith('/')),
  );
  expect(references.length).toBeGreaterThan(0);
  for (const reference of new Set(references)) {
    expect(reference.startsWith(BASE), reference).toBe(true);
    expect((await page.request.get(`${site.origin}${reference}`)).status(), reference).toBe(200);
  }
}

describe('a site under a base path', () => {
  it('links everything under the base path, from every page', async () => {
    for (const pathname of [BASE, `${BASE}achievements/teamwork/`, `${BASE}credentials/${ADA}/`, `${BASE}credentials/${UNLISTED}/`]) {
      const page = await open(pathname);
      await expectLocalLinksResolve(page);
      expect(await axeViolations(page), pathname).toEqual([]);
      await page.close();
    }
  });

  it('draws a default badge for an achievement whose frontmatter designs none, and bakes it', async () => {
    expect(await readFile(path.join(dist, 'achievements', 'teamwork.svg'), 'utf8')).toMatch(/^<svg/);
    const json = await readFile(path.join(dist, 'credentials', `${ADA}.json`), 'utf8');
    expect(extractPng(await readFile(path.join(dist, 'credentials', `${ADA}.png`)))).toBe(json);
  });

  it('finds the achievement by its skill with search under the base path', async () => {
    const page = await open(`${BASE}?skill=collaboration`);
    await page.locator(`.search-results a[href="${BASE}achievements/teamwork/"]`).waitFor({ timeout: 30_000 });
    await page.fill('#search-input', 'Bo Hidden');
    await page.selectOption('select[name="skill"]', '');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => /results?\.|No results/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await page.$$eval('.search-results a', (links) => links.map((link) => link.getAttribute('href')))).not.toContain(`${BASE}credentials/${UNLISTED}/`);
    await page.close();
  });
});

describe('an unlisted award', () => {
  it('has its page, noindex, no search entry, and is on no public list', async () => {
    const html = await readFile(path.join(dist, 'credentials', UNLISTED, 'index.html'), 'utf8');
    expect(html).toContain('Bo Hidden');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-ignore="all"');
    expect(await readFile(path.join(dist, 'achievements', 'teamwork', 'index.html'), 'utf8')).not.toContain('Bo Hidden');
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).not.toContain('Bo Hidden');
  });
});

describe('an erased award', () => {
  it('leaves a withdrawal notice, noindex, without personal data, JSON or images', async () => {
    const html = await readFile(path.join(dist, 'credentials', ERASED, 'index.html'), 'utf8');
    expect(html).toContain("withdrawn at the holder's request");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).not.toContain('Teamwork'); // not even which achievement it was
    expect(html).not.toContain('og:image');
    const files = (await readdir(path.join(dist, 'credentials'), { recursive: true })).map(String);
    expect(files.filter((file) => file.includes(ERASED))).toEqual([ERASED, path.join(ERASED, 'index.html')]);
    expect(existsSync(path.join(dist, 'credentials', ERASED, 'share.png'))).toBe(false);

    const page = await open(`${BASE}credentials/${ERASED}/`);
    expect(await page.textContent('h1')).toBe('Credential withdrawn');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
