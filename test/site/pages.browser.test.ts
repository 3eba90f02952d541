/**
 * The pages learners and verifiers see, on the built demo site in headless Chromium (Debian's,
 * via playwright-core): home, achievement and certificate pages, their download links, LinkedIn
 * link, search, the absence of JavaScript, phone widths, and an axe-core audit (WCAG 2.2 AA).
 * Also checks dist/ itself: every award has its page, baked badges, share card and PDF.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extractPng, extractSvg } from '../../src/core/baking.ts';
import { certificatePages, measurePage, PAGE_BUDGET_BYTES } from '../../src/commands/bench/measure-pages.ts';
import { routeSiteUrl } from '../../src/commands/bench/browser.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
// dist/ is built once for all tests by test/global-setup.ts.
const site = useBrowserOnSite(DIST);
const SITE_URL = 'https://badges.northbridge.example/';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Award ids in the demo content with something special about them. */
const AMARA_FULL_STACK = '4e58c799-59aa-45ae-b148-daf419fa3cdf';
const REVOKED = '65bc69b7-ba24-44d2-bae0-2d0404dd7ccb';
const EXPIRED = 'd46ffeae-7b5b-4534-a13b-bba36934e138';
/** Priya Raman's Front-End Development award, marked listed: false. */
const UNLISTED = '62f57f30-01fd-49bc-b737-b3b79173b4b7';


/** The ids of the awards with a hosted credential, and of the achievements with hosted JSON. */
const awardIds = () => readdirSync(path.join(DIST, 'credentials')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
const achievementSlugs = () => readdirSync(path.join(DIST, 'achievements')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
const html = (file: string) => readFileSync(path.join(DIST, file), 'utf8');

function pngSize(file: string): [number, number] {
  const png = readFileSync(path.join(DIST, file));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}



async function open(pathname: string, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: options.viewport ?? { width: 1280, height: 900 } });
  // The pages' absolute URLs (canonical, QR code, did:web) are answered from dist/ too: offline.
  await routeSiteUrl(context, SITE_URL, DIST);
  // Record every Content-Security-Policy violation from the first script on.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(`${site.origin}${pathname}`, { waitUntil: 'load' });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`);
  }, AXE_TAGS);
  return violations;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('the Content-Security-Policy', () => {
  it('is on every page, and the home, achievement and certificate pages and search run within it', async () => {
    for (const pathname of ['/', '/achievements/web-accessibility/', `/credentials/${AMARA_FULL_STACK}/`]) {
      const page = await open(pathname);
      const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
      expect(policy, pathname).toContain("default-src 'none'");
      expect(policy, pathname).not.toContain("'unsafe-inline'");
      if (pathname === '/') {
        await page.fill('input[type="search"]', 'WCAG');
        await page.waitForSelector('laurel-search a[href*="/achievements/"]', { timeout: 30_000 }).catch(() => undefined);
      }
      await page.waitForLoadState('networkidle');
      expect(await cspViolations(page), pathname).toEqual([]);
      await page.context().close();
    }
  });
});

describe('dist/', () => {
  it('has, for every award, its page, baked PNG and SVG holding the hosted JSON, share card and PDF', () => {
    const ids = awardIds();
    expect(ids.length).toBeGreaterThanOrEqual(40);
    for (const id of ids) {
      const json = readFileSync(path.join(DIST, 'credentials', `${id}.json`), 'utf8');
      expect(existsSync(path.join(DIST, 'credentials', id, 'index.html')), id).toBe(true);
      expect(extractPng(readFileSync(path.join(DIST, 'credentials', `${id}.png`))), id).toBe(json);
      expect(extractSvg(readFileSync(path.join(DIST, 'credentials', `${id}.svg`), 'utf8')), id).toBe(json);
      expect(pngSize(`credentials/${id}/share.png`), id).toEqual([1200, 630]);
      expect(readFileSync(path.join(DIST, 'credentials', `${id}.pdf`)).subarray(0, 5).toString(), id).toBe('%PDF-');
    }
  });

  it('has, for every achievement, its page and badge as SVG and a PNG of at least 600×600', () => {
    for (const slug of achievementSlugs()) {
      expect(existsSync(path.join(DIST, 'achievements', slug, 'index.html')), slug).toBe(true);
      expect(html(`achievements/${slug}.svg`)).toMatch(/^<svg/);
      const [width, height] = pngSize(`achievements/${slug}.png`);
      expect(width).toBeGreaterThanOrEqual(600);
      expect(height).toBeGreaterThanOrEqual(600);
    }
  });

  it('keeps unlisted and revoked certificates out of search and search engines, and listed ones in', () => {
    const unlisted = awardIds().filter((id) => !html(`credentials/${id}/index.html`).includes('data-pagefind-body'));
    expect(unlisted).toContain(REVOKED);
    expect(unlisted).toContain(UNLISTED);
    for (const id of unlisted) expect(html(`credentials/${id}/index.html`), id).toContain('<meta name="robots" content="noindex">');
    const listed = html(`credentials/${AMARA_FULL_STACK}/index.html`);
    expect(listed).toContain('data-pagefind-body');
    expect(listed).not.toContain('noindex');
    // The demo's unlisted learner (front-end-2025-spring.yaml, listed: false) is named on no public list.
    const names = [...html('index.html').matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    for (const id of unlisted) {
      const name = /<span class="learner">([^<]+)<\/span>/.exec(html(`credentials/${id}/index.html`))?.[1];
      if (!name) continue;
      for (const slug of achievementSlugs()) {
        const earners = /<section[^>]*aria-labelledby="earners"[\s\S]*?<\/section>/.exec(html(`achievements/${slug}/index.html`))?.[0] ?? '';
        expect(earners.includes(`/credentials/${id}/`), `${id} on ${slug}`).toBe(false);
      }
      expect(names).not.toContain(name);
    }
  });

  it(`keeps every certificate page's HTML, CSS and JavaScript within ${PAGE_BUDGET_BYTES / 1000} kB`, async () => {
    const weights = await Promise.all((await certificatePages(DIST)).map((file) => measurePage(DIST, file)));
    const heaviest = weights.toSorted((a, b) => b.total - a.total)[0]!;
    console.log(`heaviest certificate page: ${heaviest.total} bytes (${heaviest.totalGzip} gzipped), ${heaviest.page}`);
    expect(heaviest.total).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});

describe('the home page', () => {
  it('shows the issuer and the whole catalogue, and passes axe', async () => {
    const page = await open('/');
    expect(await page.textContent('h1')).toContain('Northbridge Institute of Digital Skills');
    const cards = await page.$$eval('.card h4 a', (links) => links.map((link) => link.getAttribute('href')));
    expect(cards.toSorted()).toEqual(achievementSlugs().map((slug) => `/achievements/${slug}/`));
    expect(await page.locator('.card-foot').first().textContent()).toMatch(/\d+ earners?/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds an achievement by one of its skills, by words and by the skill filter', async () => {
    const page = await open('/');
    await page.fill('#search-input', 'Keyboard');
    await page.press('#search-input', 'Enter');
    const result = page.locator('.search-results a[href="/achievements/web-accessibility/"]');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.textContent('.search-status')).toMatch(/\d+ results?/);

    await page.fill('#search-input', '');
    await page.selectOption('select[name="skill"]', 'Name, Role, Value');
    await page.waitForURL((url) => url.searchParams.get('skill') === 'Name, Role, Value' && !url.searchParams.has('q'), { timeout: 30_000 });
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const urls = await page.$$eval('.search-results a', (links) => links.map((link) => link.getAttribute('href')));
    expect(urls).toContain('/achievements/web-accessibility/');
    expect(urls.every((url) => url === '/achievements/web-accessibility/' || url?.startsWith('/credentials/'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds listed certificates by achievement and year, and no unlisted or revoked one', async () => {
    const page = await open('/?achievement=Cybersecurity%20Fundamentals&year=2026');
    await page.locator('.search-results li').first().waitFor({ timeout: 30_000 });
    const urls = await page.$$eval('.search-results a', (links) => links.map((link) => link.getAttribute('href')));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls).not.toContain(`/credentials/${REVOKED}/`);
    expect(urls.every((url) => url?.startsWith('/credentials/'))).toBe(true);
    // The revoked award's learner, and the demo's unlisted one (listed: false), are not found by name.
    await page.selectOption('select[name="achievement"]', '');
    await page.selectOption('select[name="year"]', '');
    await page.fill('#search-input', 'Amara Okafor');
    await page.press('#search-input', 'Enter');
    await page.locator(`.search-results a[href="/credentials/${AMARA_FULL_STACK}/"]`).waitFor({ timeout: 30_000 });
    for (const [name, id] of [['Marcus Reid', REVOKED], ['Priya Raman', UNLISTED]] as const) {
      await page.fill('#search-input', name);
      await page.press('#search-input', 'Enter');
      await page.waitForFunction(() => /results?\.|No results/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      expect(await page.$$eval('.search-results a', (links) => links.map((link) => link.getAttribute('href')))).not.toContain(`/credentials/${id}/`);
    }
    await page.context().close();
  });
});

describe('an achievement page', () => {
  it('shows the badge, criteria, skills with links, programme and earners, and passes axe', async () => {
    const page = await open('/achievements/web-accessibility/');
    expect(await page.textContent('h1')).toBe('Web Accessibility Practitioner');
    expect(await page.getAttribute('.achievement-hero img', 'src')).toBe('/achievements/web-accessibility.svg');
    expect(await page.textContent('#criteria + .prose')).toContain('WCAG 2.2 AA');
    expect(await page.getAttribute('.skills a:has-text("Keyboard")', 'href')).toBe('https://www.w3.org/TR/WCAG22/#keyboard');
    expect(await page.textContent('.programme')).toContain('Full-Stack Web Developer professional certificate');
    expect(await page.locator('.earners li').count()).toBeGreaterThan(0);
    for (const href of await page.$$eval('#files a', (links) => links.map((link) => link.getAttribute('href')!))) {
      expect((await page.request.get(`${site.origin}${href}`)).status(), href).toBe(200);
    }
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toBe(`${SITE_URL}achievements/web-accessibility.png`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a certificate page', () => {
  it('names the learner, achievement, issuer, dates and status, and passes axe', async () => {
    const page = await open(`/credentials/${AMARA_FULL_STACK}/`);
    expect((await page.textContent('h1'))?.replace(/\s+/g, ' ').trim()).toBe('Amara Okafor has earned Full-Stack Web Developer');
    expect(await page.textContent('.issued-by')).toContain('Northbridge Institute of Digital Skills');
    expect(await page.textContent('.status')).toContain('Valid');
    expect(await page.textContent('.facts')).toContain('30 January 2026');
    expect(await page.textContent('.facts')).toContain('Capstone project grade');
    expect(await page.locator('.skills li').count()).toBe(2);
    expect(await page.getAttribute('#evidence ~ * a, .evidence a', 'href')).toBe('https://github.com/amara-okafor-demo/harbour-market');
    expect(await page.locator('#verify .verify-panel, #verify [data-credential-url]').count()).toBeGreaterThan(0);
    expect(await page.locator('.qr svg').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('builds the LinkedIn "Add to profile" link', async () => {
    const page = await open(`/credentials/${AMARA_FULL_STACK}/`);
    const link = new URL((await page.getAttribute('a.button-linkedin', 'href'))!);
    expect(`${link.origin}${link.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Full-Stack Web Developer',
      organizationId: '10482233',
      issueYear: '2026',
      issueMonth: '1',
      certUrl: `${SITE_URL}credentials/${AMARA_FULL_STACK}/`,
      certId: AMARA_FULL_STACK,
    });
    await page.context().close();

    const expired = await open(`/credentials/${EXPIRED}/`);
    const params = new URL((await expired.getAttribute('a.button-linkedin', 'href'))!).searchParams;
    expect([params.get('issueYear'), params.get('issueMonth'), params.get('expirationYear'), params.get('expirationMonth')]).toEqual(['2024', '6', '2025', '6']);
    expect(await expired.textContent('.status')).toContain('Expired');
    await expired.context().close();
  });

  it('has download links that all resolve, to the right files', async () => {
    const page = await open(`/credentials/${AMARA_FULL_STACK}/`);
    const links = await page.$$eval('.actions a[download]', (anchors) => anchors.map((anchor) => [anchor.getAttribute('href')!, anchor.getAttribute('download')!]));
    expect(links.map(([href]) => href).toSorted()).toEqual(['json', 'pdf', 'png', 'svg'].map((ext) => `/credentials/${AMARA_FULL_STACK}.${ext}`));
    const json = readFileSync(path.join(DIST, 'credentials', `${AMARA_FULL_STACK}.json`), 'utf8');
    for (const [href] of links) {
      const response = await page.request.get(`${site.origin}${href}`);
      expect(response.status(), href).toBe(200);
      const body = await response.body();
      if (href!.endsWith('.png')) expect(extractPng(body)).toBe(json);
      if (href!.endsWith('.svg')) expect(extractSvg(body.toString('utf8'))).toBe(json);
      if (href!.endsWith('.json')) expect(body.toString('utf8')).toBe(json);
      if (href!.endsWith('.pdf')) expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    }
    // Every other link on the page to this site resolves too.
    const local = await page.$$eval('a[href^="/"]', (anchors) => [...new Set(anchors.map((anchor) => anchor.getAttribute('href')!))]);
    for (const href of local) expect((await page.request.get(`${site.origin}${href}`)).status(), href).toBe(200);
    await page.context().close();
  });

  it('previews well when shared: Open Graph, Twitter card and JSON-LD', async () => {
    const page = await open(`/credentials/${AMARA_FULL_STACK}/`);
    const meta = async (selector: string) => page.getAttribute(selector, 'content');
    const card = `${SITE_URL}credentials/${AMARA_FULL_STACK}/share.png`;
    expect(await meta('meta[property="og:image"]')).toBe(card);
    expect(await meta('meta[property="og:image:width"]')).toBe('1200');
    expect(await meta('meta[property="og:image:height"]')).toBe('630');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[name="twitter:image"]')).toBe(card);
    expect(await meta('meta[property="og:title"]')).toBe('Amara Okafor has earned Full-Stack Web Developer');
    expect(await meta('meta[property="og:url"]')).toBe(`${SITE_URL}credentials/${AMARA_FULL_STACK}/`);
    const jsonLd = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'EducationalOccupationalCredential', name: 'Full-Stack Web Developer', image: card });
    expect((await page.request.get(`${site.origin}${new URL(card).pathname}`)).status()).toBe(200);
    await page.context().close();
  });

  it('copies its link with JavaScript, and is a plain link without', async () => {
    const page = await open(`/credentials/${AMARA_FULL_STACK}/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.click('laurel-copy-link a');
    await page.waitForSelector('laurel-copy-link [role="status"]:has-text("copied")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE_URL}credentials/${AMARA_FULL_STACK}/`);
    await page.context().close();

    const plain = await open(`/credentials/${AMARA_FULL_STACK}/`, { javaScriptEnabled: false });
    expect(await plain.getAttribute('laurel-copy-link a', 'href')).toBe(`${SITE_URL}credentials/${AMARA_FULL_STACK}/`);
    expect((await plain.textContent('h1'))?.replace(/\s+/g, ' ').trim()).toBe('Amara Okafor has earned Full-Stack Web Developer');
    expect(await plain.locator('.actions a[download]').count()).toBe(4);
    await plain.context().close();
  });

  it('states a revocation and its reason, withholds the share actions, and passes axe', async () => {
    const page = await open(`/credentials/${REVOKED}/`);
    expect(await page.textContent('.withdrawn-banner')).toContain('revoked');
    expect(await page.textContent('.status')).toContain('Awarded in error; the practical assessment had not been completed.');
    expect(await page.locator('a.button-linkedin').count()).toBe(0);
    expect(await page.locator('meta[property="og:image"]').count()).toBe(0);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a phone and prints as one landscape page', async () => {
    const page = await open(`/credentials/${AMARA_FULL_STACK}/`, { viewport: { width: 360, height: 780 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(await page.isVisible('.actions')).toBe(false);
    expect(await page.isVisible('.qr svg')).toBe(true);
    await page.context().close();
  });
});
