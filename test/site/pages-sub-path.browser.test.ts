/**
 * The pages of a site published under a path (https://badges.example.org/programmes/): the
 * sub-path fixture (test/fixtures/sites/sub-path: the minimal content plus an unlisted and an
 * erased award, a logo and personal share cards), built once for the run by
 * test/setup/fixture-sites.ts. Links, downloads (made in the browser) and search work under the
 * base path; each award's page previews with its own card; an erased award leaves a notice with
 * no personal data, no JSON and no images; an unlisted one is kept out of search and lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { extractPng } from '../../src/core/baking.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';
import { searchIndexUrls } from '../helpers/search-index.ts';
import { expectedBakedBadge, expectedCertificatePdf, pdfText, pressDownload } from '../helpers/certificate-downloads.ts';

// Shared with every browser test of the run: read only, never written.
const { dir, dist, siteUrl: SITE_URL } = inject('sites')['sub-path'];
/** The base path every link of the site starts with: /programmes/ */
const BASE = new URL(SITE_URL).pathname;
// Award ids of the fixture's content/awards/.
const ADA = '00000000-0000-4000-8000-000000000001';
const UNLISTED = 'bo-00000000-unlisted';
const ERASED = 'gone-0000-0000-erased';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = useBrowserOnSite(dist, BASE);

let content: SiteContent;
beforeAll(async () => {
  const validated = validateContent(await readContentFiles(dir));
  if (!validated.ok) throw new Error('the sub-path fixture does not validate');
  content = validated.content;
});

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

  it('draws a default badge for an achievement whose frontmatter designs none, and the page bakes it and makes the PDF', async () => {
    expect(await readFile(path.join(dist, 'achievements', 'teamwork.svg'), 'utf8')).toMatch(/^<svg/);
    const json = await readFile(path.join(dist, 'credentials', `${ADA}.json`), 'utf8');
    const page = await open(`${BASE}credentials/${ADA}/`);
    const requests: string[] = [];
    page.on('request', (request) => void requests.push(request.url()));
    const png = await pressDownload(page, 'png');
    expect(png.name).toBe('teamwork-badge.png');
    expect(extractPng(png.bytes)).toBe(json);
    expect(png.bytes.equals(await expectedBakedBadge(dist, content, ADA, 'png'))).toBe(true);
    const pdf = await pressDownload(page, 'pdf');
    expect(pdf.bytes.equals(await expectedCertificatePdf(dist, content, ADA))).toBe(true);
    expect(pdfText(pdf.bytes)).toContain('Ada Example has earned Teamwork');
    // Everything the downloads read is under the base path: the JSON, the badge, the code, the fonts.
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(`${site.origin}${BASE}`), url).toBe(true);
    expect(requests).toEqual(expect.arrayContaining([`${site.origin}${BASE}credentials/${ADA}.json`, `${site.origin}${BASE}achievements/teamwork.png`]));
    expect(requests.some((url) => url.startsWith(`${site.origin}${BASE}_astro/`) && url.endsWith('.woff'))).toBe(true);
    await page.close();
  });

  it('previews each certificate with its own card, as issuer.yaml asks (shareCards: personal)', async () => {
    const page = await open(`${BASE}credentials/${ADA}/`);
    const card = `${SITE_URL}credentials/${ADA}/share.png`;
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toBe(card);
    expect(await page.getAttribute('meta[name="twitter:image"]', 'content')).toBe(card);
    expect(await page.getAttribute('meta[property="og:image:alt"]', 'content')).toBe('Ada Example has earned Teamwork, from Example Academy');
    const response = await page.request.get(`${site.origin}${new URL(card).pathname}`);
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    // No achievement card: nothing refers to one.
    expect(existsSync(path.join(dist, 'achievements', 'teamwork', 'share.png'))).toBe(false);
    await page.close();
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
    // The index holds pages relative to the base path (search adds it): a listed award is there, this one is not.
    expect(searchIndexUrls(dist)).toContain(`/credentials/${ADA}/`);
    expect(searchIndexUrls(dist)).not.toContain(`/credentials/${UNLISTED}/`);
    expect(await readFile(path.join(dist, 'achievements', 'teamwork', 'index.html'), 'utf8')).not.toContain('Bo Hidden');
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).not.toContain('Bo Hidden');
  });
});

describe('an erased award', () => {
  it('leaves a withdrawal notice, noindex, without personal data, JSON or images', async () => {
    const html = await readFile(path.join(dist, 'credentials', ERASED, 'index.html'), 'utf8');
    expect(html).toContain("withdrawn at the holder's request");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(searchIndexUrls(dist)).toContain(`/credentials/${ADA}/`);
    expect(searchIndexUrls(dist)).not.toContain(`/credentials/${ERASED}/`);
    expect(html).not.toContain('Teamwork'); // not even which achievement it was
    expect(html).not.toContain('og:image');
    const files = (await readdir(path.join(dist, 'credentials'), { recursive: true })).map(String);
    expect(files.filter((file) => file.includes(ERASED))).toEqual([ERASED, path.join(ERASED, 'index.html')]);
    // Not even its own share card, which every other award of this site has.
    expect(existsSync(path.join(dist, 'credentials', ERASED, 'share.png'))).toBe(false);
    expect(existsSync(path.join(dist, 'credentials', ADA, 'share.png'))).toBe(true);
    expect(html).not.toContain('laurel-download');

    const page = await open(`${BASE}credentials/${ERASED}/`);
    expect(await page.textContent('h1')).toBe('Credential withdrawn');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
