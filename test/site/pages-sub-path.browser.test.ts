/**
 * The pages of a site published under a path (https://badges.example.org/programmes/): the
 * sub-path fixture (test/fixtures/sites/sub-path: the minimal content plus an unlisted, an
 * opted-in, a revoked and an erased award, a logo and personal share cards), built once for the
 * run by test/setup/fixture-sites.ts. Links, downloads (made in the browser) and search work under
 * the base path; each award's page previews with its own card; an erased award leaves a notice
 * with no personal data, no JSON and no images; an unlisted one is kept out of search and lists.
 * The site lists no one by default (`earners: unlisted`, as `npm run init` writes it): only the
 * award that opts in is named beyond its own page, and a revocation's reason stays private.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { extractPng } from '../../src/core/baking.ts';
import { axeViolations } from '../helpers/axe.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';
import { searchFragments, searchIndexUrls } from '../helpers/search-index.ts';
import { verdict } from '../helpers/verifier-page.ts';
import { expectedBakedBadge, expectedCertificatePdf, pdfText, pressDownload } from '../helpers/certificate-downloads.ts';

// Shared with every browser test of the run: read only, never written.
const { dir, dist, siteUrl: SITE_URL } = inject('sites')['sub-path'];
/** The base path every link of the site starts with: /programmes/ */
const BASE = new URL(SITE_URL).pathname;
// Award ids of the fixture's content/awards/.
const ADA = '00000000-0000-4000-8000-000000000001';
const UNLISTED = 'bo-00000000-unlisted';
const ERASED = 'gone-0000-0000-erased';
/** Cy Opted-In's award: `listed: true` on a site that lists no one. */
const OPTED_IN = 'cy-00000000-listed';
const OPTED_IN_NAME = 'Cy Opted-In';
/** Dee Withdrawn's award, revoked with a reason it does not publish. */
const REVOKED = 'dee-0000000-revoked';
const PRIVATE_REASON = 'Plagiarism found in the final report.';
/** The learners the site must name on their own page only: the default (Ada), opted out (Bo), revoked (Dee). */
const NOT_LISTED = ['Ada Example', 'Bo Hidden', 'Dee Withdrawn'];

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
    expect(searchIndexUrls(dist)).toContain(`/credentials/${OPTED_IN}/`);
    expect(searchIndexUrls(dist)).not.toContain(`/credentials/${UNLISTED}/`);
    expect(await readFile(path.join(dist, 'achievements', 'teamwork', 'index.html'), 'utf8')).not.toContain('Bo Hidden');
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).not.toContain('Bo Hidden');
  });
});

describe('a site that lists no one (earners: unlisted)', () => {
  const pages = () => ['index.html', path.join('achievements', 'teamwork', 'index.html')].map((file) => [file, readFileSync(path.join(dist, file), 'utf8')] as const);

  it('names no learner on its home, its achievement page or in its search index, but the one who opted in', () => {
    const fragments = searchFragments(dist);
    for (const name of NOT_LISTED) {
      for (const [file, html] of pages()) expect(html, `${name} in ${file}`).not.toContain(name);
      for (const fragment of fragments) expect(JSON.stringify(fragment), `${name} in the index entry of ${fragment.url}`).not.toContain(name);
    }
    // The default one's page is reached by its link, and search engines are asked to leave it.
    const own = readFileSync(path.join(dist, 'credentials', ADA, 'index.html'), 'utf8');
    expect(own).toContain('Ada Example');
    expect(own).toContain('<meta name="robots" content="noindex">');
    // The award that opts in is listed, indexed and found, as on a site that lists everyone.
    const achievement = pages()[1]![1];
    expect(/<section[^>]*aria-labelledby="earners"[\s\S]*?<\/section>/.exec(achievement)?.[0]).toContain(`>${OPTED_IN_NAME}</a>`);
    expect(fragments.filter((fragment) => JSON.stringify(fragment).includes(OPTED_IN_NAME)).map((fragment) => fragment.url)).toEqual([`/credentials/${OPTED_IN}/`]);
    expect(readFileSync(path.join(dist, 'credentials', OPTED_IN, 'index.html'), 'utf8')).not.toContain('noindex');
  });

  it('finds the learner who opted in by name, and no other', async () => {
    const page = await open(BASE);
    const results = () => page.$$eval('.search-results a', (links) => links.map((link) => link.getAttribute('href')));
    for (const [words, expected] of [['Cy Opted-In', [`${BASE}credentials/${OPTED_IN}/`]], ['Ada Example', []], ['Dee Withdrawn', []]] as const) {
      await page.fill('#search-input', words);
      await page.press('#search-input', 'Enter');
      await page.waitForFunction(() => !/Searching/.test(document.querySelector('.search-status')?.textContent ?? 'Searching'), undefined, { timeout: 30_000 });
      expect((await results()).filter((href) => href?.includes('/credentials/')), words).toEqual(expected);
    }
    await page.close();
  });
});

describe('a revoked award whose reason is private', () => {
  it('says when it was revoked, not why, and nothing the site publishes or its verifier reports carries the reason', async () => {
    const page = await open(`${BASE}credentials/${REVOKED}/`);
    expect(await page.textContent('.status')).toContain('revoked on 20 April 2026');
    expect(await page.locator('.status-reason').count()).toBe(0);
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).not.toBe('verified');
    expect(await page.textContent('body')).not.toContain('Plagiarism');
    await page.close();
    // Every file of the site, the search index unpacked: pages, the signed credential, the status
    // lists, the 1EdTech revocation list (which names the award, without a reason).
    const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const carrying = [];
    for (const entry of files) if ((await readFile(path.join(entry.parentPath, entry.name))).includes(PRIVATE_REASON.slice(0, 10))) carrying.push(entry.name);
    expect(carrying).toEqual([]);
    expect(searchFragments(dist).filter((fragment) => JSON.stringify(fragment).includes('Plagiarism'))).toEqual([]);
    const revocations = JSON.parse(await readFile(path.join(dist, 'status', '1edtech-revocation-list.json'), 'utf8')) as { revokedCredential: Array<Record<string, unknown>> };
    expect(revocations.revokedCredential).toContainEqual({ id: `${SITE_URL}credentials/${REVOKED}.json`, revoked: true });
  });
});

describe('an erased award', () => {
  it('leaves a withdrawal notice, noindex, without personal data, JSON or images', async () => {
    const html = await readFile(path.join(dist, 'credentials', ERASED, 'index.html'), 'utf8');
    expect(html).toContain("withdrawn at the holder's request");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(searchIndexUrls(dist)).toContain(`/credentials/${OPTED_IN}/`);
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
