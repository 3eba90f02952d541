/**
 * The pages learners and verifiers see, on the academy fixture site (test/fixtures/sites/academy,
 * built once for the run by test/setup/fixture-sites.ts) in headless Chromium (Debian's, via
 * playwright-core): home, achievement and certificate pages, their downloads (made in the
 * browser, pressed and compared with the core's output in Node), LinkedIn link, search, the
 * absence of JavaScript, phone widths, and an axe-core audit (WCAG 2.2 AA). Also checks dist/
 * itself: every award has its page and its signed JSON and nothing else, every achievement its
 * badge and share card.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { extractPng, extractSvg } from '../../src/core/baking.ts';
import { certificatePages, measurePage, PAGE_BUDGET_BYTES } from '../../src/commands/bench/measure-pages.ts';
import { routeSiteUrl } from '../../src/commands/bench/browser.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';
import { expectedBakedBadge, expectedCertificatePdf, pdfText, pressDownload } from '../helpers/certificate-downloads.ts';
import { awardCounts, type AwardCounts } from '../helpers/content-counts.ts';
import { searchIndexUrls } from '../helpers/search-index.ts';
import { readWalletLink } from '../helpers/wallet-link.ts';
import { routeFakeMediator, type FakeMediator } from '../helpers/chapi-mediator.ts';
import { CHAPI_MEDIATOR_ORIGIN } from '../../src/site/browser-wallet.ts';

// Shared with every browser test of the run: read only, never written.
const { dir: REPOSITORY, dist: DIST, siteUrl: SITE_URL } = inject('sites').academy;
const site = useBrowserOnSite(DIST);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ISSUER = 'Harbourside School of Data and Design';

// Awards of the academy fixture with something special about them (its content/awards/).
/** Zainab Okoye's Accessible Interfaces (2025-10-03, valid for 2 years): evidence and a narrative. */
const ZAINAB = '1a521cf3-550f-4750-b1e0-ba0987d85b45';
/** Thảo Nguyễn's Accessible Interfaces: a name in Inter's Vietnamese subset. */
const THAO = 'bf31ca94-6dc1-4a44-b206-dcaea823102f';
/** Aiko Tanaka's Design Systems (which does not expire): a Portfolio grade of A. */
const AIKO = 'e28a4715-c804-4e45-90d6-e3b35e1b9849';
/** Omar Haddad's Incident Response Basics, revoked with a reason it publishes (publishReason: true). */
const REVOKED = '73489e9e-719b-476c-983c-93afceae3c91';
const REVOKED_REASON = 'Awarded in error; the practical assessment had not been completed.';
/** Laila Haddad's Design Systems: the same family name as the revoked award's learner. */
const LAILA_HADDAD = '2f8fa093-87d9-4dfc-9c86-76ef8abcec8f';
/** Ravi Shankar, of the May 2024 Incident Response cohort: valid for a year, expired since. */
const EXPIRED = '3fcb4b70-f79a-4ffc-a71b-9592244ececa';
/** Ilse Vermeer's Data Privacy Essentials, marked listed: false. */
const UNLISTED = 'fe66d0c9-df7b-41f1-82c3-69e24ee5141a';
/** The listed, valid Accessible Interfaces awards: the October 2025 batch (Lena Fischer's, the other one, is suspended). */
const ACCESSIBLE_INTERFACES_LISTED = [ZAINAB, THAO, 'f32136a0-fb86-44f7-97bd-8e39acd56021', '88a7c24b-f07e-4334-b2f0-7f87c57f20cc'];
/** The listed Data Privacy Essentials awards of 2026: Kenji Mori's, Samuel Adeyemi's and Sofia Reyes's (Ilse Vermeer's is unlisted). */
const DATA_PRIVACY_2026_LISTED = ['9de4c366-9fcf-42f9-859c-d641e1be5802', '5050ff7d-f601-426b-9b3e-803e21fc0b3c', '3c64d9ce-4257-4cb4-8cd6-2a215bf4c082'];

const credentialPage = (id: string) => `/credentials/${id}/`;

/** How many awards of each kind the fixture holds, and its published (non-draft) achievements. */
let counts: AwardCounts;
let publishedAchievements: string[];
let content: SiteContent;
beforeAll(async () => {
  counts = await awardCounts(REPOSITORY);
  const validated = validateContent(await readContentFiles(REPOSITORY));
  if (!validated.ok) throw new Error('the academy fixture does not validate');
  content = validated.content;
  publishedAchievements = [...content.achievements.values()].filter((achievement) => !achievement.data.draft).map((achievement) => achievement.slug).sort();
});

/** The ids of the awards with a hosted credential, and of the achievements with hosted JSON. */
const awardIds = () => readdirSync(path.join(DIST, 'credentials')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
const achievementSlugs = () => readdirSync(path.join(DIST, 'achievements')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
const html = (file: string) => readFileSync(path.join(DIST, file), 'utf8');

function pngSize(file: string): [number, number] {
  const png = readFileSync(path.join(DIST, file));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

async function open(pathname: string, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; requests?: string[]; colorScheme?: 'light' | 'dark'; prepare?: (context: BrowserContext) => Promise<void> } = {}): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: options.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true, colorScheme: options.colorScheme ?? 'light' });
  const requests = options.requests;
  if (requests) context.on('request', (request) => void requests.push(request.url()));
  // The pages' absolute URLs (canonical, QR code, did:web) are answered from dist/ too: offline.
  await routeSiteUrl(context, SITE_URL, DIST);
  await options.prepare?.(context);
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

/** What the downloads load when first pressed: their chunks (baking; the PDF) and the fonts of the PDF. */
const isDownloadCode = (url: string) => /\/(download|certificate)\.[\w-]+\.js$|\.woff$/.test(url);
/** What "Add to wallet" loads when first pressed: its chunk, and the credential it offers. */
const isWalletRequest = (url: string) => /\/wallet-offer\.[\w-]+\.js$|\/credentials\/[\w-]+\.json$/.test(url);

const resultLinks = (page: Page) => page.$$eval('.search-results a', (links) => links.map((link) => link.getAttribute('href')));

/** Runs a search by words and waits for its outcome (a count or "No results"), as a visitor presses Enter. */
async function searchFor(page: Page, words: string): Promise<void> {
  await page.fill('#search-input', words);
  await page.press('#search-input', 'Enter');
  // Enter sets the status to "Searching…" at once, so an earlier search's outcome cannot match here.
  await page.waitForFunction(() => /results?\.|No results/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
}

describe('the Content-Security-Policy', () => {
  /** The page declares the strict policy and, once it has run what it runs, reports no violation. */
  async function expectWithinPolicy(page: Page, pathname: string): Promise<void> {
    const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(policy, pathname).toContain("default-src 'none'");
    expect(policy, pathname).not.toContain("'unsafe-inline'");
    await page.waitForLoadState('networkidle');
    expect(await cspViolations(page), pathname).toEqual([]);
  }

  it('is on every page, and the home, achievement and certificate pages and search run within it', async () => {
    // Search loads Pagefind's script and WebAssembly: the policy must allow both.
    const home = await open('/');
    await home.fill('input[type="search"]', 'WCAG');
    await home.waitForSelector('laurel-search a[href="/achievements/accessible-interfaces/"]', { timeout: 30_000 });
    await expectWithinPolicy(home, '/');
    await home.context().close();

    for (const pathname of ['/achievements/accessible-interfaces/', credentialPage(ZAINAB)]) {
      const page = await open(pathname);
      await expectWithinPolicy(page, pathname);
      await page.context().close();
    }
  });
});

describe('dist/', () => {
  it('has, for every award, its page and its signed JSON, and no other file: no image, no PDF', () => {
    const ids = awardIds();
    // Every award but the erased ones has a hosted credential.
    expect(ids).toHaveLength(counts.live);
    const entries = readdirSync(path.join(DIST, 'credentials'));
    const folders = entries.filter((name) => statSync(path.join(DIST, 'credentials', name)).isDirectory());
    // A folder per award, erased ones too (a notice), and beside them the live awards' JSON only.
    expect(folders).toHaveLength(counts.live + counts.erased);
    expect(entries.filter((name) => !folders.includes(name)).toSorted()).toEqual(ids.map((id) => `${id}.json`));
    for (const folder of folders) expect(readdirSync(path.join(DIST, 'credentials', folder)), folder).toEqual(['index.html']);
    // The image each credential names for wallets is a file of the site: its achievement's badge.
    for (const award of content.awards.filter((candidate) => ids.includes(candidate.id))) {
      const credential = JSON.parse(readFileSync(path.join(DIST, 'credentials', `${award.id}.json`), 'utf8')) as { image: { id: string } };
      expect(credential.image.id, award.id).toBe(`${SITE_URL}achievements/${award.achievement}.png`);
      expect(existsSync(path.join(DIST, 'achievements', `${award.achievement}.png`)), award.id).toBe(true);
    }
  });

  it('offers, on every shareable certificate page, downloads made from its own JSON and its achievement’s badge', () => {
    const shareable = content.awards.filter((award) => !award.revoked && !award.suspended);
    expect(shareable.length).toBeGreaterThan(0);
    for (const award of shareable) {
      const page = html(`credentials/${award.id}/index.html`);
      expect(page, award.id).toContain(`<link rel="alternate" type="application/json" href="${SITE_URL}credentials/${award.id}.json">`);
      // One element, which makes the buttons in the browser (below).
      expect(page, award.id).toContain(`<laurel-downloads badge="/achievements/${award.achievement}" name="${award.achievement}" `);
    }
  });

  it('makes, in the browser, the download buttons from the hosted JSON and the achievement’s badge', async () => {
    const award = content.awards.find((candidate) => candidate.id === ZAINAB)!;
    const page = await open(credentialPage(ZAINAB));
    const downloads = await page.$$eval('laurel-download', (elements) => elements.map((element) => Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]))));
    expect(downloads.map((download) => [download['format'], download['badge'], download['filename']])).toEqual([
      ['pdf', `/achievements/${award.achievement}.png`, `${award.achievement}-certificate.pdf`],
      ['png', `/achievements/${award.achievement}.png`, `${award.achievement}-badge.png`],
      ['svg', `/achievements/${award.achievement}.svg`, `${award.achievement}-badge.svg`],
    ]);
    expect(downloads[0]!['page']).toBe(`${SITE_URL}credentials/${award.id}/`);
    // In the order the panel has always had them: the PDF, Print, then the two badges.
    expect(await page.$$eval('laurel-downloads button', (buttons) => buttons.map((button) => button.textContent))).toEqual(['CertificatePDF', 'Printone page', 'Badge imagePNG', 'Badge imageSVG']);
    for (const format of ['png', 'svg', 'pdf']) expect(await page.isVisible(`laurel-download[format="${format}"] button`), format).toBe(true);
    expect(await page.isVisible('laurel-print button')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('has, for every achievement, its page, badge as SVG and a PNG of at least 600×600, and a 1200×630 share card', () => {
    // Every achievement but the draft one is published.
    expect(achievementSlugs()).toEqual(publishedAchievements);
    for (const slug of achievementSlugs()) {
      expect(existsSync(path.join(DIST, 'achievements', slug, 'index.html')), slug).toBe(true);
      expect(html(`achievements/${slug}.svg`)).toMatch(/^<svg/);
      const [width, height] = pngSize(`achievements/${slug}.png`);
      expect(width).toBeGreaterThanOrEqual(600);
      expect(height).toBeGreaterThanOrEqual(600);
      expect(pngSize(`achievements/${slug}/share.png`), slug).toEqual([1200, 630]);
    }
  });

  it('keeps unlisted and revoked certificates out of search and search engines, and listed ones in', () => {
    // In search is in the index Pagefind wrote: read back from its fragments.
    const indexed = new Set(searchIndexUrls(DIST));
    const unlisted = awardIds().filter((id) => !indexed.has(`/credentials/${id}/`));
    // The revoked, suspended and unlisted awards, and only those (the fixture has no award that is two of these).
    expect(unlisted).toHaveLength(counts.revoked + counts.suspended + counts.unlisted);
    expect(unlisted).toContain(REVOKED);
    expect(unlisted).toContain(UNLISTED);
    for (const id of unlisted) expect(html(`credentials/${id}/index.html`), id).toContain('<meta name="robots" content="noindex">');
    const listed = html(`credentials/${ZAINAB}/index.html`);
    expect(indexed).toContain(`/credentials/${ZAINAB}/`);
    expect(listed).not.toContain('noindex');
    // None of their learners is named on a public list: the home page, an achievement's earners.
    const names = [...html('index.html').matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    for (const id of unlisted) {
      const name = /<span class="learner">([^<]+)<\/span>/.exec(html(`credentials/${id}/index.html`))?.[1];
      expect(name, `the learner's name on ${id}`).toBeDefined();
      for (const slug of achievementSlugs()) {
        const earners = /<section[^>]*aria-labelledby="earners"[\s\S]*?<\/section>/.exec(html(`achievements/${slug}/index.html`))?.[0] ?? '';
        expect(earners.includes(credentialPage(id)), `${id} on ${slug}`).toBe(false);
        expect(earners, `${name} on ${slug}`).not.toContain(`>${name}</a>`);
      }
      expect(names).not.toContain(name);
    }
  });

  it(`keeps every certificate page's HTML, CSS and JavaScript within ${PAGE_BUDGET_BYTES / 1000} kB`, async () => {
    const pages = await certificatePages(DIST);
    // Erased awards keep a notice page too.
    expect(pages).toHaveLength(counts.live + counts.erased);
    const weights = await Promise.all(pages.map((file) => measurePage(DIST, file)));
    const heaviest = weights.toSorted((a, b) => b.total - a.total)[0]!;
    console.log(`heaviest certificate page: ${heaviest.total} bytes (${heaviest.totalGzip} gzipped), ${heaviest.page}`);
    expect(heaviest.total).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});

describe('the home page', () => {
  it('shows the issuer and the whole catalogue, and passes axe', async () => {
    const page = await open('/');
    expect(await page.textContent('h1')).toContain(ISSUER);
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
    const result = page.locator('.search-results a[href="/achievements/accessible-interfaces/"]');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.textContent('.search-status')).toMatch(/\d+ results?/);

    await page.fill('#search-input', '');
    await page.selectOption('select[name="skill"]', 'Name, Role, Value');
    await page.waitForURL((url) => url.searchParams.get('skill') === 'Name, Role, Value' && !url.searchParams.has('q'), { timeout: 30_000 });
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    // The achievement that teaches the skill and its listed certificates, nothing else.
    const urls = await resultLinks(page);
    expect(urls.toSorted()).toEqual(['/achievements/accessible-interfaces/', ...ACCESSIBLE_INTERFACES_LISTED.map(credentialPage)].toSorted());
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds listed certificates by achievement and year, and no unlisted or revoked one', async () => {
    // Data Privacy Essentials in 2026: three listed awards and Ilse Vermeer's unlisted one.
    const page = await open('/?achievement=Data%20Privacy%20Essentials&year=2026');
    await page.locator('.search-results li').first().waitFor({ timeout: 30_000 });
    const urls = await resultLinks(page);
    expect(urls.toSorted()).toEqual(DATA_PRIVACY_2026_LISTED.map(credentialPage).toSorted());
    expect(urls).not.toContain(credentialPage(UNLISTED));
    // Incident Response Basics in 2026: Omar Haddad's revoked award only, so nothing is found.
    await page.selectOption('select[name="achievement"]', 'Incident Response Basics');
    await page.waitForFunction(() => /No results/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await resultLinks(page)).toEqual([]);
    // The revoked award's learner, and the unlisted one, are not found by name; a listed one is.
    await page.selectOption('select[name="achievement"]', '');
    await page.selectOption('select[name="year"]', '');
    await searchFor(page, 'Zainab Okoye');
    expect(await resultLinks(page)).toContain(credentialPage(ZAINAB));
    // Laila Haddad shares the revoked learner's family name: the search runs, and finds only her.
    await searchFor(page, 'Haddad');
    expect(await resultLinks(page)).toContain(credentialPage(LAILA_HADDAD));
    expect(await resultLinks(page)).not.toContain(credentialPage(REVOKED));
    for (const [name, id] of [['Omar Haddad', REVOKED], ['Ilse Vermeer', UNLISTED]] as const) {
      await searchFor(page, name);
      expect(await resultLinks(page), name).not.toContain(credentialPage(id));
    }
    await page.context().close();
  });
});

describe('search results', () => {
  const excerpts = (page: Page) => page.$$eval('.search-results li', (items) => items.map((item) => ({ href: item.querySelector('a')?.getAttribute('href'), title: item.querySelector('a')?.textContent, excerpt: item.querySelector('.search-excerpt')?.innerHTML ?? '' })));

  it('each show an excerpt of their own: the matched words in context, or the achievement’s description', async () => {
    // By filter only: no word matched, so each result shows what is its own.
    const page = await open('/?skill=Keyboard');
    await page.locator('.search-results li').first().waitFor({ timeout: 30_000 });
    const byFilter = await excerpts(page);
    expect(byFilter.length).toBeGreaterThan(2);
    expect(new Set(byFilter.map((result) => result.excerpt)).size).toBe(byFilter.length);
    const description = content.achievements.get('accessible-interfaces')!.data.description;
    expect(byFilter.find((result) => result.href === '/achievements/accessible-interfaces/')?.excerpt).toBe(description);
    for (const result of byFilter) {
      // Nothing every result of the site shares, such as the issuer's name.
      expect(result.excerpt, result.href!).not.toContain(ISSUER);
      expect(result.excerpt, result.href!).not.toBe(result.title);
    }
    // By words: each shows where they matched, marked.
    await page.selectOption('select[name="skill"]', '');
    await searchFor(page, 'Design');
    const byWords = await excerpts(page);
    expect(byWords.length).toBeGreaterThan(2);
    expect(new Set(byWords.map((result) => result.excerpt)).size).toBe(byWords.length);
    for (const result of byWords) expect(result.excerpt, result.href!).toMatch(/<mark>design/i);
    await page.context().close();
  });

  it('suggest the list of achievements when there are none', async () => {
    const page = await open('/');
    await searchFor(page, 'Xylophone');
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.textContent('.search-status')).toContain('No results');
    const suggestion = page.locator('.search-status a');
    expect(await suggestion.textContent()).toBe('browse all achievements');
    await suggestion.click();
    await page.waitForURL((url) => url.hash === '#catalogue');
    expect(await page.isVisible('#catalogue')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('an achievement page', () => {
  it('shows the badge, criteria, skills with links, programme and earners, and passes axe', async () => {
    const page = await open('/achievements/accessible-interfaces/');
    expect(await page.textContent('h1')).toBe('Accessible Interfaces');
    expect(await page.getAttribute('.achievement-hero img', 'src')).toBe('/achievements/accessible-interfaces.svg');
    expect(await page.textContent('#criteria + .prose')).toContain('WCAG 2.2 AA');
    expect(await page.getAttribute('.skills a:has-text("Keyboard")', 'href')).toBe('https://www.w3.org/TR/WCAG22/#keyboard');
    expect(await page.textContent('.programme')).toContain('Interface Design Certificate');
    // The listed, valid earners; Lena Fischer's suspended award is not among them.
    const earners = await page.$$eval('.earners li a', (links) => links.map((link) => link.getAttribute('href')));
    expect(earners.toSorted()).toEqual(ACCESSIBLE_INTERFACES_LISTED.map(credentialPage).toSorted());
    // The badge as PNG and SVG, and the achievement's Open Badges JSON.
    const files = await page.$$eval('section[aria-labelledby="files"] a', (links) => links.map((link) => link.getAttribute('href')!));
    expect(files.toSorted()).toEqual(['json', 'png', 'svg'].map((ext) => `/achievements/accessible-interfaces.${ext}`));
    for (const href of files) {
      expect((await page.request.get(`${site.origin}${href}`)).status(), href).toBe(200);
    }
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toBe(`${SITE_URL}achievements/accessible-interfaces.png`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a certificate page', () => {
  it('names the learner, achievement, issuer, dates, status, skills and evidence, and passes axe', async () => {
    const page = await open(credentialPage(ZAINAB));
    expect((await page.textContent('h1'))?.replace(/\s+/g, ' ').trim()).toBe('Zainab Okoye has earned Accessible Interfaces');
    expect(await page.textContent('.issued-by')).toContain(ISSUER);
    expect(await page.textContent('.status')).toContain('Valid');
    expect(await page.textContent('.facts')).toContain('3 October 2025');
    expect(await page.locator('.skills li').count()).toBe(2);
    expect(await page.getAttribute('#evidence ~ * a, .evidence a', 'href')).toBe('https://portfolio.harbourside.example/zainab-okoye/library-audit');
    expect(await page.textContent('#about ~ .prose')).toContain('Audited the city library website and fixed its keyboard traps.');
    expect(await page.locator('#verify .verify-panel, #verify [data-credential-url]').count()).toBeGreaterThan(0);
    expect(await page.locator('.qr img').count()).toBe(1);
    expect(await page.$eval('.qr img', (image) => [(image as HTMLImageElement).naturalWidth > 0, image.getAttribute('alt')])).toEqual([true, `QR code for ${SITE_URL}credentials/${ZAINAB}/`]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('states the result of an award that has one, and passes axe', async () => {
    const page = await open(credentialPage(AIKO));
    expect((await page.textContent('h1'))?.replace(/\s+/g, ' ').trim()).toBe('Aiko Tanaka has earned Design Systems');
    const facts = await page.$$eval('.facts div', (rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]));
    expect(facts).toContainEqual(['Portfolio grade', 'A']);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('writes a percentage result the way the site\'s language does', async () => {
    // Sofia Reyes's Data Privacy Essentials: an Exam score (a Percent) of 88, on an English site.
    const page = await open(credentialPage('3c64d9ce-4257-4cb4-8cd6-2a215bf4c082'));
    const facts = await page.$$eval('.facts div', (rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]));
    expect(facts).toContainEqual(['Exam score', '88%']);
    await page.context().close();
  });

  it('builds the LinkedIn "Add to profile" link', async () => {
    const page = await open(credentialPage(ZAINAB));
    const link = new URL((await page.getAttribute('a.button-linkedin', 'href'))!);
    expect(`${link.origin}${link.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Accessible Interfaces',
      organizationId: '20990017',
      issueYear: '2025',
      issueMonth: '10',
      // validFor: P2Y from 3 October 2025.
      expirationYear: '2027',
      expirationMonth: '10',
      certUrl: `${SITE_URL}credentials/${ZAINAB}/`,
      certId: ZAINAB,
    });
    await page.context().close();

    // Awarded on 20 May 2024, valid for a year.
    const expired = await open(credentialPage(EXPIRED));
    const params = new URL((await expired.getAttribute('a.button-linkedin', 'href'))!).searchParams;
    expect([params.get('issueYear'), params.get('issueMonth'), params.get('expirationYear'), params.get('expirationMonth')]).toEqual(['2024', '5', '2025', '5']);
    expect(await expired.textContent('.status')).toContain('Expired');
    await expired.context().close();
  });

  it('offers the JSON as a plain link, and every link to this site resolves', async () => {
    const page = await open(credentialPage(ZAINAB));
    const downloads = Object.fromEntries(await page.$$eval('.actions a[download]', (anchors) => anchors.map((anchor) => [anchor.getAttribute('href')!, anchor.getAttribute('download')!])));
    // Saved under a name that says what it is, not under the credential's id.
    expect(downloads).toEqual({ [`/credentials/${ZAINAB}.json`]: 'accessible-interfaces-credential.json' });
    const response = await page.request.get(`${site.origin}/credentials/${ZAINAB}.json`);
    expect(response.status()).toBe(200);
    expect((await response.body()).toString('utf8')).toBe(readFileSync(path.join(DIST, 'credentials', `${ZAINAB}.json`), 'utf8'));
    const local = await page.$$eval('a[href^="/"]', (anchors) => [...new Set(anchors.map((anchor) => anchor.getAttribute('href')!))]);
    expect(local.length).toBeGreaterThan(1);
    for (const href of local) expect((await page.request.get(`${site.origin}${href}`)).status(), href).toBe(200);
    await page.context().close();
  });

  it('adds the credential to a wallet: a deep link that holds exactly the hosted JSON, and a QR code of its address', async () => {
    // A name in Vietnamese letters: the link must carry them unchanged.
    const requests: string[] = [];
    const page = await open(credentialPage(THAO), { requests });
    await page.waitForLoadState('networkidle');
    // Nothing of it loads with the page; the JSON link is there for any wallet's file import.
    expect(requests.filter(isWalletRequest)).toEqual([]);
    expect(await page.getAttribute('laurel-wallet a[download]', 'href')).toBe(`/credentials/${THAO}.json`);
    await page.click('laurel-wallet button:has-text("Add to wallet")');
    await page.waitForSelector('.wallet-offer a[href^="dccrequest:"]');
    expect(await page.getAttribute('laurel-wallet button', 'aria-expanded')).toBe('true');
    const hosted = readFileSync(path.join(DIST, 'credentials', `${THAO}.json`), 'utf8');

    // The deep link, read as the Learner Credential Wallet reads it: an offer of exactly the hosted credential.
    const link = (await page.getAttribute('.wallet-offer a[href^="dccrequest:"]', 'href'))!;
    const read = readWalletLink(link);
    expect(read.target).toBe('dccrequest://request');
    expect(read.message).toEqual({
      credentialRequestOrigin: new URL(SITE_URL).origin,
      verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [JSON.parse(hosted)] },
    });
    // More than a QR code holds (2,953 bytes at version 40-L): the QR code holds the address instead.
    expect(link.length).toBeGreaterThan(2953);

    // The QR code, decoded from the pixels Chromium draws: the credential's public address, as shown beside it.
    const shot = PNG.sync.read(await page.locator('.wallet-qr svg').screenshot());
    const scanned = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data;
    const address = `${SITE_URL}credentials/${THAO}.json`;
    expect(scanned).toBe(address);
    expect(await page.textContent('.wallet-address')).toBe(address);
    expect(await page.getAttribute('link[rel="alternate"][type="application/json"]', 'href')).toBe(address);
    // What a wallet's scanner fetches there is the hosted JSON, byte for byte.
    expect(await page.evaluate(async (url) => (await fetch(url)).text(), address)).toBe(hosted);
    // The press loaded its chunk and the credential from this site, nothing else.
    expect(requests.filter(isWalletRequest).map((url) => new URL(url).origin)).toEqual([site.origin, site.origin, new URL(SITE_URL).origin]);
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // Pressed again, it closes.
    await page.click('laurel-wallet button:has-text("Add to wallet")');
    expect(await page.isVisible('.wallet-offer')).toBe(false);
    await page.context().close();
  });

  it('stores the credential in a browser wallet through the CHAPI mediator, from a page of its own, only when asked', async () => {
    // From the certificate page's wallet panel to the wallet page.
    const requests: string[] = [];
    const certificate = await open(credentialPage(THAO), { requests });
    await certificate.click('laurel-wallet button:has-text("Add to wallet")');
    const href = await certificate.getAttribute('.wallet-offer a:has-text("Browser wallet")', 'href');
    expect(href).toBe(`/wallet/?credential=${THAO}`);
    expect(await cspViolations(certificate)).toEqual([]);
    // The certificate page never lets the mediator in: its policy frames nothing.
    expect(await certificate.getAttribute('meta[http-equiv="content-security-policy"]', 'content')).not.toContain('frame-src');
    await certificate.context().close();

    const seen: string[] = [];
    let mediator: FakeMediator | undefined;
    const page = await open(href!, { requests: seen, prepare: async (context) => void (mediator = await routeFakeMediator(context, CHAPI_MEDIATOR_ORIGIN, site.origin)) });
    await page.waitForLoadState('networkidle');
    const hosted = JSON.parse(readFileSync(path.join(DIST, 'credentials', `${THAO}.json`), 'utf8')) as { credentialSubject: { name: string; achievement: { name: string } } };
    // The page names the credential from the signed JSON, and has loaded nothing of the mediator's yet.
    expect(await page.textContent('.browser-wallet-credential')).toBe(`${hosted.credentialSubject.name}: ${hosted.credentialSubject.achievement.name}`);
    expect(seen.filter((url) => url.startsWith(CHAPI_MEDIATOR_ORIGIN))).toEqual([]);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    expect(await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content')).toContain(`frame-src ${CHAPI_MEDIATOR_ORIGIN}`);
    expect(await axeViolations(page)).toEqual([]);

    // Pressed: the mediator receives a VerifiablePresentation web credential of exactly the hosted JSON.
    await page.click('laurel-browser-wallet button:has-text("Choose a browser wallet")');
    await page.waitForSelector('.browser-wallet-status[data-state="stored"]');
    expect(mediator!.stored).toEqual([{
      type: 'web',
      dataType: 'VerifiablePresentation',
      data: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [hosted] },
      options: { recommendedHandlerOrigins: [], protocols: {} },
    }]);
    // The polyfill's own styles are allowed by their hashes: no violation, and no 'unsafe-inline'.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);

    // A learner who closes the chooser is told nothing was stored, and may try again.
    mediator!.keep = false;
    await page.click('laurel-browser-wallet button:has-text("Choose a browser wallet")');
    await page.waitForSelector('.browser-wallet-status[data-state="not-stored"]');
    expect(mediator!.stored).toHaveLength(2);

    // An address that names no credential of this site says so, and reads nothing elsewhere.
    for (const [search, words] of [['?credential=not-an-award-0000', 'This site has no credential not-an-award-0000'], ['', 'No credential is named'], ['?credential=..%2F..%2Fissuer', '“../../issuer” is not the id of a credential']] as const) {
      await page.goto(`${site.origin}/wallet/${search}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('.browser-wallet-status[data-state="failed"]');
      expect(await page.textContent('.browser-wallet-status')).toContain(words);
      expect(await page.locator('laurel-browser-wallet button').count()).toBe(0);
    }
    expect(seen.filter((url) => url.includes('/credentials/') && !url.endsWith(`${THAO}.json`)).map((url) => new URL(url).pathname)).toEqual(['/credentials/not-an-award-0000.json']);
    await page.context().close();
  });

  it('makes the badge images in the browser: the core’s bytes, with the hosted JSON baked in', async () => {
    for (const id of [ZAINAB, AIKO]) {
      const requests: string[] = [];
      const page = await open(credentialPage(id), { requests });
      await page.waitForLoadState('networkidle');
      // The code that makes them loads on the first press, not with the page.
      expect(requests.filter(isDownloadCode), id).toEqual([]);
      const json = readFileSync(path.join(DIST, 'credentials', `${id}.json`), 'utf8');
      const slug = content.awards.find((award) => award.id === id)!.achievement;
      const png = await pressDownload(page, 'png');
      expect(png.name).toBe(`${slug}-badge.png`);
      expect(extractPng(png.bytes), id).toBe(json);
      expect(png.bytes.equals(await expectedBakedBadge(DIST, content, id, 'png')), id).toBe(true);
      const svg = await pressDownload(page, 'svg');
      expect(svg.name).toBe(`${slug}-badge.svg`);
      expect(extractSvg(svg.bytes.toString('utf8')), id).toBe(json);
      expect(svg.bytes.equals(await expectedBakedBadge(DIST, content, id, 'svg')), id).toBe(true);
      // Baking loaded its own small chunk; the PDF's code and fonts stayed where they are.
      expect(requests.filter(isDownloadCode).map((url) => /\/([a-z]+)\.[\w-]+\.js$/.exec(url)?.[1]), id).toEqual(['download']);
      expect(await cspViolations(page), id).toEqual([]);
      await page.context().close();
    }
  });

  it('makes the PDF certificate in the browser: the core’s bytes, set in Inter read from the site, the subsets it needs', async () => {
    const cases = [
      // Latin text only: the Latin files, in the three weights, and no other.
      { id: ZAINAB, name: 'Zainab Okoye', achievement: 'Accessible Interfaces', fonts: ['latin-400', 'latin-600', 'latin-700'] },
      // A name in Vietnamese letters (bold): the subsets in fallback order up to Vietnamese, in bold only.
      { id: THAO, name: 'Thảo Nguyễn', achievement: 'Accessible Interfaces', fonts: ['cyrillic-700', 'cyrillic-ext-700', 'greek-700', 'greek-ext-700', 'latin-400', 'latin-600', 'latin-700', 'latin-ext-700', 'vietnamese-700'] },
      // An award that does not expire.
      { id: AIKO, name: 'Aiko Tanaka', achievement: 'Design Systems', fonts: ['latin-400', 'latin-600', 'latin-700'] },
    ];
    for (const { id, name, achievement, fonts } of cases) {
      const requests: string[] = [];
      const page = await open(credentialPage(id), { requests });
      const pdf = await pressDownload(page, 'pdf');
      expect(pdf.name).toBe(`${content.awards.find((award) => award.id === id)!.achievement}-certificate.pdf`);
      expect(pdf.bytes.equals(await expectedCertificatePdf(DIST, content, id)), id).toBe(true);
      const text = pdfText(pdf.bytes);
      expect(text, id).toContain(name);
      expect(text, id).toContain(achievement);
      expect(text, id).toContain(ISSUER);
      // The fonts come from this site, never from another.
      expect(requests.some((url) => /\/certificate\.[\w-]+\.js$/.test(url)), id).toBe(true);
      const fetched = requests.filter((url) => url.endsWith('.woff'));
      expect(fetched.every((url) => url.startsWith(`${site.origin}/_astro/`)), id).toBe(true);
      expect(fetched.map((url) => /inter-([a-z-]+-\d{3})-normal\.[\w-]+\.woff$/.exec(url)?.[1]).toSorted(), id).toEqual(fonts);
      expect(await cspViolations(page), id).toEqual([]);
      await page.context().close();
    }
  }, 300_000);

  it('previews well when shared: Open Graph, Twitter card and JSON-LD, with the achievement’s card', async () => {
    const page = await open(credentialPage(ZAINAB));
    const meta = async (selector: string) => page.getAttribute(selector, 'content');
    // One card for every award of the achievement (issuer.yaml shareCards: achievement, the default).
    const card = `${SITE_URL}achievements/accessible-interfaces/share.png`;
    expect(await meta('meta[property="og:image"]')).toBe(card);
    expect(await meta('meta[property="og:image:width"]')).toBe('1200');
    expect(await meta('meta[property="og:image:height"]')).toBe('630');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[name="twitter:image"]')).toBe(card);
    expect(await meta('meta[property="og:title"]')).toBe('Zainab Okoye has earned Accessible Interfaces');
    expect(await meta('meta[property="og:url"]')).toBe(`${SITE_URL}credentials/${ZAINAB}/`);
    const jsonLd = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'EducationalOccupationalCredential', name: 'Accessible Interfaces', image: card });
    // The picture names no one, and neither does the text that describes it.
    expect(await meta('meta[property="og:image:alt"]')).not.toContain('Zainab');
    expect(await meta('meta[name="twitter:image:alt"]')).not.toContain('Zainab');
    const response = await page.request.get(`${site.origin}${new URL(card).pathname}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(pngSize('achievements/accessible-interfaces/share.png')).toEqual([1200, 630]);
    await page.context().close();
  });

  it('copies its link with JavaScript, and is a plain link without', async () => {
    const page = await open(credentialPage(ZAINAB));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.click('laurel-copy-link a');
    await page.waitForSelector('laurel-copy-link [role="status"]:has-text("copied")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE_URL}credentials/${ZAINAB}/`);
    await page.context().close();

    const plain = await open(credentialPage(ZAINAB), { javaScriptEnabled: false });
    expect(await plain.getAttribute('laurel-copy-link a', 'href')).toBe(`${SITE_URL}credentials/${ZAINAB}/`);
    await plain.context().close();
  });

  it('shares the page in a LinkedIn post, and copies a text for the post with JavaScript', async () => {
    const page = await open(credentialPage(ZAINAB));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const share = new URL((await page.getAttribute('a:has-text("Share in a LinkedIn post")', 'href'))!);
    expect(`${share.origin}${share.pathname}`).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect(share.searchParams.get('url')).toBe(`${SITE_URL}credentials/${ZAINAB}/`);
    await page.click('laurel-post-text button');
    await page.waitForSelector('laurel-post-text [role="status"]:has-text("copied")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`I have earned Accessible Interfaces from ${ISSUER}. Anyone can check this credential here: ${SITE_URL}credentials/${ZAINAB}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    // Without JavaScript the share link is a plain link, and there is no text to copy.
    const plain = await open(credentialPage(ZAINAB), { javaScriptEnabled: false });
    expect(await plain.getAttribute('a:has-text("Share in a LinkedIn post")', 'href')).toBe(share.href);
    expect(await plain.locator('laurel-post-text button').count()).toBe(0);
    await plain.context().close();
  });

  it('shows the learner, achievement, issuer, dates and status without JavaScript, and offers the JSON', async () => {
    const page = await open(credentialPage(ZAINAB), { javaScriptEnabled: false });
    expect((await page.textContent('h1'))?.replace(/\s+/g, ' ').trim()).toBe('Zainab Okoye has earned Accessible Interfaces');
    expect(await page.isVisible('.issued-by')).toBe(true);
    expect(await page.textContent('.issued-by')).toContain(ISSUER);
    expect(await page.isVisible('.status')).toBe(true);
    expect(await page.textContent('.status')).toContain('Valid');
    const facts = await page.$$eval('.facts div', (rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]));
    expect(facts).toContainEqual(['Awarded', '3 October 2025']);
    expect(facts).toContainEqual(['Expires', '3 October 2027']);
    // The files the browser makes need JavaScript: their buttons stay hidden, the JSON is a link.
    expect(await page.locator('laurel-downloads').count()).toBe(1);
    expect(await page.locator('laurel-downloads button').count()).toBe(0);
    for (const format of ['png', 'svg', 'pdf']) expect(await page.isVisible(`laurel-download[format="${format}"] button`), format).toBe(false);
    expect(await page.isVisible('laurel-print button')).toBe(false);
    expect(await page.locator('.actions a[download]').count()).toBe(1);
    expect(await page.isVisible('.actions a[download]')).toBe(true);
    expect(await page.locator('laurel-wallet button').count()).toBe(0);
    expect(await page.textContent('.actions')).toContain('Turn on JavaScript to download the badge images and the PDF.');
    await page.context().close();
  });

  it('states a revocation and the reason its award publishes, withholds the share actions, and passes axe', async () => {
    const page = await open(credentialPage(REVOKED));
    expect(await page.textContent('.withdrawn-banner')).toContain('revoked');
    expect(await page.textContent('.status')).toContain(REVOKED_REASON);
    expect(await page.locator('a.button-linkedin').count()).toBe(0);
    expect(await page.locator('a[href*="linkedin.com/sharing"], laurel-post-text').count()).toBe(0);
    expect(await page.locator('laurel-download').count()).toBe(0);
    expect(await page.locator('laurel-downloads, laurel-print').count()).toBe(0);
    expect(await page.locator('laurel-wallet, a[href^="dccrequest:"]').count()).toBe(0);
    expect(await page.locator(`.actions a[href="/credentials/${REVOKED}.json"]`).count()).toBe(1);
    expect(await page.locator('meta[property="og:image"]').count()).toBe(0);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a phone and prints as one landscape page', async () => {
    const page = await open(credentialPage(ZAINAB), { viewport: { width: 360, height: 780 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(await page.isVisible('.actions')).toBe(false);
    expect(await page.isVisible('.qr img')).toBe(true);
    await page.context().close();
  });
});

describe('the dark scheme', () => {
  /** The relative luminance of a computed `rgb(…)` colour (WCAG 2.2). */
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => Number(part) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  it('follows the visitor’s preference on every kind of page, passes axe in it, and prints light', async () => {
    const slug = content.awards.find((award) => award.id === ZAINAB)!.achievement;
    for (const pathname of ['/', `/achievements/${slug}/`, credentialPage(ZAINAB), credentialPage(REVOKED), credentialPage(EXPIRED), '/verify/', '/verify/how/']) {
      const page = await open(pathname, { colorScheme: 'dark' });
      expect(luminance(await background(page)), pathname).toBeLessThan(0.02);
      expect(luminance(await page.evaluate(() => getComputedStyle(document.body).color)), pathname).toBeGreaterThan(0.7);
      expect(await axeViolations(page), pathname).toEqual([]);
      // Paper stays white: print ignores the preference.
      await page.emulateMedia({ media: 'print' });
      expect(await background(page), pathname).toBe('rgb(255, 255, 255)');
      await page.context().close();
    }
  });

  it('shows a search and a verification in the dark scheme without an accessibility violation', async () => {
    const home = await open('/?q=Accessible', { colorScheme: 'dark' });
    await home.waitForSelector('.search-results li');
    expect(await axeViolations(home)).toEqual([]);
    await home.context().close();
    const page = await open(credentialPage(ZAINAB), { colorScheme: 'dark' });
    await page.click('laurel-verifier button[data-action="verify"]');
    await page.waitForSelector('laurel-verifier [data-verdict]:not(:empty)');
    await page.waitForFunction(() => document.querySelector('laurel-verifier')?.querySelector('[data-verdict]')?.textContent?.match(/Verified|Not verified/));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is the light scheme when the visitor asks for no dark one', async () => {
    const page = await open('/');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await page.context().close();
  });
});
